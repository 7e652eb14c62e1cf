import { z } from 'zod';
import { isActiveThroughout } from '../engine/scope.js';
import { periodSize, primitive } from './primitive.js';

/** Per period and per member: hours of attended activities plus own training reach `min` (`cadreMin` for the secretary, deputies and committee). */
export const sum = primitive({
  name: 'sum',
  scope: 'branch',
  options: z.strictObject({ per: periodSize, min: z.number().min(0), cadreMin: z.number().min(0).optional() }),
  run(scope, o, emit) {
    for (const period of scope.periods(o.per)) {
      const attended = new Map<string, number>();
      for (const a of scope.between(period.first, period.end)) {
        if (!a.hours || !a.attendees) continue;
        for (const name of new Set(a.attendees)) attended.set(name, (attended.get(name) ?? 0) + a.hours);
      }
      for (const m of scope.branch.members) {
        if (!isActiveThroughout(m, period.first, period.last)) continue;
        let total = attended.get(m.name) ?? 0;
        for (const t of m.training ?? []) if (t.date >= period.first && t.date <= period.end) total += t.hours;
        const cadre = scope.cadres.has(m.name);
        const min = cadre && o.cadreMin !== undefined ? o.cadreMin : o.min;
        if (total >= min) continue;
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
