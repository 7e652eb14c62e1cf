/**
 * The fast validator: compiled, when first used, from the zod schemas of records.ts —
 * no second copy of the schema. For a valid document it returns exactly zod's output
 * (fresh objects and arrays, tokens for labels, absent keys absent, `x-` keys kept as
 * they are after the schema's keys); on anything else it returns null, and zod parses
 * the document and words the issues. What it does not know how to compile (a check it
 * cannot read, a refinement not listed in `refinements`) it hands to zod's own
 * safeParse for that field or record: slower there, never different.
 */
import type { z } from 'zod';
import { isRealDate, isRealMonth } from './dates.js';
import { onMapping } from './fields.js';
import { branchDocument, organizationDocument, refinements, type BranchDocument, type OrganizationDocument } from './records.js';

type Rec = Record<string, unknown>;
/** Marks a failed parse (null is a value). */
const FAIL: unique symbol = Symbol('fail');
type Parser = (value: unknown) => unknown;

/** The schema internals read here (zod 4's `_zod.def`). */
interface Def {
  type: string;
  coerce?: boolean;
  checks?: { _zod: { def: CheckDef } }[];
  innerType?: Schema;
  element?: Schema;
  in?: Schema;
  out?: Schema;
  options?: Schema[];
  entries?: Record<string, unknown>;
  shape?: Record<string, Schema>;
  catchall?: Schema;
}
interface CheckDef {
  check: string;
  minimum?: unknown;
  value?: unknown;
  inclusive?: unknown;
  format?: unknown;
  fn?: unknown;
  when?: unknown;
}
type Schema = { _zod: { def: Def } } & Pick<z.ZodType, 'safeParse'>;

/** Records and fields handed to zod's safeParse, by path: the fast path is complete when this stays empty. */
export const fastPathProblems: string[] = [];

/** zod itself for what is not compiled. */
function byZod(schema: Schema, path: string, why: string): Parser {
  fastPathProblems.push(`${path || '(document)'}: ${why}`);
  return (value) => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : FAIL;
  };
}

// Dates and months repeat (meeting days, dues months): what isRealDate / isRealMonth said is kept.
const CACHE_LIMIT = 100_000;
function cached(test: (text: string) => boolean): (text: string) => boolean {
  const known = new Map<string, boolean>();
  return (text) => {
    let real = known.get(text);
    if (real === undefined) {
      if (known.size >= CACHE_LIMIT) known.clear();
      real = test(text);
      known.set(text, real);
    }
    return real;
  };
}
const STRING_TESTS = new Map<unknown, (text: string) => boolean>([
  [isRealDate, cached(isRealDate)],
  [isRealMonth, cached(isRealMonth)],
]);

function compile(schema: Schema, path: string): Parser {
  const def = schema._zod.def;
  const checks = (def.checks ?? []).map((check) => check._zod.def);
  if (def.coerce) return byZod(schema, path, 'coercion');
  switch (def.type) {
    case 'optional':
    case 'nullable': {
      if (checks.length > 0) break;
      const inner = compile(def.innerType as Schema, path);
      const nullable = def.type === 'nullable' || def.innerType?._zod.def.type === 'nullable';
      // A key is present here (YAML gives no undefined); optional alone takes no null.
      return nullable ? (v) => (v === null ? null : inner(v)) : inner;
    }
    case 'string': {
      const tests: ((text: string) => boolean)[] = [];
      for (const c of checks) {
        if (c.check === 'min_length' && typeof c.minimum === 'number') {
          const min = c.minimum;
          tests.push((text) => text.length >= min);
        } else if (c.check === 'custom' && STRING_TESTS.has(c.fn) && !c.when) tests.push(STRING_TESTS.get(c.fn) as (text: string) => boolean);
        else return byZod(schema, path, `string check ${c.check}`);
      }
      return (v) => (typeof v === 'string' && tests.every((test) => test(v)) ? v : FAIL);
    }
    case 'number': {
      // zod's number is finite; its int is a safe integer.
      let whole = false;
      let min = -Infinity;
      let inclusive = true;
      for (const c of checks) {
        if (c.check === 'number_format' && c.format === 'safeint') whole = true;
        else if (c.check === 'greater_than' && typeof c.value === 'number') [min, inclusive] = [c.value, c.inclusive === true];
        else return byZod(schema, path, `number check ${c.check}`);
      }
      return (v) => (typeof v === 'number' && (whole ? Number.isSafeInteger(v) : Number.isFinite(v)) && (inclusive ? v >= min : v > min) ? v : FAIL);
    }
    case 'boolean':
      if (checks.length > 0) break;
      return (v) => (typeof v === 'boolean' ? v : FAIL);
    case 'union': {
      if (checks.length > 0) break;
      const options = (def.options ?? []).map((option) => compile(option, path));
      return (v) => {
        for (const option of options) {
          const out = option(v);
          if (out !== FAIL) return out;
        }
        return FAIL;
      };
    }
    case 'pipe': {
      // enumOf(): an enum piped into label → token; the table is read as zod itself maps each value.
      const from = def.in?._zod.def;
      if (from?.type !== 'enum' || def.out?._zod.def.type !== 'transform' || checks.length > 0 || from.checks?.length) break;
      const tokens = new Map<unknown, unknown>();
      for (const entry of Object.values(from.entries ?? {})) {
        const parsed = schema.safeParse(entry);
        if (!parsed.success) return byZod(schema, path, 'enum entry');
        tokens.set(entry, parsed.data);
      }
      return (v) => (typeof v === 'string' && tokens.has(v) ? tokens.get(v) : FAIL);
    }
    case 'array': {
      if (checks.length > 0) break;
      const element = compile(def.element as Schema, `${path}[]`);
      return (v) => {
        if (!Array.isArray(v)) return FAIL;
        const out = new Array<unknown>(v.length);
        for (let i = 0; i < v.length; i++) if ((out[i] = element(v[i])) === FAIL) return FAIL;
        return out;
      };
    }
    case 'object':
      return compileRecord(schema, path, checks);
  }
  return byZod(schema, path, [def.type, ...checks.map((c) => c.check)].join(' '));
}

