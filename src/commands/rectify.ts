import { Option, type Command } from 'commander';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Lang } from '../i18n/index.js';
import { closest } from '../load/records.js';
import { UsageError, type Io } from '../io.js';
import { formatRectificationCsv, formatSummaryCsv } from '../rectify/csv.js';
import { formatRectificationJson, formatSummaryJson } from '../rectify/json.js';
import { branchList, buildRectificationList, type PreviousList, type RectificationList } from '../rectify/list.js';
import { formatRectificationMarkdown, formatSummaryMarkdown } from '../rectify/markdown.js';
import { parseRectifyPolicy } from '../rectify/policy.js';
import { mergePreviousLists, parsePreviousList, readPreviousXlsx } from '../rectify/previous.js';
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

const examples = `
示例 / Examples:
  zhibu rectify records/ --period 2026Q3 --as-of 2026-10-08 -o 整改清单.xlsx
  zhibu rectify records/ --format md          # Markdown 输出到终端
  # 另列提醒清单（本期尚可完成的事项） / with reminders:
  zhibu rectify records/ --include-pending -o 清单.csv
  # 每个支部一个文件，另附汇总 / one file per branch and a summary:
  zhibu rectify records/ --format xlsx --split-by branch -o 整改/2026Q3/
  # 对照上次清单：已整改、待整改、逾期、新增 / against the earlier list:
  zhibu rectify records/ --period 2026Q3 --as-of 2026-11-20 \\
    --previous 整改清单.xlsx -o 复查.xlsx
配置 zhibu.config.yaml（可选）：
  rectify:
    days: { error: 30, warning: 60, info: 90 }   # 整改时限：检查日后天数
    categories: { 党员管理: { days: 45 } }
    rules:
      member.dues-monthly: { days: 15, owner: secretary }
      # owner: secretary | subject | organization | 姓名`;

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

/** `zhibu rectify`: the rectification list; returns the exit code (2 on input errors, else 0: the list is the product, not a gate). */
export async function runRectify(paths: string[], options: RectifyOptions, io: Io): Promise<number> {
  const lang = options.lang;
  const format: Format = options.format ?? (options.output && !options.splitBy ? extensions[path.extname(options.output).toLowerCase()] : undefined) ?? 'md';
  if (options.output && !options.splitBy) checkExtension(options.output, format, allowed, lang);
  if (options.splitBy && !options.output) throw new UsageError(t(lang, '--split-by branch 需要用 --output 指定目录', '--split-by branch needs --output DIR'));
  if (format === 'xlsx' && !options.output) throw new UsageError(t(lang, 'XLSX 是二进制文件，请用 --output 指定文件，例如 --output 整改清单.xlsx', 'XLSX is binary: give --output FILE, e.g. --output list.xlsx'));
  const previous = await readPrevious(options.previous, io, lang);

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

/** Adds `zhibu rectify` to the program. */
export function registerRectify(program: Command, io: Io, setCode: (n: number) => void, lang: Lang): Command {
  return program
    .command('rectify')
    .description(t(lang, '生成整改清单（问题、依据、整改措施、责任人、时限、状态），可对照上次清单销号', 'write the rectification list (problem, basis, remedy, owner, deadline, status), carried over from an earlier list'))
    .argument('[paths...]', '记录文件或目录 record files or directories')
    .addOption(new Option('--lang <lang>', '消息语言 message language').choices(['zh', 'en']).default('zh'))
    .option('--as-of <date>', '检查日 YYYY-MM-DD（默认今天） the day of the check (default today)')
    .option('--period <period>', '检查期间：2026Q3、2026-07、2026 或 FROM..TO（默认上季度和本季度） the period checked')
    .option('--config <file>', '配置文件（默认从所查路径向上查找 zhibu.config.yaml） configuration file')
    .addOption(new Option('--format <format>', '输出格式（默认按 --output 扩展名，否则 md） output format').choices(['md', 'csv', 'xlsx', 'json']))
    .option('-o, --output <file>', '写入文件（--split-by 时为目录） write to a file (a directory with --split-by)')
    .option('--include-pending', '另列提醒清单：本期尚未结束、仍可完成的事项 add reminders for what is still due')
    .addOption(new Option('--split-by <what>', '每个支部一个文件，另附汇总 one file per branch plus a summary').choices(['branch']))
    .option('--previous <file>', '上次的整改清单（JSON 或 XLSX，可重复） an earlier list (JSON or XLSX; repeatable)', (value: string, all: string[]) => [...all, value], [] as string[])
    .addHelpText('after', examples)
    .action(async (paths: string[], o: RectifyOptions) => {
      setCode(await runRectify(paths, o, io));
    });
}
