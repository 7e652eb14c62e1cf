import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { activityTypes, branchKinds, extraLabels, memberStatuses, projectStatuses, rectificationStatuses, themeDayForms } from '../../src/schema/enums.js';
import { parseYaml } from '../../src/load/yaml.js';
import { NAME_KEYS, normalizeNames } from '../../src/model/names.js';
import { compile, documentIssues, fastDocument, planFile, planOf, recordPlans } from '../../src/schema/validate.js';
import { branchDocument, organizationDocument, refinements } from '../../src/schema/records.js';
import { yamlFilesUnder } from '../support/engine.js';
import { root } from '../support/fixtures.js';
import { mulberry32, sameKeyOrder } from '../support/records.js';

type Kind = 'branch' | 'organization';
const zod = { branch: branchDocument, organization: organizationDocument } as const;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isX = (key: string) => key.startsWith('x-');

function hasXKey(value: unknown): boolean {
  const seen = new Set<object>();
  const walk = (node: unknown): boolean => {
    if (!isObject(node) || seen.has(node)) return false;
    seen.add(node);
    return Object.entries(node).some(([key, child]) => (!Array.isArray(node) && isX(key)) || walk(child));
  };
  return walk(value);
}

/**
 * The contract: a non-null fast result is the value itself, changed in place into what zod gives for the value as
 * written with its names normalised (normalizeNames, as the loader's slow path does): the same data (strictly:
 * undefined vs absent, -0, prototypes), its keys in their written order. On null, zod parses the value as the fast
 * path left it, and must find what it finds in the value as written (the loader copies a value with shared nodes first).
 */
function contract(kind: Kind, written: unknown): { problem: string | null; quick: boolean; accepted: boolean } {
  const zodOf = (value: unknown) => {
    const named = structuredClone(value);
    normalizeNames(named);
    const parsed = zod[kind].safeParse(named);
    return { parsed, seen: parsed.success ? parsed.data : parsed.error.issues };
  };
  const slow = zodOf(written).parsed;
  const value = structuredClone(written);
  const quick = fastDocument(kind, value);
  let problem: string | null = null;
  if (quick === null) problem = isDeepStrictEqual(zodOf(value).seen, zodOf(written).seen) ? null : 'zod finds otherwise in what the fast path left';
  else if (quick !== value) problem = 'the fast result is not the value itself';
  else if (!slow.success) problem = `fast accepted what zod rejects: ${slow.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`;
  else if (!isDeepStrictEqual(quick, slow.data)) problem = `data differ:\n  fast ${JSON.stringify(quick)}\n  zod  ${JSON.stringify(slow.data)}`;
  else if (!sameKeyOrder(quick, written)) problem = 'key order differs from the written one';
  return { problem, quick: quick !== null, accepted: slow.success };
}
const breach = (kind: Kind, value: unknown) => contract(kind, value).problem;

/** The documents of a file as the loader's fast parse sees them; [] when it is not UTF-8 or not YAML. */
function documents(file: string): unknown[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
  } catch {
    return [];
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // The loader's parse: an alias bomb is refused there (js-yaml would expand it, and zod take 20 s over it).
  return parseYaml(text).documents.map((doc) => doc.value);
}

const fixtureDocs = yamlFilesUnder('fixtures').flatMap((name) => documents(path.join(root, name)).map((value, index) => ({ name: `${name}#${index + 1}`, value })));
const VALID = /^fixtures[\\/](valid|demo|compliant|rules)[\\/]/;

