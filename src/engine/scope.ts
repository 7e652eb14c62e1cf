import type { Activity, Branch, Member } from '../model/types.js';
import { monthNumber, periodsOf, type Period, type PeriodSize, type Window } from './periods.js';

/** The roles in which an activity names people; `Appearances.roles` has bit `1 << i` for `ROLES[i]`. */
export const ROLES = ['attendees', 'absentees', 'guests', 'host', 'lecturer', 'with', 'recorder'] as const;
export type Role = (typeof ROLES)[number];

const BIT = Object.fromEntries(ROLES.map((role, i) => [role, 1 << i])) as Record<Role, number>;

/** The bits of some roles in `Appearances.roles`. */
export function roleBits(roles: readonly Role[]): number {
  let bits = 0;
  for (const role of roles) bits |= BIT[role];
  return bits;
}

/** The activities naming one person: their places in `BranchScope.activities` (ascending, each once) and the role bits of each. */
export interface Appearances {
  at: number[];
  roles: number[];
}

/**
 * A member as the rules read one: the same fields in the same shape for every member. Members
 * arrive in as many shapes as there are key orders in the files, and the per-member rules,
 * compiled for a few shapes, were compiled again as each new one came (measured). `record`
 * is the member as written (for fields a rule names, and identity).
 */
export type MemberView = Pick<Member, 'name' | 'status' | 'confirmed' | 'since' | 'until' | 'group' | 'excused' | 'training' | 'paid' | 'at'> & { record: Member };

function viewOf(m: Member): MemberView {
  return { name: m.name, status: m.status, confirmed: m.confirmed, since: m.since, until: m.until, group: m.group, excused: m.excused, training: m.training, paid: m.paid, at: m.at, record: m };
}

/** Everything a branch-level check may ask about one branch, as of one day. */
export class BranchScope {
  /** Activities dated on or before as-of, by date (file order for the same date). */
  readonly activities: readonly Activity[];
  readonly committee: ReadonlySet<string> | null;
  /** Secretary, deputy secretaries and committee members (支委). */
  readonly cadres: ReadonlySet<string>;
  readonly memberNames: ReadonlySet<string>;
  /** The branch's members in file order, each as a `MemberView`. */
  readonly members: readonly MemberView[];
  private readonly periodCache = new Map<PeriodSize, Period[]>();
  private readonly periodSpans = new Map<Period, readonly Activity[]>();
  private windowSpan: readonly Activity[] | null = null;
  /** Activities by type, and by several types (`a,b`). */
  private byType: Map<string, Activity[]> | null = null;
  private appearances: ReadonlyMap<string, Appearances> | null = null;
  private monthNumbers: number[] | null = null;
  private readonly memos = new Map<string, unknown>();

