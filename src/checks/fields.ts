import { z } from './deferred-z.js';
import { isMissing } from '../schema/enums.js';
import { activityTypes } from '../schema/enums.js';
import { isActive, isFullOn } from '../engine/scope.js';
import { aboutRecord, primitive } from './primitive.js';

const type = z.enum(Object.keys(activityTypes) as [string, ...string[]]);
const requirement = z.strictObject({
  /** One field, or several of which any one suffices (`[attendees, present]`); `list.key` means some entry has `key`. */
  field: z.union([z.string(), z.array(z.string()).min(1)]).transform((v) => (Array.isArray(v) ? v : [v])),
  only: z.array(type).optional(),
  except: z.array(type).optional(),
});

/** A required field: `name`, or `list.key` (some entry of the list has `key`). */
interface FieldPath {
  name: string;
  key: string | null;
}

function fieldPath(path: string): FieldPath {
  const dot = path.indexOf('.');
  return dot === -1 ? { name: path, key: null } : { name: path.slice(0, dot), key: path.slice(dot + 1) };
}

function missing(record: Record<string, unknown>, { name, key }: FieldPath): boolean {
  const value = record[name];
  if (key === null) return isMissing(value);
  if (!Array.isArray(value)) return true;
  for (const entry of value) if (entry && typeof entry === 'object' && !isMissing((entry as Record<string, unknown>)[key])) return false;
  return true;
}

/** A requirement as a rule gives it: fields of which any one suffices, for some activity types. */
interface Required {
  field: string[];
  only?: string[] | undefined;
  except?: string[] | undefined;
}

interface Requirement extends Omit<Required, 'field'> {
  paths: FieldPath[];
  label: string;
}

/** A rule's requirements: all of them, and those of each activity type (`only`, `except`). */
class Requirements {
  readonly all: Requirement[];
  private readonly byType = new Map<string, Requirement[]>();

  constructor(require: readonly Required[]) {
    this.all = require.map((r) => ({ paths: r.field.map(fieldPath), label: r.field.join('/'), only: r.only, except: r.except }));
  }

  ofType(type: string): Requirement[] {
    let list = this.byType.get(type);
    if (!list) this.byType.set(type, (list = this.all.filter((r) => (!r.only || r.only.includes(type)) && !r.except?.includes(type))));
    return list;
  }
}

// Made once per rule (its options object), not per branch.
const prepared = new WeakMap<object, Requirements>();
function requirementsOf(require: readonly Required[]): Requirements {
  let requirements = prepared.get(require);
  if (!requirements) prepared.set(require, (requirements = new Requirements(require)));
  return requirements;
}

/** The labels of the requirements a record meets none of the paths of, or null when it meets them all. */
function lacking(record: Record<string, unknown>, requirements: readonly Requirement[]): string[] | null {
  let absent: string[] | null = null;
  // Plain loops: this runs for every record of every branch, and closures per record added up (measured).
  for (const r of requirements) {
    let met = false;
    for (const path of r.paths) if ((met = !missing(record, path))) break;
    if (!met) (absent ??= []).push(r.label);
  }
  return absent;
}

/** Required fields on records, members, projects or the branch header; one finding per record naming every missing field. */
export const fields = primitive({
  name: 'fields',
  scope: 'branch',
  options: z.strictObject({
    target: z.enum(['activities', 'members', 'projects', 'branch']),
    types: z.array(type).optional(),
    members: z.strictObject({ full: z.boolean().optional() }).optional(),
    require: z.array(requirement).min(1),
  }),
  run(scope, o, emit) {
    const required = requirementsOf(o.require);
    const { branch, asOf } = scope;
    if (o.target === 'activities') {
      for (const a of scope.inWindow(o.types)) {
        const absent = lacking(a, required.ofType(a.type));
        if (!absent) {
          emit.met?.(null, a.key);
          continue;
        }
        emit({ messageId: 'fields.record', args: { date: a.date, type: a.type, fields: absent }, ...aboutRecord(a) });
      }
    } else if (o.target === 'members') {
      for (const m of scope.members) {
        if (!isActive(m, asOf) || (o.members?.full && !isFullOn(m, asOf))) continue;
        const absent = lacking(m.record, required.all);
        if (absent) emit({ messageId: 'fields.member', args: { name: m.name, fields: absent }, period: null, subject: m.name, at: m.at, status: 'violation' });
        else emit.met?.(null, m.name);
      }
    } else if (o.target === 'projects') {
      for (const p of branch.projects) {
        if (p.approved && p.approved > asOf) continue;
        const absent = lacking(p, required.all);
        if (absent) emit({ messageId: 'fields.project', args: { name: p.name, fields: absent }, period: null, subject: p.name, at: p.at, status: 'violation' });
        else emit.met?.(null, p.name);
      }
    } else {
      const absent = lacking(branch.header, required.all);
      if (absent) emit({ messageId: 'fields.branch', args: { fields: absent }, period: null, subject: null, at: branch.at, status: 'violation' });
      else emit.met?.(null, null);
    }
  },
});
