import type { Activity, Member } from '../model/types.js';
import type { BranchScope } from '../engine/scope.js';
import { peopleIn } from './select.js';

/** Per member name: the dates (sorted) of activities naming them in the given roles. */
export function datesByPerson(activities: readonly Activity[], roles: readonly string[], keep: (a: Activity) => boolean = () => true): Map<string, string[]> {
  const byPerson = new Map<string, string[]>();
  for (const a of activities) {
    if (!keep(a)) continue;
    for (const name of new Set(peopleIn(a, roles))) {
      let dates = byPerson.get(name);
      if (!dates) byPerson.set(name, (dates = []));
      dates.push(a.date);
    }
  }
  return byPerson;
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
export function membersOf(scope: BranchScope, skipExcused: boolean): Member[] {
  return skipExcused ? scope.branch.members.filter((m) => !m.excused) : scope.branch.members;
}
