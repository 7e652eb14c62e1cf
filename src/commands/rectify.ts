import { MAX_JSON_BYTES, readBounded } from '../load/files.js';
import path from 'node:path';
import type { Lang } from '../i18n/index.js';
import { closest } from '../load/closest.js';
import { UsageError, type Io } from '../io.js';
import { formatRectificationCsv, formatSummaryCsv } from '../rectify/csv.js';
import { formatRectificationJson, formatSummaryJson } from '../rectify/json.js';
import { branchList, buildRectificationList, type PreviousList, type RectificationList } from '../rectify/list.js';
import { formatRectificationMarkdown, formatSummaryMarkdown } from '../rectify/markdown.js';
import { parseRectifyPolicy } from '../rectify/policy.js';
import { positionalItems } from '../rectify/carry.js';
import { MAX_PREVIOUS_XLSX_BYTES, mergePreviousLists, parsePreviousList, readPreviousXlsx } from '../rectify/previous.js';
import { formatRectificationXlsx, formatSummaryXlsx } from '../rectify/xlsx.js';
import { checkPaths } from './check.js';
import { checkExtension } from './output.js';
import { visible } from '../escape/terminal.js';
import { uniqueFileNames } from '../write/names.js';

type Format = 'md' | 'csv' | 'xlsx' | 'json';
type Output = string | Uint8Array;
const writers: Record<Format, { list: (l: RectificationList) => Output | Promise<Output>; summary: (l: RectificationList) => Output | Promise<Output> }> = {
  md: { list: formatRectificationMarkdown, summary: formatSummaryMarkdown },
  csv: { list: formatRectificationCsv, summary: formatSummaryCsv },
  xlsx: { list: formatRectificationXlsx, summary: formatSummaryXlsx },
  json: { list: formatRectificationJson, summary: formatSummaryJson },
};
const extensions: Record<string, Format> = { '.md': 'md', '.markdown': 'md', '.csv': 'csv', '.xlsx': 'xlsx', '.json': 'json' };
/** The extensions each format may be written to: Excel opens an .xls that holds XLSX. */
const allowed: Record<Format, readonly string[]> = { md: ['.md', '.markdown', '.txt'], csv: ['.csv', '.txt'], xlsx: ['.xlsx', '.xls'], json: ['.json'] };

export interface RectifyOptions {
  lang: Lang;
  asOf?: string;
  period?: string;
  config?: string;
  format?: Format;
  output?: string;
  includePending?: boolean;
  splitBy?: 'branch';
  previous: string[];
}

const t = (lang: Lang, zh: string, en: string) => (lang === 'zh' ? zh : en);

async function readPrevious(files: readonly string[], io: Io, lang: Lang): Promise<PreviousList | undefined> {
  const lists: PreviousList[] = [];
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = readBounded(path.resolve(io.cwd, file), path.extname(file).toLowerCase() === '.xlsx' ? MAX_PREVIOUS_XLSX_BYTES : MAX_JSON_BYTES);
    } catch (error) {
      throw new UsageError(`--previous ${file}: ${(error as Error).message}`);
    }
    try {
      lists.push(path.extname(file).toLowerCase() === '.xlsx' ? await readPreviousXlsx(bytes, lang) : parsePreviousList(Buffer.from(bytes).toString('utf8'), lang));
    } catch (error) {
      if (error instanceof UsageError) throw new UsageError(`--previous ${file}: ${error.message}`);
      throw error;
    }
  }
  return mergePreviousLists(lists);
}

/** `zhibu rectify`: the rectification list; returns the exit code (2 on input errors, else 0: the list is the product, not a gate). */
export async function runRectify(paths: string[], options: RectifyOptions, io: Io): Promise<number> {
  const lang = options.lang;
  const format: Format = options.format ?? (options.output && !options.splitBy ? extensions[path.extname(options.output).toLowerCase()] : undefined) ?? 'md';
  if (options.output && !options.splitBy) checkExtension(options.output, format, allowed, lang);
  if (options.splitBy && !options.output) throw new UsageError(t(lang, '--split-by branch 需要用 --output 指定目录', '--split-by branch needs --output DIR'));
  if (format === 'xlsx' && !options.output) throw new UsageError(t(lang, 'XLSX 是二进制文件，请用 --output 指定文件，例如 --output 整改清单.xlsx', 'XLSX is binary: give --output FILE, e.g. --output list.xlsx'));
  const previous = await readPrevious(options.previous, io, lang);
  const positional = positionalItems(previous).length;
  if (positional > 0) {
    io.stderr.write(
      t(
        lang,
        `上次清单中有 ${positional} 项按记录在文件中的位置（如 activities[3]）编号，由旧版 zhibu 写出，无法与本次检查对照；这些问题如仍存在，本次列为新增\n`,
        `${positional} rows of the earlier list name a record by its position in the file (such as activities[3]), written by an older zhibu; they cannot be matched, and problems still found are listed as new\n`,
      ),
    );
  }

  const { report, result, setup, outputs } = await checkPaths(paths, { lang, config: options.config, asOf: options.asOf, period: options.period, progress: true }, io, (claimed) => {
    claimed.protect(options.previous);
    if (options.output && !options.splitBy) claimed.claim(options.output, '--output', { example: `整改清单.${format}` });
  });
  const { policy, problems } = parseRectifyPolicy(setup.config?.rectify);
  if (problems.length > 0) throw new UsageError(`${setup.configFile ?? 'zhibu.config.yaml'}: ${problems.join('; ')}`);
  const known = [...setup.rules.map((r) => r.id), ...Object.keys(setup.config?.rules ?? {})];
  for (const id of Object.keys(policy.rules ?? {})) {
    if (known.includes(id)) continue;
    const hint = closest(id, known);
    throw new UsageError(`${setup.configFile}: rectify.rules.${id}: ${t(lang, `没有这条规则${hint ? `（是否应为 ${hint}？）` : ''}`, `no such rule${hint ? ` (did you mean ${hint}?)` : ''}`)}`);
  }

  const list = buildRectificationList({
    report,
    branches: result.branchInfo,
    organizations: result.organizationInfo,
    asOf: setup.asOf,
    policy,
    includePending: options.includePending === true,
    previous,
    lang,
    rules: setup.rules,
  });
  for (const e of report.inputErrors) io.stderr.write(visible(`${e.file}:${e.line}:${e.column}: ${e.message}`) + '\n');

  const writer = writers[format];
  if (options.splitBy && options.output) {
    const dir = options.output;
    const summaryName = `summary.${format}`;
    const names = uniqueFileNames(
      list.summary.map(({ branch }) => (branch.name && branch.name !== branch.id ? `${branch.id}-${branch.name}` : branch.id)),
      format,
      [summaryName],
    );
    const files = [...names, summaryName].map((name) => path.join(dir, name).split(path.sep).join('/'));
    // Every file is claimed before the first is written: a refused one leaves the folder as it was.
    for (const file of files) outputs.claim(file, '--output');
    for (const [index, { branch }] of list.summary.entries()) outputs.write(files[index] as string, '--output', await writer.list(branchList(list, branch.id)));
    outputs.write(files[files.length - 1] as string, '--output', await writer.summary(list));
    io.stdout.write(visible(files.join('\n'), { lines: true }) + '\n');
  } else {
    const content = await writer.list(list);
    if (options.output) outputs.write(options.output, '--output', content);
    else io.stdout.write(typeof content === 'string' ? content : Buffer.from(content).toString('utf8'));
  }
  return report.inputErrors.length > 0 ? 2 : 0;
}
