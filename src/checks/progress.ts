import { z } from './deferred-z.js';
import { periodOf } from '../engine/periods.js';
import { periodSize, primitive, whole } from './primitive.js';

/** Per period after the period of `approved`, per ongoing project: at least `min` progress entries. */
export const progress = primitive({
  name: 'progress',
  scope: 'branch',
  options: z.strictObject({ per: periodSize, min: whole.default(1) }),
  run(scope, o, emit) {
    for (const p of scope.branch.projects) {
      if (p.status === 'done' || (p.approved && p.approved > scope.asOf)) continue;
      const startAfter = p.approved ? periodOf(p.approved, o.per).last : null;
      for (const period of scope.periods(o.per)) {
        if (startAfter && period.first <= startAfter) continue;
        const actual = (p.progress ?? []).filter((e) => e.date >= period.first && e.date <= period.end).length;
        if (actual >= o.min) {
          emit.met?.(period.label, p.name);
          continue;
        }
        emit({
          messageId: 'progress',
          args: { period: period.label, name: p.name, min: o.min, actual, daysLeft: period.daysLeft },
          period: period.label,
          subject: p.name,
          at: p.at,
          status: period.closed ? 'violation' : 'pending',
        });
      }
    }
  },
});
