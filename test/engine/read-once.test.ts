import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { FileCache, settingsKey } from '../../src/engine/cache.js';
import { check, prepare, type CheckInput } from '../../src/engine/run.js';
import { builtinRules, root, windowOf, yamlFilesUnder } from '../support/engine.js';

// Issue 12: the organization pre-pass reads every file; the bytes it read are kept for the
// check (up to a cap), so each file is read once.
const files = yamlFilesUnder('fixtures/demo');
function counted(): { input: CheckInput; reads: Map<string, number> } {
  const reads = new Map<string, number>();
  const input: CheckInput = {
    files,
    read: (file) => {
      reads.set(file, (reads.get(file) ?? 0) + 1);
      return readFileSync(path.join(root, file));
    },
    rules: builtinRules().rules,
    asOf: '2027-01-15',
    window: windowOf('2026'),
    today: null,
  };
  return { input, reads };
}

describe('each file read once', () => {
  test('check reads every file once', () => {
    const { input, reads } = counted();
    const once = check(input);
    expect([...reads.keys()].sort()).toEqual([...files].sort());
    expect([...reads.values()].every((n) => n === 1)).toBe(true);
    expect(once.findings.length).toBeGreaterThan(0);
  });

  test('past the cap, later files are read again; kept bytes are let go once used or cached', () => {
    const { input, reads } = counted();
    // The smallest branch file fits (an organization file is loaded, not kept).
    const sizes = files.map((f) => readFileSync(path.join(root, f))).filter((b) => !b.includes('organization')).map((b) => b.byteLength);
    const run = prepare(input, Math.min(...sizes));
    expect(run.stage.kept.size).toBe(1);
    for (const file of run.owned) run.read(file);
    expect(run.stage.kept.size).toBe(0);
    expect(Math.max(...reads.values())).toBe(2);
    // A cached file's kept bytes go too.
    const cache = new FileCache(settingsKey({ test: 1 }), null);
    const cold = check({ ...counted().input, cache: () => cache });
    const warm = prepare({ ...counted().input, cache: () => new FileCache(settingsKey({ test: 1 }), cache.serialise(files)) });
    expect(warm.stage.kept.size).toBeGreaterThan(0);
    for (const file of warm.owned) expect(warm.cached(file)).toBeDefined();
    expect(warm.stage.kept.size).toBe(0);
    expect(cold.findings.length).toBeGreaterThan(0);
  });
});
