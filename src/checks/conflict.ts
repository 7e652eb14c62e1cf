import { z } from './deferred-z.js';
import { roleBits } from '../engine/scope.js';
import type { Activity } from '../model/types.js';
import { aboutRecord, primitive } from './primitive.js';

/** Record rule: nobody may be both present (`attendees`) and absent (`absentees`). */
export const conflict = primitive({
  name: 'conflict',
  scope: 'branch',
  options: z.strictObject({}),
  run(scope, _o, emit) {
    // Only the activities naming someone both present and absent are looked at name by name.
    const presentAndAbsent = roleBits(['attendees', 'absentees']);
    const conflicting = new Set<Activity>();
    for (const { at, roles } of scope.people().values()) {
      for (let k = 0; k < at.length; k++) if (((roles[k] as number) & presentAndAbsent) === presentAndAbsent) conflicting.add(scope.activities[at[k] as number] as Activity);
    }
    for (const a of scope.inWindow()) {
      if (!a.attendees || !a.absentees) continue;
      if (!conflicting.has(a)) {
        emit.met?.(null, a.key);
        continue;
      }
      const present = new Set(a.attendees);
      const both = [...new Set(a.absentees.map((x) => x.name).filter((n) => present.has(n)))];
      emit({ messageId: 'conflict', args: { date: a.date, type: a.type, names: both }, ...aboutRecord(a) });
    }
  },
});
