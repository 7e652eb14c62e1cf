import { z } from './deferred-z.js';
import { aboutRecord, primitive } from './primitive.js';

/** Record rule: nobody may be both present (`attendees`) and absent (`absentees`). */
export const conflict = primitive({
  name: 'conflict',
  scope: 'branch',
  options: z.strictObject({}),
  run(scope, _o, emit) {
    for (const a of scope.inWindow()) {
      if (!a.attendees || !a.absentees) continue;
      const present = new Set(a.attendees);
      const both = [...new Set(a.absentees.map((x) => x.name).filter((n) => present.has(n)))];
      if (both.length === 0) {
        emit.met?.(null, a.key);
        continue;
      }
      emit({ messageId: 'conflict', args: { date: a.date, type: a.type, names: both }, ...aboutRecord(a) });
    }
  },
});
