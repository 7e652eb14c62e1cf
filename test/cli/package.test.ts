import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { uncachedAfterChecks } from '../support/built.js';
import { root } from '../support/fixtures.js';

// Issue 11, "Installed under a path with a space or Chinese characters": the packed tarball,
// installed as a user would, into ~/党务 工具/ — every command found its own files by URL path.
const work = mkdtempSync(path.join(tmpdir(), '党务 工具-'));
const app = path.join(work, '整改 台账');
const zhibu = (...args: string[]) => {
  try {
    return { code: 0, out: execFileSync(process.execPath, [path.join(app, 'node_modules/zhibu/bin/zhibu.js'), ...args], { cwd: app, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } }) };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, out: e.stdout, err: e.stderr };
  }
};

beforeAll(() => {
  // The build is npm ci's (prepare); packing again need not rebuild.
  execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], { cwd: root, encoding: 'utf8' });
  const tarball = readdirSync(work).find((name) => name.endsWith('.tgz')) as string;
  mkdirSync(app);
  writeFileSync(path.join(app, 'package.json'), '{ "name": "ledger", "private": true }\n');
  execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--silent', path.join(work, tarball)], { cwd: app, encoding: 'utf8' });
  cpSync(path.join(root, 'fixtures/demo'), path.join(app, '记录 2026'), { recursive: true });
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the npm package installed under a path with a space and Chinese characters', () => {
  test('check reports the demo records', { timeout: 60_000 }, () => {
    const { code, out } = zhibu('check', '记录 2026', '--period', '2026Q3', '--as-of', '2026-10-08');
    expect(code).toBe(1);
    expect(out).toContain('meetings.committee-monthly');
  });

  test('zod, chalk, commander and string-width are bundled, not installed, and word and colour the input errors of invalid records', { timeout: 60_000 }, () => {
    for (const name of ['zod', 'chalk', 'commander', 'string-width']) expect(existsSync(path.join(app, 'node_modules', name)), name).toBe(false);
    cpSync(path.join(root, 'fixtures/invalid'), path.join(app, '有误 记录'), { recursive: true });
    const { code, out, err } = zhibu('check', '有误 记录', '--as-of', '2026-10-08');
    expect(code).toBe(2);
    expect(out).toMatch(/^有误 记录\/count-negative\.yaml:9:14 {2}输入错误$/m);
    expect(out).toContain('activities[0].present：-3 不能为负数');
    expect(err).toBe('');
    expect(zhibu('check', '有误 记录', '--as-of', '2026-10-08', '--color').out).toContain('\u001b[1m\u001b[31m输入错误');
  });

  test('the installed CLI starts from the code caches packed with it (npm install writes files in no set order: no check by date)', { timeout: 60_000 }, () => {
    expect(uncachedAfterChecks(path.join(app, 'node_modules/zhibu'))).toEqual([]);
  });

  test('rules show prints the rule and its example records (shipped with the package)', { timeout: 60_000 }, () => {
    const { code, out } = zhibu('rules', 'show', 'meetings.general-quarterly');
    expect(code).toBe(0);
    expect(out).toContain('不符合的记录示例');
    expect(out).toContain('branch:');
  });

  test('rectify --format xlsx writes the workbook', { timeout: 60_000 }, () => {
    const { code } = zhibu('rectify', '记录 2026', '--period', '2026Q3', '--as-of', '2026-10-08', '--format', 'xlsx', '-o', '清单 输出/整改清单.xlsx');
    expect(code).toBe(0);
    expect(readFileSync(path.join(app, '清单 输出/整改清单.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });
});
