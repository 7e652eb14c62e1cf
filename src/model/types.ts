import type { z } from 'zod';
import type { MessageId } from '../i18n/index.js';
import type { LineIndex, Position } from '../load/position.js';
import type * as schema from '../schema/records.js';

/** A record file as read: its display path and a way to turn offsets into positions. */
export interface Source {
  file: string;
  lines: LineIndex;
}

/** Something that came from a record file, at a character offset. */
export interface Located {
  at: number;
}

type Out<T extends z.ZodType> = z.output<T>;

export type Member = Out<typeof schema.member> & Located & { index: number; paid: ReadonlySet<string> };
export type Group = Out<typeof schema.group> & Located;
/** An activity record; `key` is its identity in findings (`TYPE@DATE[/GROUP|/HOST][#n]`), never its position. */
export type Activity = Out<typeof schema.activity> & Located & { index: number; key: string };
export type Project = Out<typeof schema.project> & Located;
export type Rectification = Out<typeof schema.rectification> & Located;
export type Exemption = Out<typeof schema.exemption> & Located;
export type BranchHeader = Out<typeof schema.branchHeader>;
export type Leader = Out<typeof schema.leader> & Located;
export type Unit = Out<typeof schema.unit> & Located;

/** A 党支部 (or 党总支, 联合党支部) as it stands in its file. */
export interface Branch extends Located {
  id: string;
  header: BranchHeader;
  members: Member[];
  groups: Group[];
  activities: Activity[];
  projects: Project[];
  rectifications: Rectification[];
  exemptions: Exemption[];
  source: Source;
}

/** A party committee's organization file: leaders, units and its own exemptions. */
export interface Organization extends Located {
  id: string;
  name: string;
  leaders: Leader[];
  units: Unit[];
  exemptions: Exemption[];
  source: Source;
}

/** An input error: a file that could not be read as records, with where and why. */
export interface InputError extends Position {
  file: string;
  id: MessageId;
  args: Record<string, unknown>;
}

/**
 * A document skipped for input errors, with what could be read of it: organization
 * rules never guess about a branch they could not read, and reports name it.
 */
export interface SkippedDocument extends Position {
  file: string;
  /** What the document says it is; null when that could not be read (it may be a branch). */
  kind: 'branch' | 'organization' | null;
  id: string | null;
  name: string | null;
  /** A branch's `parent`; null when none is written or it could not be read (it may then be any organization's). */
  parent: string | null;
}

/** The 1-based position of a located record in its source. */
export function positionOf(source: Source, at: number): Position {
  return source.lines.at(source.lines.nodeStart(at));
}

/**
 * Plain data (objects, arrays, maps, strings) made to share no memory with the file text it was read from,
 * in place (a map is rebuilt): V8 keeps a substring of 13 or more characters as a view into its whole source
 * string, so one kept rule id or topic would keep a whole file's text alive; what outlives a file's check
 * goes through here. Only for data made for the purpose (findings, digests): anything it shares is changed too.
 */
export function detached<T>(value: T): T {
  if (typeof value === 'string') return (value.length >= 13 ? ` ${value}`.slice(1) : value) as T;
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [detached(k), detached(v)])) as T;
  const data = value as Record<string, unknown>;
  if (Array.isArray(data)) for (let i = 0; i < data.length; i++) data[i] = detached(data[i]);
  else for (const key in data) data[key] = detached(data[key]);
  return value;
}

/** A copy of plain data (objects, arrays) that shares no object, even where the original does (a YAML alias). */
export function unshared(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(unshared);
  const out: Record<string, unknown> = {};
  for (const key in value) {
    const child = unshared((value as Record<string, unknown>)[key]);
    // An own `__proto__` key stays one (an assignment would set the prototype).
    if (key === '__proto__') Object.defineProperty(out, key, { value: child, enumerable: true, writable: true, configurable: true });
    else out[key] = child;
  }
  return out;
}
