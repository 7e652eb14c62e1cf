/**
 * The fast validator, run from a plan (plain data) that `planOf` reads from the zod schemas of records.ts:
 * no second copy of the schema, and no zod at run time (`npm run build` writes the plan to dist/record-plan.json;
 * the sources, in tests, plan when first used). A valid document is returned itself, changed in place into zod's
 * output (labels to tokens, periods to text, names normalised; keys in written order); else null, and zod parses
 * it and words the issues (each change made before is one zod maps to itself). What the plan cannot say leaves its documents to zod.
 */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { NAME_KEYS, normalizeNames, normalValue } from '../model/names.js';
import { zod } from '../zod.js';
import { isPeriodRef, isRealDate, isRealMonth } from './dates.js';
import { onMapping, recordProblems, unknownKeys } from './enums.js';
import type { BranchDocument, OrganizationDocument } from './records.js';

type Rec = Record<string, unknown>;
export type Plan =
  | { t: 'string'; min: number; real: 'date' | 'month' | null }
  | { t: 'number'; int: boolean; min: number | null; inclusive: boolean }
  | { t: 'boolean' }
  | { t: 'nullable'; of: Plan }
  | { t: 'union'; of: Plan[] }
  | { t: 'enum'; tokens: [string, unknown][] }
  | { t: 'period'; of: Plan }
  | { t: 'array'; of: Plan }
  | { t: 'record'; keys: [string, Plan, boolean][]; refine: keyof typeof recordProblems | null }
  | { t: 'zod'; why: string };

/** The schema internals read here (zod 4's `_zod.def`). */
interface Def {
  type: string;
  coerce?: boolean;
  checks?: { _zod: { def: { check: string; minimum?: unknown; value?: unknown; inclusive?: unknown; format?: unknown; fn?: unknown; when?: unknown } } }[];
  innerType?: Schema; element?: Schema; in?: Schema; out?: Schema; options?: Schema[];
  entries?: Record<string, unknown>; shape?: Record<string, Schema>; catchall?: Schema;
}
type Schema = { _zod: { def: Def; run: z.ZodType['_zod']['run'] } } & Pick<z.ZodType, 'safeParse'>;