/** A mapping as YAML gives one (zod takes any non-array object; anything unusual is left to it). */
function isRecord(value: unknown): value is Rec {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** `record()` of fields.ts: the schema's keys, then free `x-` keys, kept as they are. */
function compileRecord(schema: Schema, path: string, checks: CheckDef[]): Parser {
  const def = schema._zod.def;
  const shape = def.shape ?? {};
  if (def.catchall?._zod.def.type !== 'unknown' || Object.getOwnPropertySymbols(shape).length > 0) return byZod(schema, path, 'not a record()');
  // record()'s own check (unknown keys) carries a `when`; any other refinement must be listed in `refinements`.
  const own = checks.filter((c) => c.check === 'custom' && c.when === onMapping).length;
  const problems = refinements.get(schema as unknown as z.ZodType);
  if (own !== 1 || checks.length !== (problems ? 2 : 1)) return byZod(schema, path, 'a refinement the fast validator does not know');
  const keys = Object.keys(shape);
  const index = new Map(keys.map((key, i) => [key, i]));
  const parsers = keys.map((key) => compile(shape[key] as Schema, path === '' ? key : `${path}.${key}`));
  const required = keys.map((key) => !(shape[key] as Schema).safeParse(undefined).success);
  return (value) => {
    if (!isRecord(value)) return FAIL;
    const fields = new Array<unknown>(keys.length);
    let extra: string[] | null = null;
    for (const key in value) {
      const i = index.get(key);
      if (i === undefined) {
        if (key.charCodeAt(0) !== 0x78 /* x */ || key.charCodeAt(1) !== 0x2d /* - */) return FAIL;
        (extra ??= []).push(key);
      } else if ((fields[i] = (parsers[i] as Parser)(value[key])) === FAIL) return FAIL;
    }
    const out: Rec = {};
    for (let i = 0; i < keys.length; i++) {
      if (fields[i] !== undefined) out[keys[i] as string] = fields[i];
      else if (required[i]) return FAIL;
    }
    if (extra !== null) for (const key of extra) out[key] = value[key];
    return problems && problems(out).length > 0 ? FAIL : out;
  };
}

let compiled: { branch: Parser; organization: Parser } | null = null;
function validators(): { branch: Parser; organization: Parser } {
  return (compiled ??= { branch: compile(branchDocument as unknown as Schema, ''), organization: compile(organizationDocument as unknown as Schema, '') });
}

/** zod's output for a valid branch document, or null. */
export function fastBranchDocument(value: unknown): BranchDocument | null {
  const out = validators().branch(value);
  return out === FAIL ? null : (out as BranchDocument);
}

/** zod's output for a valid organization document, or null. */
export function fastOrganizationDocument(value: unknown): OrganizationDocument | null {
  const out = validators().organization(value);
  return out === FAIL ? null : (out as OrganizationDocument);
}

/** Compiles both validators now (tests read `fastPathProblems` after). */
export function compileValidators(): void {
  validators();
}
