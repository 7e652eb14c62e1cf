import type { z as Zod } from 'zod';
import { z } from './deferred-z.js';
import type { BranchDigest } from '../engine/digest.js';
import type { Emit, Shortfall } from '../engine/finding.js';
import type { Window } from '../engine/periods.js';
import type { BranchScope } from '../engine/scope.js';
import type { Activity, Organization } from '../model/types.js';

export type { BranchDigest, Participation } from '../engine/digest.js';

export interface OrganizationScope {
  organization: Organization;
  /** The organization's branches: `parent` is its id, or no parent. */
  branches: Map<string, BranchDigest>;
  /** Every branch of the check, whatever its organization (a liaison may be to another organization's branch). */
  everyBranch: ReadonlyMap<string, BranchDigest>;
  /**
   * Branch documents skipped for input errors: their ids; whether one's id could not be
   * read (any missing branch may be it); whether one may be this organization's.
   */
  unread: { ids: ReadonlySet<string>; unknownId: boolean; ofOrganization: boolean };
  asOf: string;
  window: Window;
}

interface PrimitiveBase<O> {
  /** The `check:` name rules use. */
  name: string;
  /** Options a rule gives, validated once when the rule loads (or when zhibu is built, for the built-in rules). */
  options: Zod.ZodType<O>;
}

export interface BranchPrimitive<O> extends PrimitiveBase<O> {
  scope: 'branch';
  run(scope: BranchScope, options: O, emit: Emit): void;
}

export interface OrganizationPrimitive<O> extends PrimitiveBase<O> {
  scope: 'organization';
  run(scope: OrganizationScope, options: O, emit: Emit): void;
}

export type Primitive<O = unknown> = BranchPrimitive<O> | OrganizationPrimitive<O>;

/** Declares a primitive with its option type inferred from its schema. */
export function primitive<S extends Zod.ZodType>(p: BranchPrimitive<Zod.output<S>> & { options: S }): Primitive;
export function primitive<S extends Zod.ZodType>(p: OrganizationPrimitive<Zod.output<S>> & { options: S }): Primitive;
export function primitive(p: Primitive<never>): Primitive {
  return p as unknown as Primitive;
}

export const periodSize = z.enum(['month', 'quarter', 'year']);
/** A whole number parameter ≥ 0 (counts, hours, members); bounded so no setting overflows a date or a count. */
export const whole = z.number().int().min(0).max(100_000);
/** A number of days a rule allows (at most ten years, so deadlines stay real dates). */
export const dayCount = z.number().int().min(0).max(3650);
/** A ratio strictly between 0 and 1, written as 0.5 or "1/2". */
export const ratio = z
  .union([z.number().gt(0).lt(1), z.string().regex(/^\d+\/[1-9]\d*$/, { error: 'n/d, 0 < n < d' })])
  .transform((v) => (typeof v === 'number' ? { value: v, text: String(v) } : { value: Number(v.split('/')[0]) / Number(v.split('/')[1]), text: v }))
  .refine((r) => r.value > 0 && r.value < 1, { error: 'n/d, 0 < n < d' });
/** Localised text a rule supplies: one string, or { zh, en }. */
export const localText = z.union([z.string(), z.strictObject({ zh: z.string(), en: z.string() })]);

/** The identity and position of a finding about one record: its key as subject, its place as path. */
export function aboutRecord(a: Activity): Pick<Shortfall, 'period' | 'subject' | 'path' | 'at' | 'status' | 'date'> {
  return { period: null, subject: a.key, path: `activities[${a.index}]`, at: a.at, status: 'violation', date: a.date };
}
