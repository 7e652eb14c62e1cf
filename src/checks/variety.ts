import { z } from './deferred-z.js';
import { localText, periodSize, primitive, whole } from './primitive.js';
import { matches, selector } from './select.js';

/** Per period: `min` or more matching records that all share one `form`. */
export const variety = primitive({
  name: 'variety',
  scope: 'branch',
  options: z.strictObject({ per: periodSize, select: selector, field: z.literal('form'), min: whole.default(2), what: localText }),
  run(scope, o, emit) {
    for (const period of scope.periods(o.per)) {
      const records = scope.during(period, o.select.type).filter((a) => matches(a, o.select));
      const forms = new Set(records.map((a) => a[o.field]));
      if (records.length < o.min || forms.size !== 1) {
        emit.met?.(period.label, null);
        continue;
      }
      const form = [...forms][0] ?? null;
      emit({
        messageId: 'variety',
        args: { period: period.label, what: o.what, count: records.length, form, daysLeft: period.daysLeft },
        period: period.label,
        subject: null,
        at: scope.branch.at,
        status: period.closed ? 'violation' : 'pending',
      });
    }
  },
});
