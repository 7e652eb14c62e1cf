import { z } from 'zod';
import type { Activity } from '../model/types.js';
import { aboutRecord, primitive } from './primitive.js';

/** Record rule: a later record with the same key fields as an earlier one in the file is reported. */
export const duplicate = primitive({
  name: 'duplicate',
  scope: 'branch',
  options: z.strictObject({ key: z.array(z.enum(['type', 'date', 'group', 'topic'])).min(1) }),
  run(scope, o, emit) {
    const { from, to } = scope.window;
    const [lead, ...rest] = o.key as [(typeof o.key)[number], ...typeof o.key];
    // Earlier records by their first key field; the rest compared field by field (absent equals absent).
    const earlier = new Map<unknown, Activity[]>();
    const same = (a: Activity, b: Activity) => {
      for (const k of rest) if ((a[k] ?? null) !== (b[k] ?? null)) return false;
      return true;
    };
    // File order decides which record is the earlier one.
    for (const a of scope.branch.activities) {
      const value = a[lead] ?? null;
      const list = earlier.get(value);
      const first = list?.find((b) => same(a, b));
      if (!first) {
        if (list) list.push(a);
        else earlier.set(value, [a]);
        continue;
      }
      if (a.date < from || a.date > to || a.date > scope.asOf) continue;
      emit({ messageId: 'duplicate', args: { date: a.date, type: a.type, first: first.index }, ...aboutRecord(a) });
    }
  },
});
