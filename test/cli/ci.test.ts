import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runCli } from '../support/cli.js';
import type { Report } from '../../src/report/report.js';
import { root } from '../support/fixtures.js';

const work = mkdtempSync(path.join(tmpdir(), 'zhibu-ci-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const year = ['--period', '2026', '--as-of', '2027-01-15'];

const zhibu = (argv: string[]) => runCli(argv, work, '2027-01-15');
const read = (file: string) => readFileSync(path.join(work, file), 'utf8');
cpSync(path.join(root, 'fixtures/demo'), path.join(work, 'demo'), { recursive: true });

describe('several formats in one run', () => {
  test('each fmt=file is written, one format goes to stdout', async () => {
    const { code, out } = await zhibu(['check', 'demo', ...year, '--format', 'github,sarif=out.sarif', '--format', 'junit=out.xml', '--format', 'gitlab=gl.json']);
    expect(code).toBe(1);
    expect(out).toMatch(/^::error file=demo\/[^,]+\.yaml,line=\d+,col=\d+/m);
    expect(JSON.parse(read('out.sarif')).version).toBe('2.1.0');
    expect(read('out.xml')).toContain('<testsuites');
    expect(Array.isArray(JSON.parse(read('gl.json')))).toBe(true);
  });

  test('two formats for stdout, or an unknown format, is a usage error', async () => {
    expect((await zhibu(['check', 'demo', '--format', 'json,github'])).code).toBe(2);
    expect((await zhibu(['check', 'demo', '--format', 'yaml'])).code).toBe(2);
  });
});

describe('baselines and --max-warnings', () => {
  test('a baseline of today makes the same run pass, and reports entries no longer found', async () => {
    expect((await zhibu(['check', 'demo', ...year, '--write-baseline', 'base.json', '--format', 'json=ignored.json'])).code).toBe(0);
    const known = await zhibu(['check', 'demo', ...year, '--baseline', 'base.json', '--format', 'json']);
    expect(known.code).toBe(0);
    const report = JSON.parse(known.out) as Report;
    expect(report.findings.filter((f) => f.status === 'violation')).toEqual([]);
    expect(report.summary.baselined).toBeGreaterThan(0);
    // A narrower run no longer finds most entries: pruning drops them from the file.
    const pruned = await zhibu(['check', 'demo', ...year, '--rule', 'member.dues-lapsed', '--baseline', 'base.json', '--prune-baseline', '--format', 'json=x.json']);
    expect(pruned.err).toMatch(/基线 base\.json/);
    const entries = (JSON.parse(read('base.json')) as { entries: { rule: string }[] }).entries;
    expect(entries.length).toBeGreaterThan(0);
    expect(new Set(entries.map((e) => e.rule))).toEqual(new Set(['member.dues-lapsed']));
  });

  test('--max-warnings fails a run with more warnings even with --fail-on never', async () => {
    expect((await zhibu(['check', 'demo', ...year, '--fail-on', 'never', '--max-warnings', '0', '--format', 'json=y.json'])).code).toBe(1);
    expect((await zhibu(['check', 'demo', ...year, '--fail-on', 'never', '--max-warnings', '999', '--format', 'json=y.json'])).code).toBe(0);
    expect((await zhibu(['check', 'demo', '--max-warnings', 'x'])).code).toBe(2);
  });
});

describe('shards', () => {
  test.each([1, 2, 3, 4])('merging %i shards gives exactly the unsharded report', async (n) => {
    await zhibu(['check', 'demo', ...year, '--format', 'json=full.json', '--fail-on', 'never']);
    const parts: string[] = [];
    for (let i = 1; i <= n; i++) {
      await zhibu(['check', 'demo', ...year, '--shard', `${i}/${n}`, '--format', `json=s${i}.json`, '--fail-on', 'never']);
      parts.push(`s${i}.json`);
    }
    const merged = await zhibu(['merge', ...parts.reverse(), '--format', 'json', '--fail-on', 'never']);
    expect(merged.code).toBe(0);
    expect(merged.out).toBe(read('full.json'));
  });

  test('a branch id duplicated across shards is still an input error, as unsharded', async () => {
    writeFileSync(path.join(work, 'demo/zz-copy.yaml'), readFileSync(path.join(work, 'demo/hy01-xm1.yaml')));
    await zhibu(['check', 'demo', ...year, '--format', 'json=dup-full.json', '--fail-on', 'never']);
    const parts = [];
    for (let i = 1; i <= 3; i++) {
      await zhibu(['check', 'demo', ...year, '--shard', `${i}/3`, '--format', `json=d${i}.json`, '--fail-on', 'never']);
      parts.push(`d${i}.json`);
    }
    const merged = await zhibu(['merge', ...parts, '--format', 'json']);
    expect(merged.code).toBe(2);
    expect(merged.out).toBe(read('dup-full.json'));
    rmSync(path.join(work, 'demo/zz-copy.yaml'));
  });

  test('a branch document skipped for an input error: merged shards give exactly the unsharded report', async () => {
    const broken = path.join(work, 'demo/hy01-xm3.yaml');
    const original = readFileSync(broken, 'utf8');
    writeFileSync(broken, original.replace('date: 2026-03-', 'date: 2026-02-3'));
    await zhibu(['check', 'demo', ...year, '--format', 'json=skip-full.json', '--fail-on', 'never']);
    const full = JSON.parse(read('skip-full.json')) as Report;
    expect(full.skipped?.map((d) => d.id)).toEqual(['hy01-xm3']);
    for (const n of [2, 3]) {
      const parts = [];
      for (let i = 1; i <= n; i++) {
        await zhibu(['check', 'demo', ...year, '--shard', `${i}/${n}`, '--format', `json=k${i}.json`, '--fail-on', 'never']);
        parts.push(`k${i}.json`);
      }
      expect((await zhibu(['merge', ...parts, '--format', 'json'])).out).toBe(read('skip-full.json'));
    }
    writeFileSync(broken, original);
  });

  test('a missing shard is a usage error', async () => {
    await zhibu(['check', 'demo', ...year, '--shard', '1/2', '--format', 'json=m1.json', '--fail-on', 'never']);
    expect((await zhibu(['merge', 'm1.json'])).code).toBe(2);
  });
});

describe('cache', () => {
  test('a warm run gives the same report; a changed file or rule setting invalidates its entry', async () => {
    const args = ['check', 'demo', ...year, '--cache', '--cache-location', 'cache/', '--format', 'json', '--fail-on', 'never'];
    const cold = await zhibu(args);
    const warm = await zhibu(args);
    expect(warm.out).toBe(cold.out);
    const file = path.join(work, 'demo/hy01-jg.yaml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace(/^activities:\n/m, 'activities:\n  - { type: theme-day, date: 2026-03-03, form: entertainment, topic: 游园 }\n'));
    const changed = await zhibu(args);
    expect(changed.out).toContain('theme-day.no-entertainment');
    writeFileSync(file, original);
    writeFileSync(path.join(work, 'zhibu.config.yaml'), 'rules:\n  member.dues-monthly: off\n');
    const configured = await zhibu(args);
    expect(configured.out).not.toContain('member.dues-monthly');
    rmSync(path.join(work, 'zhibu.config.yaml'));
    expect((await zhibu(args)).out).toBe(cold.out);
  });
});