/** The plan of a zod schema; `problems` gets the path of each part left to zod. */
export function planOf(schema: z.ZodType, refinements: Map<z.ZodType, keyof typeof recordProblems>, problems: string[] = [], path = ''): Plan {
  const node = schema as unknown as Schema;
  const def = node._zod.def;
  const checks = (def.checks ?? []).map((check) => check._zod.def);
  const byZod = (why: string): Plan => (problems.push(`${path || '(document)'}: ${why}`), { t: 'zod', why });
  const inner = (s: Schema | undefined, at = path) => planOf(s as unknown as z.ZodType, refinements, problems, at);
  if (def.coerce) return byZod('coercion');
  switch (def.type) {
    case 'optional':
    case 'nullable':
      // A key is present here (YAML gives no undefined); optional alone takes no null.
      if (checks.length > 0) break;
      return def.type === 'nullable' || def.innerType?._zod.def.type === 'nullable' ? { t: 'nullable', of: inner(def.innerType) } : inner(def.innerType);
    case 'string': {
      let [min, real] = [0, null as 'date' | 'month' | null];
      for (const c of checks) {
        if (c.check === 'min_length' && typeof c.minimum === 'number') min = c.minimum;
        else if (c.check === 'custom' && !c.when && (c.fn === isRealDate || c.fn === isRealMonth) && real === null) real = c.fn === isRealDate ? 'date' : 'month';
        else return byZod(`string check ${c.check}`);
      }
      return { t: 'string', min, real };
    }
    case 'number': {
      // zod's number is finite; its int is a safe integer.
      const plan = { t: 'number' as const, int: false, min: null as number | null, inclusive: true };
      for (const c of checks) {
        if (c.check === 'number_format' && c.format === 'safeint') plan.int = true;
        else if (c.check === 'greater_than' && typeof c.value === 'number') [plan.min, plan.inclusive] = [c.value, c.inclusive === true];
        else return byZod(`number check ${c.check}`);
      }
      return plan;
    }
    case 'boolean':
    case 'union':
      if (checks.length === 0) return def.type === 'boolean' ? { t: 'boolean' } : { t: 'union', of: (def.options ?? []).map((option) => inner(option)) };
      break;
    case 'pipe': {
      // enumOf(): an enum piped into label → token; the table is read as zod itself maps each value.
      const from = def.in?._zod.def;
      // periodRef: a year, quarter or month written as text or a number, as text.
      if (from?.type === 'union' && checks.length === 1 && checks[0]?.check === 'custom' && checks[0].fn === isPeriodRef) return { t: 'period', of: inner(def.in) };
      if (from?.type !== 'enum' || def.out?._zod.def.type !== 'transform' || checks.length > 0 || from.checks?.length) break;
      const tokens: [string, unknown][] = [];
      for (const entry of Object.values(from.entries ?? {})) {
        const parsed = node.safeParse(entry);
        if (!parsed.success || typeof entry !== 'string') return byZod('enum entry');
        tokens.push([entry, parsed.data]);
      }
      return { t: 'enum', tokens };
    }
    case 'array':
      if (checks.length === 0) return { t: 'array', of: inner(def.element, `${path}[]`) };
      break;
    case 'object': {
      // `record()` of fields.ts: the schema's keys, then free `x-` keys, kept as they are.
      const shape = def.shape ?? {};
      if (def.catchall?._zod.def.type !== 'unknown' || Object.getOwnPropertySymbols(shape).length > 0) return byZod('not a record()');
      // record()'s own check (unknown keys) carries a `when`; any other refinement must be one refined() listed (records.ts).
      const refine = refinements.get(schema) ?? null;
      const own = checks.filter((c) => c.check === 'custom' && c.when === onMapping).length;
      if (own !== 1 || checks.length !== (refine === null ? 1 : 2)) return byZod('a refinement the fast validator does not know');
      return { t: 'record', refine, keys: Object.entries(shape).map(([key, s]) => [key, inner(s, path === '' ? key : `${path}.${key}`), !s.safeParse(undefined).success]) };
    }
  }
  return byZod([def.type, ...checks.map((c) => c.check)].join(' '));
}

/** A list longer than this (a meeting of 100,000 attendees) is refused before validation: one bad item each would overflow zod. */
export const MAX_LIST_ITEMS = 100_000;

/** The first list in a document longer than MAX_LIST_ITEMS (depth first), or null. */
export function longList(node: unknown): { path: PropertyKey[]; count: number } | null {
  if (node === null || typeof node !== 'object') return null;
  const list = Array.isArray(node);
  if (list && node.length > MAX_LIST_ITEMS) return { path: [], count: node.length };
  for (const key of Object.keys(node)) {
    const found = longList((node as Record<string, unknown>)[key]);
    if (found) {
      // The path is spelled out only for the list found (nearly never).
      found.path.unshift(list ? Number(key) : key);
      return found;
    }
  }
  return null;
}

/** Marks a failed parse (null is a value). */
const FAIL: unique symbol = Symbol('fail');
type Parser = (value: unknown) => unknown;

/** A mapping as YAML gives one (zod takes any non-array object; anything unusual is left to it). */
const isRecord = (value: unknown): value is Rec => typeof value === 'object' && value !== null && !Array.isArray(value) && (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null);

/**
 * Where a parser stands, for names (model/names.ts): in the document (`root`), in its header (whose own
 * `name` is shown, never compared), deeper (`inner`), or nowhere (null: names left as they are).
 */
type Names = 'root' | 'header' | 'inner' | null;

