import { fingerprint } from '../engine/finding.js';
import { findingMessage, type Lang, type MessageOverride } from '../i18n/index.js';
import type { ReportFinding } from '../report/report.js';

/** A finding of the report with its stable identifier. */
export interface ListedFinding extends ReportFinding {
  id: string;
}

/** Findings a person would write as one row: one rule, one branch, one subject, its periods merged. */
export interface FindingRow {
  rule: string;
  branch: string;
  subject: string | null;
  periods: string[];
  findings: ListedFinding[];
}

/**
 * Groups findings into rows, in the order of each row's first finding. Findings with a period
 * group by rule + branch + subject (null subject included: a branch's missed months are one row);
 * findings without a period (records, structure) stay one row each.
 */
export function groupFindings(findings: readonly ReportFinding[]): FindingRow[] {
  const rows: FindingRow[] = [];
  const byKey = new Map<string, FindingRow>();
  for (const finding of findings) {
    const listed: ListedFinding = { ...finding, id: fingerprint(finding) };
    const key = finding.period === null ? null : JSON.stringify([finding.rule, finding.branch, finding.subject]);
    const row = key === null ? undefined : byKey.get(key);
    if (row) {
      row.findings.push(listed);
      continue;
    }
    const created: FindingRow = { rule: finding.rule, branch: finding.branch, subject: finding.subject, periods: [], findings: [listed] };
    rows.push(created);
    if (key !== null) byKey.set(key, created);
  }
  for (const row of rows) {
    row.findings.sort((a, b) => comparePeriods(a.period ?? '', b.period ?? ''));
    row.periods = [...new Set(row.findings.flatMap((f) => (f.period === null ? [] : [f.period])))];
  }
  return rows;
}

/**
 * A row's stable identifier: `fingerprint()` with the row's sorted periods joined by commas
 * (`member.dues-monthly|pb-003|2026-07,2026-08,2026-09|王五`); a one-finding row's id is the finding's
 * fingerprint. The id alone gives back every underlying finding's fingerprint (`findingIdsOf`).
 */
export function rowId(row: Pick<FindingRow, 'rule' | 'branch' | 'subject' | 'periods'>): string {
  return fingerprint({ rule: row.rule, branch: row.branch, period: row.periods.length === 0 ? null : [...row.periods].sort(comparePeriods).join(','), subject: row.subject });
}

/** Splits a row id back into its parts and its findings' fingerprints. */
export function parseRowId(id: string): { rule: string; branch: string; periods: string[]; subject: string | null; findingIds: string[] } | null {
  const parts = id.split('|');
  if (parts.length < 4 || !parts[0] || !parts[1]) return null;
  const [rule, branch, periodField] = parts as [string, string, string];
  const subjectText = parts.slice(3).join('|');
  const subject = subjectText === '' ? null : subjectText;
  const periods = periodField === '' ? [] : periodField.split(',');
  const findingIds = (periods.length === 0 ? [null] : periods).map((period) => fingerprint({ rule, branch, period, subject }));
  return { rule, branch, periods, subject, findingIds };
}

const periodKey = (label: string) => label.replace(/Q(\d)$/, '-Q$1');
function comparePeriods(a: string, b: string): number {
  return periodKey(a) < periodKey(b) ? -1 : periodKey(a) > periodKey(b) ? 1 : 0;
}

/**
 * The problem text of a row. One finding: its message. Several periods of findings that differ in
 * nothing but the period: their message once, with the periods merged ("2026年7月、8月、9月党员王五
 * 未交纳党费"); otherwise the messages joined.
 */
export function rowProblem(row: FindingRow, lang: Lang, override?: MessageOverride | null): string {
  const first = row.findings[0];
  if (!first) return '';
  if (row.findings.length === 1) return first.message;
  const rest = ({ period: _period, ...args }: ReportFinding['args']) => JSON.stringify(args);
  const same = row.findings.every((f) => f.messageId === first.messageId && f.status === first.status && f.period !== null && rest(f.args) === rest(first.args));
  if (!same) return row.findings.map((f) => f.message).join(lang === 'zh' ? '；' : '; ');
  return findingMessage({ ...first, args: { ...first.args, period: row.periods } }, lang, first.title, override);
}
