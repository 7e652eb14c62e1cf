/**
 * A hand-written fast path for the record schemas of records.ts.
 *
 * `fastBranchDocument` / `fastOrganizationDocument` accept only documents that
 * zod accepts, and then return exactly zod's output: fresh objects and arrays,
 * tokens for labels, absent keys absent, `x-` keys kept with their values as
 * they are, keys in zod's order (the schema's, then the `x-` keys). On anything
 * else — or anything they are unsure of — they return null, and the caller lets
 * zod parse the document and word the issues.
 *
 * The zod schemas stay the single source of truth. At load time this module
 * reads them: a signature of every record (its keys in order, each field's
 * type, checks and optionality, its refinements) and the label → token tables
 * (as zod itself maps each accepted value, so enums.ts and its aliases come
 * through). The parsers below are written for the signatures in `branchShapes`
 * / `organizationShapes`; when the schemas say anything else (a key added or
 * renamed, a check changed, a refinement added), the fast path switches itself
 * off and `fastPathProblems` says why: it can become slower, never different.
 * The refinements are code, so they are repeated here: `record()`'s unknown-key
 * check, the per-type required fields of an activity (`requiredByType`,
 * `isMissing`) and the unique names of a document.
 */
import type { z } from 'zod';
import { isRealDate, isRealMonth, onMapping, periodRef } from './fields.js';
import { activity, branchDocument, isMissing, organizationDocument, requiredByType, type BranchDocument, type OrganizationDocument } from './records.js';

// ---- what the parsers below are written for ----

/** Per record path: `key:type` in the schema's key order; `?` = nullish, `{}` = a record, `+refine` = its own refinement. */
const branchShapes: Record<string, string> = {
  '': 'branch:{} members:{}[]? groups:{}[]? activities:{}[]? projects:{}[]? rectifications:{}[]? exemptions:{}[]? +refine',
  branch: 'id:text name:text kind:enum? parent:string? units:text[]? established:date? secretary:text deputy_secretaries:text[]? committee:text[]? elected:date?',
  'members[]':
    'name:text status:enum admitted:date? confirmed:date? since:date? until:date? group:string? leader:boolean? excused:boolean? probation_until:date? dues:month[]? training:{}[]? indicators:{}[]?',
  'members[].training[]': 'date:date hours:number>=0 title:string?',
  'members[].indicators[]': 'name:string? target:string|number? actual:string|number?',
  'groups[]': 'name:text leader:string?',
  'activities[]':
    'type:enum date:date topic:string? host:string? recorder:string? attendees:text[]? expected:int>=0? present:int>=0? absentees:{}[]? guests:text[]? minutes:string|boolean? group:string? lecturer:string? form:enum? hours:number>=0? with:text[]? member:string? eligible:int>=0? address:string? decision:string? +refine',
  'activities[].absentees[]': 'name:text reason:string?',
  'projects[]': 'name:text approved:date? owner:string? goals:string[]? status:enum? progress:{}[]?',
  'projects[].progress[]': 'date:date note:string?',
  'rectifications[]': 'issue:text rule:string? found:date? deadline:date? owner:string? status:enum? done:date?',
  'exemptions[]': 'rule:text subject:string? period:period? reason:text approved_by:string? expires:date?',
};

const organizationShapes: Record<string, string> = {
  '': 'organization:{} leaders:{}[]? units:{}[]? exemptions:{}[]? +refine',
  organization: 'id:text name:text',
  'leaders[]': 'name:text title:string? branch:string? liaison:string?',
  'units[]': 'name:text party_members:int>=0',
  'exemptions[]': branchShapes['exemptions[]'] as string,
};

// ---- reading the zod schemas ----

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
type Schema = { _zod: { def: Def } };

interface SchemaReading {
  /** Per record path: its signature and the schema. */
  records: Map<string, { signature: string; schema: unknown }>;
  /** Per enum field path: accepted text → token. */
  tokens: Map<string, Map<string, string>>;
}

function readSchema(schema: unknown): SchemaReading {
  const reading: SchemaReading = { records: new Map(), tokens: new Map() };
  readRecord(schema as Schema, '', reading);
  return reading;
}

function readRecord(schema: Schema, path: string, reading: SchemaReading): void {
  const def = schema._zod.def;
  const shape = def.shape ?? {};
  const keys = Object.keys(shape);
  const parts: string[] = [];
  const catchall = def.catchall?._zod.def.type;
  if (catchall !== 'unknown') parts.push(`<catchall ${String(catchall)}>`);
  if (Object.getOwnPropertySymbols(shape).length > 0) parts.push('<symbol keys>');
  for (const key of keys) parts.push(`${key}:${readField(shape[key] as Schema, path === '' ? key : `${path}.${key}`, reading)}`);
  // record()'s own check (unknown keys) carries a `when`; any other refinement shows in the signature.
  let ownChecks = 0;
  for (const check of def.checks ?? []) {
    const c = check._zod.def;
    if (c.check === 'custom' && c.when === onMapping) ownChecks++;
    else parts.push(c.check === 'custom' ? '+refine' : `+${c.check}`);
  }
  if (ownChecks !== 1) parts.push(`<${ownChecks} key checks>`);
  reading.records.set(path, { signature: parts.join(' '), schema });
}

