import { addDays, type Window } from '../engine/periods.js';
import type { Severity } from '../engine/finding.js';
import type { BranchInfo } from '../engine/run.js';
import type { Lang, MessageOverride } from '../i18n/index.js';
import type { Report, ReportFinding } from '../report/report.js';
import { carryOver, type PreviousList } from './carry.js';
import { groupFindings, rowId, rowProblem, type FindingRow, type ListedFinding } from './group.js';
import { deadlineDays, ownerOf, type RectifyPolicy } from './policy.js';

export type { PreviousItem, PreviousList } from './carry.js';
export type { ListedFinding } from './group.js';

/**
 * 新增 (not in the earlier list), 待整改, 逾期 (past the deadline), 整改未到位 (`reopened`: marked or
 * found fixed before, found again; its deadline is the original one), 已整改; `pending` = a reminder (提醒清单).
 */
export type ItemStatus = 'new' | 'open' | 'overdue' | 'reopened' | 'fixed' | 'pending';

/** The matching row of an earlier list, as that list had it (after the branch's edits). */
export interface PreviousState {
  listed: string;
  deadline: string;
  status: ItemStatus;
  /** The day it was fixed: found fixed by a check, or the date the branch gave in 整改完成情况; null when unknown. */
  fixedOn: string | null;
  /** True when the branch set 已整改 itself (zhibu had not found it fixed). */
  markedFixed: boolean;
  /** The check day of the earlier list. */
  checked: string;
}

/** One row of a rectification list: one problem as a person would write it. */
export interface RectificationItem {
  seq: number;
  /** Stable identifier: `fingerprint()` of rule, branch, period(s) and subject; never positions. */
  id: string;
  branch: { id: string; name: string };
  problem: string;
  basis: string;
  remedy: string;
  owner: string;
  deadline: string;
  status: ItemStatus;
  /** The day it was found fixed (re-check day or the branch record's done date). */
  fixedOn: string | null;
  /** Days past the deadline (逾期, or 整改未到位 past its original deadline). */
  overdueDays: number;
  /** The day it was first listed. */
  listed: string;
  /** False when carried from an earlier list without this check covering it. */
  rechecked: boolean;
  /** The matching item of the earlier list. */
  previous: PreviousState | null;
  /** 整改完成情况: what the branch wrote it did (carried from the earlier list; empty when none). */
  completion: string;
  /** 备注: the branch's own note, carried verbatim from the earlier list (zhibu's remarks are `remarkText`). */
  note: string;
  /** The branch's own rectification record that marks it done. */
  record: { issue: string; found: string | null; done: string } | null;
  rule: string;
  severity: Severity;
  category: string;
  periods: string[];
  subject: string | null;
  /** Every underlying finding of the report (none for an earlier item no longer found). */
  findings: ListedFinding[];
}

/** Problems per branch by severity (open ones), and items per status. */
export interface BranchSummary {
  branch: { id: string; name: string };
  error: number;
  warning: number;
  info: number;
  total: number;
  new: number;
  open: number;
  overdue: number;
  reopened: number;
  fixed: number;
  pending: number;
}

/** A rectification list (整改清单): what every writer renders. */
export interface RectificationList {
  tool: 'zhibu';
  kind: 'rectification-list';
  version: string;
  lang: Lang;
  /** Whose list it is (the organization's or, in a per-branch file, the branch's name); null when several. */
  unit: string | null;
  asOf: string;
  window: Window;
  /** Check day of the earlier list compared with (the latest, when several). */
  previous: string | null;
  items: RectificationItem[];
  /** 提醒清单: pending findings (with --include-pending). */
  reminders: RectificationItem[];
  summary: BranchSummary[];
  /** Records skipped for input errors: the list says so, so it is never mistaken for complete. */
  unchecked: { file: string; kind: 'branch' | 'organization' | null; id: string | null; name: string | null }[];
}

export interface RectificationInput {
  report: Report;
  branches: BranchInfo[];
  organizations: { id: string; name: string; file: string }[];
  asOf: string;
  policy: RectifyPolicy;
  includePending: boolean;
  previous?: PreviousList;
  lang?: Lang;
  /** The rules that ran (earlier items of other rules are not re-checked; a rule's own message words its rows); absent = all. */
  rules?: readonly { id: string; message?: MessageOverride }[];
}

