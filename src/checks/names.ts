import { z } from 'zod';
import { primitive } from './primitive.js';
import { peopleIn } from './select.js';

/** Record rule: names in member-only roles must be members; in open roles, members or guests. */
export const names = primitive({
  name: 'names',
  scope: 'branch',
  options: z.strictObject({
    members: z.array(z.enum(['attendees', 'absentees', 'recorder', 'with'])).min(1),
    membersOrGuests: z.array(z.enum(['host', 'lecturer'])).default([]),
  }),
  run(scope, o, emit) {
    for (const a of scope.inWindow()) {
      const guests = new Set(a.guests ?? []);
      const unknown = new Set<string>();
      for (const role of o.members) {
        const people = role === 'absentees' ? (a.absentees ?? []).map((x) => x.name) : peopleIn(a, [role]);
        for (const name of people) if (!scope.memberNames.has(name)) unknown.add(name);
      }
      for (const name of peopleIn(a, o.membersOrGuests)) if (!scope.memberNames.has(name) && !guests.has(name)) unknown.add(name);
      if (unknown.size === 0) continue;
      emit({ messageId: 'names', args: { date: a.date, type: a.type, names: [...unknown] }, period: null, subject: `activities[${a.index}]`, at: a.at, status: 'violation', date: a.date });
    }
  },
});