describe('the fast record validator', () => {
  test('plans every record of the schemas, leaving nothing to zod', () => {
    const problems: string[] = [];
    recordPlans(problems);
    expect(problems).toEqual([]);
  });

  // npm run build writes the plan a check runs from (no zod at run time); the CLI tests run that build.
  test('the built plan (dist/record-plan.json) is the plan of these schemas', () => {
    expect(JSON.parse(readFileSync(planFile.pathname.replace('/src/', '/dist/'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(recordPlans())));
  });

  test('finds the fixtures', () => {
    expect(fixtureDocs.length).toBeGreaterThan(100);
  });

  test('keeps the contract on every fixture document, as either kind', () => {
    const problems: string[] = [];
    for (const { name, value } of fixtureDocs) {
      for (const kind of ['branch', 'organization'] as const) {
        const problem = breach(kind, value);
        if (problem) problems.push(`${name} (${kind}): ${problem}`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('takes the fast path for every valid fixture document zod accepts', () => {
    const missed: string[] = [];
    let taken = 0;
    for (const { name, value } of fixtureDocs) {
      if (!VALID.test(name) || !isObject(value) || Array.isArray(value)) continue;
      const kind: Kind = 'organization' in value ? 'organization' : 'branch';
      if (!zod[kind].safeParse(value).success) continue;
      // `x-` keys are kept by the fast path too, so documents with them are held to it as well.
      if (fastDocument(kind, structuredClone(value)) === null) missed.push(`${name}${hasXKey(value) ? ' (has x- keys)' : ''}`);
      else taken++;
    }
    expect(missed).toEqual([]);
    expect(taken).toBeGreaterThan(50);
  });

  test('keeps x- keys as zod does (same values, where they are written)', () => {
    const shared = { note: [1, 2] };
    const value = { 'x-first': shared, branch: { id: 'b', 'x-undefined': undefined, name: 'n', secretary: 's' }, members: [{ 'x-z': null, name: 'a', status: '正式党员' }] };
    expect(breach('branch', value)).toBeNull();
    const out = fastDocument('branch', value);
    expect(out).toBe(value);
    expect(Object.keys(out ?? {})).toEqual(['x-first', 'branch', 'members']);
    expect((out as unknown as Record<string, unknown>)['x-first']).toBe(shared);
    expect(Object.keys(out?.branch ?? {})).toEqual(['id', 'x-undefined', 'name', 'secretary']);
    expect(out?.members?.[0]?.status).toBe('full');
  });

  test('knows every key of the schemas (a document that writes each one takes the fast path)', () => {
    for (const [kind, value] of [['branch', everyKeyBranch], ['organization', everyKeyOrganization]] as const) {
      expect(zod[kind].safeParse(value).success).toBe(true);
      expect(breach(kind, value)).toBeNull();
      const out = fastDocument(kind, structuredClone(value));
      expect(out).not.toBeNull();
      const written = keyPaths(out, '', new Set());
      expect([...schemaKeyPaths(zod[kind], '', new Set())].filter((key) => !written.has(key))).toEqual([]);
    }
  });

  test('gives up where in doubt and leaves the wording to zod', () => {
    const header = { id: 'b', name: 'n', secretary: 's' };
    const doubtful: unknown[] = [
      null,
      [],
      'text',
      { branch: header, memberz: [] },
      { branch: { ...header, secretary: '' } },
      { branch: header, members: [{ name: 'a', status: 'full' }, { name: 'a', status: 'full' }] },
      { branch: header, groups: [{ name: 'g' }, { name: 'g' }] },
      { branch: header, activities: [{ type: 'training', date: '2026-01-01' }] },
      { branch: header, activities: [{ type: 'other', date: '2026-02-30' }] },
      { branch: header, activities: [{ type: 'other', date: '2026-01-01', expected: 1.5 }] },
      { branch: header, activities: [{ type: 'other', date: '2026-01-01', present: -1 }] },
      { branch: header, activities: [{ type: 'other', date: '2026-01-01', minutes: 1 }] },
      { branch: header, activities: [{ type: 'training', date: '2026-01-01', hours: -0.5 }] },
      { branch: header, activities: [{ type: 'election', date: '2026-01-01', eligible: 2.5, present: 1 }] },
      { branch: header, activities: [{ type: 'election', date: '2026-01-01', eligible: 2, present: 2 ** 53 }] },
      { branch: header, members: [{ name: 'a', status: 'full', training: [{ date: '2026-01-01', hours: -1 }] }] },
      { branch: header, members: [{ name: 'a', status: 'full', indicators: [{ target: Infinity }] }] },
      { branch: header, exemptions: [{ rule: 'r', reason: 'x', period: '2026Q5' }] },
      { branch: header, members: { name: 'a', status: 'full' } },
      { branch: header, members: [{ name: 'a', status: 'full', admitted: undefined }] },
      JSON.parse('{"branch":{"id":"b","name":"n","secretary":"s"},"__proto__":{}}'),
      Object.assign(new Date(0), { branch: header }),
    ];
    for (const value of doubtful) expect(fastDocument('branch', value)).toBeNull();
    expect(fastDocument('organization', { organization: { id: 'o', name: 'n' }, leaders: [{ name: 'a' }, { name: 'a' }] })).toBeNull();
    expect(fastDocument('organization', { organization: { id: 'o', name: 'n' }, units: [{ name: 'u', party_members: '3' }] })).toBeNull();
  });

  test('reads dates and months as zod does (also after the cache has seen their neighbours)', () => {
    const dates = ['2026-10-01', '2026-0:-01', '2026-10-0:', '2026-01-01', ' 2026-01-01', '2026-01-01 ', '2026-01-01\n', '2026-1-01', '20261-01-01', '2026/01/01', '2026-02-29',
      '2024-02-29', '2100-02-29', '2000-02-29', '0000-01-01', '9999-12-31', '2026-00-10', '2026-12-00', '2026-12-32', '２０２６-01-01', '2026-04-31', '2026-06-30', '2026-11-31', '2026-07-08T00:00'];
    const months = ['2026-10', '2026-0:', '2026-:0', '2026-01', '2026-12', '2026-00', '2026-13', '202-01', ' 2026-01', '2026-1', '２０２６-01'];
    for (const day of [...dates, ...dates]) {
      const value = { branch: { id: 'b', name: 'n', secretary: 's', established: day }, activities: [{ type: 'other', date: day }] };
      expect(breach('branch', value), day).toBeNull();
      expect(fastDocument('branch', value) !== null, day).toBe(branchDocument.safeParse(value).success);
    }
    for (const month of [...months, ...months]) {
      const value = { branch: { id: 'b', name: 'n', secretary: 's' }, members: [{ name: 'a', status: 'full', dues: [month] }] };
      expect(breach('branch', value), month).toBeNull();
      expect(fastDocument('branch', value) !== null, month).toBe(branchDocument.safeParse(value).success);
    }
  });

  test('reads exemption periods as zod does', () => {
    const periods: unknown[] = [2026, '2026', '2026Q1', '2026Q4', '2026Q0', '2026Q5', '2026-02', '2026-13', '2026-00', 202602, '202602', 2026.5, -2026, 1e21, '', ' 2026', '2026\n', '2026-02-01', Infinity, NaN, true, null, ['2026']];
    for (const period of periods) {
      const value = { branch: { id: 'b', name: 'n', secretary: 's' }, exemptions: [{ rule: 'r', reason: 'x', period }] };
      expect(breach('branch', value), String(period)).toBeNull();
      const accepted = branchDocument.safeParse(value).success;
      expect(fastDocument('branch', value) !== null, String(period)).toBe(accepted);
    }
  });
});

/** Every key path of a zod schema: `activities[].absentees[].name`. */
function schemaKeyPaths(schema: z.ZodType, at: string, into: Set<string>): Set<string> {
  let inner: z.ZodType = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable) inner = inner.unwrap() as z.ZodType;
  if (inner instanceof z.ZodArray) return schemaKeyPaths(inner.element as z.ZodType, `${at}[]`, into);
  if (inner instanceof z.ZodObject) {
    for (const [key, field] of Object.entries(inner.shape as Record<string, z.ZodType>)) {
      const path = at === '' ? key : `${at}.${key}`;
      into.add(path);
      schemaKeyPaths(field, path, into);
    }
  }
  return into;
}

/** Every key path written in a parsed document. */
function keyPaths(value: unknown, at: string, into: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const item of value) keyPaths(item, `${at}[]`, into);
  else if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      const path = at === '' ? key : `${at}.${key}`;
      into.add(path);
      keyPaths(child, path, into);
    }
  }
  return into;
}

const everyKeyBranch = {
  branch: {
    id: 'pb-900', name: '全字段党支部', kind: '党总支', parent: 'corp', units: ['一部'], established: '2020-01-01',
    secretary: '张三', deputy_secretaries: ['李四'], committee: ['张三', '李四'], elected: '2024-06-01', 'x-source': 'test',
  },
  members: [
    {
      name: '张三', status: 'full', admitted: '2009-07-01', confirmed: '2010-07-01', since: '2021-03-15', until: null, group: '一组',
      leader: true, excused: false, probation_until: null, dues: ['2026-01', '2026-02'],
      training: [{ date: '2026-05-10', hours: 8, title: '网络培训' }], indicators: [{ name: '零事故', target: 0, actual: '0起' }],
    },
    { name: '李四', status: '预备党员', admitted: '2026-01-05' },
  ],
  groups: [{ name: '一组', leader: '张三' }],
  activities: [
    {
      type: 'group-meeting', date: '2026-07-08', topic: '学习', host: '张三', recorder: '李四', attendees: ['张三'], expected: 2, present: 1,
      absentees: [{ name: '李四', reason: '出差' }], guests: ['赵六'], minutes: true, group: '一组', lecturer: '张三', form: '旅游',
      hours: 1.5, with: ['李四'], member: '李四', eligible: 2, address: '活动室', decision: '通过',
    },
  ],
  projects: [{ name: '攻坚', approved: '2026-02-01', owner: '张三', goals: ['完成'], status: '已完成', progress: [{ date: '2026-05-20', note: '一期' }] }],
  rectifications: [{ issue: '未开会', rule: 'meetings.general-quarterly', found: '2026-07-10', deadline: '2026-08-10', owner: '张三', status: 'done', done: '2026-08-01' }],
  exemptions: [{ rule: 'theme-day.monthly', subject: '李四', period: 2026, reason: '停工', approved_by: '公司党委', expires: '2026-12-31' }],
  'x-exported-by': { tool: 'test' },
};

const everyKeyOrganization = {
  organization: { id: 'corp', name: '公司党委' },
  leaders: [{ name: '赵六', title: '副总', branch: 'pb-900', liaison: 'pb-900/一组' }],
  units: [{ name: '一部', party_members: 3 }],
  exemptions: [{ rule: 'org.unit-coverage', subject: '一部', period: '2026Q1', reason: '新建', approved_by: '公司党委', expires: null }],
};

/** Every text and list of texts under a name key, written with zero-width characters, padding and a compatibility ideograph (U+F9E1 for 李). */
function misspelled(value: unknown, key = ''): unknown {
  const odd = (text: string) => ` \u200B${text.replaceAll('李', '\uF9E1')}\uFEFF\u3000`;
  if (typeof value === 'string') return NAME_KEYS.has(key) ? odd(value) : value;
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? misspelled(item, key) : misspelled(item)));
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, child]) => [k, misspelled(child, k)]));
}

