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

describe('shard reports', () => {
  type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const shardFiles = ['t1.json', 't2.json', 't3.json'];
  const load = (file: string) => JSON.parse(readFileSync(path.join(work, file), 'utf8')) as Json;
  const save = (file: string, report: Json) => writeFileSync(path.join(work, file), JSON.stringify(report));
  let merged = '';

  test('three shards of the demo merge (the set the cases below spoil)', async () => {
    for (const [i, file] of shardFiles.entries()) {
      expect((await zhibu(['check', 'demo', ...year, '--shard', `${i + 1}/3`, '--format', `json=${file}`, '--fail-on', 'never'])).code).toBe(0);
    }
    const run = await zhibu(['merge', ...shardFiles, '--format', 'json', '--fail-on', 'never']);
    expect(run.code).toBe(0);
    merged = run.out;
    expect(JSON.parse(merged).findings.length).toBeGreaterThan(0);
  });

  /** The shard that holds both findings and branches, and one other. */
  const pick = () => {
    const reports = shardFiles.map(load);
    const full = reports.findIndex((r) => r.findings.length > 0 && r.shard.branches.length > 0);
    return { reports, full, other: full === 0 ? 1 : 0 };
  };

  test.each([
    ['a malformed shard field', (r: Json) => ({ ...r, shard: { index: 'x' } }), /bad\.json: 分片数据无效 \(invalid shard data\): shard\.index: expected a whole number ≥ 0$/m],
    ['branches: "x"', (r: Json) => ({ ...r, shard: { ...r.shard, branches: 'x' } }), /shard\.branches: expected a list$/m],
    ['a digest of the wrong type', (r: Json) => ({ ...r, shard: { ...r.shard, branches: r.shard.branches.map((b: Json) => ({ ...b, participation: { a: 1 } })) } }), /shard\.branches\[0\]\.participation: expected a list$/m],
    ['an index past the count', (r: Json) => ({ ...r, shard: { ...r.shard, index: 7 } }), /shard\.index: expected less than shard\.count \(3\)$/m],
    ['an organization without leaders', (r: Json) => ({ ...r, shard: { ...r.shard, organizations: [{ id: 'o', name: 'o', file: 'o.yaml', header: { line: 1, column: 1 }, units: [], exemptions: [] }] } }), /shard\.organizations\[0\]\.leaders: expected a list$/m],
  ])('%s is refused, naming the file and the field (exit 2)', async (_name, spoil, message) => {
    const { reports, full } = pick();
    save('bad.json', spoil(reports[full] as Json));
    const run = await zhibu(['merge', ...shardFiles.map((f, i) => (i === full ? 'bad.json' : f)), '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^zhibu: bad\.json: /);
    expect(run.err).toMatch(message);
    expect(run.err).not.toMatch(/TypeError|\n\s+at /);
  });

  test('the same shard file given three times is refused', async () => {
    const { full } = pick();
    const file = shardFiles[full] as string;
    const run = await zhibu(['merge', file, file, file]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/分片不完整或重复/);
  });

  test.each([
    ["a finding copied into another shard", (reports: Json[], full: number, other: number) => {
      reports[other]!.findings.push(reports[full]!.findings[0]);
      return [other, /findings\[\d+\]: .* \(its file belongs to another shard\)/];
    }],
    ['a finding three times in its own shard', (reports: Json[], full: number) => {
      const f = reports[full]!.findings[0];
      reports[full]!.findings.splice(0, 0, f, f);
      return [full, /findings\[1\]: 与前面的一项相同 \(the same finding again\)/];
    }],
    ["a branch digest copied into another shard", (reports: Json[], full: number, other: number) => {
      reports[other]!.shard.branches.push(reports[full]!.shard.branches[0]);
      return [other, /shard\.branches\[\d+\]: .* \(its file belongs to another shard\)/];
    }],
    ['a branch digest twice in its shard', (reports: Json[], full: number) => {
      reports[full]!.shard.branches.push(reports[full]!.shard.branches[0]);
      return [full, /shard\.branches\[\d+\]: 支部 \S+ 重复/];
    }],
  ] as const)('%s is refused, naming the file and the entry (exit 2)', async (_name, spoil) => {
    const { reports, full, other } = pick();
    const [spoilt, message] = spoil(reports, full, other) as [number, RegExp];
    const files = shardFiles.map((f, i) => (i === spoilt ? 'copied.json' : f));
    save('copied.json', reports[spoilt] as Json);
    const run = await zhibu(['merge', ...files, '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^zhibu: copied\.json: /);
    expect(run.err).toMatch(message);
    // The set itself still merges as before.
    expect((await zhibu(['merge', ...shardFiles, '--format', 'json', '--fail-on', 'never'])).out).toBe(merged);
  });
});