/** Builds the rectification list from a report: grouped rows, owners, deadlines, carry-over. */
export function buildRectificationList(input: RectificationInput): RectificationList {
  const lang = input.lang ?? 'zh';
  const branches = new Map(input.branches.map((b) => [b.id, b]));
  const organizations = new Map(input.organizations.map((o) => [o.id, o]));
  const soleOrganization = input.organizations.length === 1 ? (input.organizations[0]?.name ?? null) : null;
  const overrides = new Map((input.rules ?? []).map((r) => [r.id, r.message]));
  const nameOf = (id: string) => branches.get(id)?.name ?? organizations.get(id)?.name ?? id;

  const toItem = (row: FindingRow, pending: boolean): RectificationItem => {
    const first = row.findings[0] as ListedFinding;
    const info = branches.get(row.branch);
    const problem = { rule: row.rule, category: first.category, severity: first.severity, subject: row.subject };
    const owner = ownerOf(input.policy, { ...problem, secretary: info?.secretary ?? null, organization: organizations.get(row.branch)?.name ?? soleOrganization }, lang);
    const daysLeft = Math.min(...row.findings.map((f) => f.daysLeft ?? 0));
    return {
      seq: 0,
      id: rowId(row),
      branch: { id: row.branch, name: nameOf(row.branch) },
      problem: rowProblem(row, lang, overrides.get(row.rule)),
      basis: first.basis,
      remedy: first.remedy,
      owner,
      deadline: addDays(input.asOf, pending ? daysLeft : deadlineDays(input.policy, problem)),
      status: pending ? 'pending' : 'open',
      fixedOn: null,
      overdueDays: 0,
      listed: input.asOf,
      rechecked: true,
      previous: null,
      completion: '',
      note: '',
      record: null,
      ...problem,
      periods: row.periods,
      findings: row.findings,
    };
  };

  const violations = input.report.findings.filter((f) => f.status === 'violation');
  const current = groupFindings(violations).map((row) => toItem(row, false));
  const checked = new Set([...branches.keys(), ...organizations.keys()]);
  const carried = carryOver(current, input.previous, { asOf: input.asOf, window: input.report.window, branches, checked, rules: input.rules ? new Set(input.rules.map((r) => r.id)) : undefined });
  const pending: ReportFinding[] = input.includePending ? input.report.findings.filter((f) => f.status === 'pending') : [];
  const reminders = groupFindings(pending).map((row) => toItem(row, true));

  // Branch order: organizations and branches by file (report order), then ids only the earlier list knows.
  const units = [...input.organizations, ...input.branches].map((u, i) => ({ id: u.id, file: u.file, i })).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.i - b.i));
  const order = new Map(units.map((u, i) => [u.id, i]));
  const compareBranches = (a: string, b: string) => (order.get(a) ?? units.length) - (order.get(b) ?? units.length) || (a < b ? -1 : a > b ? 1 : 0);
  const sortItems = (items: RectificationItem[]) =>
    items
      .map((item, i) => ({ item, i }))
      .sort((a, b) => compareBranches(a.item.branch.id, b.item.branch.id) || a.i - b.i)
      .map(({ item }, i) => ({ ...item, seq: i + 1 }));
  const items = sortItems([...current, ...carried]);
  const sortedReminders = sortItems(reminders);

  const names = new Map([...items, ...sortedReminders].map((i) => [i.branch.id, i.branch.name]));
  for (const b of input.branches) names.set(b.id, b.name);
  const soleBranch = input.branches.length === 1 && input.organizations.length === 0 ? (input.branches[0]?.name ?? null) : null;
  const list: RectificationList = {
    tool: 'zhibu',
    kind: 'rectification-list',
    version: input.report.version,
    lang,
    unit: soleOrganization ?? soleBranch,
    asOf: input.asOf,
    window: input.report.window,
    previous: input.previous?.asOf ?? null,
    items,
    reminders: sortedReminders,
    summary: [],
    unchecked: (input.report.skipped ?? []).map(({ file, kind, id, name }) => ({ file, kind, id, name })),
  };
  list.summary = summarize(list, [...names].map(([id, name]) => ({ id, name })).sort((a, b) => compareBranches(a.id, b.id)));
  return list;
}

/** Problems per branch by severity (items not fixed) and items per status. */
function summarize(list: Pick<RectificationList, 'items' | 'reminders'>, branches: { id: string; name: string }[]): BranchSummary[] {
  return branches.map((branch) => {
    const row: BranchSummary = { branch, error: 0, warning: 0, info: 0, total: 0, new: 0, open: 0, overdue: 0, reopened: 0, fixed: 0, pending: 0 };
    for (const item of list.items) {
      if (item.branch.id !== branch.id) continue;
      row[item.status]++;
      if (item.status !== 'fixed') {
        row[item.severity]++;
        row.total++;
      }
    }
    row.pending = list.reminders.filter((r) => r.branch.id === branch.id).length;
    return row;
  });
}

/** One branch's part of a list (its own file with --split-by branch), renumbered. */
export function branchList(list: RectificationList, branchId: string): RectificationList {
  const mine = (items: RectificationItem[]) => items.filter((i) => i.branch.id === branchId).map((item, i) => ({ ...item, seq: i + 1 }));
  const summary = list.summary.filter((s) => s.branch.id === branchId);
  return { ...list, unit: summary[0]?.branch.name ?? branchId, items: mine(list.items), reminders: mine(list.reminders), summary };
}
