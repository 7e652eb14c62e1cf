import { render, type Lang } from '../i18n/index.js';
import { columnKeys, labels, summaryKeys } from '../rectify/labels.js';
import { zipEntry } from './zip.js';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// The two below are made when an existing file is first looked at, not with every run.
let summaryPattern: RegExp | undefined;
let csvHeaderCells: Set<string> | undefined;

/** The terminal report's summary (its last paragraph, wrapped to the width), in either language, as a pattern over its text without white space. */
const summaryLine = () =>
  (summaryPattern ??= new RegExp(
    `^(${(['zh', 'en'] as Lang[])
      .map((lang) => {
        const args = Object.fromEntries(['files', 'branches', 'window', 'from', 'to', 'asOf', 'errors', 'warnings', 'pending', 'exempted', 'inputErrors'].map((k) => [k, '\u0000']));
        return escapeRegExp(render(lang, 'report.summary', args).replace(/\s+/g, '')).replace(/\0/g, '.*?');
      })
      .join('|')})$`,
  ));

/** Every header cell zhibu's CSV files have, in either language. */
const csvHeaders = () => (csvHeaderCells ??= new Set((['zh', 'en'] as Lang[]).flatMap((lang) => [...columnKeys.map((k) => labels(lang).columns[k]), ...summaryKeys.map((k) => labels(lang).summary[k])])));

/** The openings of the text formats zhibu writes (after a byte-order mark and white space). */
const textMarks: RegExp[] = [
  /^\{\s*"tool"\s*:\s*"zhibu"/, // JSON report, rectification list, baseline
  /^\{\s*"zhibuCache"\s*:/, // check cache
  /^\{\s*"\$schema"\s*:\s*"[^"]*sarif[^"]*"[^]*?"driver"\s*:\s*\{\s*"name"\s*:\s*"zhibu"/, // SARIF
  /^\{\s*"\$schema"\s*:\s*"[^"]*json-schema\.org[^"]*"\s*,\s*"\$id"\s*:\s*"https:\/\/zhibu\.dev\//, // schema
  /^\[\s*(\]\s*$|\{\s*"description"\s*:[^]*?"check_name"\s*:[^]*?"fingerprint"\s*:\s*"[0-9a-f]{64}")/, // GitLab Code Quality
  /^<\?xml[^>]*\?>\s*<testsuites name="zhibu"/, // JUnit
  /^(::(error|warning|notice) file=[^\n]*(\n|$))+$/, // GitHub annotations
  /^[^\n]+:\d+:\d+ (error|warning|info|pending) \S+ [^\n]*\n([^\n]+:\d+:\d+ (error|warning|info|pending) \S+ [^\n]*(\n|$))*/, // compact
  /^# .*(整改清单|提醒清单|Rectification list|Reminders).*(检查日|checked) \d{4}-\d{2}-\d{2}[）)]\n/, // Markdown lists
  /<meta name="generator" content="zhibu[ "]/, // HTML reports
  /^# .*(党支部考核评分情况通报|Branch assessment notice)\n/, // score, Markdown
  /^(名次,支部编号,支部名称|Rank,Branch id,Branch name),/, // score, CSV
  /^(考核评分表\n检查期间：|Assessment sheet\nWindow: )/, // score, terminal text
];

/**
 * Whether an existing file is one zhibu writes, so that a new run may replace it: empty, or
 * opening (`head`: the first 64 KiB, or all of a workbook) like one of zhibu's formats, or ending
 * (`tail`: the last 4 KiB) with the terminal report's summary line. Anything else — a record,
 * a configuration, a spreadsheet or document of someone else — is not written over.
 */
export function writtenByZhibu(head: Uint8Array, tail: Uint8Array): boolean {
  if (head.length === 0) return true;
  if (head[0] === 0x50 && head[1] === 0x4b) return /<dc:creator>zhibu<\/dc:creator>/.test(zipEntry(head, 'docProps/core.xml')?.toString('utf8') ?? '');
  const text = Buffer.from(head).toString('utf8').replace(/^\uFEFF/, '');
  const start = text.trimStart();
  if (start === '') return true;
  if (textMarks.some((mark) => mark.test(start))) return true;
  const header = /^\uFEFF([^\r\n]*)\r?\n/.exec(Buffer.from(head).toString('utf8'))?.[1];
  if (header && header.split(',').every((cell) => csvHeaders().has(cell))) return true;
  const paragraphs = Buffer.from(tail).toString('utf8').trimEnd().split(/\n\s*\n/);
  return summaryLine().test((paragraphs[paragraphs.length - 1] ?? '').replace(/\s+/g, ''));
}
