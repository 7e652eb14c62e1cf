import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

describe('cache stamps', () => {
  test('a file edited in place with its size and modification time set back is read again: its ctime changed', async () => {
    cpSync(path.join(root, 'fixtures/demo'), path.join(work, 'stamped'), { recursive: true });
    // Files changed within 2 seconds of a run are not stamped; these must be.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const args = ['check', 'stamped', ...year, '--cache', '--cache-location', 'stamped-cache/', '--format', 'json', '--fail-on', 'never'];
    const cold = await zhibu(args);
    const entries = Object.values((JSON.parse(readFileSync(path.join(work, 'stamped-cache/check.json'), 'utf8')) as { entries: Record<string, { stamp?: unknown }> }).entries);
    expect(entries.filter((entry) => entry.stamp).length).toBe(4); // the branch files, not the organization's
    const file = path.join(work, 'stamped/hy01-jg.yaml');
    const before = statSync(file);
    // touch -r copies the times to the nanosecond (utimes in Node goes by microseconds).
    const times = path.join(work, 'stamped-times');
    writeFileSync(times, '');
    execFileSync('touch', ['-r', file, times]);
    const text = readFileSync(file, 'utf8');
    const edited = text.replace('2026-11, 2026-12]', '2026-11, 2025-12]'); // 唐建国's December dues, same size
    expect(edited).not.toBe(text);
    writeFileSync(file, edited);
    execFileSync('touch', ['-r', times, file]);
    expect(statSync(file).size).toBe(before.size);
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
    // Settled again: only its ctime tells the edit.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const warm = await zhibu(args);
    const fresh = await zhibu(['check', 'stamped', ...year, '--format', 'json', '--fail-on', 'never']);
    expect(warm.out).not.toBe(cold.out);
    expect(warm.out).toBe(fresh.out);
  });
});

describe('cache entries', () => {
  const cacheFile = path.join(work, 'cache/check.json');
  const args = ['check', 'demo', ...year, '--cache', '--cache-location', 'cache/', '--format', 'json', '--fail-on', 'never'];
  type Json = Record<string, unknown>;
  type Branches = Json[];
  /**
   * Rewrites every cache entry's outcome; `reseal` signs the result as zhibu does (a forger who
   * knows the algorithm), so only the shape check stands between it and the report.
   */
  const tamper = (edit: (outcome: Json, file: string, entries: Record<string, Json>) => unknown, reseal: boolean) => {
    const stored = JSON.parse(readFileSync(cacheFile, 'utf8')) as { settings: string; seal: string; entries: Record<string, Json> };
    const entries = Object.fromEntries(Object.entries(stored.entries).map(([file, entry]) => [file, { ...entry, outcome: edit(entry.outcome as Json, file, stored.entries) }]));
    const text = JSON.stringify(entries);
    const seal = reseal ? createHash('sha256').update(`${stored.settings}\0`).update(text).digest('hex') : stored.seal;
    writeFileSync(cacheFile, `{"zhibuCache":3,"settings":${JSON.stringify(stored.settings)},"seal":"${seal}","entries":${text}}`);
  };
  const branches = (o: Json, change: (b: Json) => Json) => ({ ...o, branches: (o.branches as Branches).map(change) });

  test.each([
    ['an entry of the wrong shape', () => tamper(() => ({ branches: 'x' }), true), /：file: expected a string/],
    ['a finding of the wrong shape', () => tamper((o) => branches(o, (b) => ({ ...b, findings: [{ rule: 1 }] })), true), /：branches\[0\]\.findings\[0\]\.rule: expected a string/],
    ['a digest of the wrong shape', () => tamper((o) => branches(o, (b) => ({ ...b, digest: { ...(b.digest as Json), participation: 'x' } })), true), /\.digest\.participation: expected a list/],
    ['a finding of another branch', () => tamper((o) => branches(o, (b) => ({ ...b, findings: (b.findings as Json[]).map((f) => ({ ...f, branch: 'x' })) })), true), /\.branch: expected "/],
    ["another file's outcome in every file's place", () => tamper((_o, _file, all) => (all['demo/hy01-jg.yaml'] as Json).outcome, true), /：file: expected "demo\//],
    ['entries with findings removed', () => tamper((o) => branches(o, (b) => ({ ...b, findings: [] })), false), /（\(file\)：seal: does not match the entries）/],
    ['entries with their branches removed', () => tamper((o) => ({ ...o, branches: [] }), false), /seal: does not match/],
  ])('%s: dropped with a notice, checked again, findings kept', async (_name, spoil, problem) => {
    rmSync(path.join(work, 'cache'), { recursive: true, force: true });
    const cold = await zhibu(args);
    expect(cold.code).toBe(0);
    expect(JSON.parse(cold.out).findings.length).toBeGreaterThan(0);
    spoil();
    const spoiled = await zhibu(args);
    expect(spoiled.code).toBe(0);
    expect(spoiled.out).toBe(cold.out);
    expect(spoiled.err).toMatch(/^缓存 cache\/check\.json 中有 \d+ 项无效（(demo\/[^：]+|\(file\))：.+），已丢弃并重新检查$/m);
    expect(spoiled.err).toMatch(problem);
    expect(spoiled.err.trim().split('\n')).toHaveLength(1);
    // Rebuilt: the next run trusts the cache again, and says nothing.
    const warm = await zhibu(args);
    expect(warm.out).toBe(cold.out);
    expect(warm.err).toBe('');
  });

  test('the notice is in the chosen language; a cache file that is not JSON is rebuilt the same way', async () => {
    rmSync(path.join(work, 'cache'), { recursive: true, force: true });
    const cold = await zhibu([...args, '--lang', 'en']);
    writeFileSync(cacheFile, '{"zhibuCache": 3, "settings": "x", "seal": "y", "entries": {');
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
