import { z } from './deferred-z.js';
import { localText, periodSize, primitive, whole } from './primitive.js';
import { matches, selector } from './select.js';

/** Per period (and optionally per group): at least `min` matching activities. */
export const count = primitive({
  name: 'count',
  scope: 'branch',
  options: z.strictObject({ per: periodSize, select: selector, min: whole.default(1), each: z.enum(['group']).optional(), what: localText }),
  run(scope, o, emit) {
    const groups = o.each === 'group' ? scope.branch.groups : [null];
    for (const period of scope.periods(o.per)) {
      const records = scope.during(period, o.select.type);
      for (const group of groups) {
        const bindings = { secretary: scope.branch.header.secretary, group: group?.name };
        let actual = 0;
        for (const a of records) if (matches(a, o.select, bindings)) actual++;
        if (actual >= o.min) {
          emit.met?.(period.label, group?.name ?? null);
          continue;
        }
        emit({
          messageId: 'count',
          args: { period: period.label, what: o.what, min: o.min, actual, subject: group?.name, daysLeft: period.daysLeft },
          period: period.label,
          subject: group?.name ?? null,
          at: group?.at ?? scope.branch.at,
          status: period.closed ? 'violation' : 'pending',
        });
      }
    }
  },
});
