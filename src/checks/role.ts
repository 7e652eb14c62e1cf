import { z } from 'zod';
import { isActive, isFullOn } from '../engine/scope.js';
import { primitive } from './primitive.js';

/** Structure: the person in a header role (secretary) must be an active full member of the branch. */
export const role = primitive({
  name: 'role',
  scope: 'branch',
  options: z.strictObject({ role: z.enum(['secretary']) }),
  run(scope, o, emit) {
    const { branch, asOf } = scope;
    const name = branch.header[o.role];
    const member = branch.members.find((m) => m.name === name);
    const problem = !member ? 'not-member' : !isActive(member, asOf) ? 'inactive' : !isFullOn(member, asOf) ? 'not-full' : null;
    if (problem) emit({ messageId: 'role', args: { role: o.role, name, problem }, period: null, subject: name, at: branch.at, status: 'violation' });
  },
});
