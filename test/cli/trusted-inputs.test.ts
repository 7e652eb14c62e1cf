import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runCli } from '../support/cli.js';
import { root } from '../support/fixtures.js';

// Issue 11, "inputs checked before they are trusted": zhibu's own files read back
// (cache entries, shard reports) are validated; a bad one is rebuilt or refused, never a crash
// and never a hidden finding.
const work = mkdtempSync(path.join(tmpdir(), 'zhibu-trusted-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const year = ['--period', '2026', '--as-of', '2027-01-15'];
const zhibu = (argv: string[]) => runCli(argv, work, '2027-01-15');
cpSync(path.join(root, 'fixtures/demo'), path.join(work, 'demo'), { recursive: true });

describe('cache entries', () => {
  const cacheFile = path.join(work, 'cache/check.json');
  const args = ['check', 'demo', ...year, '--cache', '--cache-location', 'cache/', '--format', 'json', '--fail-on', 'never'];
  type Entries = Record<string, Record<string, unknown>>;
  /** Rewrites every cache entry; an outcome stored as text is edited as its JSON. */
  const tamper = (edit: (outcome: Record<string, unknown>, file: string, entry: Record<string, unknown>, entries: Entries) => unknown) => {
    const stored = JSON.parse(readFileSync(cacheFile, 'utf8')) as { entries: Entries };
    for (const [file, entry] of Object.entries(stored.entries)) {
      const asText = typeof entry.outcome === 'string';
      const outcome = (asText ? JSON.parse(entry.outcome as string) : entry.outcome) as Record<string, unknown>;
      const edited = edit(outcome, file, entry, stored.entries);
      entry.outcome = asText && typeof edited !== 'string' ? JSON.stringify(edited) : edited;
    }
    writeFileSync(cacheFile, JSON.stringify(stored));
  };

  test.each([
    ['an entry of the wrong shape', () => tamper(() => ({ branches: 'x' }))],
    ['a finding of the wrong shape', () => tamper((o) => ({ ...o, branches: (o.branches as Record<string, unknown>[]).map((b) => ({ ...b, findings: [{ rule: 1 }] })) }))],
    ['a digest of the wrong shape', () => tamper((o) => ({ ...o, branches: (o.branches as Record<string, unknown>[]).map((b) => ({ ...b, digest: { ...(b.digest as object), participation: 'x' } })) }))],
    ['entries with findings removed', () => tamper((o) => ({ ...o, branches: (o.branches as Record<string, unknown>[]).map((b) => ({ ...b, findings: [] })) }))],
    ['entries with their branches removed', () => tamper((o) => ({ ...o, branches: [] }))],
    [
      "another file's entry in every file's place",
      () => {
        const stored = JSON.parse(readFileSync(cacheFile, 'utf8')) as { entries: Entries };
        const quiet = stored.entries['demo/organization.yaml'] as Record<string, unknown>;
        for (const entry of Object.values(stored.entries)) entry.outcome = quiet.outcome;
        writeFileSync(cacheFile, JSON.stringify(stored));
      },
    ],
  ])('%s: dropped with a notice, checked again, findings kept', async (_name, spoil) => {
    rmSync(path.join(work, 'cache'), { recursive: true, force: true });
    const cold = await zhibu(args);
    expect(cold.code).toBe(0);
    expect(JSON.parse(cold.out).findings.length).toBeGreaterThan(0);
    spoil();
    const spoiled = await zhibu(args);
    expect(spoiled.code).toBe(0);
    expect(spoiled.out).toBe(cold.out);
    expect(spoiled.err).toMatch(/^缓存 cache\/check\.json 中有 \d+ 项无效（demo\/[^：]+：.+），已丢弃并重新检查$/m);
    expect(spoiled.err.trim().split('\n')).toHaveLength(1);
    // Rebuilt: the next run trusts the cache again, and says nothing.
    const warm = await zhibu(args);
    expect(warm.out).toBe(cold.out);
    expect(warm.err).toBe('');
  });

  test('the notice is in the chosen language; a cache file that is not JSON is rebuilt the same way', async () => {
    rmSync(path.join(work, 'cache'), { recursive: true, force: true });
    const cold = await zhibu([...args, '--lang', 'en']);
    writeFileSync(cacheFile, '{"zhibuCache": 3, "settings": "x", "entries": {');
    const broken = await zhibu([...args, '--lang', 'en']);
    expect(broken.out).toBe(cold.out);
    expect(broken.err).toMatch(/^1 entries of the cache cache\/check\.json were invalid \(\(file\): .+\); they were dropped and checked again$/m);
  });
});
