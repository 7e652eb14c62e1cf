import { z } from './deferred-z.js';
import { isActiveThroughout } from '../engine/scope.js';
import { localText, periodSize, primitive, whole } from './primitive.js';
import { matches, roleNames, selector } from './select.js';
import { datesByPerson } from './member-activity.js';

/** Per period and per member active for all of it: named in `roles` of at least `min` matching activities. */
export const participation = primitive({
  name: 'participation',
  scope: 'branch',
  options: z.strictObject({ per: periodSize, select: selector, roles: roleNames, min: whole.default(1), what: localText }),
  run(scope, o, emit) {
    const dates = datesByPerson(scope.ofTypes(o.select.type), o.roles, (a) => matches(a, o.select, { secretary: scope.branch.header.secretary }));
    for (const period of scope.periods(o.per)) {
      for (const m of scope.members) {
        if (!isActiveThroughout(m, period.first, period.last)) continue;
        let actual = 0;
        for (const d of dates.get(m.name) ?? []) if (d >= period.first && d <= period.end) actual++;
        if (actual >= o.min) {
          emit.met?.(period.label, m.name);
          continue;
        }
        emit({
          messageId: 'participation',
          args: { period: period.label, name: m.name, what: o.what, min: o.min, actual, daysLeft: period.daysLeft },
          period: period.label,
          subject: m.name,
          at: m.at,
          status: period.closed ? 'violation' : 'pending',
        });
      }
    }
  },
});
