import { z } from './deferred-z.js';
import { isActive, isFullOn } from '../engine/scope.js';
import { primitive } from './primitive.js';

const headerRole = z.enum(['secretary', 'deputy_secretaries', 'committee']);

/**
 * Structure: every person named in the header roles (secretary, deputy secretaries,
 * committee) must be an active full member of the branch; one finding per name.
 */
export const role = primitive({
  name: 'role',
  scope: 'branch',
  options: z.strictObject({ role: z.union([headerRole, z.array(headerRole).min(1)]).transform((v) => (Array.isArray(v) ? v : [v])) }),
  run(scope, o, emit) {
    const { branch, asOf } = scope;
    const seen = new Set<string>();
    for (const r of o.role) {
      const value = branch.header[r];
      for (const name of Array.isArray(value) ? value : value ? [value] : []) {
        if (seen.has(name)) continue;
        seen.add(name);
        const member = scope.members.find((m) => m.name === name);
        const problem = !member ? 'not-member' : !isActive(member, asOf) ? 'inactive' : !isFullOn(member, asOf) ? 'not-full' : null;
        if (problem) emit({ messageId: 'role', args: { role: r, name, problem }, period: null, subject: name, at: branch.at, status: 'violation' });
        else emit.met?.(null, name);
      }
    }
  },
});