export function compile(plan: Plan, names: Names = 'root'): Parser {
  const under = names && 'inner';
  switch (plan.t) {
    case 'string': {
      const { min } = plan;
      const real = plan.real && (plan.real === 'date' ? isRealDate : isRealMonth);
      return (v) => (typeof v === 'string' && v.length >= min && (!real || real(v)) ? v : FAIL);
    }
    case 'number': {
      const { int, inclusive, min } = plan;
      return (v) => (typeof v === 'number' && (int ? Number.isSafeInteger(v) : Number.isFinite(v)) && (min === null || (inclusive ? v >= min : v > min)) ? v : FAIL);
    }
    case 'boolean':
      return (v) => (typeof v === 'boolean' ? v : FAIL);
    case 'nullable': {
      const inner = compile(plan.of, under);
      return (v) => (v === null ? null : inner(v));
    }
    case 'union': {
      const options = plan.of.map((option) => compile(option, under));
      return (v) => {
        for (const option of options) {
          const out = option(v);
          if (out !== FAIL) return out;
        }
        return FAIL;
      };
    }
    case 'enum': {
      const tokens = new Map(plan.tokens);
      return (v) => (typeof v === 'string' && tokens.has(v) ? tokens.get(v) : FAIL);
    }
    case 'period': {
      const inner = compile(plan.of, under);
      return (v) => (inner(v) !== FAIL && isPeriodRef(String(v)) ? String(v) : FAIL);
    }
    case 'array': {
      const element = compile(plan.of, under);
      return (v) => {
        // A list past MAX_LIST_ITEMS is refused by the loader (records.ts), which looks for it only when this fails.
        if (!Array.isArray(v) || v.length > MAX_LIST_ITEMS) return FAIL;
        for (let i = 0; i < v.length; i++) {
          const out = element(v[i]);
          if (out === FAIL) return FAIL;
          if (out !== v[i]) v[i] = out;
        }
        return v;
      };
    }
    case 'zod':
      return () => FAIL;
  }
  const index = new Map(plan.keys.map(([key], i) => [key, i]));
  const parsers = plan.keys.map(([key, p]) => compile(p, names === 'root' && (key === 'branch' || key === 'organization') ? 'header' : under));
  // A name is compared as normalised: the parser gets it so.
  const named = plan.keys.map(([key]) => names !== null && NAME_KEYS.has(key) && !(names === 'header' && key === 'name'));
  const required = plan.keys.flatMap(([key, , r]) => (r ? [key] : []));
  const problems = plan.refine && recordProblems[plan.refine];
  return (value) => {
    if (!isRecord(value)) return FAIL;
    for (const key in value) {
      const i = index.get(key);
      if (i === undefined) {
        if (key.charCodeAt(0) !== 0x78 /* x */ || key.charCodeAt(1) !== 0x2d /* - */ || longList(value[key])) return FAIL;
        // Kept as it is, with its names normalised, as the slow path does.
        if (names !== null && typeof value[key] === 'object') normalizeNames(value[key], false);
        continue;
      }
      const out = (parsers[i] as Parser)(named[i] ? normalValue(value[key]) : value[key]);
      if (out === FAIL) return FAIL;
      if (out !== value[key]) value[key] = out;
    }
    for (const key of required) if (value[key] === undefined) return FAIL;
    return problems && problems(value).length > 0 ? FAIL : value;
  };
}

/** Where `npm run build` writes the plans of both documents. */
export const planFile = new URL('../record-plan.json', import.meta.url);

type Kind = 'branch' | 'organization';

/** The plans of both documents, from the schemas themselves (`problems` gets what is left to zod). */
export function recordPlans(problems: string[] = []): Record<Kind, Plan> {
  const { branchDocument, organizationDocument, refinements } = zod();
  return { branch: planOf(branchDocument, refinements, problems), organization: planOf(organizationDocument, refinements, problems) };
}

let plans: Record<Kind, Plan> | undefined;
function built(): Record<Kind, Plan> {
  try {
    return (plans ??= JSON.parse(readFileSync(planFile, 'utf8')) as Record<Kind, Plan>);
  } catch {
    return (plans = recordPlans());
  }
}

