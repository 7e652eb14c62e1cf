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
import type { ScoreFormat } from './score-command.js';
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
