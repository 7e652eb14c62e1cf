// The named export: under NodeNext, the default import of this CommonJS module types as the module object.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { recordJsonSchema } from '../../src/schema/json-schema.js';
import { schemaKeys } from '../../src/docs/reference.js';
import { valuePaths } from '../support/records.js';
import { fixtureFiles, loadFixture, readBytes } from '../support/fixtures.js';

type Which = 'any' | 'branch' | 'organization';

// strict: unknown keywords, formats and types are errors; type arrays (["string","number"]) are fine.
const validators = Object.fromEntries(
  (['any', 'branch', 'organization'] as const).map((which) => [which, new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(recordJsonSchema(which))]),
) as Record<Which, ReturnType<Ajv2020['compile']>>;

/** The non-empty YAML documents of a fixture, as the editor's YAML language server sees them (core schema). */
function documents(file: string): unknown[] {
  const text = Buffer.from(readBytes(file)).toString('utf8');
  return parseAllDocuments(text, { schema: 'core' })
    .map((doc) => doc.toJS({ maxAliasCount: 100 }) as unknown)
    .filter((value) => value !== null && value !== undefined);
}

const kindOf = (doc: unknown): 'branch' | 'organization' => (typeof doc === 'object' && doc !== null && 'organization' in doc ? 'organization' : 'branch');

describe('the generated schemas', () => {
  test.each(['any', 'branch', 'organization'] as const)('%s declares draft 2020-12 and its own $id', (which) => {
    const schema = recordJsonSchema(which);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(`https://zhibu.dev/schema/${which === 'any' ? 'records' : which}.json`);
  });
});

// Files zhibu reads without an input error must pass the schema, or the editor flags good records.
const accepted = [
  ...fixtureFiles('valid'),
  ...['branch-duplicate-a', 'branch-duplicate-b', 'document-empty', 'enum-chinese-labels', 'key-x-extension', 'encoding-utf8-bom-crlf'].map((name) => `fixtures/invalid/${name}.yaml`),
];

describe.each(accepted)('%s', (file) => {
  test('zhibu itself loads it', () => {
    expect(loadFixture(file).errors).toEqual([]);
  });

  test.each(documents(file).map((doc, i) => [i + 1, doc] as const))('document %i passes the any schema and its own kind', (_, doc) => {
    const own = kindOf(doc);
    const other = own === 'branch' ? 'organization' : 'branch';
    expect([validators.any(doc), validators.any.errors]).toEqual([true, null]);
    expect([validators[own](doc), validators[own].errors]).toEqual([true, null]);
    expect(validators[other](doc)).toBe(false);
  });
});

// The shape errors a schema can express: unknown key, enum value, quoted number, list, negative count, header.
const rejected: [file: string, which: Which, error: Record<string, unknown>][] = [
  ['key-unknown-near-miss', 'branch', { instancePath: '/branch', keyword: 'additionalProperties', params: { additionalProperty: 'committe' } }],
  ['enum-bad-value', 'branch', { instancePath: '/activities/0/type', keyword: 'enum' }],
  ['number-quoted', 'branch', { instancePath: '/activities/0/hours', keyword: 'type', params: { type: 'number' } }],
  ['list-expected-string', 'branch', { instancePath: '/activities/0/attendees', keyword: 'type', params: { type: 'array' } }],
  ['count-negative', 'branch', { instancePath: '/activities/0/present', keyword: 'minimum' }],
  ['document-neither', 'branch', { instancePath: '', keyword: 'required', params: { missingProperty: 'branch' } }],
  ['document-neither', 'organization', { instancePath: '', keyword: 'required', params: { missingProperty: 'organization' } }],
  ['document-both', 'branch', { instancePath: '', keyword: 'additionalProperties', params: { additionalProperty: 'organization' } }],
  ['document-both', 'organization', { instancePath: '', keyword: 'additionalProperties', params: { additionalProperty: 'branch' } }],
];

describe('shape errors', () => {
  test.each(rejected)('fixtures/invalid/%s.yaml fails the %s schema: %j', (name, which, error) => {
    const [doc] = documents(`fixtures/invalid/${name}.yaml`);
    expect(validators[which](doc)).toBe(false);
    expect(validators[which].errors).toContainEqual(expect.objectContaining(error));
  });

  test.each([...new Set(rejected.map(([name]) => name))])('fixtures/invalid/%s.yaml fails the any schema too', (name) => {
    const [doc] = documents(`fixtures/invalid/${name}.yaml`);
    expect(validators.any(doc)).toBe(false);
  });

  test.each([
    ['an x- key anywhere', { branch: { id: 'a', name: 'A', secretary: 'x', 'x-note': 1 }, 'x-top': [1], members: [{ name: 'x', status: 'full', 'x-id': 7 }] }, true],
    ['a key that merely contains x-', { branch: { id: 'a', name: 'A', secretary: 'x', 'box-x-': 1 } }, false],
    ['a period as a bare year', { organization: { id: 'o', name: 'O' }, exemptions: [{ rule: 'r', reason: 'y', period: 2026 }] }, true],
    ['a fractional count', { organization: { id: 'o', name: 'O' }, units: [{ name: 'U', party_members: 1.5 }] }, false],
    ['a missing required field', { branch: { id: 'a', name: 'A' } }, false],
    ['an empty name', { branch: { id: 'a', name: '', secretary: 'x' } }, false],
    ['null for an optional field', { branch: { id: 'a', name: 'A', secretary: 'x', committee: null }, members: null }, true],
  ])('%s → valid: %s', (_, doc, valid) => {
    expect(validators.any(doc)).toBe(valid);
  });
});

test('fixtures/valid use every key the schemas know', () => {
  const used = new Set(fixtureFiles('valid').flatMap((file) => documents(file).flatMap((doc) => valuePaths(doc))));
  const declared = [...schemaKeys(recordJsonSchema('any')).keys()];
  expect(declared.length).toBeGreaterThan(80);
  expect(declared.filter((path) => !used.has(path))).toEqual([]);
});
