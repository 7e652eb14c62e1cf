import type { Activity, Branch, Member } from '../model/types.js';
import { periodsOf, type Period, type PeriodSize, type Window } from './periods.js';

/** Everything a branch-level check may ask about one branch, as of one day. */
export class BranchScope {
  /** Activities dated on or before as-of, by date. */
  readonly activities: Activity[];
  readonly committee: ReadonlySet<string> | null;
  /** Secretary, deputy secretaries and committee members (支委). */
  readonly cadres: ReadonlySet<string>;
  readonly memberNames: ReadonlySet<string>;
  private readonly periodCache = new Map<PeriodSize, Period[]>();
  private readonly periodSpans = new Map<Period, readonly Activity[]>();
  private windowSpan: readonly Activity[] | null = null;
  private readonly memos = new Map<string, unknown>();

  constructor(
    readonly branch: Branch,
    readonly asOf: string,
    readonly window: Window,
    /** Today, when --as-of was not given (records.future-date looks for entries after it); else null. */
    readonly today: string | null = null,
  ) {
    this.activities = branch.activities.filter((a) => a.date <= asOf).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.index - b.index));
    const committee = branch.header.committee ?? [];
    this.committee = committee.length > 0 ? new Set(committee) : null;
    this.cadres = new Set([branch.header.secretary, ...(branch.header.deputy_secretaries ?? []), ...committee]);
    this.memberNames = new Set(branch.members.map((m) => m.name));
  }

  /** Periods of a size to evaluate: overlapping the window, started by as-of, not before the branch was established. */
  periods(size: PeriodSize): Period[] {
    let periods = this.periodCache.get(size);
    if (!periods) {
      const established = this.branch.header.established;
      periods = periodsOf(this.window, size, this.asOf).filter((p) => !established || established <= p.first);
      this.periodCache.set(size, periods);
    }
    return periods;
  }

  /**
   * Activities of a period (from its first day to its `end`, which is not after as-of).
   * Computed once per period and shared by every rule that asks: do not change the list.
   */
  during(period: Period): readonly Activity[] {
    let span = this.periodSpans.get(period);
    if (!span) this.periodSpans.set(period, (span = this.between(period.first, period.end)));
    return span;
  }

  /** Activities inside the window (record rules); shared like `during`. */
  inWindow(): readonly Activity[] {
    return (this.windowSpan ??= this.between(this.window.from, this.window.to));
  }

  /** Something derived from this branch that several rules share (an index by person, ...): made once per key. */
  memo<T>(key: string, make: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const value = make();
    this.memos.set(key, value);
    return value;
  }

  /** Activities dated from `first` to `last` inclusive (and not after as-of). */
  between(first: string, last: string): Activity[] {
    const list = this.activities;
    let low = 0;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((list[mid] as Activity).date < first) low = mid + 1;
      else high = mid;
    }
    const out: Activity[] = [];
    for (let i = low; i < list.length && (list[i] as Activity).date <= last; i++) out.push(list[i] as Activity);
    return out;
  }
}

/** Active on a date: `since` on or before it and `until` on or after it. */
export function isActive(member: Member, date: string): boolean {
  return (!member.since || member.since <= date) && (!member.until || member.until >= date);
}

/** Active for the whole of a span (per-member rules need the member for the whole period). */
export function isActiveThroughout(member: Member, first: string, last: string): boolean {
  return (!member.since || member.since <= first) && (!member.until || member.until >= last);
}

/** Full on a date: status full and `confirmed` (if given) on or before it. */
export function isFullOn(member: Member, date: string): boolean {
  return member.status === 'full' && (!member.confirmed || member.confirmed <= date);
}
