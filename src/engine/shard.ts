import type { Position } from '../load/position.js';
import type { Organization, SkippedDocument, Source } from '../model/types.js';
import { decodeDigest, digestShape, encodeDigest, type BranchDigest, type DigestJson } from './digest.js';
import { duplicateDocument, newSink, organizationFindings } from './evaluate.js';
import { both, list, nullable, object, optional, position, problemAt, text, whole, type Shape } from './json-shape.js';
import { skippedShape, type BranchOutcome } from './outcome.js';
import type { Window } from './periods.js';
import type { Rule } from './rules.js';

/** One job's part of a sharded run: 0-based index among count. */
export interface ShardSpec {
  index: number;
  count: number;
}

const utf8 = new TextEncoder();

/** 32-bit FNV-1a of a text's UTF-8 bytes: tiny, stable across platforms and Node versions. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of utf8.encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

function checkCount(n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`shard count must be a positive integer, got ${n}`);
}

/** The 0-based shard a branch belongs to among `n`. */
export function shardOf(branchId: string, n: number): number {
  checkCount(n);
  return fnv1a(branchId) % n;
}

/** The 0-based shard a record file belongs to among `n` (path as given, `/` separators). */
export function fileShard(file: string, n: number): number {
  checkCount(n);
  return fnv1a(file.replace(/\\/g, '/')) % n;
}

/** The files a run checks: all, or its shard's part. */
export function ownedFiles(files: readonly string[], shard: ShardSpec | null | undefined): string[] {
  return shard ? files.filter((f) => fileShard(f, shard.count) === shard.index) : [...files];
}

/** An organization as a shard report carries it: positions resolved, no source text. */
export interface ShardOrganization {
  id: string;
  name: string;
  file: string;
  header: Position;
  leaders: (Organization['leaders'][number] & Position)[];
  units: (Organization['units'][number] & Position)[];
  exemptions: Organization['exemptions'];
}

/** A branch as a shard report carries it: its digest, where it stands, and what merge needs of it. */
export type ShardBranch = DigestJson & { file: string; line: number; column: number; exempted: number; name?: string };

/**
 * What a shard adds to its JSON report so `zhibu merge` can run the organization
 * rules over every shard's branches: their digests, and the organizations read.
 */
export interface ShardData {
  index: number;
  count: number;
  branches: ShardBranch[];
  organizations: ShardOrganization[];
  /** Documents of this shard's files skipped for input errors (organization rules do not guess about them). */
  skipped: SkippedDocument[];
}

const optionalText = optional(nullable(text));
const located = (fields: Record<string, Shape>) => object({ ...fields, line: whole(1), column: whole(1) });

/** The JSON form of a shard report's `shard` field, as `organizationFindingsOfShards` needs it. */
export const shardShape: Shape = object({
  index: whole(0),
  count: whole(1),
  branches: list(both(digestShape, located({ file: text, exempted: whole(), name: optional(text) }))),
  organizations: list(
    object({
      id: text,
      name: text,
      file: text,
      header: position,
      leaders: list(located({ name: text, title: optionalText, branch: optionalText, liaison: optionalText })),
      units: list(located({ name: text, party_members: whole() })),
      exemptions: list(object({ rule: text, subject: optionalText, period: optionalText, expires: optionalText })),
    }),
  ),
  skipped: optional(list(skippedShape)),
});

/** What is wrong with a shard report's `shard` field (path from `shard`), or null. */
export function shardProblem(json: unknown): string | null {
  const problem = problemAt('shard', shardShape(json));
  if (problem) return problem;
  const { index, count } = json as ShardData;
  return index < count ? null : `shard.index: expected less than shard.count (${count})`;
}

/** A checked branch as a shard report carries it. */
export function shardBranch(file: string, branch: BranchOutcome): ShardBranch {
  return { ...encodeDigest(branch.digest), file, ...branch.header, exempted: branch.exempted, name: branch.info.name };
}

/** Serialises an organization with each entry's position resolved. */
export function shardOrganization(org: Organization): ShardOrganization {
  const at = (offset: number) => org.source.lines.at(org.source.lines.nodeStart(offset));
  return {
    id: org.id,
    name: org.name,
    file: org.source.file,
    header: at(org.at),
    leaders: org.leaders.map((l) => ({ ...l, ...at(l.at) })),
    units: org.units.map((u) => ({ ...u, ...at(u.at) })),
    exemptions: org.exemptions,
  };
}

/** Rebuilds an Organization whose `at` values index a table of resolved positions. */
function restoreOrganization(data: ShardOrganization): Organization {
  const positions: Position[] = [data.header];
  const located = <T extends Position>(entry: T) => {
    positions.push({ line: entry.line, column: entry.column });
    return { ...entry, at: positions.length - 1 };
  };
  const leaders = data.leaders.map(located);
  const units = data.units.map(located);
  const lines = { at: (k: number) => positions[k] as Position, nodeStart: (k: number) => k };
  const source = { file: data.file, lines } as unknown as Source;
  return { id: data.id, name: data.name, at: 0, leaders, units, exemptions: data.exemptions, source };
}

/**
 * The organization-level findings of a sharded run, from every shard's data:
 * branches in sorted file order (the first of a duplicated id wins, as unsharded).
 */
export function organizationFindingsOfShards(shards: readonly ShardData[], rules: readonly Rule[], asOf: string, window: Window) {
  const entries = shards.flatMap((s) => s.branches).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  const digests = new Map<string, BranchDigest>();
  const duplicates: { id: string; file: string; line: number; column: number; first: string; exempted: number; name: string | null; parent: string | null }[] = [];
  const files = new Map<string, string>();
  for (const e of entries) {
    const first = files.get(e.id);
    if (first) {
      duplicates.push({ id: e.id, file: e.file, line: e.line, column: e.column, first, exempted: e.exempted, name: e.name ?? null, parent: e.parent });
      continue;
    }
    files.set(e.id, e.file);
    digests.set(e.id, decodeDigest(e));
  }
  const organizations = new Map<string, Organization>();
  for (const s of shards) for (const o of s.organizations) if (!organizations.has(o.id)) organizations.set(o.id, restoreOrganization(o));
  const skipped = [...shards.flatMap((s) => s.skipped ?? []), ...duplicates.map((d) => duplicateDocument(d.file, d, d.id, d.name, d.parent))];
  const sink = newSink();
  organizationFindings([...organizations.values()], digests, skipped, rules, asOf, window, null, sink);
  return { findings: sink.findings, exempted: sink.exempted, duplicates };
}
