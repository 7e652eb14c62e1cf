import { z } from './deferred-z.js';
import { primitive, whole } from './primitive.js';

/**
 * Organization: every unit with party members is covered by a branch (or, below `branchAt`, by a group).
 * Not evaluated while a branch document that may be the organization's was skipped: it may cover the unit.
 */
export const coverage = primitive({
  name: 'coverage',
  scope: 'organization',
  options: z.strictObject({ branchAt: whole.min(1).default(3) }),
  run(scope, o, emit) {
    if (scope.unread.ofOrganization) return;
    const byUnit = new Set<string>();
    const groups = new Set<string>();
    for (const b of scope.branches.values()) {
      for (const u of b.units) byUnit.add(u);
      for (const g of b.groups) groups.add(g);
    }
    for (const unit of scope.organization.units) {
      if (unit.party_members === 0) continue;
      if (byUnit.has(unit.name) || (unit.party_members < o.branchAt && groups.has(unit.name))) {
        emit.met?.(null, unit.name);
        continue;
      }
      emit({ messageId: 'coverage', args: { unit: unit.name, members: unit.party_members, branchAt: o.branchAt }, period: null, subject: unit.name, at: unit.at, status: 'violation' });
    }
  },
});