const compiled = new Map<string, Parser>();
type Documents = { branch: BranchDocument; organization: OrganizationDocument };

/** A valid document changed in place into zod's output (its names normalised unless `names` is false), or null. */
export function fastDocument<K extends Kind>(kind: K, value: unknown, names = true): Documents[K] | null {
  const id = names ? kind : `${kind}, names as written`;
  let parser = compiled.get(id);
  if (!parser) compiled.set(id, (parser = compile(built()[kind], names ? 'root' : null)));
  const out = parser(value);
  return out === FAIL ? null : (out as Documents[K]);
}

/** A part of a document that zod can run alone: its schema and its fast parser (names left as they are). */
type Part = { schema: Schema; fast: Parser };
/** Per kind, each top-level entry of the document as such a part, and for a list its items' too. */
const parts = new Map<Kind, (Part & { key: string; required: boolean; items: Part | null })[]>();

/** Past this many issues, zod parses the whole document: it may run out of stack there (the loader says so), and must where it would. */
const MANY_ISSUES = 10_000;

/**
 * zod's issues for a document (its names normalised) that the fast validator rejected: those of zod's parse of the
 * whole document, in its order, with zod running only on the top-level entries and list items rejected here, as it
 * runs within the document (test/schema/fast-parity.test.ts holds the two equal). Null where that is not sure to
 * hold (a required entry missing, an unusual mapping, thousands of issues): zod then parses the whole document.
 */
export function documentIssues(kind: Kind, value: unknown): z.core.$ZodIssue[] | null {
  const plan = built()[kind];
  if (plan.t !== 'record' || !isRecord(value)) return null;
  const shape = zod()[`${kind}Document`].shape as unknown as Record<string, Schema>;
  let entries = parts.get(kind);
  if (!entries) {
    entries = plan.keys.map(([key, planned, required]) => {
      // A list's items, past the optional and nullable around it (the plan unwraps those as zod's schema does).
      let [inner, def] = [planned, (shape[key] as Schema)._zod.def];
      while (inner.t === 'nullable') inner = inner.of;
      while (def.type === 'optional' || def.type === 'nullable') def = (def.innerType as Schema)._zod.def;
      const items = inner.t === 'array' && def.type === 'array' ? { schema: def.element as Schema, fast: compile(inner.of, null) } : null;
      return { key, required, schema: shape[key] as Schema, fast: compile(planned, null), items };
    });
    parts.set(kind, entries);
  }
  // As safeParse runs a schema and words its issues (zod's internals: the property test holds them to its whole parse).
  const context = { async: false as const, jitless: true };
  const raw: z.core.$ZodRawIssue[] = [];
  const run = (schema: Schema, input: unknown, ...at: PropertyKey[]) => {
    for (const issue of (schema._zod.run({ value: input, issues: [] }, context) as z.core.ParsePayload).issues) raw.push({ ...issue, path: [...at, ...(issue.path ?? [])] });
  };
  try {
    for (const { key, required, schema, fast, items } of entries) {
      const entry = value[key];
      if (!(key in value)) {
        if (required) return null;
      } else if (items && Array.isArray(entry)) {
        for (let i = 0; i < entry.length; i++) if (items.fast(entry[i]) === FAIL) run(items.schema, entry[i], key, i);
      } else if (fast(entry) === FAIL) run(schema, entry, key);
      if (raw.length > MANY_ISSUES) return null;
    }
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
  // The document's own checks run unless an issue stopped it (zod's `continue: false`, as a fraction where a count is due).
  if (!raw.some((issue) => issue.continue === false)) raw.push(...unknownKeys(value, new Set(Object.keys(shape))), ...(plan.refine ? recordProblems[plan.refine](value) : []));
  const { util, config } = zod().z.core;
  return raw.map((issue) => util.finalizeIssue(issue, context, config()));
}
