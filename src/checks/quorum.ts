import type { z as Zod } from 'zod';
import { z } from './deferred-z.js';
import type { Activity } from '../model/types.js';
import { isMissing } from '../schema/enums.js';
import type { BranchScope } from '../engine/scope.js';
import { isActive, isFullOn } from '../engine/scope.js';
import { aboutRecord, primitive, ratio } from './primitive.js';
import { matches, selector } from './select.js';

/** Who counts as expected at a record: voting members, the committee, or the record's own counts. */
const base = z.enum(['members', 'committee', 'counts']);

function attendance(scope: BranchScope, a: Activity, by: Zod.output<typeof base>, expectedField: 'expected' | 'eligible') {
  const attendees = isMissing(a.attendees) ? null : new Set(a.attendees);
  if (by === 'members') {
    if (attendees) {
      let present = 0;
      let expected = 0;
      for (const m of scope.members) {
        if (!isActive(m, a.date) || !isFullOn(m, a.date) || m.excused) continue;
        expected++;
        if (attendees.has(m.name)) present++;
      }
      return { present, expected };
    }
    return a.present != null && a.expected != null ? { present: a.present, expected: a.expected } : null;
  }
  if (by === 'committee') {
    const committee = scope.committee;
    if (!committee) return null;
    if (attendees) {
      let present = 0;
      for (const name of committee) if (attendees.has(name)) present++;
      return { present, expected: committee.size };
    }
    return a.present != null ? { present: a.present, expected: committee.size } : null;
  }
  const expected = a[expectedField];
  return a.present != null && expected != null ? { present: a.present, expected } : null;
}

/** Record rule: those present must exceed `ratio` of those expected. */
export const quorum = primitive({
  name: 'quorum',
  scope: 'branch',
  options: z.strictObject({ select: selector, base, ratio, expected: z.enum(['expected', 'eligible']).default('expected') }),
  run(scope, o, emit) {
    for (const a of scope.inWindow(o.select.type)) {
      if (!matches(a, o.select)) continue;
      const counts = attendance(scope, a, o.base, o.expected);
      if (!counts || counts.expected === 0) continue;
      if (counts.present > o.ratio.value * counts.expected) {
        emit.met?.(null, a.key);
        continue;
      }
      emit({
        messageId: 'quorum',
        args: { date: a.date, type: a.type, present: counts.present, expected: counts.expected, ratio: o.ratio.text, base: o.base },
        ...aboutRecord(a),
      });
    }
  },
});