function readField(schema: Schema, path: string, reading: SchemaReading): string {
  let def = schema._zod.def;
  let suffix = '';
  if (def.type === 'optional' && def.innerType?._zod.def.type === 'nullable' && !def.checks?.length && !def.innerType._zod.def.checks?.length) {
    suffix = '?';
    schema = def.innerType._zod.def.innerType as Schema;
    def = schema._zod.def;
  }
  if (schema === (periodRef as unknown)) return `period${suffix}`;
  const checks = (def.checks ?? []).map((check) => check._zod.def);
  const unknownChecks = (known: (c: CheckDef) => boolean) =>
    checks
      .filter((c) => !known(c))
      .map((c) => `<${c.check}>`)
      .join('');
  const coerce = def.coerce ? '<coerce>' : '';
  switch (def.type) {
    case 'string': {
      const length = checks.filter((c) => c.check === 'min_length').map((c) => c.minimum);
      const formats = checks.filter((c) => c.check === 'custom').map((c) => (c.fn === isRealDate ? 'date' : c.fn === isRealMonth ? 'month' : '<refine>'));
      const rest = unknownChecks((c) => c.check === 'min_length' || c.check === 'custom');
      let name = formats.length === 0 && length.length === 1 && length[0] === 1 ? 'text' : formats.length === 1 && length.length === 0 ? (formats[0] as string) : 'string';
      if (name === 'string' && (formats.length > 0 || length.length > 0)) name = `string<${formats.join(',')}|min ${length.join(',')}>`;
      return `${name}${rest}${coerce}${suffix}`;
    }
    case 'number': {
      const int = checks.some((c) => c.check === 'number_format' && c.format === 'safeint');
      const min = checks.filter((c) => c.check === 'greater_than').map((c) => `${c.inclusive === true ? '>=' : '>'}${String(c.value)}`);
      const rest = unknownChecks((c) => (c.check === 'number_format' && c.format === 'safeint') || c.check === 'greater_than');
      return `${int ? 'int' : 'number'}${min.join('')}${rest}${coerce}${suffix}`;
    }
    case 'boolean':
      return `boolean${unknownChecks(() => false)}${coerce}${suffix}`;
    case 'union':
      return `${(def.options ?? []).map((option) => readField(option, path, reading)).join('|')}${unknownChecks(() => false)}${suffix}`;
    case 'pipe': {
      const from = def.in?._zod.def;
      if (from?.type !== 'enum' || def.out?._zod.def.type !== 'transform' || checks.length > 0 || from.checks?.length) return `<pipe>${suffix}`;
      // The label → token table, as zod itself maps each accepted value.
      const tokens = new Map<string, string>();
      for (const entry of Object.values(from.entries ?? {})) {
        const parsed = (schema as unknown as z.ZodType).safeParse(entry);
        if (typeof entry !== 'string' || !parsed.success || typeof parsed.data !== 'string') return `<enum entry>${suffix}`;
        tokens.set(entry, parsed.data);
      }
      reading.tokens.set(path, tokens);
      return `enum${suffix}`;
    }
    case 'array':
      return `${readField(def.element as Schema, `${path}[]`, reading)}[]${unknownChecks(() => false)}${suffix}`;
    case 'object':
      readRecord(schema, path, reading);
      return `{}${suffix}`;
    default:
      return `<${def.type}>${suffix}`;
  }
}

/** Why the fast path is off (empty when it is on). */
export const fastPathProblems: string[] = [];

function agrees(name: string, reading: SchemaReading, expected: Record<string, string>, refined: Record<string, unknown>): boolean {
  const before = fastPathProblems.length;
  for (const [path, record] of reading.records) {
    if (expected[path] === undefined) fastPathProblems.push(`${name} ${path}: a record the fast path does not know`);
    else if (record.signature !== expected[path]) fastPathProblems.push(`${name} ${path || '(document)'}: the schema reads\n  ${record.signature}\nthe fast path is written for\n  ${expected[path]}`);
  }
  for (const path of Object.keys(expected)) if (!reading.records.has(path)) fastPathProblems.push(`${name} ${path}: no longer in the schema`);
  // The refinements written out here belong to these schemas.
  for (const [path, schema] of Object.entries(refined)) {
    if (reading.records.get(path)?.schema !== schema) fastPathProblems.push(`${name} ${path || '(document)'}: not the schema whose refinement the fast path repeats`);
  }
  return fastPathProblems.length === before;
}

