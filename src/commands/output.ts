import { MAX_JSON_BYTES, readBounded } from '../load/files.js';
import path from 'node:path';
import { gateExitCode } from '../ci/gate.js';
import type { Rule } from '../engine/rules.js';
import { render as message, type Lang } from '../i18n/index.js';
import type { ColorLevel } from '../report/color.js';
import type { CheckedUnit } from '../report/report.js';
import { progress } from './progress.js';
import { UsageError, type Io } from '../io.js';
import type { Report } from '../report/report.js';
import { Outputs } from '../write/files.js';

import { FORMATS, type Format } from './formats.js';

export { FORMATS, type Format };

/** The file name extensions each format may be written to (one no program reads by, or none, is also accepted). */
const EXTENSIONS: Record<Format, readonly string[]> = {
  terminal: ['.txt', '.log'],
  compact: ['.txt', '.log'],
  json: ['.json'],
  junit: ['.xml'],
  sarif: ['.sarif', '.json'],
  github: ['.txt', '.log'],
  gitlab: ['.json'],
  html: ['.html', '.htm'],
};

// Extensions programs open files by: writing another format under one of them misleads the reader.
const DOCUMENT_EXTENSIONS = ['.txt', '.log', '.json', '.xml', '.sarif', '.md', '.markdown', '.csv', '.xls', '.xlsx', '.et', '.ods', '.doc', '.docx', '.wps', '.odt', '.pdf', '.html', '.htm'];

/**
 * A usage error when an output file's extension belongs to another format (`-o list.xls`
 * for Markdown, `-o report.xml` for JSON); the message lists the formats and their extensions.
 */
export function checkExtension<F extends string>(file: string, format: F, table: Readonly<Record<F, readonly string[]>>, lang: Lang): void {
  const extension = path.extname(file).toLowerCase();
  if (table[format].includes(extension) || !DOCUMENT_EXTENSIONS.includes(extension)) return;
  const formats = (Object.entries(table) as [string, readonly string[]][]).map(([name, list]) => `${name} (${list.join(' ')})`).join(', ');
  throw new UsageError(message(lang, 'usage.bad-extension', { file, format, formats }));
}

/** What check and merge do after the report exists: baseline, formats, exit code. */
export interface OutputOptions {
  lang: Lang;
  /** `fmt` or `fmt=file`, repeatable; none means terminal. */
  format?: string[];
  output?: string;
  /** Colour level of standard output (files are never coloured). */
  color: ColorLevel;
  /** Violations only (terminal and compact). */
  quiet?: boolean;
  failOn: 'error' | 'warning' | 'never';
  maxWarnings?: string;
  baseline?: string;
  writeBaseline?: string;
  pruneBaseline?: boolean;
  /** Progress on stderr (shown only when it is a terminal). */
  progress?: boolean;
}

/** Without --format, `-o report.json` means JSON: the first format whose first extension it has. */
function formatOfFile(file: string | undefined): Format | null {
  const extension = file ? path.extname(file).toLowerCase() : '';
  return extension === '' ? null : (FORMATS.find((f) => EXTENSIONS[f][0] === extension) ?? null);
}

/** Parses --format values: each `fmt` or `fmt=file`; at most one goes to stdout (or to --output). */
export function parseFormats(values: readonly string[] | undefined, output: string | undefined, lang: Lang = 'zh'): { format: Format; file: string | null }[] {
  const specs = (values && values.length > 0 ? values : [formatOfFile(output) ?? 'terminal']).map((value) => {
    const eq = value.indexOf('=');
    const format = (eq === -1 ? value : value.slice(0, eq)) as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`--format ${value}: 允许 allowed ${FORMATS.join(', ')}（可写 sarif=out.sarif）`);
    return { format, file: eq === -1 ? null : value.slice(eq + 1) };
  });
  for (const spec of specs) if (spec.file) checkExtension(spec.file, spec.format, EXTENSIONS, lang);
  const unnamed = specs.filter((s) => s.file === null);
  if (unnamed.length > 1) throw new UsageError('--format: 只能有一种格式写到标准输出，其余请写成 fmt=文件 (only one format may go to stdout; name files as fmt=file)');
  if (output && unnamed[0]) {
    checkExtension(output, unnamed[0].format, EXTENSIONS, lang);
    unnamed[0].file = output;
  }
  return specs;
}

type Terminal = typeof import('../report/terminal.js');

/** What a run knows beyond its report: every branch and organization checked, with its rules. */
export interface Checked {
  units: readonly CheckedUnit[];
}

/** One format of the report; each format's writer is loaded only when it is asked for. */
async function render(format: Format, report: Report, rules: readonly Rule[], options: OutputOptions, io: Io, toStdout: boolean, terminal: Terminal | null, checked: Checked | null, html?: (report: Report) => string): Promise<string | Iterable<string>> {
  switch (format) {
    case 'html':
      if (!html) throw new UsageError('--format html: 只有 check 和 score 能写 HTML (only check and score write HTML)');
      return html(report);
    case 'json':
      return (await import('../report/json.js')).jsonChunks(report);
    case 'compact':
      return (await import('../report/compact.js')).formatCompact(report, { quiet: options.quiet });
    case 'junit':
      return (await import('../report/junit.js')).formatJunit(report, { lang: options.lang, failOn: options.failOn, units: checked?.units });
    case 'sarif': {
      const meta = rules.map((r) => (options.lang === 'en' && r.en ? { ...r, title: r.en.title, remedy: r.en.remedy } : r));
      return (await import('../report/sarif.js')).formatSarif(report, meta, { lang: options.lang });
    }
    case 'github':
      return (await import('../report/github.js')).formatGithub(report, { lang: options.lang });
    case 'gitlab':
      return (await import('../report/gitlab.js')).formatGitlab(report);
    default:
      return (terminal as Terminal).formatTerminal(report, {
        lang: options.lang,
        color: toStdout ? options.color : 0,
        width: toStdout && io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : 80,
        units: checked?.units,
        quiet: options.quiet,
      });
  }
}

