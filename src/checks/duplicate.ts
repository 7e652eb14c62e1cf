import { z } from 'zod';
import { primitive } from './primitive.js';

/** Record rule: a later record with the same key fields as an earlier one in the file is reported. */
export const duplicate = primitive({
  name: 'duplicate',
  scope: 'branch',
  options: z.strictObject({ key: z.array(z.enum(['type', 'date', 'group', 'topic'])).min(1) }),
  run(scope, o, emit) {
    const first = new Map<string, number>();
    const { from, to } = scope.window;
    // File order decides which record is the earlier one.
    for (const a of scope.branch.activities) {
      let key = '';
      for (const k of o.key) key += `${a[k] ?? '\u0000'}\u0001`;
      const earlier = first.get(key);
      if (earlier === undefined) {
        first.set(key, a.index);
        continue;
      }
      if (a.date < from || a.date > to || a.date > scope.asOf) continue;
      emit({ messageId: 'duplicate', args: { date: a.date, type: a.type, first: earlier }, period: null, subject: `activities[${a.index}]`, at: a.at, status: 'violation', date: a.date });
    }
  },
});