const branchReading = readSchema(branchDocument);
const organizationReading = readSchema(organizationDocument);
const branchOn = agrees('branch document', branchReading, branchShapes, { '': branchDocument, 'activities[]': activity });
const organizationOn = agrees('organization document', organizationReading, organizationShapes, { '': organizationDocument });

/** The label → token table zod uses for an enum field (empty, so nothing passes, if there is none). */
const tokensOf = (reading: SchemaReading, path: string) => reading.tokens.get(path) ?? new Map<string, string>();

const BRANCH_KINDS = tokensOf(branchReading, 'branch.kind');
const MEMBER_STATUSES = tokensOf(branchReading, 'members[].status');
const ACTIVITY_TYPES = tokensOf(branchReading, 'activities[].type');
const THEME_DAY_FORMS = tokensOf(branchReading, 'activities[].form');
const PROJECT_STATUSES = tokensOf(branchReading, 'projects[].status');
const RECTIFICATION_STATUSES = tokensOf(branchReading, 'rectifications[].status');

// ---- the parsers ----

type Rec = Record<string, unknown>;
/** Marks a failed parse (null is a value). */
const FAIL: unique symbol = Symbol('fail');

/** A mapping as YAML gives one (zod takes any non-array object; anything unusual is left to it). */
function isRecord(value: unknown): value is Rec {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** `record()`: keys other than the schema's must start with `x-`. */
function isExtension(key: string): boolean {
  return key.charCodeAt(0) === 0x78 /* x */ && key.charCodeAt(1) === 0x2d /* - */;
}

/** zod keeps `x-` keys with their values as they are, after the schema's keys, in input order. */
function addExtensions(out: Rec, input: Rec, keys: string[]): void {
  for (let i = 0; i < keys.length; i++) out[keys[i] as string] = input[keys[i] as string];
}

// Dates and months repeat (meeting days, dues months): remember what isRealDate / isRealMonth said,
// by the number the digits spell (no string hashing); any other text goes to them directly.
const CACHE_LIMIT = 100_000;
const realDates = new Map<number, boolean>();
const realMonths = new Map<number, boolean>();

/** The number `count` ASCII digits spell from `at`, or -1. */
function digitsAt(text: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

function realDate(text: string): boolean {
  // dddd-dd-dd: the key yyyymmdd names the text exactly.
  if (text.length !== 10 || text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d) return isRealDate(text);
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (year < 0 || month < 0 || day < 0) return isRealDate(text);
  const key = year * 10000 + month * 100 + day;
  let real = realDates.get(key);
  if (real === undefined) {
    if (realDates.size >= CACHE_LIMIT) realDates.clear();
    real = isRealDate(text);
    realDates.set(key, real);
  }
  return real;
}

function realMonth(text: string): boolean {
  // dddd-dd: the key yyyymm names the text exactly.
  if (text.length !== 7 || text.charCodeAt(4) !== 0x2d) return isRealMonth(text);
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  if (year < 0 || month < 0) return isRealMonth(text);
  const key = year * 100 + month;
  let real = realMonths.get(key);
  if (real === undefined) {
    if (realMonths.size >= CACHE_LIMIT) realMonths.clear();
    real = isRealMonth(text);
    realMonths.set(key, real);
  }
  return real;
}

// Field parsers: the value (fresh where it is a list) or FAIL. `opt*` take a present value (not undefined).
function text(v: unknown): unknown {
  return typeof v === 'string' && v.length > 0 ? v : FAIL;
}
function optString(v: unknown): unknown {
  return v === null || typeof v === 'string' ? v : FAIL;
}
function date(v: unknown): unknown {
  return typeof v === 'string' && realDate(v) ? v : FAIL;
}
function optDate(v: unknown): unknown {
  return v === null || (typeof v === 'string' && realDate(v)) ? v : FAIL;
}
function optBoolean(v: unknown): unknown {
  return v === null || typeof v === 'boolean' ? v : FAIL;
}
/** `.int().min(0)`: zod's int is a safe integer. */
function count(v: unknown): unknown {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : FAIL;
}
function optCount(v: unknown): unknown {
  return v === null ? null : count(v);
}
/** `z.number().min(0)`: zod's number is finite. */
function hours(v: unknown): unknown {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : FAIL;
}
function optHours(v: unknown): unknown {
  return v === null ? null : hours(v);
}
function optStringOrNumber(v: unknown): unknown {
  return v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) ? v : FAIL;
}
function optStringOrBoolean(v: unknown): unknown {
  return v === null || typeof v === 'string' || typeof v === 'boolean' ? v : FAIL;
}
function token(v: unknown, table: Map<string, string>): unknown {
  if (typeof v !== 'string') return FAIL;
  const found = table.get(v);
  return found === undefined ? FAIL : found;
}
function optToken(v: unknown, table: Map<string, string>): unknown {
  return v === null ? null : token(v, table);
}

/**
 * fields.ts `periodRef` (text or a whole number, read as a year, quarter or month) is a transform with
 * a refinement of its own: exemptions are few, so zod itself reads it, and the rule is not repeated.
 */
function optPeriod(v: unknown): unknown {
  if (v === null) return null;
  const parsed = periodRef.safeParse(v);
  return parsed.success ? parsed.data : FAIL;
}

/** `names`: a list of non-empty texts. */
function optTexts(v: unknown): unknown {
  if (v === null) return null;
  if (!Array.isArray(v)) return FAIL;
  const length = v.length;
  const out = new Array<unknown>(length);
  for (let i = 0; i < length; i++) {
    const item: unknown = v[i];
    if (typeof item !== 'string' || item.length === 0) return FAIL;
    out[i] = item;
  }
  return out;
}

function optStrings(v: unknown): unknown {
  if (v === null) return null;
  if (!Array.isArray(v)) return FAIL;
  const length = v.length;
  const out = new Array<unknown>(length);
  for (let i = 0; i < length; i++) {
    const item: unknown = v[i];
    if (typeof item !== 'string') return FAIL;
    out[i] = item;
  }
  return out;
}

function optMonths(v: unknown): unknown {
  if (v === null) return null;
  if (!Array.isArray(v)) return FAIL;
  const length = v.length;
  const out = new Array<unknown>(length);
  for (let i = 0; i < length; i++) {
    const item: unknown = v[i];
    if (typeof item !== 'string' || !realMonth(item)) return FAIL;
    out[i] = item;
  }
  return out;
}

/** A list of records, each through its (module-level) parser. */
function optRecords(v: unknown, parse: (item: unknown) => unknown): unknown {
  if (v === null) return null;
  if (!Array.isArray(v)) return FAIL;
  const length = v.length;
  const out = new Array<unknown>(length);
  for (let i = 0; i < length; i++) {
    const item = parse(v[i]);
    if (item === FAIL) return FAIL;
    out[i] = item;
  }
  return out;
}

// Record parsers, written for the shapes above. Each walks the input's keys once (for...in, as
// zod's catchall does): a known key goes through its field parser into a local, anything else must
// be an `x-` key. A field parser fails on undefined, so a local left undefined means the key is
// absent. The output is then built in the schema's key order, absent keys left out, `x-` keys last.

function parseBranchHeader(value: unknown): unknown {
  if (!isRecord(value)) return FAIL;
  let id, name, kind, parent, units, established, secretary, deputySecretaries, committee, elected: unknown;
  let extra: string[] | null = null;
  for (const key in value) {
    const v = value[key];
    switch (key) {
      case 'id': if ((id = text(v)) === FAIL) return FAIL; break;
      case 'name': if ((name = text(v)) === FAIL) return FAIL; break;
      case 'kind': if ((kind = optToken(v, BRANCH_KINDS)) === FAIL) return FAIL; break;
      case 'parent': if ((parent = optString(v)) === FAIL) return FAIL; break;
      case 'units': if ((units = optTexts(v)) === FAIL) return FAIL; break;
      case 'established': if ((established = optDate(v)) === FAIL) return FAIL; break;
      case 'secretary': if ((secretary = text(v)) === FAIL) return FAIL; break;
      case 'deputy_secretaries': if ((deputySecretaries = optTexts(v)) === FAIL) return FAIL; break;
      case 'committee': if ((committee = optTexts(v)) === FAIL) return FAIL; break;
      case 'elected': if ((elected = optDate(v)) === FAIL) return FAIL; break;
      default: if (!isExtension(key)) return FAIL; (extra ??= []).push(key);
    }
  }
  if (id === undefined || name === undefined || secretary === undefined) return FAIL;
  const out: Rec = { id, name };
  if (kind !== undefined) out.kind = kind;
  if (parent !== undefined) out.parent = parent;
  if (units !== undefined) out.units = units;
  if (established !== undefined) out.established = established;
  out.secretary = secretary;
  if (deputySecretaries !== undefined) out.deputy_secretaries = deputySecretaries;
  if (committee !== undefined) out.committee = committee;
  if (elected !== undefined) out.elected = elected;
  if (extra !== null) addExtensions(out, value, extra);
  return out;
}

function parseMember(value: unknown): unknown {
  if (!isRecord(value)) return FAIL;
  let name, status, admitted, confirmed, since, until, group, leader, excused, probationUntil, dues, training, indicators: unknown;
  let extra: string[] | null = null;
  for (const key in value) {
    const v = value[key];
    switch (key) {
      case 'name': if ((name = text(v)) === FAIL) return FAIL; break;
      case 'status': if ((status = token(v, MEMBER_STATUSES)) === FAIL) return FAIL; break;
      case 'admitted': if ((admitted = optDate(v)) === FAIL) return FAIL; break;
      case 'confirmed': if ((confirmed = optDate(v)) === FAIL) return FAIL; break;
      case 'since': if ((since = optDate(v)) === FAIL) return FAIL; break;
      case 'until': if ((until = optDate(v)) === FAIL) return FAIL; break;
      case 'group': if ((group = optString(v)) === FAIL) return FAIL; break;
      case 'leader': if ((leader = optBoolean(v)) === FAIL) return FAIL; break;
      case 'excused': if ((excused = optBoolean(v)) === FAIL) return FAIL; break;
      case 'probation_until': if ((probationUntil = optDate(v)) === FAIL) return FAIL; break;
      case 'dues': if ((dues = optMonths(v)) === FAIL) return FAIL; break;
      case 'training': if ((training = optRecords(v, parseTraining)) === FAIL) return FAIL; break;
      case 'indicators': if ((indicators = optRecords(v, parseIndicator)) === FAIL) return FAIL; break;
      default: if (!isExtension(key)) return FAIL; (extra ??= []).push(key);
    }
  }
  if (name === undefined || status === undefined) return FAIL;
  const out: Rec = { name, status };
  if (admitted !== undefined) out.admitted = admitted;
  if (confirmed !== undefined) out.confirmed = confirmed;
  if (since !== undefined) out.since = since;
  if (until !== undefined) out.until = until;
  if (group !== undefined) out.group = group;
  if (leader !== undefined) out.leader = leader;
  if (excused !== undefined) out.excused = excused;
  if (probationUntil !== undefined) out.probation_until = probationUntil;
  if (dues !== undefined) out.dues = dues;
  if (training !== undefined) out.training = training;
  if (indicators !== undefined) out.indicators = indicators;
  if (extra !== null) addExtensions(out, value, extra);
  return out;
}

function parseTraining(value: unknown): unknown {
  if (!isRecord(value)) return FAIL;
  let day, credited, title: unknown;
  let extra: string[] | null = null;
  for (const key in value) {
    const v = value[key];
    switch (key) {
      case 'date': if ((day = date(v)) === FAIL) return FAIL; break;
      case 'hours': if ((credited = hours(v)) === FAIL) return FAIL; break;
      case 'title': if ((title = optString(v)) === FAIL) return FAIL; break;
      default: if (!isExtension(key)) return FAIL; (extra ??= []).push(key);
    }
  }
  if (day === undefined || credited === undefined) return FAIL;
  const out: Rec = { date: day, hours: credited };
  if (title !== undefined) out.title = title;
  if (extra !== null) addExtensions(out, value, extra);
  return out;
}

function parseIndicator(value: unknown): unknown {
  if (!isRecord(value)) return FAIL;
  let name, target, actual: unknown;
  let extra: string[] | null = null;
  for (const key in value) {
    const v = value[key];
    switch (key) {
      case 'name': if ((name = optString(v)) === FAIL) return FAIL; break;
      case 'target': if ((target = optStringOrNumber(v)) === FAIL) return FAIL; break;
      case 'actual': if ((actual = optStringOrNumber(v)) === FAIL) return FAIL; break;
      default: if (!isExtension(key)) return FAIL; (extra ??= []).push(key);
    }
  }
  const out: Rec = {};
  if (name !== undefined) out.name = name;
  if (target !== undefined) out.target = target;
  if (actual !== undefined) out.actual = actual;
  if (extra !== null) addExtensions(out, value, extra);
  return out;
}

function parseGroup(value: unknown): unknown {
  if (!isRecord(value)) return FAIL;
  let name, leader: unknown;
  let extra: string[] | null = null;
  for (const key in value) {
    const v = value[key];
    switch (key) {
      case 'name': if ((name = text(v)) === FAIL) return FAIL; break;
      case 'leader': if ((leader = optString(v)) === FAIL) return FAIL; break;
      default: if (!isExtension(key)) return FAIL; (extra ??= []).push(key);
    }
  }
  if (name === undefined) return FAIL;
  const out: Rec = { name };
  if (leader !== undefined) out.leader = leader;
  if (extra !== null) addExtensions(out, value, extra);
  return out;
}

function parseActivity(value: unknown): unknown {
  if (!isRecord(value)) return FAIL;
  let type, day, topic, host, recorder, attendees, expected, present, absentees, guests, minutes, group, lecturer, form, credited, withWhom, member, eligible, address, decision: unknown;
  let extra: string[] | null = null;
  for (const key in value) {
    const v = value[key];
    switch (key) {
      case 'type': if ((type = token(v, ACTIVITY_TYPES)) === FAIL) return FAIL; break;
      case 'date': if ((day = date(v)) === FAIL) return FAIL; break;
      case 'topic': if ((topic = optString(v)) === FAIL) return FAIL; break;
      case 'host': if ((host = optString(v)) === FAIL) return FAIL; break;
      case 'recorder': if ((recorder = optString(v)) === FAIL) return FAIL; break;
      case 'attendees': if ((attendees = optTexts(v)) === FAIL) return FAIL; break;
      case 'expected': if ((expected = optCount(v)) === FAIL) return FAIL; break;
      case 'present': if ((present = optCount(v)) === FAIL) return FAIL; break;
      case 'absentees': if ((absentees = optRecords(v, parseAbsentee)) === FAIL) return FAIL; break;
      case 'guests': if ((guests = optTexts(v)) === FAIL) return FAIL; break;
      case 'minutes': if ((minutes = optStringOrBoolean(v)) === FAIL) return FAIL; break;
      case 'group': if ((group = optString(v)) === FAIL) return FAIL; break;
      case 'lecturer': if ((lecturer = optString(v)) === FAIL) return FAIL; break;
      case 'form': if ((form = optToken(v, THEME_DAY_FORMS)) === FAIL) return FAIL; break;
      case 'hours': if ((credited = optHours(v)) === FAIL) return FAIL; break;
      case 'with': if ((withWhom = optTexts(v)) === FAIL) return FAIL; break;
      case 'member': if ((member = optString(v)) === FAIL) return FAIL; break;
      case 'eligible': if ((eligible = optCount(v)) === FAIL) return FAIL; break;
      case 'address': if ((address = optString(v)) === FAIL) return FAIL; break;
      case 'decision': if ((decision = optString(v)) === FAIL) return FAIL; break;
      default: if (!isExtension(key)) return FAIL; (extra ??= []).push(key);
    }
  }
  if (type === undefined || day === undefined) return FAIL;
  const out: Rec = { type, date: day };
  if (topic !== undefined) out.topic = topic;
  if (host !== undefined) out.host = host;
  if (recorder !== undefined) out.recorder = recorder;
  if (attendees !== undefined) out.attendees = attendees;
  if (expected !== undefined) out.expected = expected;
  if (present !== undefined) out.present = present;
  if (absentees !== undefined) out.absentees = absentees;
  if (guests !== undefined) out.guests = guests;
  if (minutes !== undefined) out.minutes = minutes;
  if (group !== undefined) out.group = group;
  if (lecturer !== undefined) out.lecturer = lecturer;
  if (form !== undefined) out.form = form;
  if (credited !== undefined) out.hours = credited;
  if (withWhom !== undefined) out.with = withWhom;
  if (member !== undefined) out.member = member;
  if (eligible !== undefined) out.eligible = eligible;
  if (address !== undefined) out.address = address;
  if (decision !== undefined) out.decision = decision;
  if (extra !== null) addExtensions(out, value, extra);
  // records.ts `activity`: the fields its type requires, missing as `isMissing` says.
  const required = requiredByType[type as keyof typeof requiredByType];
  if (required !== undefined) {
    for (let i = 0; i < required.length; i++) if (isMissing(out[required[i] as string])) return FAIL;
  }
  return out;
}

function parseAbsentee(value: unknown): unknown {
  if (!isRecord(value)) return FAIL;
  let name, reason: unknown;
  let extra: string[] | null = null;
  for (const key in value) {
    const v = value[key];
    switch (key) {
      case 'name': if ((name = text(v)) === FAIL) return FAIL; break;
      case 'reason': if ((reason = optString(v)) === FAIL) return FAIL; break;
      default: if (!isExtension(key)) return FAIL; (extra ??= []).push(key);
    }
  }
  if (name === undefined) return FAIL;
  const out: Rec = { name };
  if (reason !== undefined) out.reason = reason;
  if (extra !== null) addExtensions(out, value, extra);
  return out;
}

function parseProject(value: unknown): unknown {
  if (!isRecord(value)) return FAIL;
  let name, approved, owner, goals, status, progress: unknown;
  let extra: string[] | null = null;
  for (const key in value) {
    const v = value[key];
    switch (key) {
      case 'name': if ((name = text(v)) === FAIL) return FAIL; break;
      case 'approved': if ((approved = optDate(v)) === FAIL) return FAIL; break;
      case 'owner': if ((owner = optString(v)) === FAIL) return FAIL; break;
      case 'goals': if ((goals = optStrings(v)) === FAIL) return FAIL; break;
      case 'status': if ((status = optToken(v, PROJECT_STATUSES)) === FAIL) return FAIL; break;
      case 'progress': if ((progress = optRecords(v, parseProgress)) === FAIL) return FAIL; break;
      default: if (!isExtension(key)) return FAIL; (extra ??= []).push(key);
    }
  }
  if (name === undefined) return FAIL;
  const out: Rec = { name };
  if (approved !== undefined) out.approved = approved;
  if (owner !== undefined) out.owner = owner;
  if (goals !== undefined) out.goals = goals;
  if (status !== undefined) out.status = status;
  if (progress !== undefined) out.progress = progress;
  if (extra !== null) addExtensions(out, value, extra);
  return out;
}

function parseProgress(value: unknown): unknown {
  if (!isRecord(value)) return FAIL;
  let day, note: unknown;
  let extra: string[] | null = null;
  for (const key in value) {
    const v = value[key];
    switch (key) {
      case 'date': if ((day = date(v)) === FAIL) return FAIL; break;
      case 'note': if ((note = optString(v)) === FAIL) return FAIL; break;
      default: if (!isExtension(key)) return FAIL; (extra ??= []).push(key);
    }
  }
  if (day === undefined) return FAIL;
  const out: Rec = { date: day };
  if (note !== undefined) out.note = note;
  if (extra !== null) addExtensions(out, value, extra);
  return out;
}

function parseRectification(value: unknown): unknown {
  if (!isRecord(value)) return FAIL;
  let issue, rule, found, deadline, owner, status, done: unknown;
  let extra: string[] | null = null;
  for (const key in value) {
    const v = value[key];
    switch (key) {
      case 'issue': if ((issue = text(v)) === FAIL) return FAIL; break;
      case 'rule': if ((rule = optString(v)) === FAIL) return FAIL; break;
      case 'found': if ((found = optDate(v)) === FAIL) return FAIL; break;
      case 'deadline': if ((deadline = optDate(v)) === FAIL) return FAIL; break;
      case 'owner': if ((owner = optString(v)) === FAIL) return FAIL; break;
      case 'status': if ((status = optToken(v, RECTIFICATION_STATUSES)) === FAIL) return FAIL; break;
      case 'done': if ((done = optDate(v)) === FAIL) return FAIL; break;
      default: if (!isExtension(key)) return FAIL; (extra ??= []).push(key);
    }
  }
  if (issue === undefined) return FAIL;
  const out: Rec = { issue };
  if (rule !== undefined) out.rule = rule;
  if (found !== undefined) out.found = found;
  if (deadline !== undefined) out.deadline = deadline;
  if (owner !== undefined) out.owner = owner;
  if (status !== undefined) out.status = status;
  if (done !== undefined) out.done = done;
  if (extra !== null) addExtensions(out, value, extra);
  return out;
}

function parseExemption(value: unknown): unknown {
  if (!isRecord(value)) return FAIL;
  let rule, subject, period, reason, approvedBy, expires: unknown;
  let extra: string[] | null = null;
  for (const key in value) {
    const v = value[key];
    switch (key) {
      case 'rule': if ((rule = text(v)) === FAIL) return FAIL; break;
      case 'subject': if ((subject = optString(v)) === FAIL) return FAIL; break;
      case 'period': if ((period = optPeriod(v)) === FAIL) return FAIL; break;
      case 'reason': if ((reason = text(v)) === FAIL) return FAIL; break;
      case 'approved_by': if ((approvedBy = optString(v)) === FAIL) return FAIL; break;
      case 'expires': if ((expires = optDate(v)) === FAIL) return FAIL; break;
      default: if (!isExtension(key)) return FAIL; (extra ??= []).push(key);
    }
  }
  if (rule === undefined || reason === undefined) return FAIL;
  const out: Rec = { rule };
  if (subject !== undefined) out.subject = subject;
  if (period !== undefined) out.period = period;
  out.reason = reason;
  if (approvedBy !== undefined) out.approved_by = approvedBy;
  if (expires !== undefined) out.expires = expires;
  if (extra !== null) addExtensions(out, value, extra);
  return out;
}

/** records.ts `uniqueNames`: true when two entries of a parsed list share a name. */
function duplicateName(list: unknown): boolean {
  if (!Array.isArray(list) || list.length < 2) return false;
  const seen = new Set<unknown>();
  for (let i = 0; i < list.length; i++) {
    const name = (list[i] as Rec).name;
    if (seen.has(name)) return true;
    seen.add(name);
  }
  return false;
}

function parseBranchDocument(value: unknown): unknown {
  if (!isRecord(value)) return FAIL;
  let branch, members, groups, activities, projects, rectifications, exemptions: unknown;
  let extra: string[] | null = null;
  for (const key in value) {
    const v = value[key];
    switch (key) {
      case 'branch': if ((branch = parseBranchHeader(v)) === FAIL) return FAIL; break;
      case 'members': if ((members = optRecords(v, parseMember)) === FAIL) return FAIL; break;
      case 'groups': if ((groups = optRecords(v, parseGroup)) === FAIL) return FAIL; break;
      case 'activities': if ((activities = optRecords(v, parseActivity)) === FAIL) return FAIL; break;
      case 'projects': if ((projects = optRecords(v, parseProject)) === FAIL) return FAIL; break;
      case 'rectifications': if ((rectifications = optRecords(v, parseRectification)) === FAIL) return FAIL; break;
      case 'exemptions': if ((exemptions = optRecords(v, parseExemption)) === FAIL) return FAIL; break;
      default: if (!isExtension(key)) return FAIL; (extra ??= []).push(key);
    }
  }
  if (branch === undefined) return FAIL;
  // records.ts `branchDocument`: member and group names are unique.
  if (duplicateName(members) || duplicateName(groups)) return FAIL;
  const out: Rec = { branch };
  if (members !== undefined) out.members = members;
  if (groups !== undefined) out.groups = groups;
  if (activities !== undefined) out.activities = activities;
  if (projects !== undefined) out.projects = projects;
  if (rectifications !== undefined) out.rectifications = rectifications;
  if (exemptions !== undefined) out.exemptions = exemptions;
  if (extra !== null) addExtensions(out, value, extra);
  return out;
}

function parseOrganizationHeader(value: unknown): unknown {
  if (!isRecord(value)) return FAIL;
  let id, name: unknown;
  let extra: string[] | null = null;
  for (const key in value) {
    const v = value[key];
    switch (key) {
      case 'id': if ((id = text(v)) === FAIL) return FAIL; break;
      case 'name': if ((name = text(v)) === FAIL) return FAIL; break;
      default: if (!isExtension(key)) return FAIL; (extra ??= []).push(key);
    }
  }
  if (id === undefined || name === undefined) return FAIL;
  const out: Rec = { id, name };
  if (extra !== null) addExtensions(out, value, extra);
  return out;
}

function parseLeader(value: unknown): unknown {
  if (!isRecord(value)) return FAIL;
  let name, title, branch, liaison: unknown;
  let extra: string[] | null = null;
  for (const key in value) {
    const v = value[key];
    switch (key) {
      case 'name': if ((name = text(v)) === FAIL) return FAIL; break;
      case 'title': if ((title = optString(v)) === FAIL) return FAIL; break;
      case 'branch': if ((branch = optString(v)) === FAIL) return FAIL; break;
      case 'liaison': if ((liaison = optString(v)) === FAIL) return FAIL; break;
      default: if (!isExtension(key)) return FAIL; (extra ??= []).push(key);
    }
  }
  if (name === undefined) return FAIL;
  const out: Rec = { name };
  if (title !== undefined) out.title = title;
  if (branch !== undefined) out.branch = branch;
  if (liaison !== undefined) out.liaison = liaison;
  if (extra !== null) addExtensions(out, value, extra);
  return out;
}

function parseUnit(value: unknown): unknown {
  if (!isRecord(value)) return FAIL;
  let name, partyMembers: unknown;
  let extra: string[] | null = null;
  for (const key in value) {
    const v = value[key];
    switch (key) {
      case 'name': if ((name = text(v)) === FAIL) return FAIL; break;
      case 'party_members': if ((partyMembers = count(v)) === FAIL) return FAIL; break;
      default: if (!isExtension(key)) return FAIL; (extra ??= []).push(key);
    }
  }
  if (name === undefined || partyMembers === undefined) return FAIL;
  const out: Rec = { name, party_members: partyMembers };
  if (extra !== null) addExtensions(out, value, extra);
  return out;
}

function parseOrganizationDocument(value: unknown): unknown {
  if (!isRecord(value)) return FAIL;
  let organization, leaders, units, exemptions: unknown;
  let extra: string[] | null = null;
  for (const key in value) {
    const v = value[key];
    switch (key) {
      case 'organization': if ((organization = parseOrganizationHeader(v)) === FAIL) return FAIL; break;
      case 'leaders': if ((leaders = optRecords(v, parseLeader)) === FAIL) return FAIL; break;
      case 'units': if ((units = optRecords(v, parseUnit)) === FAIL) return FAIL; break;
      case 'exemptions': if ((exemptions = optRecords(v, parseExemption)) === FAIL) return FAIL; break;
      default: if (!isExtension(key)) return FAIL; (extra ??= []).push(key);
    }
  }
  if (organization === undefined) return FAIL;
  // records.ts `organizationDocument`: leader names are unique.
  if (duplicateName(leaders)) return FAIL;
  const out: Rec = { organization };
  if (leaders !== undefined) out.leaders = leaders;
  if (units !== undefined) out.units = units;
  if (exemptions !== undefined) out.exemptions = exemptions;
  if (extra !== null) addExtensions(out, value, extra);
  return out;
}

/** The branch document exactly as `branchDocument.safeParse(value)` parses it, when it is valid and plain; else null. */
export function fastBranchDocument(value: unknown): BranchDocument | null {
  if (!branchOn) return null;
  const out = parseBranchDocument(value);
  return out === FAIL ? null : (out as BranchDocument);
}

/** The organization document exactly as `organizationDocument.safeParse(value)` parses it, when it is valid and plain; else null. */
export function fastOrganizationDocument(value: unknown): OrganizationDocument | null {
  if (!organizationOn) return null;
  const out = parseOrganizationDocument(value);
  return out === FAIL ? null : (out as OrganizationDocument);
}