describe('names, normalised as the fast path copies them', () => {
  test('every name key of both documents gives what normalizeNames then zod give, and the header keeps its own name as written', () => {
    for (const [kind, value] of [['branch', misspelled(everyKeyBranch)], ['organization', misspelled(everyKeyOrganization)]] as const) {
      const { problem, quick } = contract(kind, value);
      expect(problem).toBeNull();
      expect(quick).toBe(true);
    }
    const out = fastDocument('branch', misspelled({ ...everyKeyBranch, 'x-note': { secretary: '李四', topic: ' 李 ' } }));
    expect([out?.branch.id, out?.branch.name, out?.members?.[1]?.name, out?.activities?.[0]?.with]).toEqual(['pb-900', ' \u200B全字段党支部\uFEFF\u3000', '李四', ['李四']]);
    expect((out as unknown as Record<string, unknown>)['x-note']).toEqual({ secretary: '李四', topic: ' 李 ' });
  });

  test('without names (the loader normalises an aliased document in place first), the fast path leaves them as written', () => {
    expect(fastDocument('branch', misspelled(everyKeyBranch), false)?.branch.secretary).toBe(' \u200B张三\uFEFF\u3000');
  });
});

describe('the fast path when the schemas change', () => {
  type Records = typeof import('../../src/schema/records.js');
  type Fields = typeof import('../../src/schema/fields.js');
  // Each change replaces one part of the branch document, built from fresh modules with records.ts' own `record()`.
  const changes: [string, string | null, (records: Records, fields: Fields) => z.ZodType, Record<string, unknown>][] = [
    ['a new member field: one edit, still compiled', null, (r, f) => f.record({ ...r.branchDocument.shape, members: z.array(f.record({ ...r.member.shape, email: f.optionalText })).nullish() }), { members: [{ name: '张三', status: 'full', email: 'z@x.cn' }] }],
    ['a check it does not know: a document goes to zod', 'exemptions: array max_length', (r, f) => f.record({ ...r.branchDocument.shape, exemptions: z.array(r.exemption).max(3).nullish() }), {}],
    ['a refinement it does not know: a document goes to zod', 'groups[]: a refinement', (r, f) => f.record({ ...r.branchDocument.shape, groups: z.array(r.group.superRefine(() => undefined)).nullish() }), {}],
  ];
  test.each(changes)('%s', async (_name, said, change, extra) => {
    const records = await import('../../src/schema/records.js');
    const fields = await import('../../src/schema/fields.js');
    const changed = change(records, fields);
    const problems: string[] = [];
    const fastBranch = compile(planOf(changed, refinements, problems));
    const mine = problems;
    if (said === null) expect(mine).toEqual([]);
    else expect(mine.some((problem) => problem.startsWith(said))).toBe(true);
    const doc = { ...structuredClone(everyKeyBranch), ...extra };
    const parsed = changed.safeParse(doc);
    expect(parsed.success).toBe(true);
    // Unplanned parts leave the whole document to zod: slower, never different.
    if (said === null) expect(fastBranch(doc)).toEqual(parsed.data);
    else expect(typeof fastBranch(doc)).toBe('symbol');
    expect(fastDocument('organization', structuredClone(everyKeyOrganization))).not.toBeNull();
  });
});

