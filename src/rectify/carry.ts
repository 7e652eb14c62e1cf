import { isPositional, type Severity } from '../engine/finding.js';
import { daysBetween, periodSpan, type Window } from '../engine/periods.js';
import type { BranchInfo } from '../engine/run.js';
import type { PreviousState, RectificationItem } from './list.js';
import { isRealDate } from '../schema/dates.js';

/** One row of an earlier list written by zhibu (JSON or XLSX): a list row plus what carry-over matches on. */
export interface PreviousItem extends Pick<RectificationItem, 'id' | 'branch' | 'problem' | 'basis' | 'remedy' | 'owner' | 'deadline' | 'status' | 'fixedOn' | 'listed' | 'completion' | 'note'> {
  rule: string;
  subject: string | null;
  periods: string[];
  severity: Severity;
  category: string;
  /** Fingerprints of its findings (from the id, and from the JSON's findings). */
  findingIds: string[];
  /** The window of the list it came from; null when unknown. */
  window: Window | null;
  /** The check day of the list it came from. */
  checked: string;
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

/**
 * Whether the branch set 已整改 itself: zhibu writes a fixed row only with the day it found it
 * fixed, so a fixed row without one was marked in the sheet (or the JSON) by a person.
 */
const markedFixed = (p: PreviousItem) => p.status === 'fixed' && p.fixedOn === null;

/** What an earlier row says, for the item that continues it; `fixedOn` of a row the branch marked is the date it gave. */
function previousState(p: PreviousItem, listed: string, deadline: string): PreviousState {
  const marked = markedFixed(p);
  return { listed, deadline, status: p.status, fixedOn: marked ? dateIn(p.completion) : p.fixedOn, markedFixed: marked, checked: p.checked };
}

/** The first date in what a person wrote (2026-10-20, 2026/10/20, 2026.10.20, 2026年10月20日); null when none. */
export function dateIn(text: string): string | null {
  const match = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(text);
  if (!match) return null;
  const [, y, m, d] = match as unknown as [string, string, string, string];
  const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isRealDate(date) ? date : null;
}

/** The distinct texts people wrote in the matching earlier rows, in their order, one per line. */
const joined = (texts: string[]) => [...new Set(texts.map((t) => t.trim()).filter((t) => t !== ''))].join('\n');

function statusByDeadline(item: RectificationItem, asOf: string): void {
  const late = daysBetween(item.deadline, asOf);
  item.status = late > 0 ? 'overdue' : 'open';
  item.overdueDays = Math.max(0, late);
}

const byDeadline = (a: PreviousItem, b: PreviousItem) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0);

/**
 * Marks every current item against the earlier list and returns the earlier items no longer found.
 * A current item matches an earlier one sharing any finding fingerprint, so a row whose months
 * changed is still the same problem; it keeps the earliest original deadline (as edited in the
 * sheet), what the branch wrote in 整改完成情况 and 备注, and is 整改未到位 when an earlier row was
 * fixed (marked by the branch or found fixed by a check) — never 新增.
 * An earlier open item no longer found is fixed when this check covered it, else carried over
 * unchanged; one the branch marked 已整改 is shown fixed once more (confirmed, or not yet re-checked).
 */
export function carryOver(items: RectificationItem[], earlier: PreviousList | undefined, ctx: CarryContext): RectificationItem[] {
  // Rows naming a record by its position (an older zhibu's lists) cannot be matched: `positionalItems` reports them.
  const previous = earlier && { ...earlier, items: earlier.items.filter((p) => !isPositional(p.subject)) };
  const byFinding = new Map<string, PreviousItem[]>();
  for (const p of previous?.items ?? []) {
    for (const id of new Set([p.id, ...p.findingIds])) byFinding.set(id, [...(byFinding.get(id) ?? []), p]);
  }
  const matched = new Set<PreviousItem>();
  for (const item of items) {
    const earlier = [...new Set([item.id, ...item.findings.map((f) => f.id)].flatMap((id) => byFinding.get(id) ?? []))];
    earlier.forEach((p) => matched.add(p));
    const first = [...earlier].sort(byDeadline)[0];
    if (first) {
      const fixed = earlier.filter((p) => p.status === 'fixed').sort(byDeadline)[0];
      const listed = earlier.map((p) => p.listed).sort()[0] ?? first.listed;
      item.previous = previousState(fixed ?? first, listed, first.deadline);
      item.listed = listed;
      item.deadline = first.deadline;
      item.completion = joined(earlier.map((p) => p.completion));
      item.note = joined(earlier.map((p) => p.note));
      statusByDeadline(item, ctx.asOf);
      if (fixed) item.status = 'reopened';
    } else {
      item.status = previous ? 'new' : 'open';
    }
    markRecordDone(item, ctx);
  }

  const extra: RectificationItem[] = [];
  for (const p of previous?.items ?? []) {
    if (matched.has(p) || (p.status === 'fixed' && !markedFixed(p))) continue;
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
      previous: previousState(p, p.listed, p.deadline),
      completion: p.completion,
      note: p.note,
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
    } else if (markedFixed(p)) {
      // The branch says it is done and this check cannot say otherwise: shown as the branch marked it, until a check covers it.
      item.status = 'fixed';
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

/** Rows of an earlier list written by an older zhibu that name a record by its position (`activities[3]`): never matched. */
export function positionalItems(previous: PreviousList | undefined): PreviousItem[] {
  return (previous?.items ?? []).filter((p) => isPositional(p.subject));
}
