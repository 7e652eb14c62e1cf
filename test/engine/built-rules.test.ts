import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtRules, loadRuleFile } from '../../src/engine/rules.js';
import { root } from '../support/fixtures.js';

// npm run build validates the built-in rules once (scripts/build-data.mjs); a check then reads them without zod.
const built = JSON.parse(readFileSync(path.join(root, 'dist/built-in-rules.json'), 'utf8')) as Record<string, unknown>;
const names = readdirSync(path.join(root, 'rules')).filter((name) => name.endsWith('.yaml'));

describe('the built-in rules as built', () => {
  test.each(names)('%s is in the build, as zod validates it now', (name) => {
    const bytes = readFileSync(path.join(root, 'rules', name));
    const validated = loadRuleFile(`rules/${name}`, bytes);
    expect(validated.errors).toEqual([]);
    expect(built[bytes.toString('utf8')]).toBeDefined();
    const fromBuild = loadRuleFile(`rules/${name}`, bytes, new Map(Object.entries(built)) as ReturnType<typeof builtRules>);
    expect(fromBuild).toEqual(validated);
  });

  test('a rule file changed since the build is validated again', () => {
    const bytes = Buffer.from(readFileSync(path.join(root, 'rules', 'theme-day.monthly.yaml'), 'utf8').replace('min: 1', 'min: 0.5'));
    const loaded = loadRuleFile('rules/theme-day.monthly.yaml', bytes, new Map(Object.entries(built)) as ReturnType<typeof builtRules>);
    expect(loaded.rule).toBeNull();
    expect(loaded.errors.map((e) => e.args.path)).toEqual(['min']);
  });
});
