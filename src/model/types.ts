import type { z } from 'zod';
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
export type Activity = Out<typeof schema.activity> & Located & { index: number };
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
  id: string;
  args: Record<string, unknown>;
}

/** The 1-based position of a located record in its source. */
export function positionOf(source: Source, at: number): Position {
  return source.lines.at(source.lines.nodeStart(at));
}
