import { list, nullable, object, pair, text, type Shape } from './json-shape.js';
import type { BranchScope } from './scope.js';

/** What an organization-level check sees of one branch (kept after the branch itself is dropped). */
export interface BranchDigest {
  id: string;
  parent: string | null;
  units: string[];
  groups: string[];
  established: string | null;
  /** Per leader name: the activities of this branch the leader took part in. */
  participation: Map<string, Participation[]>;
}

/** One activity a leader took part in, with the roles the leader had there. */
export interface Participation {
  type: string;
  date: string;
  group: string | null;
  roles: string[];
}

/** A digest as plain JSON, the one form both the cache and shard reports store. */
export type DigestJson = Omit<BranchDigest, 'participation'> & { participation: [string, Participation[]][] };

const PARTICIPATION_ROLES = ['attendees', 'guests', 'host', 'lecturer', 'with'] as const;

/** What organization rules need of a branch once the branch itself is gone. */
export function digestOf(scope: BranchScope, leaders: ReadonlySet<string> | undefined): BranchDigest {
  const { header, groups } = scope.branch;
  const participation = new Map<string, Participation[]>();
  if (leaders) {
    for (const a of scope.activities) {
      for (const name of leaders) {
        const roles = PARTICIPATION_ROLES.filter((role) => {
          const v = a[role];
          return Array.isArray(v) ? v.includes(name) : v === name;
        });
        if (roles.length === 0) continue;
        let list = participation.get(name);
        if (!list) participation.set(name, (list = []));
        list.push({ type: a.type, date: a.date, group: a.group ?? null, roles });
      }
    }
  }
  return { id: scope.branch.id, parent: header.parent ?? null, units: header.units ?? [], groups: groups.map((g) => g.name), established: header.established ?? null, participation };
}

/** The digest as plain JSON (Maps do not survive JSON: participation becomes its entries). */
export function encodeDigest(digest: BranchDigest): DigestJson {
  return { id: digest.id, parent: digest.parent, units: digest.units, groups: digest.groups, established: digest.established, participation: [...digest.participation] };
}

/** The digest of its JSON form (checked first against `digestShape`). */
export function decodeDigest(json: DigestJson): BranchDigest {
  return { id: json.id, parent: json.parent, units: json.units, groups: json.groups, established: json.established, participation: new Map(json.participation) };
}

/** The JSON form of a digest, as `decodeDigest` needs it. */
export const digestShape: Shape = object({
  id: text,
  parent: nullable(text),
  units: list(text),
  groups: list(text),
  established: nullable(text),
  participation: list(pair(text, list(object({ type: text, date: text, group: nullable(text), roles: list(text) })))),
});
