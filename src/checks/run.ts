import { z } from './deferred-z.js';
import { addDays, monthNumber, periodOf, type Window } from '../engine/periods.js';
import { primitive, whole } from './primitive.js';
import { roleNames } from './select.js';
import { membersOf, monthsBetween, monthsByPerson } from './member-activity.js';

/**
 * Per member: a run of `length`+ consecutive closed months, the member active in each,
 * with nothing paid (`dues`) or no participation (`roles`), ending inside the window.
 * Months up to length-1 before the window count toward the run.
 */
export const run = primitive({
  name: 'run',
  scope: 'branch',
  options: z.strictObject({
    lacking: z.enum(['dues', 'participation']),
    roles: roleNames.optional(),
    length: whole.min(2).default(6),
    skipExcused: z.boolean().default(false),
  }),
  run(scope, o, emit) {
    const { months, numbers, windowFirstMonth } = runMonths(scope.window, scope.asOf, o.length);
    if (months.length === 0) return;
    const established = scope.branch.header.established;
    // Per person, the months with any participation, walked alongside the months of the run.
    const participation = o.lacking === 'participation' ? monthsByPerson(scope, o.roles ?? ['attendees', 'host', 'lecturer', 'with']) : null;
    for (const m of membersOf(scope, o.skipExcused)) {
      const named = participation?.get(m.name) ?? [];
      let next = 0; // walks `named` alongside the months
      // The months of every long enough run that ends inside the window.
      const qualifying: string[] = [];
      let runStart = -1;
      // The months to look at: begun once the branch was established and the member joined, ended before the member left.
      const from = Math.max(firstMonth(months, established, false), firstMonth(months, m.since, false));
      const to = m.until ? firstMonth(months, m.until, true) : months.length;
      // One step past the last month (nothing lacking there) ends the last run; no read past an array's end.
      for (let i = 0; i <= months.length; i++) {
        let lacking = false;
        if (i >= from && i < to) {
          const number = numbers[i] as number;
          while (next < named.length && (named[next] as number) < number) next++;
          lacking = participation ? !(next < named.length && named[next] === number) : !m.paid.has((months[i] as RunMonths['months'][number]).label);
        }
        if (lacking) {
          if (runStart === -1) runStart = i;
          continue;
        }
        if (runStart !== -1 && i - runStart >= o.length && (months[i - 1] as (typeof months)[number]).label >= windowFirstMonth) {
          for (let k = runStart; k < i; k++) qualifying.push((months[k] as (typeof months)[number]).label);
        }
        runStart = -1;
      }
      if (qualifying.length === 0) {
        emit.met?.(null, m.name);
        continue;
      }
      emit({ messageId: 'run', args: { name: m.name, lacking: o.lacking, months: qualifying, length: o.length }, period: null, subject: m.name, at: m.at, status: 'violation' });
    }
  },
});

interface RunMonths {
  months: { label: string; first: string; last: string }[];
  numbers: number[];
  windowFirstMonth: string;
}
// Kept per check, by the check's window object: nothing of one run outlives it.
const runMonthsOfWindow = new WeakMap<Window, Map<string, RunMonths>>();

/** The closed months a run may span (from length-1 months before the window), the same for every branch of a check. */
function runMonths(window: Window, asOf: string, length: number): RunMonths {
  let known = runMonthsOfWindow.get(window);
  if (!known) runMonthsOfWindow.set(window, (known = new Map()));
  const key = `${asOf}/${length}`;
  let cached = known.get(key);
  if (cached) return cached;
  const lastClosed = periodOf(asOf, 'month').first; // months before the as-of month are closed
  const startMonth = monthsBetween(shiftMonths(window.from, -(length - 1)), window.from)[0] as string;
  const endDate = window.to < lastClosed ? window.to : addDays(lastClosed, -1);
  const months = endDate < `${startMonth}-01` ? [] : monthsBetween(`${startMonth}-01`, endDate).map((label) => periodOf(`${label}-01`, 'month'));
  cached = { months, numbers: months.map((month) => monthNumber(month.first)), windowFirstMonth: window.from.slice(0, 7) };
  known.set(key, cached);
  return cached;
}

/**
 * The first of `months` beginning on or after `date` (0 when there is no date), or, with
 * `ending`, the first ending after it; `months.length` when there is none.
 */
function firstMonth(months: RunMonths['months'], date: string | null | undefined, ending: boolean): number {
  if (!date) return 0;
  let low = 0;
  let high = months.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const month = months[mid] as RunMonths['months'][number];
    if (ending ? date < month.last : date <= month.first) high = mid;
    else low = mid + 1;
  }
  return low;
}

function shiftMonths(date: string, months: number): string {
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-01`;
}
