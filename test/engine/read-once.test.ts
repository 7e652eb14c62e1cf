import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CacheFile, FileCache, settingsKey, type FileStamp } from '../../src/engine/cache.js';
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

  test('past the cap, later files are read again; kept bytes are let go once used; nothing is kept with a cache', () => {
    const { input, reads } = counted();
    // The smallest branch file fits (an organization file is loaded, not kept).
    const sizes = files.map((f) => readFileSync(path.join(root, f))).filter((b) => !b.includes('organization')).map((b) => b.byteLength);
    const run = prepare(input, Math.min(...sizes));
    expect(run.stage.kept.size).toBe(1);
    for (const file of run.owned) run.read(file);
    expect(run.stage.kept.size).toBe(0);
    expect(Math.max(...reads.values())).toBe(2);
    // With a cache nothing is kept: a warm run checks nothing.
    const cached = prepare({ ...counted().input, cache: () => new FileCache(settingsKey({ test: 1 }), null) });
    expect(cached.stage.kept.size).toBe(0);
  });

  test('with a cache, a warm run reads only organization files and files whose stamp changed', () => {
    const stamps = new Map<string, FileStamp>(files.map((file, i) => [file, [i, 1, 1, i]]));
    const settings = settingsKey({ test: 'stamps' });
    const organizationFiles = files.filter((file) => readFileSync(path.join(root, file)).includes('organization')).sort();
    const branchFile = files.find((file) => !organizationFiles.includes(file)) as string;
    expect(organizationFiles.length).toBeGreaterThan(0);
    /** A run over the cache file `text`, with the stamps as they are now. */
    const run = (text: string | null) => {
      const { input, reads } = counted();
      const stored = new CacheFile(text);
      const cache = new FileCache(settings, stored);
      const result = check({ ...input, cache: () => cache, stamps: { file: stored, of: (file) => stamps.get(file) ?? null } });
      return { result, reads: [...reads.keys()].sort(), cache };
    };
    const cold = run(null);
    expect(cold.reads).toEqual([...files].sort());
    const text = cold.cache.serialise(files);
    const warm = run(text);
    expect(warm.reads).toEqual(organizationFiles);
    expect(JSON.stringify(warm.result)).toBe(JSON.stringify(cold.result));
    expect(warm.cache.unchanged(files)).toBe(true);
    // Organization files are never stamped: they are read for their leaders every run.
    for (const file of organizationFiles) expect(new CacheFile(text).hashOf(file, stamps.get(file) as FileStamp)).toBeUndefined();
    // A file with another stamp (touched, rewritten) is read again; its new stamp is kept.
    stamps.set(branchFile, [0, 2, 2, 0]);
    const touched = run(text);
    expect(touched.reads).toEqual([...organizationFiles, branchFile].sort());
    expect(JSON.stringify(touched.result)).toBe(JSON.stringify(cold.result));
    expect(touched.cache.unchanged(files)).toBe(false);
    expect(new CacheFile(touched.cache.serialise(files)).hashOf(branchFile, [0, 2, 2, 0])).toBe(new CacheFile(text).hashOf(branchFile, [0, 1, 1, files.indexOf(branchFile)]));
    // Without a stamp (standard input, a file changed seconds ago) a file is read.
    stamps.delete(branchFile);
    expect(run(text).reads).toEqual([...organizationFiles, branchFile].sort());
  });
});
