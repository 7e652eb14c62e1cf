import type { YamlDocument } from '../load/yaml.js';
import type { BranchDocument, OrganizationDocument } from '../schema/records.js';
import type { Branch, Located, Organization, Source } from './types.js';

function located<T extends object>(list: readonly T[] | null | undefined, raw: unknown, doc: YamlDocument): (T & Located & { index: number })[] {
  if (!list) return [];
  const rawList = Array.isArray(raw) ? raw : [];
  return list.map((entry, index) => ({ ...entry, index, at: doc.offsets.get(rawList[index] as object) ?? doc.start }));
}

function headerOffset(doc: YamlDocument, key: string): number {
  return doc.keys.get(key) ?? doc.start;
}

/** Builds the domain Branch from a validated branch document, keeping every record's offset. */
export function toBranch(parsed: BranchDocument, doc: YamlDocument, source: Source): Branch {
  const raw = doc.value as Record<string, unknown>;
  return {
    id: parsed.branch.id,
    header: parsed.branch,
    at: headerOffset(doc, 'branch'),
    members: located(parsed.members, raw.members, doc).map((m) => ({ ...m, paid: new Set(m.dues ?? []) })),
    groups: located(parsed.groups, raw.groups, doc),
    activities: located(parsed.activities, raw.activities, doc),
    projects: located(parsed.projects, raw.projects, doc),
    rectifications: located(parsed.rectifications, raw.rectifications, doc),
    exemptions: located(parsed.exemptions, raw.exemptions, doc),
    source,
  };
}

/** Builds the domain Organization from a validated organization document. */
export function toOrganization(parsed: OrganizationDocument, doc: YamlDocument, source: Source): Organization {
  const raw = doc.value as Record<string, unknown>;
  return {
    id: parsed.organization.id,
    name: parsed.organization.name,
    at: headerOffset(doc, 'organization'),
    leaders: located(parsed.leaders, raw.leaders, doc),
    units: located(parsed.units, raw.units, doc),
    exemptions: located(parsed.exemptions, raw.exemptions, doc),
    source,
  };
}
