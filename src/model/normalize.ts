import type { YamlDocument } from '../load/yaml.js';
import type { BranchDocument, OrganizationDocument } from '../schema/records.js';
import type { Branch, Located, Organization, Source } from './types.js';

/** Adds each entry's index and offset in place (the entries are the schema's fresh output). */
function located<T extends object>(list: readonly T[] | null | undefined, key: string, doc: YamlDocument): (T & Located & { index: number })[] {
  if (!list) return [];
  const offsets = doc.items.get(key) ?? [];
  const out = list as (T & Located & { index: number })[];
  for (let index = 0; index < out.length; index++) {
    const entry = out[index] as T & Located & { index: number };
    entry.index = index;
    entry.at = offsets[index] ?? doc.keys.get(key) ?? doc.start;
  }
  return out;
}

function headerOffset(doc: YamlDocument, key: string): number {
  return doc.keys.get(key) ?? doc.start;
}

/**
 * A record's key (docs/report.md): `TYPE@DATE`, plus `/GROUP` for a group meeting and `/HOST` for a
 * heart-to-heart, plus `#2`, `#3`… for a later record of the branch with the same key.
 */
export function recordKey(activity: { type: string; date: string; group?: string | null; host?: string | null }): string {
  const base = `${activity.type}@${activity.date}`;
  if (activity.type === 'group-meeting' && activity.group) return `${base}/${activity.group}`;
  if (activity.type === 'heart-to-heart' && activity.host) return `${base}/${activity.host}`;
  return base;
}

function withKeys<T extends { type: string; date: string; group?: string | null; host?: string | null }>(activities: T[]): (T & { key: string })[] {
  const seen = new Map<string, number>();
  for (const activity of activities) {
    const base = recordKey(activity);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    (activity as T & { key: string }).key = n === 1 ? base : `${base}#${n}`;
  }
  return activities as (T & { key: string })[];
}

/** Builds the domain Branch from a validated branch document, keeping every record's offset. */
export function toBranch(parsed: BranchDocument, doc: YamlDocument, source: Source): Branch {
  return {
    id: parsed.branch.id,
    header: parsed.branch,
    at: headerOffset(doc, 'branch'),
    members: located(parsed.members, 'members', doc).map((m) => Object.assign(m, { paid: new Set(m.dues ?? []) })),
    groups: located(parsed.groups, 'groups', doc),
    activities: withKeys(located(parsed.activities, 'activities', doc)),
    projects: located(parsed.projects, 'projects', doc),
    rectifications: located(parsed.rectifications, 'rectifications', doc),
    exemptions: located(parsed.exemptions, 'exemptions', doc),
    source,
  };
}

/** Builds the domain Organization from a validated organization document. */
export function toOrganization(parsed: OrganizationDocument, doc: YamlDocument, source: Source): Organization {
  return {
    id: parsed.organization.id,
    name: parsed.organization.name,
    at: headerOffset(doc, 'organization'),
    leaders: located(parsed.leaders, 'leaders', doc),
    units: located(parsed.units, 'units', doc),
    exemptions: located(parsed.exemptions, 'exemptions', doc),
    source,
  };
}
