import type { Args, MessageId } from '../i18n/index.js';

export type Severity = 'error' | 'warning' | 'info';
export type Status = 'violation' | 'pending';

/** One shortfall found by a rule; wording is the reporter's job. */
export interface Finding {
  rule: string;
  severity: Severity;
  status: Status;
  branch: string;
  period: string | null;
  /** Who or what the finding is about; for one record, its key (`general-meeting@2026-09-23`). */
  subject: string | null;
  messageId: MessageId;
  args: Args;
  file: string;
  line: number;
  column: number;
  /** Where the record stands in its document (`activities[3]`) for a record finding; null otherwise. */
  path: string | null;
}

/** What a check hands to `emit`: the engine adds rule, severity, branch and position. */
export interface Shortfall {
  messageId: MessageId;
  args: Args;
  /** Period label, or null for record and structure findings. */
  period: string | null;
  subject: string | null;
  /** A record finding's place in its document (`activities[3]`). */
  path?: string | null;
  /** Offset in the source of the record the finding is about. */
  at: number;
  status: Status;
  /** Date used to match exemptions when `period` is null (a record's date); as-of otherwise. */
  date?: string;
}

export type Emit = (shortfall: Shortfall) => void;

const SURROGATE = /[\uD800-\uDFFF]/;

/** Compares by Unicode code point (not UTF-16 unit); null sorts first. */
export function compareText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (!SURROGATE.test(a) && !SURROGATE.test(b)) return a < b ? -1 : 1;
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i] as string).codePointAt(0)! - (y[i] as string).codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

type Ordered = Pick<Finding, 'file' | 'line' | 'rule' | 'period' | 'subject' | 'column' | 'status'>;

/** docs/report.md order: file, line, rule, period, subject (null first, strings by code point); then column, status. */
export function compareFindingOrder(a: Ordered, b: Ordered): number {
  return (
    compareText(a.file, b.file) ||
    a.line - b.line ||
    compareText(a.rule, b.rule) ||
    compareText(a.period, b.period) ||
    compareText(a.subject, b.subject) ||
    a.column - b.column ||
    compareText(a.status, b.status)
  );
}

/** The engine's order of findings: docs/report.md's, then the message id as a last tie-break. */
export function compareFindings(a: Finding, b: Finding): number {
  return compareFindingOrder(a, b) || compareText(a.messageId, b.messageId);
}

/** Input errors by file (code point), line, column. */
export function comparePositions(a: { file: string; line: number; column: number }, b: { file: string; line: number; column: number }): number {
  return compareText(a.file, b.file) || a.line - b.line || a.column - b.column;
}

/** Stable identity of a finding across runs (rule|branch|period|subject): never built from positions. */
export function fingerprint(finding: Pick<Finding, 'rule' | 'branch' | 'period' | 'subject'>): string {
  return [finding.rule, finding.branch, finding.period ?? '', finding.subject ?? ''].join('|');
}
