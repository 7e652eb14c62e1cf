import { expect, test } from 'vitest';
import { schemaKeys } from '../../src/docs/reference.js';
import { recordJsonSchema } from '../../src/schema/json-schema.js';

test('every key of the record schema has a Chinese and an English description', () => {
  const keys = schemaKeys(recordJsonSchema('any'));
  expect(keys.size).toBeGreaterThan(80);
  expect([...keys].filter(([, d]) => !/\p{Script=Han}/u.test(d.zh)).map(([p]) => p)).toEqual([]);
  expect([...keys].filter(([, d]) => !/^[A-Za-z(]/.test(d.en)).map(([p]) => p)).toEqual([]);
});

test('zhibu schema puts both descriptions on every property, one line each, for editor hover', () => {
  const missing: string[] = [];
  const walk = (node: Record<string, unknown>, at: string) => {
    for (const [key, child] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>)) {
      const p = at ? `${at}.${key}` : key;
      if (typeof child.description !== 'string' || !/^\p{Script=Han}[^\n]*\n[A-Za-z(][^\n]*$/u.test(child.description)) missing.push(p);
      walk(child, p);
    }
    if (node.items) walk(node.items as Record<string, unknown>, `${at}[]`);
    for (const option of (node.anyOf ?? []) as Record<string, unknown>[]) walk(option, at);
  };
  for (const which of ['any', 'branch', 'organization'] as const) walk(recordJsonSchema(which), '');
  expect(missing).toEqual([]);
});
