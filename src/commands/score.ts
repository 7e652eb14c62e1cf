import { Option, type Command } from 'commander';
import path from 'node:path';
import { categories } from '../engine/rules.js';
import { render, type Lang } from '../i18n/index.js';
import { visible } from '../escape/terminal.js';
import { UsageError, type Io } from '../io.js';
import { closest } from '../load/closest.js';
import type { InputError } from '../model/types.js';
import type { CheckResult } from '../engine/run.js';
import type { Report } from '../report/report.js';
import { scoreSheet, type ScoreSheet } from '../score/policy.js';
import { scoreBranches, type ScoreReport } from '../score/score.js';
import { formatScoreCsv, formatScoreJson, formatScoreMarkdown, formatScoreTerminal } from '../score/text.js';
import { checkPaths, VERSION } from './check.js';
import type { Setup } from './setup.js';
import { commaList } from './options.js';

export const SCORE_FORMATS = ['terminal', 'json', 'md', 'csv', 'xlsx', 'html'] as const;
type ScoreFormat = (typeof SCORE_FORMATS)[number];
const extensions: Record<string, ScoreFormat> = { '.json': 'json', '.md': 'md', '.markdown': 'md', '.csv': 'csv', '.xlsx': 'xlsx', '.html': 'html', '.htm': 'html' };

export interface ScoreOptions {
  lang: Lang;
  asOf?: string;
  period?: string;
  config?: string;
  branch?: string[];
  format?: ScoreFormat;
  output?: string;
  color?: boolean;
}

const examples = `
示例 / Examples:
  zhibu score records/ --period 2026Q3 --as-of 2026-10-08      # 终端排名表
  # 每个支部一张评分表，另附汇总排名 / a sheet per branch and the ranking:
  zhibu score records/ --format xlsx -o 考核评分表-2026Q3.xlsx
  # 通报式摘要：排名、等级分布、失分最多的类别 / a summary for a circular:
  zhibu score records/ --format md -o 通报.md
  # 可在浏览器中打开的考核视图（热力图、排名、各支部明细） / an HTML view:
  zhibu score records/ --format html -o 考核.html
配置 zhibu.config.yaml（可选）：
  score:
    weights: { 三会一课: 35, 记录规范: 0 }   # 与内置分值合并后须合计 100
    deductions: { error: 2, warning: 0.5 } # 每项违规扣分（按严重程度）
    rules:                                 # 某条规则每项扣分、最多扣分
      member.dues-monthly: { points: 0.2, cap: 3 }
    grades:
      - { name: 优秀, min: 90 }
      - { name: 良好, min: 80 }
      - { name: 达标, min: 60 }
      - { name: 不达标 }
    veto: [theme-day.no-entertainment]     # 一票否决：有违规即为最低等级`;

/** Checks that every name in `score:` is a category or rule that exists; problems carry their position. */
export function scoreConfigErrors(ready: Pick<Setup, 'config' | 'configFile' | 'rules' | 'locate'>): InputError[] {
  const policy = ready.config?.score;
  if (!policy) return [];
  const errors: InputError[] = [];
  const file = ready.configFile ?? '';
  const sheet = scoreSheet(policy, 'zh');
  const known = new Set<string>([...categories, ...ready.rules.map((r) => r.category)]);
  const weighted = new Set(sheet.weights.map(([c]) => c));
  const ruleIds = [...new Set([...ready.rules.map((r) => r.id), ...Object.keys(ready.config?.rules ?? {})])];
  const problem = (where: PropertyKey[], detail: string, key = false) => errors.push({ file, ...ready.locate(where, key), id: 'config.invalid', args: { path: where.join('.'), detail } });
  for (const name of Object.keys(policy.weights ?? {})) {
    if (!known.has(name)) problem(['score', 'weights', name], `no rule has the category ${name}${hint(name, [...known])}`, true);
  }
  for (const rule of ready.rules) {
    if (!weighted.has(rule.category)) problem(['score', 'weights'], `the category ${rule.category} (rule ${rule.id}) has no weight`);
  }
  for (const id of Object.keys(policy.rules ?? {})) if (!ruleIds.includes(id)) problem(['score', 'rules', id], `no such rule ${id}${hint(id, ruleIds)}`, true);
  (policy.veto ?? []).forEach((id, i) => {
    if (!ruleIds.includes(id)) problem(['score', 'veto', i], `no such rule ${id}${hint(id, ruleIds)}`);
  });
  return errors;
}

const hint = (name: string, names: string[]) => {
  const near = closest(name, names);
  return near ? ` (did you mean ${near}?)` : '';
};

/** Per organization id, per leader: the leader's liaison (which branch a liaison finding counts against). */
export function liaisonsOf(result: Pick<CheckResult, 'organizationInfo'>): Map<string, Map<string, string | null>> {
  return new Map(result.organizationInfo.map((o) => [o.id, new Map(Object.entries(o.liaisons ?? {}))]));
}

