import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { generatedDocs, schemaKeys } from '../../src/docs/reference.js';
import { loadRules } from '../../src/engine/ruleset.js';
import { builtinRulesDir, ruleFiles } from '../../src/load/files.js';
import { loadRecordFile } from '../../src/load/records.js';
import { recordJsonSchema } from '../../src/schema/json-schema.js';
import { parse } from 'yaml';
import { valuePaths } from '../support/records.js';
import { branchTemplate, organizationTemplate } from '../../src/init/templates.js';

const root = path.join(import.meta.dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

test.each(Object.entries(generatedDocs(loadRules(ruleFiles(builtinRulesDir).map((file) => ({ file: `rules/${path.basename(file)}`, bytes: readFileSync(file) }))).rules)))(
  '%s is current (regenerate with npm run docs)',
  (file, text) => {
    expect(read(file) === text, `${file} is stale: run npm run docs`).toBe(true);
  },
);

test('the README and source comments point only inside the repository', () => {
  const outside = ['README.md', ...walk('src')].flatMap((file) =>
    [...read(file).matchAll(/\.\.\/shared|(?<!docs\/|\()\b(?:records|standards|output)\.md\b/g)].map((m) => `${file}: ${m[0]}`),
  );
  expect(outside).toEqual([]);
});

test('every relative link in the README and docs names a file that exists', () => {
  const broken: string[] = [];
  for (const file of ['README.md', ...readdirSync(path.join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)]) {
    for (const [, target] of read(file).matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
      if (/^[a-z]+:/.test(target as string)) continue;
      try {
        readFileSync(path.join(root, path.dirname(file), target as string));
      } catch {
        broken.push(`${file} → ${target}`);
      }
    }
  }
  expect(broken).toEqual([]);
});

function walk(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(`${dir}/${e.name}`) : [`${dir}/${e.name}`]));
}

test('the complete examples of docs/records.md load without an input error and use every key', () => {
  const blocks = [...read('docs/records.md').matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] as string).filter((b) => /^(?:branch|organization):/m.test(b));
  expect(blocks).toHaveLength(2);
  for (const block of blocks) {
    const loaded = loadRecordFile('docs/records.md', new TextEncoder().encode(block));
    expect(loaded.errors).toEqual([]);
    const kind = /^branch:/m.test(block) ? 'branch' : 'organization';
    const used = new Set(valuePaths(parse(block)));
    const unused = [...schemaKeys(recordJsonSchema(kind)).keys()].filter((p) => !used.has(p) && !(kind === 'organization' && p.startsWith('exemptions[]')));
    expect(unused).toEqual([]);
  }
});

test('zhibu init writes exactly the examples of docs/records.md, with a Chinese comment on every key', () => {
  const blocks = [...read('docs/records.md').matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] as string).filter((b) => /^(?:branch|organization):/m.test(b));
  expect(blocks).toEqual([branchTemplate, organizationTemplate]);
  for (const [kind, template] of [['branch', branchTemplate], ['organization', organizationTemplate]] as const) {
    const lines = template.split('\n');
    const keys = new Set([...schemaKeys(recordJsonSchema(kind)).keys()].filter((p) => kind === 'branch' || !p.startsWith('exemptions[]')).map((p) => p.replace(/\[\]/g, '').split('.').at(-1) as string));
    const uncommented = [...keys].filter((key) => !lines.some((l) => new RegExp(`(?:^|[\\s{,])${key}:`).test(l) && / #.*\p{Script=Han}/u.test(l)));
    expect(uncommented).toEqual([]);
  }
});