// ---- the mutation fuzzer ----


const labels = [activityTypes, themeDayForms, branchKinds, memberStatuses, projectStatuses, rectificationStatuses].flatMap((table) => [...Object.keys(table), ...Object.values(table)]);
labels.push(...Object.keys(extraLabels.themeDayForms ?? {}));
const typeValues = [...Object.keys(activityTypes), ...Object.values(activityTypes)];
const scalars: unknown[] = [
  null, undefined, '', ' ', 0, -0, 1, -1, 1.5, 2.5, NaN, Infinity, -Infinity, 2 ** 53, 2 ** 53 - 1, '12', '2.5', ' 3 ', true, false,
  '2026-02-30', '2026-02-28', '2024-02-29', '2025-02-29', '2026-13-01', '2026-2-3', '2026-07-08T00:00:00', '2026-02', '2026-13', '2026-00', '2026', 2026, '2026Q1', '2026Q5', 202602,
  [], [''], ['张三'], ['张三', '张三'], ['2026-01', '2026-02'], [1, 2], {}, { name: '张三' }, { name: '张三', status: 'full' }, { date: '2026-05-10', hours: 8 }, [{ date: '2026-05-10', hours: 8 }], [{ name: 'x' }],
  'x', '旅游', '其它', 'Full', 'general_meeting', 'constructor', '__proto__', 'toString',
];
const keyNames = ['name', 'type', 'date', 'status', 'hours', 'form', 'with', 'group', 'x-note', 'x-', 'X-note', 'xnote', '__proto__', 'constructor', 'memberz', 'attendee', 'partymembers'];

