import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { uncachedAfterChecks } from '../support/built.js';
import { root } from '../support/fixtures.js';

const bin = path.join(root, 'bin/zhibu.js');
const built = existsSync(path.join(root, 'dist/bundle/cli.js'));
const work = mkdtempSync(path.join(tmpdir(), 'zhibu-bin-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function zhibu(args: string[], env: Record<string, string> = {}) {
  try {
    return { code: 0, out: execFileSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 64 << 20 }) };
  } catch (error) {
    const e = error as { status: number; stdout: string };
    return { code: e.status, out: e.stdout };
  }
}

// The built CLI is what users run (npm install builds it); CI builds it in `npm ci`.
describe('bin/zhibu.js', () => {
  test('dist is built (npm install / npm ci run the build)', () => {
    expect(built).toBe(true);
  });

  test('--version and -V alone answer before the CLI loads, as the CLI would', () => {
    const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
    expect(zhibu(['--version'])).toEqual({ code: 0, out: `${version}\n` });
    expect(zhibu(['-V'])).toEqual({ code: 0, out: `${version}\n` });
    expect(zhibu(['--version', '--debug'])).toEqual({ code: 0, out: `${version}\n` });
  });

  test('runs the demo with exit code 1 and the report on stdout', () => {
    const { code, out } = zhibu(['check', 'fixtures/demo', '--period', '2026Q3', '--as-of', '2026-10-08']);
    expect(code).toBe(1);
    expect(out).toContain('meetings.committee-monthly');
    expect(out).toContain('检查 5 个文件、4 个支部');
  });

  test('the CLI starts from the code caches the build wrote: V8 takes every one a check of the demo or of bad records loads', () => {
    expect(uncachedAfterChecks(root)).toEqual([]);
  });

  test('worker threads give a byte-identical report', async () => {
    const { generateCorpus } = (await import(path.join(root, 'scripts/gen-corpus.mjs'))) as { generateCorpus: (o: { dir: string; branches: number }) => unknown };
    const dir = path.join(work, 'corpus');
    generateCorpus({ dir, branches: 80 });
    const args = ['check', dir, '--period', '2026', '--as-of', '2026-12-31', '--format', 'json'];
    const single = zhibu(args, { ZHIBU_THREADS: '0' });
    const threaded = zhibu(args, { ZHIBU_THREADS: '2' });
    expect(single.code).toBe(1);
    expect(threaded.out).toBe(single.out);
    expect(JSON.parse(single.out).summary.branches).toBe(80);
  }, 120_000); // two CLI runs over 80 files: on a shared 2-core machine past the 30 s default
});