  constructor(
    readonly branch: Branch,
    readonly asOf: string,
    readonly window: Window,
    /** Today, when --as-of was not given (records.future-date looks for entries after it); else null. */
    readonly today: string | null = null,
  ) {
    // Records are mostly written in date order: then those up to as-of are the first ones, and nothing is sorted.
    const all = branch.activities;
    if (inDateOrder(all)) {
      let end = all.length;
      while (end > 0 && (all[end - 1] as Activity).date > asOf) end--;
      this.activities = end === all.length ? all : all.slice(0, end);
    } else {
      this.activities = all.filter((a) => a.date <= asOf).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.index - b.index));
    }
    const committee = branch.header.committee ?? [];
    this.committee = committee.length > 0 ? new Set(committee) : null;
    this.cadres = new Set([branch.header.secretary, ...(branch.header.deputy_secretaries ?? []), ...committee]);
    // Pushed, not mapped: map() makes a holey array and filter() (membersOf) a packed one, and V8 deoptimised the loops over members as the other kind came (--trace-deopt).
    const members: MemberView[] = [];
    for (const m of branch.members) members.push(viewOf(m));
    this.members = members;
    this.memberNames = new Set(members.map((m) => m.name));
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
   * Activities of a period (from its first day to its `end`, which is not after as-of), of
   * the given types only when some are given. The whole period's list is made once and
   * shared by every rule that asks: do not change it.
   */
  during(period: Period, types?: readonly string[]): readonly Activity[] {
    if (types) return this.between(period.first, period.end, this.ofTypes(types));
    let span = this.periodSpans.get(period);
    if (!span) this.periodSpans.set(period, (span = this.between(period.first, period.end)));
    return span;
  }

  /** Activities inside the window (record rules), of the given types only when some are given; shared like `during`. */
  inWindow(types?: readonly string[]): readonly Activity[] {
    if (types) return this.between(this.window.from, this.window.to, this.ofTypes(types));
    return (this.windowSpan ??= this.between(this.window.from, this.window.to));
  }

  /** Activities (on or before as-of, by date) of the given types, or all; each list is made once and shared. */
  ofTypes(types: readonly string[] | undefined): readonly Activity[] {
    if (!types) return this.activities;
    if (!this.byType) {
      this.byType = new Map();
      for (const a of this.activities) {
        const list = this.byType.get(a.type);
        if (list) list.push(a);
        else this.byType.set(a.type, [a]);
      }
    }
    if (types.length === 1) return this.byType.get(types[0] as string) ?? [];
    const key = types.join(',');
    let list = this.byType.get(key);
    if (!list) this.byType.set(key, (list = this.activities.filter((a) => types.includes(a.type))));
    return list;
  }

  /**
   * Per name given in any role (`ROLES`) of the activities on or before as-of: where it is
   * given, each activity once with all its roles there. Made once, on first use.
   */
  people(): ReadonlyMap<string, Appearances> {
    if (this.appearances) return this.appearances;
    const people = new Map<string, Appearances>();
    for (let at = 0; at < this.activities.length; at++) {
      const a = this.activities[at] as Activity;
      // One named read per role (activities come in many shapes, where a[role] is slow); plain loops, no array or closure per activity.
      appearAll(people, a.attendees, at, BIT.attendees);
      const absentees = a.absentees;
      if (Array.isArray(absentees)) for (let i = 0; i < absentees.length; i++) appear(people, (absentees[i] as { name: string }).name, at, BIT.absentees);
      appearAll(people, a.guests, at, BIT.guests);
      appear(people, a.host, at, BIT.host);
      appear(people, a.lecturer, at, BIT.lecturer);
      appearAll(people, a.with, at, BIT.with);
      appear(people, a.recorder, at, BIT.recorder);
    }
    return (this.appearances = people);
  }

  /** The month (`monthNumber`) of each of `activities`, by place. */
  months(): readonly number[] {
    return (this.monthNumbers ??= this.activities.map((a) => monthNumber(a.date)));
  }

  /** Something derived from this branch that several rules share (an index by person, ...): made once per key. */
  memo<T>(key: string, make: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const value = make();
    this.memos.set(key, value);
    return value;
  }

  /** Activities of `list` (by date; all activities on or before as-of unless given) dated from `first` to `last` inclusive. */
  between(first: string, last: string, list: readonly Activity[] = this.activities): Activity[] {
    let low = 0;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((list[mid] as Activity).date < first) low = mid + 1;
      else high = mid;
    }
    let end = low;
    high = list.length;
    while (end < high) {
      const mid = (end + high) >> 1;
      if ((list[mid] as Activity).date <= last) end = mid + 1;
      else high = mid;
    }
    return list.slice(low, end);
  }
}

/** Notes that activity `at` names `name` in `role` (activities are visited in order, all roles of one before the next). */
function appear(people: Map<string, Appearances>, name: string | null | undefined, at: number, role: number): void {
  if (typeof name !== 'string') return;
  const seen = people.get(name);
  if (!seen) people.set(name, { at: [at], roles: [role] });
  else if (seen.at[seen.at.length - 1] === at) (seen.roles[seen.roles.length - 1] as number) |= role;
  else {
    seen.at.push(at);
    seen.roles.push(role);
  }
}

function appearAll(people: Map<string, Appearances>, names: readonly (string | null | undefined)[] | null | undefined, at: number, role: number): void {
  if (Array.isArray(names)) for (let i = 0; i < names.length; i++) appear(people, names[i], at, role);
}

function inDateOrder(activities: readonly Activity[]): boolean {
  for (let i = 1; i < activities.length; i++) if ((activities[i - 1] as Activity).date > (activities[i] as Activity).date) return false;
  return true;
}

/** Active on a date: `since` on or before it and `until` on or after it. */
export function isActive(member: Pick<Member, 'since' | 'until'>, date: string): boolean {
  return (!member.since || member.since <= date) && (!member.until || member.until >= date);
}

/** Active for the whole of a span (per-member rules need the member for the whole period). */
export function isActiveThroughout(member: Pick<Member, 'since' | 'until'>, first: string, last: string): boolean {
  return (!member.since || member.since <= first) && (!member.until || member.until >= last);
}

/** Full on a date: status full and `confirmed` (if given) on or before it. */
export function isFullOn(member: Pick<Member, 'status' | 'confirmed'>, date: string): boolean {
  return member.status === 'full' && (!member.confirmed || member.confirmed <= date);
}
