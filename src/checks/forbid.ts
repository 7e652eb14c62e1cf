import { z } from './deferred-z.js';
import { aboutRecord, primitive } from './primitive.js';
import { matches, selector } from './select.js';

/** Record rule: every matching record in the window is a violation. */
export const forbid = primitive({
  name: 'forbid',
  scope: 'branch',
  options: z.strictObject({ select: selector }),
  run(scope, o, emit) {
    for (const a of scope.inWindow()) {
      if (!matches(a, o.select)) {
        emit.met?.(null, a.key);
        continue;
      }
      emit({ messageId: 'forbid', args: { date: a.date, type: a.type, form: a.form ?? null, topic: a.topic ?? null }, ...aboutRecord(a) });
    }
  },
});
