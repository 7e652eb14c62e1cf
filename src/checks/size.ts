import { z } from './deferred-z.js';
import { isActive, isFullOn } from '../engine/scope.js';
import { primitive, whole } from './primitive.js';

/** Structure: how many active (full) members or committee members a branch has, against limits. */
export const size = primitive({
  name: 'size',
  scope: 'branch',
  options: z
    .strictObject({ of: z.enum(['full-members', 'members', 'committee']), below: whole.optional(), above: whole.optional(), atLeast: whole.optional() })
    .refine((o) => o.below !== undefined || o.above !== undefined || o.atLeast !== undefined, { message: 'one of below, above, atLeast is required' }),
  run(scope, o, emit) {
    const { branch, asOf } = scope;
    const n =
      o.of === 'committee'
        ? (branch.header.committee ?? []).length
        : scope.members.filter((m) => isActive(m, asOf) && (o.of === 'members' || isFullOn(m, asOf))).length;
    const limit = o.below !== undefined && n < o.below ? { bound: 'below', limit: o.below } : o.above !== undefined && n > o.above ? { bound: 'above', limit: o.above } : o.atLeast !== undefined && n >= o.atLeast ? { bound: 'atLeast', limit: o.atLeast } : null;
    if (!limit) {
      emit.met?.(null, null);
      return;
    }
    emit({ messageId: 'size', args: { of: o.of, count: n, ...limit }, period: null, subject: null, at: branch.at, status: 'violation' });
  },
});
