import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { Report } from '../../src/report/report.js';
import { runCli } from '../support/cli.js';
import { root } from '../support/fixtures.js';

const TODAY = '2026-10-08';
const at = ['--period', '2026Q3', '--as-of', TODAY];
const work = mkdtempSync(path.join(tmpdir(), 'zhibu-config-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const home = path.join(work, 'home');
const zhibu = (argv: string[], cwd: string) => runCli(argv, cwd, TODAY, { env: { HOME: home } });

/** A repository with the demo records under records/ and a configuration at its root. */
function repo(name: string, config: string | null): string {
  const dir = path.join(home, name);
  mkdirSync(path.join(dir, '.git'), { recursive: true });
  cpSync(path.join(root, 'fixtures/demo'), path.join(dir, 'records'), { recursive: true });
  if (config !== null) writeFileSync(path.join(dir, 'zhibu.config.yaml'), config);
  return dir;
}

describe('finding the configuration', () => {
  test('upward from the checked path, whatever the working directory, named in the JSON report', async () => {
    const dir = repo('found', 'rules:\n  member.dues-monthly: off\n');
    for (const cwd of [dir, path.join(dir, 'records'), work]) {
      const target = path.relative(cwd, path.join(dir, 'records')) || '.';
      const { out } = await zhibu(['check', target, ...at, '--format', 'json'], cwd);
      const report = JSON.parse(out) as Report;
      expect(report.findings.some((f) => f.rule === 'member.dues-monthly')).toBe(false);
      expect(report.config).toBe(path.relative(cwd, path.join(dir, 'zhibu.config.yaml')));
    }
  });

  test('not above the repository root or the home folder', async () => {
    writeFileSync(path.join(work, 'zhibu.config.yaml'), 'rules:\n  meetings.committee-monthly: off\n');
    const dir = repo('stray', null);
    const { out } = await zhibu(['check', 'records', ...at, '--format', 'json'], dir);
    const report = JSON.parse(out) as Report;
    expect(report.config).toBeNull();
    expect(report.findings.some((f) => f.rule === 'meetings.committee-monthly')).toBe(true);
    rmSync(path.join(work, 'zhibu.config.yaml'));
  });

  test('--print-config prints the file used and the effective settings as YAML', async () => {
    const dir = repo('print', 'rules:\n  member.dues-monthly: warn\n  meetings.general-quorum: { ratio: "2/3" }\n');
    const { code, out } = await zhibu(['check', 'records', '--print-config'], dir);
    expect(code).toBe(0);
    expect(out).toContain('# 配置文件: zhibu.config.yaml');
    expect(out).toMatch(/member\.dues-monthly:\n\s+severity: warning/);
    expect(out).toMatch(/ratio: 2\/3/);
    expect(out).toMatch(/days:\n\s+error: 30/);
  });
});

describe('configuration errors', () => {
  const broken = [
    'rules:',
    '  member.dues-monthly: fatal',
    '  meetings.general-quorum: { ratio: "1/0" }',
    '  meetings.committee-quorum: { ratio: "5/2" }',
    '  meetings.general-quarterly: { min: -1 }',
    '  theme-day.monthly: { severity: warn }',
    'rectify:',
    '  days: { error: 100000000 }',
    'colour: true',
    '',
  ].join('\n');

  test('every error of the file in one run, in Chinese with the allowed values, exit 2', async () => {
    const dir = repo('broken', broken);
    const { code, out } = await zhibu(['check', 'records', ...at, '--format', 'json'], dir);
    expect(code).toBe(2);
    const errors = (JSON.parse(out) as Report).inputErrors.filter((e) => e.file === 'zhibu.config.yaml');
    expect(errors.map((e) => e.line).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 8, 9]);
    const text = errors.map((e) => e.message).join('\n');
    expect(text).toContain('error, warning, warn, info');
    expect(text).toContain('允许：timezone, rules, ruleDirs, rectify, score, import');
    // No zod English inside Chinese output.
    expect(text).not.toMatch(/Invalid|Too big|Too small|expected/);
    expect(text).not.toContain('NaN');
  });

  test('the same errors in English with --lang en', async () => {
    const dir = repo('broken-en', broken);
    const { out } = await zhibu(['check', 'records', ...at, '--format', 'json', '--lang', 'en'], dir);
    const errors = (JSON.parse(out) as Report).inputErrors.filter((e) => e.file === 'zhibu.config.yaml');
    expect(errors).toHaveLength(6);
    expect(errors.map((e) => e.message).join('\n')).toMatch(/unknown key colour; allowed: timezone, rules, ruleDirs, rectify, score, import/);
  });

  test('warn is accepted for warning', async () => {
    const dir = repo('warn', 'rules:\n  meetings.committee-monthly: warn\n');
    const { code, out } = await zhibu(['check', 'records', ...at, '--format', 'json'], dir);
    expect(code).toBe(1);
    const report = JSON.parse(out) as Report;
    expect(report.findings.filter((f) => f.rule === 'meetings.committee-monthly').map((f) => f.severity)).toEqual(['warning']);
  });

  test('a second YAML document is an error, not ignored', async () => {
    const dir = repo('multi', 'rules:\n  member.dues-monthly: off\n---\nrules:\n  org.term-expired: off\n');
    const { code, out } = await zhibu(['check', 'records', ...at, '--format', 'json', '--lang', 'en'], dir);
    expect(code).toBe(2);
    expect((JSON.parse(out) as Report).inputErrors).toContainEqual(expect.objectContaining({ file: 'zhibu.config.yaml', line: 4, message: expect.stringContaining('one YAML document') }));
  });
});
