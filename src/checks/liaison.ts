import { z } from './deferred-z.js';
import type { Leader } from '../model/types.js';
import type { BranchDigest, OrganizationScope } from './primitive.js';
import { localText, periodSize, primitive, whole } from './primitive.js';
import { roleNames, selector } from './select.js';
import { periodsOf } from '../engine/periods.js';

/** The branch id and group a liaison names (`pb-003` or `pb-003/第一党小组`). */
export function liaisonTarget(liaison: string | null | undefined): { branch: string; group: string | null } | null {
  if (!liaison) return null;
  const slash = liaison.indexOf('/');
  return slash === -1 ? { branch: liaison, group: null } : { branch: liaison.slice(0, slash), group: liaison.slice(slash + 1) };
}

/**
 * Whether a leader's liaison names an existing branch (or branch/group) among all files
 * of the check; null when that cannot be told: the branch may be a skipped document.
 */
function resolves(scope: OrganizationScope, leader: Leader): boolean | null {
  const target = liaisonTarget(leader.liaison);
  if (!target) return false;
  if (scope.unread.ids.has(target.branch)) return null;
  const branch = scope.everyBranch.get(target.branch);
  if (!branch) return scope.unread.unknownId ? null : false;
  return !target.group || branch.groups.includes(target.group);
}

/** Organization: each leader's `liaison` names an existing branch or branch/group (of any organization in the check). */
export const liaisonAssigned = primitive({
  name: 'liaison-assigned',
  scope: 'organization',
  options: z.strictObject({}),
  run(scope, _o, emit) {
    for (const leader of scope.organization.leaders) {
      const resolved = resolves(scope, leader);
      if (resolved === true) emit.met?.(null, leader.name);
      if (resolved !== false) continue;
      emit({ messageId: 'liaison-assigned', args: { name: leader.name, liaison: leader.liaison ?? null }, period: null, subject: leader.name, at: leader.at, status: 'violation' });
    }
  },
});

/** Organization, per period and leader: the leader takes part in matching activities of the liaison branch (of any organization) or the leader's own branch. */
export const leaderParticipation = primitive({
  name: 'leader-participation',
  scope: 'organization',
  options: z.strictObject({ in: z.enum(['liaison', 'own']), per: periodSize, select: selector, roles: roleNames, min: whole.default(1), what: localText }),
  run(scope, o, emit) {
    const types = o.select.type;
    for (const leader of scope.organization.leaders) {
      const target = o.in === 'liaison' ? liaisonTarget(leader.liaison) : leader.branch ? { branch: leader.branch, group: null } : null;
      // A branch skipped for an input error is not guessed about; a missing one, liaison.assigned reports.
      const branch: BranchDigest | undefined = target && !scope.unread.ids.has(target.branch) ? scope.everyBranch.get(target.branch) : undefined;
      if (!target || !branch || (target.group && !branch.groups.includes(target.group))) continue;
      const records = (branch.participation.get(leader.name) ?? []).filter(
        (p) =>
          (!types || types.includes(p.type)) &&
          p.roles.some((r) => o.roles.includes(r as never)) &&
          // A group liaison counts branch-wide activities and that group's own meetings.
          (!target.group || p.type !== 'group-meeting' || p.group === target.group),
      );
      for (const period of periodsOf(scope.window, o.per, scope.asOf)) {
        if (branch.established && branch.established > period.first) continue;
        const actual = records.filter((p) => p.date >= period.first && p.date <= period.end).length;
        if (actual >= o.min) {
          emit.met?.(period.label, leader.name);
          continue;
        }
        emit({
          messageId: 'leader-participation',
          args: { period: period.label, name: leader.name, branch: target.branch, group: target.group, what: o.what, min: o.min, actual, daysLeft: period.daysLeft },
          period: period.label,
          subject: leader.name,
          at: leader.at,
          status: period.closed ? 'violation' : 'pending',
        });
      }
    }
  },
});