const formatOption = (format: Format, file: string, options: OutputOptions) => (file === options.output ? '--output' : `--format ${format}=${file}`);
const sameFile = (io: Io, a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && path.resolve(io.cwd, a) === path.resolve(io.cwd, b);

/** Claims every file check or merge will write (before the work starts): a usage error for one that must not be written. */
export function claimOutputs(options: OutputOptions, outputs: Outputs, io: Io): void {
  if (options.baseline) outputs.protect([options.baseline]);
  // The baseline is an input only its own writers may replace.
  if (options.pruneBaseline && options.baseline) outputs.claim(options.baseline, '--prune-baseline', { owns: true, example: 'zhibu-baseline.json' });
  if (options.writeBaseline) outputs.claim(options.writeBaseline, '--write-baseline', { owns: sameFile(io, options.writeBaseline, options.baseline), example: 'zhibu-baseline.json' });
  for (const { format, file } of parseFormats(options.format, options.output, options.lang)) {
    if (file) outputs.claim(file, formatOption(format, file, options));
  }
}

/** Applies baselines, writes every requested format, and returns the exit code (docs/report.md, plus --max-warnings). */
export async function finish(raw: Report, rules: readonly Rule[], options: OutputOptions, io: Io, outputs: Outputs, checked: Checked | null = null, html?: (report: Report) => string): Promise<number> {
  const formats = parseFormats(options.format, options.output, options.lang);
  // The terminal report (chalk, line breaking) is loaded only when asked for: CI runs writing JSON or SARIF start faster.
  const terminal = formats.some((f) => f.format === 'terminal') ? await import('../report/terminal.js') : null;
  let maxWarnings: number | null = null;
  if (options.maxWarnings !== undefined) {
    maxWarnings = Number(options.maxWarnings);
    if (!/^\d+$/.test(options.maxWarnings)) throw new UsageError(`--max-warnings ${options.maxWarnings}: 应为非负整数 (a whole number ≥ 0)`);
  }
  if (options.pruneBaseline && !options.baseline) throw new UsageError('--prune-baseline 需要 --baseline FILE (needs --baseline)');
  const resolve = (file: string) => path.resolve(io.cwd, file);
  let report = raw;
  if (options.baseline) {
    // The baseline code (and zod, which reads a baseline) is loaded only for a run that has one.
    const { applyBaseline, parseBaseline, pruneBaseline } = await import('../ci/baseline.js');
    let text: string;
    try {
      text = readBounded(resolve(options.baseline), MAX_JSON_BYTES).toString('utf8');
    } catch (error) {
      throw new UsageError(`${options.baseline}: ${(error as Error).message}`);
    }
    const baseline = parseBaseline(text, options.baseline);
    const applied = applyBaseline(raw, baseline);
    report = applied.report;
    const zh = options.lang === 'zh';
    io.stderr.write(
      zh
        ? `基线 ${options.baseline}：已知问题 ${applied.known} 项未计入；${applied.fixed.length} 项已不再出现${applied.fixed.length > 0 && !options.pruneBaseline ? '（可用 --prune-baseline 删除）' : ''}\n`
        : `baseline ${options.baseline}: ${applied.known} known violations left out; ${applied.fixed.length} entries no longer found${applied.fixed.length > 0 && !options.pruneBaseline ? ' (drop them with --prune-baseline)' : ''}\n`,
    );
    if (applied.legacy.length > 0) {
      io.stderr.write(
        zh
          ? `基线 ${options.baseline}：有 ${applied.legacy.length} 项按记录在文件中的位置（如 activities[3]）标识，由旧版 zhibu 写出，无法与本次结果对照，本次未计入；请用 --write-baseline 重新生成基线\n`
          : `baseline ${options.baseline}: ${applied.legacy.length} entries name a record by its position in the file (such as activities[3]), written by an older zhibu; they cannot be matched and were not applied: write the baseline again with --write-baseline\n`,
      );
    }
    if (options.pruneBaseline) outputs.write(options.baseline, '--prune-baseline', pruneBaseline(baseline, raw), { owns: true });
  }
  if (options.writeBaseline) outputs.write(options.writeBaseline, '--write-baseline', (await import('../ci/baseline.js')).writeBaseline(raw), { owns: sameFile(io, options.writeBaseline, options.baseline) });
  const shown = progress(io, options.progress !== false);
  for (const { format, file } of formats) {
    shown.update(message(options.lang, 'progress.writing', { what: file ?? format }));
    const text = await render(format, report, rules, options, io, file === null, terminal, checked, html);
    shown.clear();
    if (file) outputs.write(file, formatOption(format, file, options), text);
    else if (typeof text === 'string') io.stdout.write(text);
    else for (const chunk of text) io.stdout.write(chunk);
  }
  // Writing a baseline records today's backlog: that run passes unless the input is broken.
  if (options.writeBaseline && !options.baseline) return report.inputErrors.length > 0 ? 2 : 0;
  return gateExitCode(report, { failOn: options.failOn, maxWarnings });
}
