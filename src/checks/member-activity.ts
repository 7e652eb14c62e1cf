import type { Activity } from '../model/types.js';
import { roleBits, type BranchScope, type MemberView, type Role } from '../engine/scope.js';

/** Calls `visit` for every name an activity gives in the roles (a name may come more than once). */
export function eachPerson(activity: Activity, roles: readonly string[], visit: (name: string) => void): void {
  for (const role of roles) {
    const value = (activity as Record<string, unknown>)[role];
    if (typeof value === 'string') visit(value);
    else if (Array.isArray(value)) for (const v of value) if (typeof v === 'string') visit(v);
  }
}

/** Per member name: the dates (sorted) of activities naming them in the given roles, each activity once. */
export function datesByPerson(activities: readonly Activity[], roles: readonly string[], keep?: (a: Activity) => boolean): Map<string, string[]> {
  const byPerson = new Map<string, string[]>();
  const lastSeen = new Map<string, Activity>();
  let current: Activity;
  const visit = (name: string) => {
    if (lastSeen.get(name) === current) return;
    lastSeen.set(name, current);
    const dates = byPerson.get(name);
    if (dates) dates.push(current.date);
    else byPerson.set(name, [current.date]);
  };
  for (const a of activities) {
    if (keep && !keep(a)) continue;
    current = a;
    eachPerson(a, roles, visit);
  }
  return byPerson;
}

/**
 * Per member name: the months (as `monthNumber`s, ascending, each once) with an
 * activity naming them in the roles; made once per branch and shared by its rules.
 */
export function monthsByPerson(scope: BranchScope, roles: readonly Role[]): ReadonlyMap<string, readonly number[]> {
  return scope.memo(`months-by-person:${roles.join(',')}`, () => {
    const bits = roleBits(roles);
    const monthOf = scope.months();
    const byPerson = new Map<string, number[]>();
    // Each person's activities come by date, so their months come in order.
    for (const [name, { at, roles: named }] of scope.people()) {
      let months: number[] | undefined;
      for (let k = 0; k < at.length; k++) {
        if (((named[k] as number) & bits) === 0) continue;
        const month = monthOf[at[k] as number] as number;
        if (!months) byPerson.set(name, (months = [month]));
        else if (months[months.length - 1] !== month) months.push(month);
      }
    }
    return byPerson;
  });
}

/** Months `YYYY-MM` from `first` to `last` inclusive. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let year = Number(first.slice(0, 4));
  let month = Number(first.slice(5, 7));
  const end = last.slice(0, 7);
  for (;;) {
    const label = `${year}-${String(month).padStart(2, '0')}`;
    if (label > end) return months;
    months.push(label);
    if (++month > 12) {
      month = 1;
      year++;
    }
  }
}

/** Members a per-member rule looks at, optionally without the excused. */
export function membersOf(scope: BranchScope, skipExcused: boolean): readonly MemberView[] {
  return skipExcused ? scope.members.filter((m) => !m.excused) : scope.members;
}
