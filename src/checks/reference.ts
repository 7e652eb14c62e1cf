import { z } from './deferred-z.js';
import { isMissing } from '../schema/enums.js';
import { isActive } from '../engine/scope.js';
import { primitive } from './primitive.js';

/** Structure: when the branch has groups, each active member's `group` must name one of them. */
export const reference = primitive({
  name: 'reference',
  scope: 'branch',
  options: z.strictObject({ field: z.literal('group'), in: z.literal('groups') }),
  run(scope, o, emit) {
    const { branch, asOf } = scope;
    if (branch.groups.length === 0) return;
    const names = new Set(branch.groups.map((g) => g.name));
    for (const m of scope.members) {
      if (!isActive(m, asOf)) continue;
      const value = m[o.field];
      if (!isMissing(value) && names.has(value as string)) {
        emit.met?.(null, m.name);
        continue;
      }
      emit({ messageId: 'reference', args: { name: m.name, value: value ?? null, known: [...names] }, period: null, subject: m.name, at: m.at, status: 'violation' });
    }
  },
});
