import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { CacheFile, contentHash, FileCache, settingsKey } from '../../src/engine/cache.js';
import type { FileOutcome } from '../../src/engine/outcome.js';

const outcome: FileOutcome = {
  file: 'a.yaml',
  errors: [],
  skipped: [],
  branches: [
    {
      id: 'pb-1',
      header: { line: 1, column: 1 },
      checked: true,
      findings: [{ rule: 'meetings.committee-monthly', severity: 'error', status: 'violation', branch: 'pb-1', period: '2026-08', subject: null, messageId: 'count', args: { min: 1 }, file: 'a.yaml', line: 1, column: 1, path: null }],
      exempted: 0,
      digest: { id: 'pb-1', parent: null, units: [], groups: [], established: null, participation: new Map([['赵六', [{ type: 'party-lecture', date: '2026-05-01', group: null, roles: ['lecturer'] }]]]) },
      info: { id: 'pb-1', name: 'x', secretary: 'y', file: 'a.yaml', line: 1, column: 1, rectifications: [] },
    },
  ],
};

describe('FileCache', () => {
  const key = settingsKey({ version: '1.0.0', rules: [{ file: 'r.yaml', bytes: new Uint8Array([1]) }], asOf: '2026-10-08' });
  const hash = contentHash(Buffer.from('branch: …'));

  test('round-trips an outcome, Maps included, under the same settings and content', () => {
    const cache = new FileCache(key, null);
    cache.set('a.yaml', hash, outcome);
    const again = new FileCache(key, cache.serialise(['a.yaml']));
    const back = again.get('a.yaml', hash);
    expect(back).toEqual(outcome);
    expect(JSON.stringify(back)).toBe(JSON.stringify(outcome)); // key order too
    expect(again.hits).toBe(1);
  });

  test.each([
    ['a changed file', key, contentHash(Buffer.from('branch: changed'))],
    ['another zhibu version', settingsKey({ version: '1.0.1', rules: [{ file: 'r.yaml', bytes: new Uint8Array([1]) }], asOf: '2026-10-08' }), hash],
    ['a changed rule file', settingsKey({ version: '1.0.0', rules: [{ file: 'r.yaml', bytes: new Uint8Array([2]) }], asOf: '2026-10-08' }), hash],
    ['another as-of day', settingsKey({ version: '1.0.0', rules: [{ file: 'r.yaml', bytes: new Uint8Array([1]) }], asOf: '2026-10-09' }), hash],
  ])('%s misses', (_name, settings, contentKey) => {
    const cache = new FileCache(key, null);
    cache.set('a.yaml', hash, outcome);
    expect(new FileCache(settings, cache.serialise(['a.yaml'])).get('a.yaml', contentKey)).toBeUndefined();
  });

  test('a corrupt cache file is an empty cache, and says so; files not in the run are dropped', () => {
    const corrupt = new FileCache(key, '{not json');
    expect(corrupt.get('a.yaml', hash)).toBeUndefined();
    expect(corrupt.dropped).toEqual([{ entry: '(file)', problem: expect.any(String) }]);
    const cache = new FileCache(key, null);
    cache.set('a.yaml', hash, outcome);
    expect(JSON.parse(cache.serialise(['b.yaml'])).entries).toEqual({});
  });

  test('a warm run with every file unchanged need not rewrite the cache file; any change or other file set must', () => {
    const first = new FileCache(key, null);
    first.set('a.yaml', hash, outcome);
    expect(first.unchanged(['a.yaml'])).toBe(false); // new entries
    const text = first.serialise(['a.yaml']);
    const warm = new FileCache(key, text);
    expect(warm.get('a.yaml', hash)).toBeDefined();
    expect(warm.unchanged(['a.yaml'])).toBe(true);
    expect(warm.unchanged(['a.yaml', 'b.yaml'])).toBe(false); // a file more
    expect(new FileCache(key, text).unchanged([])).toBe(false); // a file fewer: pruned on write
    expect(new FileCache(settingsKey({ other: true }), text).unchanged(['a.yaml'])).toBe(false); // other settings
    const edited = new FileCache(key, text);
    edited.set('a.yaml', contentHash(Buffer.from('branch: changed')), outcome);
    expect(edited.unchanged(['a.yaml'])).toBe(false);
  });

  test('the entries are sealed to the settings and their text: an edit drops the file; an entry of another file is dropped alone', () => {
    const cache = new FileCache(key, null);
    cache.set('a.yaml', hash, outcome);
    cache.set('b.yaml', hash, { ...outcome, file: 'b.yaml' });
    const text = cache.serialise(['a.yaml', 'b.yaml']);
    const edited = new FileCache(key, text.replace('"findings":[{', '"findings":[],"x":[{'));
    expect(edited.get('a.yaml', hash)).toBeUndefined();
    expect(edited.dropped).toEqual([{ entry: '(file)', problem: 'seal: does not match the entries' }]);
    // Sealed again by someone who knows how, a moved entry is still about another file.
    const stored = JSON.parse(text) as { entries: Record<string, unknown> };
    const moved = JSON.stringify({ 'b.yaml': stored.entries['a.yaml'], 'a.yaml': stored.entries['a.yaml'] });
    const resealed = `{"zhibuCache":3,"settings":${JSON.stringify(key)},"seal":"${createHash('sha256').update(`${key}\0`).update(moved).digest('hex')}","entries":${moved}}`;
    const forged = new FileCache(key, resealed);
    expect(forged.get('a.yaml', hash)).toEqual(outcome);
    expect(forged.get('b.yaml', hash)).toBeUndefined();
    expect(forged.dropped).toEqual([{ entry: 'b.yaml', problem: 'file: expected "b.yaml"' }]);
    expect(forged.unchanged(['a.yaml', 'b.yaml'])).toBe(false); // rewritten without it
    // A changed file is an ordinary miss, not a problem.
    const changed = new FileCache(key, text);
    expect(changed.get('a.yaml', contentHash(Buffer.from('branch: changed')))).toBeUndefined();
    expect(changed.dropped).toEqual([]);
  });

  test('read from its bytes, a cache is sealed the same: as written (ASCII), edited by one byte, and rewritten as UTF-8', () => {
    const cache = new FileCache(key, null);
    cache.set('a.yaml', hash, outcome);
    const text = cache.serialise(['a.yaml']);
    expect(isAscii(Buffer.from(text))).toBe(true);
    expect(new FileCache(key, new CacheFile(Buffer.from(text))).get('a.yaml', hash)).toBeDefined();
    const edited = Buffer.from(text);
    edited[text.indexOf('"exempted":0') + '"exempted":'.length] = 0x31; // "exempted":1
    expect(() => JSON.parse(edited.toString())).not.toThrow();
    expect(new FileCache(key, new CacheFile(edited)).dropped).toEqual([{ entry: '(file)', problem: 'seal: does not match the entries' }]);
    // The same entries with their escapes written out (another tool's rewrite): sealed over the text, still trusted.
    const unescaped = text.replace(/\\u([0-9a-f]{4})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    const start = unescaped.indexOf('"entries":') + '"entries":'.length;
    const entries = unescaped.slice(start, -1);
    const resealed = `{"zhibuCache":3,"settings":${JSON.stringify(key)},"seal":"${createHash('sha256').update(`${key}\0`).update(entries).digest('hex')}","entries":${entries}}`;
    expect(isAscii(Buffer.from(resealed))).toBe(false);
    expect(new FileCache(key, new CacheFile(Buffer.from(resealed))).get('a.yaml', hash)).toBeDefined();
  });
});
