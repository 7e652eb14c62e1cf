import type { Severity } from '../engine/finding.js';
import { daysBetween, periodSpan, type Window } from '../engine/periods.js';
import type { BranchInfo } from '../engine/run.js';
import type { ItemStatus, RectificationItem } from './list.js';

/** One row of an earlier list written by zhibu (JSON or XLSX): a list row plus what carry-over matches on. */
export interface PreviousItem extends Pick<RectificationItem, 'id' | 'branch' | 'problem' | 'basis' | 'remedy' | 'owner' | 'deadline' | 'status' | 'fixedOn' | 'listed'> {
  rule: string;
  subject: string | null;
  periods: string[];
  severity: Severity;
  category: string;
  /** Fingerprints of its findings (from the id, and from the JSON's findings). */
  findingIds: string[];
  /** The window of the list it came from; null when unknown. */
  window: Window | null;
}

/** An earlier list: its check day, window and rows (several files merged: each row keeps its own window). */
export interface PreviousList {
  asOf: string;
  window: Window | null;
  items: PreviousItem[];
}

export interface CarryContext {
  asOf: string;
  window: Window;
  /** Branch records (their `rectifications`), by branch id. */
  branches: ReadonlyMap<string, BranchInfo>;
  /** Branch and organization ids checked this time. */
  checked: ReadonlySet<string>;
  /** Ids of the rules that ran; absent = every rule. */
  rules?: ReadonlySet<string>;
}

/** Whether a status still needs work. */
const isOpen = (status: ItemStatus) => status !== 'fixed';

function statusByDeadline(item: RectificationItem, asOf: string): void {
  const late = daysBetween(item.deadline, asOf);
  item.status = late > 0 ? 'overdue' : 'open';
  item.overdueDays = Math.max(0, late);
}

/**
 * Marks every current item against the earlier list and returns the earlier items no longer found:
 * fixed when this check covered them, else carried over unchanged (open or overdue by their deadline).
 * A current item matches an earlier one sharing any finding fingerprint, so a row whose months
 * changed is still the same problem; it keeps the earliest original deadline.
 */
export function carryOver(items: RectificationItem[], previous: PreviousList | undefined, ctx: CarryContext): RectificationItem[] {
  const byFinding = new Map<string, PreviousItem[]>();
  for (const p of previous?.items ?? []) {
    for (const id of new Set([p.id, ...p.findingIds])) byFinding.set(id, [...(byFinding.get(id) ?? []), p]);
  }
  const matched = new Set<PreviousItem>();
  for (const item of items) {
    const earlier = [...new Set([item.id, ...item.findings.map((f) => f.id)].flatMap((id) => byFinding.get(id) ?? []))];
    earlier.forEach((p) => matched.add(p));
    const open = earlier.filter((p) => isOpen(p.status)).sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0));
    const first = open[0];
    if (first) {
      const listed = open.map((p) => p.listed).sort()[0] ?? first.listed;
      item.previous = { listed, deadline: first.deadline, status: first.status, fixedOn: null };
      item.listed = listed;
      item.deadline = first.deadline;
      statusByDeadline(item, ctx.asOf);
    } else {
      const fixed = earlier[0];
      if (fixed) item.previous = { listed: fixed.listed, deadline: fixed.deadline, status: 'fixed', fixedOn: fixed.fixedOn };
      item.status = previous ? 'new' : 'open';
    }
    markRecordDone(item, ctx);
  }

  const extra: RectificationItem[] = [];
  for (const p of previous?.items ?? []) {
    if (matched.has(p) || !isOpen(p.status)) continue;
    const item: RectificationItem = {
      seq: 0,
      id: p.id,
      branch: { id: p.branch.id, name: ctx.branches.get(p.branch.id)?.name ?? p.branch.name },
      problem: p.problem,
      basis: p.basis,
      remedy: p.remedy,
      owner: p.owner,
      deadline: p.deadline,
      status: 'open',
      fixedOn: null,
      overdueDays: 0,
      listed: p.listed,
      rechecked: rechecked(p, ctx),
      previous: { listed: p.listed, deadline: p.deadline, status: p.status, fixedOn: p.fixedOn },
      record: null,
      rule: p.rule,
      severity: p.severity,
      category: p.category,
      periods: p.periods,
      subject: p.subject,
      findings: [],
    };
    if (item.rechecked) {
      item.status = 'fixed';
      item.fixedOn = ctx.asOf;
    } else {
      statusByDeadline(item, ctx.asOf);
    }
    markRecordDone(item, ctx);
    extra.push(item);
  }
  return extra;
}

/**
 * Whether this check would have found an earlier item again: its branch and rule were checked, and
 * a period of it overlaps this window. A record finding (subject `TYPE@DATE…`) without a period counts
 * when this window contains the earlier one; a structure finding is always re-checked.
 */
function rechecked(p: PreviousItem, ctx: CarryContext): boolean {
  if (!ctx.checked.has(p.branch.id) || (ctx.rules && !ctx.rules.has(p.rule))) return false;
  if (p.periods.length > 0) {
    return p.periods.some((label) => {
      const span = periodSpan(label);
      return span !== null && span.first <= ctx.window.to && span.last >= ctx.window.from && span.first <= ctx.asOf;
    });
  }
  if (p.subject !== null && isRecordSubject(p.subject)) return p.window !== null && ctx.window.from <= p.window.from && p.window.to <= ctx.window.to;
  return true;
}

/** A record key (`general-meeting@2026-09-23`) as a subject. */
const isRecordSubject = (subject: string) => /^[a-z-]+@\d{4}-\d{2}-\d{2}/.test(subject);

/**
 * The branch's own `rectifications` entry that marks an item done (status done, done ≤ as-of).
 * With a `rule`: the same rule in the same branch, whose issue text names the item's subject (a
 * member, group, leader, project; for a record finding, the record's date), and, for an item about
 * periods, found on or after the last day of its latest period (a Q2 record never closes Q3).
 * Without a `rule`: the issue text equals the item's problem or one of its findings' messages.
 */
function doneRecord(item: RectificationItem, info: BranchInfo | undefined, asOf: string): BranchInfo['rectifications'][number] | null {
  if (!info) return null;
  const lastDay = item.periods
    .map((p) => periodSpan(p)?.last ?? '')
    .sort()
    .at(-1);
  const texts = new Set([item.problem, ...item.findings.map((f) => f.message)].map((t) => t.trim()));
  for (const record of info.rectifications) {
    if (record.status !== 'done' || record.done === null || record.done > asOf) continue;
    const issue = record.issue.trim();
    if (record.rule === null) {
      if (texts.has(issue)) return record;
      continue;
    }
    if (record.rule !== item.rule || !mentionsSubject(item, issue)) continue;
    if (lastDay && (record.found === null || record.found < lastDay)) continue;
    return record;
  }
  return null;
}

function mentionsSubject(item: RectificationItem, issue: string): boolean {
  if (item.subject === null) return true;
  if (!isRecordSubject(item.subject)) return issue.includes(item.subject);
  const date = /@(\d{4}-\d{2}-\d{2})/.exec(item.subject)?.[1];
  return date !== undefined && issue.includes(date);
}

function markRecordDone(item: RectificationItem, ctx: CarryContext): void {
  const record = doneRecord(item, ctx.branches.get(item.branch.id), ctx.asOf);
  if (!record || record.done === null) return;
  item.record = { issue: record.issue, found: record.found, done: record.done };
  item.status = 'fixed';
  item.fixedOn = record.done;
  item.overdueDays = 0;
}
