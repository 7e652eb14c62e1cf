import { z } from './deferred-z.js';
import { aboutRecord, primitive } from './primitive.js';
import { eachPerson } from './member-activity.js';
import { roleBits } from '../engine/scope.js';
import type { Activity } from '../model/types.js';

/** Record rule: names in member-only roles must be members; in open roles, members or guests. */
export const names = primitive({
  name: 'names',
  scope: 'branch',
  options: z.strictObject({
    members: z.array(z.enum(['attendees', 'absentees', 'recorder', 'with'])).min(1),
    membersOrGuests: z.array(z.enum(['host', 'lecturer'])).default([]),
  }),
  run(scope, o, emit) {
    const unknown = new Set<string>();
    let guests: readonly string[] = [];
    const member = (name: string) => {
      if (!scope.memberNames.has(name)) unknown.add(name);
    };
    const memberOrGuest = (name: string) => {
      if (!scope.memberNames.has(name) && !guests.includes(name)) unknown.add(name);
    };
    const roles = o.members.map((role) => [role]);
    // Only the activities naming someone who is not a member are walked name by name.
    const memberRoles = roleBits(o.members);
    const openRoles = roleBits(o.membersOrGuests);
    const suspect = new Set<Activity>();
    for (const [name, { at, roles: named }] of scope.people()) {
      if (scope.memberNames.has(name)) continue;
      for (let k = 0; k < at.length; k++) {
        const activity = scope.activities[at[k] as number] as Activity;
        const bits = named[k] as number;
        if ((bits & memberRoles) !== 0 || ((bits & openRoles) !== 0 && !activity.guests?.includes(name))) suspect.add(activity);
      }
    }
    for (const a of scope.inWindow()) {
      if (!suspect.has(a)) {
        emit.met?.(null, a.key);
        continue;
      }
      unknown.clear();
      guests = a.guests ?? [];
      for (const role of roles) {
        if (role[0] === 'absentees') for (const x of a.absentees ?? []) member(x.name);
        else eachPerson(a, role, member);
      }
      eachPerson(a, o.membersOrGuests, memberOrGuest);
      if (unknown.size === 0) {
        emit.met?.(null, a.key);
        continue;
      }
      emit({ messageId: 'names', args: { date: a.date, type: a.type, names: [...unknown] }, ...aboutRecord(a) });
    }
  },
});