function nearMiss(key: string, random: () => number): string {
  switch (Math.floor(random() * 6)) {
    case 0:
      return `x-${key}`;
    case 1:
      return key.slice(0, -1);
    case 2:
      return `${key}s`;
    case 3:
      return key.toUpperCase();
    case 4:
      return key.length > 1 ? `${key[1]}${key[0]}${key.slice(2)}` : `${key}${key}`;
    default:
      return keyNames[Math.floor(random() * keyNames.length)] as string;
  }
}

/** Sets an own key, as a YAML parser does (plain assignment to `__proto__` would set the prototype). */
function setOwn(node: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Every container of the value with the path to it. */
function paths(value: unknown, at: (string | number)[] = [], out: { at: (string | number)[]; node: Record<string, unknown> | unknown[] }[] = []) {
  if (!isObject(value)) return out;
  out.push({ at, node: value as Record<string, unknown> | unknown[] });
  if (Array.isArray(value)) value.forEach((child, i) => paths(child, [...at, i], out));
  else for (const [key, child] of Object.entries(value)) paths(child, [...at, key], out);
  return out;
}

/** Every scalar of the value with its container and key. */
function leaves(value: unknown, out: { node: Record<string, unknown> | unknown[]; key: string | number }[] = []) {
  if (!isObject(value)) return out;
  if (Array.isArray(value)) value.forEach((child, i) => (isObject(child) ? leaves(child, out) : out.push({ node: value, key: i })));
  else for (const [key, child] of Object.entries(value)) if (isObject(child)) leaves(child, out);
  else out.push({ node: value, key });
  return out;
}

/** A value of a neighbouring kind: numbers shifted, texts emptied or quoted, dates and months unreal. */
function neighbour(value: unknown, random: () => number): unknown {
  const choice = Math.floor(random() * 4);
  if (typeof value === 'number') return [value + 0.5, -value - 1, String(value), -0][choice];
  if (typeof value === 'boolean') return [String(value), Number(value), !value, null][choice];
  if (typeof value === 'string' && /^\d{4}-\d{2}(-\d{2})?$/.test(value)) return [`${value.slice(0, 5)}13${value.slice(7)}`, value.length === 10 ? `${value.slice(0, 8)}31` : `${value}-01`, value.replace(/-/g, '/'), value.slice(0, 7)][choice];
  if (typeof value === 'string') return ['', ` ${value}`, Number(value), value.toUpperCase()][choice];
  return [undefined, 0, '', false][choice];
}

/** One random mutation, in place. */
function mutate(doc: unknown, random: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  if (random() < 0.4) {
    // a scalar, anywhere, becomes a neighbouring value
    const leaf = pick(leaves(doc));
    if (leaf) {
      const old = (leaf.node as Record<string | number, unknown>)[leaf.key];
      (leaf.node as Record<string | number, unknown>)[leaf.key] = neighbour(old, random);
      return `${String(leaf.key)}: ${String(old)} → ${String((leaf.node as Record<string | number, unknown>)[leaf.key])}`;
    }
  }
  const { at, node } = pick(paths(doc));
  const where = at.join('.');
  if (Array.isArray(node)) {
    const i = Math.floor(random() * Math.max(node.length, 1));
    switch (Math.floor(random() * 5)) {
      case 0:
        node.splice(i, 1);
        return `${where}: remove item ${i}`;
      case 1:
        if (node.length > 0) node.push(structuredClone(node[i]));
        return `${where}: duplicate item ${i}`;
      case 2:
        node[i] = pick(scalars);
        return `${where}[${i}] = ${String(node[i])}`;
      case 3:
        node[i] = pick(labels);
        return `${where}[${i}] = ${String(node[i])}`;
      default:
        node.push(pick(scalars));
        return `${where}: push`;
    }
  }
  const keys = Object.keys(node);
  const key = keys.length > 0 ? pick(keys) : 'name';
  switch (Math.floor(random() * 10)) {
    case 0:
      delete node[key];
      return `${where}: delete ${key}`;
    case 1: {
      const renamed = nearMiss(key, random);
      const value = node[key];
      delete node[key];
      setOwn(node, renamed, value);
      return `${where}: rename ${key} → ${renamed}`;
    }
    case 2:
    case 3:
      node[key] = pick(scalars);
      return `${where}.${key} = ${String(node[key])}`;
    case 4:
      node[key] = key === 'type' ? pick(typeValues) : pick(labels);
      return `${where}.${key} = ${String(node[key])}`;
    case 5: {
      // a list where a mapping is expected and the other way round
      const value = node[key];
      node[key] = Array.isArray(value) ? (value[0] ?? {}) : [value];
      return `${where}.${key}: wrap or unwrap`;
    }
    case 6:
      node[key] = `${String(node[key])}${pick(['', ' ', '1', '甲'])}`;
      return `${where}.${key} as text`;
    case 7: {
      const extra = nearMiss(pick(keyNames), random);
      setOwn(node, extra, pick(scalars));
      return `${where}: add ${extra}`;
    }
    case 8:
      node[key] = typeof node[key] === 'number' ? String(node[key]) : Number(node[key]);
      return `${where}.${key}: quote or unquote a number`;
    default: {
      // below zero, or by a fraction (counts must be whole)
      const value = node[key];
      if (typeof value === 'number') node[key] = random() < 0.5 ? -value - 0.5 : value + 0.5;
      return `${where}.${key}: shift a number`;
    }
  }
}

/** What YAML cannot write and the fast path leaves to zod: an undefined value, an own `__proto__` key. */
function unwritable(value: unknown): boolean {
  if (value === undefined) return true;
  return isObject(value) && (Object.hasOwn(value, '__proto__') || Object.values(value).some(unwritable));
}

describe('the fast record validator under mutation', () => {
  const bases: { name: string; kind: Kind; value: unknown }[] = [
    'fixtures/valid/pb-101-block-style.yaml',
    'fixtures/valid/pb-102-flow-style-chinese-labels.yaml',
    'fixtures/valid/multi-document.yaml',
    'fixtures/demo/hy01-xm3.yaml',
    'fixtures/valid/organization.yaml',
    'fixtures/demo/organization.yaml',
  ].flatMap((file) =>
    documents(path.join(root, file))
      .filter(isObject)
      .map((value) => ({ name: file, kind: ('organization' in value ? 'organization' : 'branch') as Kind, value })),
  );

  test('the bases are valid and take the fast path', () => {
    expect(bases.length).toBeGreaterThanOrEqual(7);
    for (const { kind, value } of bases) {
      expect(zod[kind].safeParse(value).success).toBe(true);
      expect(breach(kind, value)).toBeNull();
      expect(fastDocument(kind, structuredClone(value))).not.toBeNull();
    }
  });

  test('keeps the contract on thousands of seeded single mutations', () => {
    const random = mulberry32(0x5eed2026);
    const problems: string[] = [];
    const tally = { runs: 0, fastAccepted: 0, zodAccepted: 0 };
    for (let run = 0; run < 4000; run++) {
      const base = bases[run % bases.length] as (typeof bases)[number];
      const doc = structuredClone(base.value);
      const mutation = mutate(doc, random);
      // a second mutation now and then
      const second = random() < 0.15 ? ` + ${mutate(doc, random)}` : '';
      tally.runs++;
      const { problem, quick, accepted } = contract(base.kind, doc);
      if (problem) problems.push(`${base.name} ${mutation}${second}: ${problem}`);
      if (quick) tally.fastAccepted++;
      if (accepted) tally.zodAccepted++;
      // The fast path gives up only on what YAML cannot write (undefined) or zod rejects.
      if (accepted && !quick && !unwritable(doc)) {
        problems.push(`${base.name} ${mutation}${second}: zod accepts, the fast path gave up`);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
    // The mutations reach both sides of the line.
    expect(tally.zodAccepted).toBeGreaterThan(tally.runs / 5);
    expect(tally.runs - tally.zodAccepted).toBeGreaterThan(tally.runs / 5);
  });
});

describe('zod on the rejected parts only (documentIssues)', () => {
  const bases = [
    'fixtures/valid/pb-101-block-style.yaml',
    'fixtures/valid/pb-102-flow-style-chinese-labels.yaml',
    'fixtures/valid/multi-document.yaml',
    'fixtures/demo/hy01-xm3.yaml',
    'fixtures/demo/organization.yaml',
  ].flatMap((file) => documents(path.join(root, file)).filter(isObject).map((value) => ({ kind: ('organization' in value ? 'organization' : 'branch') as Kind, value })));
  /** What the loader hands to zod: names normalised in place, no own `__proto__` key (the loader leaves those to zod's whole parse). */
  const asLoaded = (value: unknown) => (normalizeNames(value), value);
  /** Whether documentIssues gave zod's issues (asserted equal) or left the document to zod ('whole'), and how many there are. */
  const same = (kind: Kind, value: unknown): ['partial' | 'whole', number] => {
    const whole = zod[kind].safeParse(value);
    const expected = whole.success ? [] : whole.error.issues;
    const issues = documentIssues(kind, value);
    if (issues !== null) expect(issues).toEqual(expected);
    return [issues === null ? 'whole' : 'partial', expected.length];
  };

  test("gives zod's issues for the whole document, in its order, on generated broken documents", () => {
    const tally = { partial: 0, whole: 0, many: 0 };
    fc.assert(
      fc.property(fc.nat(bases.length - 1), fc.integer(), fc.integer({ min: 1, max: 40 }), (which, seed, count) => {
        const { kind, value } = bases[which] as (typeof bases)[number];
        let doc = structuredClone(value);
        const random = mulberry32(seed);
        // Cloned after each: a mutation may insert one of the shared `scalars`, which the next must not change.
        for (let i = 0; i < count; i++) mutate((doc = structuredClone(doc)), random);
        if (unwritable(doc) && JSON.stringify(doc).includes('__proto__')) return;
        const [how, issues] = same(kind, asLoaded(doc));
        tally[how]++;
        if (issues > 20) tally.many++;
      }),
      { numRuns: 1500, seed: 0x1550e5 },
    );
    // Nearly every document is worded from its parts, and some have more issues than the loader lists.
    expect(tally.partial).toBeGreaterThan(tally.whole * 20);
    expect(tally.many).toBeGreaterThan(20);
  });

  test('words issues of every kind from the parts: bad items, a bad header, unknown keys, duplicate names, fields a type requires', () => {
    const header = { id: 'b', name: 'n', secretary: 's' };
    const activity = { type: 'other', date: '2026-01-01' };
    const cases: unknown[] = [
      { branch: header, activities: Array.from({ length: 40 }, (_, i) => ({ ...activity, date: i % 3 ? '2026-02-30' : '2026-01-01' })) },
      { branch: { ...header, secretary: 1 }, memberz: [], 'x-ok': 1, members: [{ name: 'a', status: 'full' }, { name: 'a', status: 'x' }], groups: [{ name: 'g' }, { name: 'g' }] },
      { branch: header, activities: [{ type: 'training', date: '2026-01-01' }, { type: 'heart-to-heart', date: '2026-13-01' }, activity, 'text', null], exemptions: 'none' },
      // A fraction where a count is due stops the document's own checks (unknown keys, duplicate names) in zod.
      { branch: header, memberz: 1, members: [{ name: 'a', status: 'full' }, { name: 'a', status: 'full' }], activities: [{ ...activity, expected: 1.5 }] },
      { organization: { id: 'o' }, leaders: [{ name: 'a' }, { name: 'a', branch: 2 }], units: [{ name: 'u', party_members: '3' }], extra: true },
    ];
    for (const value of cases) expect(same('organization' in (value as object) ? 'organization' : 'branch', asLoaded(value))[0]).toBe('partial');
    // A required entry missing leaves the document to zod's whole parse.
    expect(documentIssues('branch', { members: [] })).toBeNull();
  });
});
