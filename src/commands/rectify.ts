import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Lang } from '../i18n/index.js';
import { closest } from '../load/closest.js';
import { UsageError, type Io } from '../io.js';
import { formatRectificationCsv, formatSummaryCsv } from '../rectify/csv.js';
import { formatRectificationJson, formatSummaryJson } from '../rectify/json.js';
import { branchList, buildRectificationList, type PreviousList, type RectificationList } from '../rectify/list.js';
import { formatRectificationMarkdown, formatSummaryMarkdown } from '../rectify/markdown.js';
import { parseRectifyPolicy } from '../rectify/policy.js';
import { mergePreviousLists, parsePreviousList, readPreviousXlsx } from '../rectify/previous.js';
import { formatRectificationXlsx, formatSummaryXlsx } from '../rectify/xlsx.js';
import { checkPaths } from './check.js';

type Format = 'md' | 'csv' | 'xlsx' | 'json';
type Output = string | Uint8Array;
const writers: Record<Format, { list: (l: RectificationList) => Output | Promise<Output>; summary: (l: RectificationList) => Output | Promise<Output> }> = {
  md: { list: formatRectificationMarkdown, summary: formatSummaryMarkdown },
  csv: { list: formatRectificationCsv, summary: formatSummaryCsv },
  xlsx: { list: formatRectificationXlsx, summary: formatSummaryXlsx },
  json: { list: formatRectificationJson, summary: formatSummaryJson },
};
const extensions: Record<string, Format> = { '.md': 'md', '.markdown': 'md', '.csv': 'csv', '.xlsx': 'xlsx', '.json': 'json' };

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
      bytes = readFileSync(path.resolve(io.cwd, file));
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

/** A file name part without characters Windows or shells object to. */
const safeName = (text: string) => text.replace(/[\\/:*?"<>|\s]+/g, '_');

/** `zhibu rectify`: the rectification list; returns the exit code (2 on input errors, else 0: the list is the product, not a gate). */
export async function runRectify(paths: string[], options: RectifyOptions, io: Io): Promise<number> {
  const lang = options.lang;
  const format: Format = options.format ?? (options.output && !options.splitBy ? extensions[path.extname(options.output).toLowerCase()] : undefined) ?? 'md';
  if (options.splitBy && !options.output) throw new UsageError(t(lang, '--split-by branch 需要用 --output 指定目录', '--split-by branch needs --output DIR'));
  if (format === 'xlsx' && !options.output) throw new UsageError(t(lang, 'XLSX 是二进制文件，请用 --output 指定文件，例如 --output 整改清单.xlsx', 'XLSX is binary: give --output FILE, e.g. --output list.xlsx'));
  const previous = await readPrevious(options.previous, io, lang);

  const { report, result, setup } = await checkPaths(paths, { lang, config: options.config, asOf: options.asOf, period: options.period, progress: true }, io);
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
    rules: setup.rules.map((r) => r.id),
  });
  for (const e of report.inputErrors) io.stderr.write(`${e.file}:${e.line}:${e.column}: ${e.message}\n`);

  const writer = writers[format];
  if (options.splitBy && options.output) {
    const dir = path.resolve(io.cwd, options.output);
    mkdirSync(dir, { recursive: true });
    const written: string[] = [];
    const write = (name: string, content: Output) => {
      writeFileSync(path.join(dir, name), content);
      written.push(path.join(options.output as string, name).split(path.sep).join('/'));
    };
    for (const { branch } of list.summary) {
      const name = branch.name && branch.name !== branch.id ? `${safeName(branch.id)}-${safeName(branch.name)}` : safeName(branch.id);
      write(`${name}.${format}`, await writer.list(branchList(list, branch.id)));
    }
    write(`summary.${format}`, await writer.summary(list));
    io.stdout.write(`${written.join('\n')}\n`);
  } else {
    const content = await writer.list(list);
    if (options.output) writeFileSync(path.resolve(io.cwd, options.output), content);
    else io.stdout.write(typeof content === 'string' ? content : Buffer.from(content).toString('utf8'));
  }
  return report.inputErrors.length > 0 ? 2 : 0;
}
