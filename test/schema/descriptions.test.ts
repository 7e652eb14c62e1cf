import { expect, test } from 'vitest';
import { keyDescriptions } from '../../src/schema/descriptions.js';
import { recordJsonSchema, schemaKeyPaths } from '../../src/schema/json-schema.js';

const paths = schemaKeyPaths(recordJsonSchema('any'));

test('every key of the record schema has a Chinese and an English description, and no description names a key the schema lacks', () => {
  expect(paths.length).toBeGreaterThan(80);
  expect(paths.filter((p) => !/\p{Script=Han}/u.test(keyDescriptions[p]?.zh ?? ''))).toEqual([]);
  expect(paths.filter((p) => !/^[A-Za-z(]/.test(keyDescriptions[p]?.en ?? ''))).toEqual([]);
  expect(Object.keys(keyDescriptions).filter((p) => !paths.includes(p))).toEqual([]);
});

test('zhibu schema puts both descriptions on every property, for editor hover', () => {
  const missing: string[] = [];
  const walk = (node: Record<string, unknown>, at: string) => {
    for (const [key, child] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>)) {
      const p = at ? `${at}.${key}` : key;
      const d = keyDescriptions[p];
      if (!d || child.description !== `${d.zh}\n${d.en}`) missing.push(p);
      walk(child, p);
    }
    if (node.items) walk(node.items as Record<string, unknown>, `${at}[]`);
    for (const option of (node.anyOf ?? []) as Record<string, unknown>[]) walk(option, at);
  };
  for (const which of ['any', 'branch', 'organization'] as const) walk(recordJsonSchema(which), '');
  expect(missing).toEqual([]);
});