/** Scores a check's result with the configuration's `score:` sheet. */
export function scoreOf(report: Report, result: CheckResult, sheet: ScoreSheet, lang: Lang): ScoreReport {
  return scoreBranches({
    findings: report.findings,
    branches: result.branchInfo,
    liaisons: liaisonsOf(result),
    sheet,
    version: VERSION,
    lang,
    asOf: report.asOf,
    window: report.window,
    inputErrors: report.inputErrors,
  });
}

/** `zhibu score`: per-branch category scores, total, grade and rank; exit 2 on input errors, else 0. */
export async function runScore(paths: string[], options: ScoreOptions, io: Io): Promise<number> {
  const lang = options.lang;
  const format: ScoreFormat = options.format ?? (options.output ? extensions[path.extname(options.output).toLowerCase()] : undefined) ?? 'terminal';
  if (format === 'xlsx' && !options.output) throw new UsageError(lang === 'zh' ? 'XLSX 是二进制文件，请用 --output 指定文件，例如 --output 考核评分表.xlsx' : 'XLSX is binary: give --output FILE, e.g. --output score.xlsx');
  const { report, result, setup: ready, outputs } = await checkPaths(paths, { lang, config: options.config, asOf: options.asOf, period: options.period, branch: options.branch, progress: true, evaluations: format === 'html' }, io, (claimed) => {
    if (options.output) claimed.claim(options.output, '--output', { example: `考核评分表.${format === 'terminal' ? 'txt' : format}` });
  });
  const configErrors = [...report.inputErrors.filter((e) => ready.configFile !== null && e.file === ready.configFile), ...scoreConfigErrors(ready).map((e) => ({ ...e, message: render(lang, e.id, e.args) }))];
  if (configErrors.length > 0) {
    // A score from a sheet other than the one configured would mislead: no score at all.
    for (const e of configErrors) io.stderr.write(`${visible(`${e.file}:${e.line}:${e.column}: ${e.message}`)}\n`);
    return 2;
  }
  const scores = scoreOf(report, result, scoreSheet(ready.config?.score, lang), lang);
  let content: string | Uint8Array;
  if (format === 'json') content = formatScoreJson(scores);
  else if (format === 'md') content = formatScoreMarkdown(scores);
  else if (format === 'csv') content = formatScoreCsv(scores);
  else if (format === 'xlsx') content = await (await import('../score/xlsx.js')).formatScoreXlsx(scores);
  else if (format === 'html') content = (await import('../report/html/page.js')).formatHtml({ report, scores, evaluations: result.evaluations ?? [], branches: result.branchInfo, liaisons: liaisonsOf(result), lang, view: 'score' });
  else content = formatScoreTerminal(scores, io.stdout.columns);
  if (format !== 'terminal' && format !== 'json' && format !== 'html') for (const e of report.inputErrors) io.stderr.write(`${visible(`${e.file}:${e.line}:${e.column}: ${e.message}`)}\n`);
  if (options.output) outputs.write(options.output, '--output', content);
  else io.stdout.write(typeof content === 'string' ? content : Buffer.from(content).toString('utf8'));
  return report.inputErrors.length > 0 ? 2 : 0;
}

/** Adds `zhibu score` to the program. */
export function registerScore(program: Command, io: Io, setCode: (n: number) => void, lang: Lang): Command {
  const zh = lang === 'zh';
  return program
    .command('score')
    .description(zh ? '考核评分：各支部分类得分、总分、等级和排名，扣分可追溯到每条问题' : 'assessment: each branch\'s category scores, total, grade and rank, every deduction traced to its findings')
    .argument('[paths...]', '记录文件或目录 record files or directories')
    .addOption(new Option('--lang <lang>', '消息语言 message language').choices(['zh', 'en']).default('zh'))
    .option('--as-of <date>', '检查日 YYYY-MM-DD（默认今天） the day of the check (default today)')
    .option('--period <period>', '检查期间：2026Q3、2026-07、2026 或 FROM..TO（默认上季度和本季度） the period checked')
    .option('--config <file>', '配置文件（默认从所查路径向上查找 zhibu.config.yaml） configuration file')
    .option('--branch <ids>', '只评这些支部，逗号分隔，可重复 only these branches', commaList)
    .addOption(new Option('--format <format>', '输出格式（默认按 --output 扩展名，否则 terminal） output format').choices([...SCORE_FORMATS]))
    .option('-o, --output <file>', '写入文件 write to a file')
    .addHelpText('after', examples)
    .action(async (paths: string[], o: ScoreOptions) => {
      setCode(await runScore(paths, o, io));
    });
}
