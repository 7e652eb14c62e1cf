import { z } from './deferred-z.js';
import { isActiveThroughout } from '../engine/scope.js';
import type { Activity } from '../model/types.js';
import { periodSize, primitive } from './primitive.js';
import { membersOf } from './member-activity.js';

/** Per period and per member (optionally not the excused): hours of attended activities plus own training reach `min` (`cadreMin` for the secretary, deputies and committee). */
export const sum = primitive({
  name: 'sum',
  scope: 'branch',
  options: z.strictObject({ per: periodSize, min: z.number().min(0).max(10_000), cadreMin: z.number().min(0).max(10_000).optional(), skipExcused: z.boolean().default(false) }),
  run(scope, o, emit) {
    for (const period of scope.periods(o.per)) {
      // Per attendee: hours so far, and the last activity counted (a name listed twice counts once).
      const attended = new Map<string, { hours: number; last: Activity }>();
      for (const a of scope.during(period)) {
        if (!a.hours || !a.attendees) continue;
        for (const name of a.attendees) {
          const entry = attended.get(name);
          if (!entry) attended.set(name, { hours: a.hours, last: a });
          else if (entry.last !== a) {
            entry.hours += a.hours;
            entry.last = a;
          }
        }
      }
      for (const m of membersOf(scope, o.skipExcused)) {
        if (!isActiveThroughout(m, period.first, period.last)) continue;
        let total = attended.get(m.name)?.hours ?? 0;
        for (const t of m.training ?? []) if (t.date >= period.first && t.date <= period.end) total += t.hours;
        const cadre = scope.cadres.has(m.name);
        const min = cadre && o.cadreMin !== undefined ? o.cadreMin : o.min;
        if (total >= min) {
          emit.met?.(period.label, m.name);
          continue;
        }
        emit({
          messageId: 'sum',
          args: { period: period.label, name: m.name, total: Math.round(total * 100) / 100, min, cadre, daysLeft: period.daysLeft },
          period: period.label,
          subject: m.name,
          at: m.at,
          status: period.closed ? 'violation' : 'pending',
        });
      }
    }
  },
});
