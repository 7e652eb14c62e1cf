import { z } from './deferred-z.js';
import { isActiveThroughout } from '../engine/scope.js';
import { primitive } from './primitive.js';

/** Per month and per member active for all of it: the month is among the member's paid months (`dues`). */
export const dues = primitive({
  name: 'dues',
  scope: 'branch',
  options: z.strictObject({}),
  run(scope, _o, emit) {
    for (const period of scope.periods('month')) {
      for (const m of scope.members) {
        if (!isActiveThroughout(m, period.first, period.last)) continue;
        if (m.paid.has(period.label)) {
          emit.met?.(period.label, m.name);
          continue;
        }
        emit({
          messageId: 'dues',
          args: { period: period.label, name: m.name, daysLeft: period.daysLeft },
          period: period.label,
          subject: m.name,
          at: m.at,
          status: period.closed ? 'violation' : 'pending',
        });
      }
    }
  },
});
