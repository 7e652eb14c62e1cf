import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { parseConfig } from '../../src/engine/ruleset.js';
import type { Report } from '../../src/report/report.js';
import { runCli } from '../support/cli.js';

const TODAY = '2026-12-01';
const files = ['records/organization.yaml', 'records/pb-003.yaml', 'zhibu.config.yaml', 'zhibu.schema.json', '.github/workflows/zhibu.yml'];
const fresh = () => mkdtempSync(path.join(tmpdir(), 'zhibu-init-'));

test('init writes the scaffold, and check on the folder reads it with no input error', async () => {
  const dir = fresh();
  const init = await runCli(['init', 'party'], dir, TODAY);
  expect(init.code).toBe(0);
  for (const file of files) expect(init.out).toContain(file);
  const root = path.join(dir, 'party');
  const check = await runCli(['check', '.', '--format', 'json'], root, TODAY);
  const report = JSON.parse(check.out) as Report;
  expect(report.inputErrors).toEqual([]);
  expect(report.summary.files).toBe(2);
  expect(report.summary.branches).toBe(1);
  expect(check.code).toBe(1); // the example records are deliberately imperfect
  expect(readFileSync(path.join(root, 'records/pb-003.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\.\/zhibu\.schema\.json\n/);
  expect(JSON.parse(readFileSync(path.join(root, 'zhibu.schema.json'), 'utf8')).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
});

test('init never overwrites a file, and says which it left alone', async () => {
  const dir = fresh();
  writeFileSync(path.join(dir, 'zhibu.config.yaml'), 'rules: {}\n');
  const first = await runCli(['init'], dir, TODAY);
  expect(first.out).toMatch(/已存在，未改动：\n {2}zhibu\.config\.yaml/);
  expect(readFileSync(path.join(dir, 'zhibu.config.yaml'), 'utf8')).toBe('rules: {}\n');
  const before = files.map((f) => readFileSync(path.join(dir, f), 'utf8'));
  writeFileSync(path.join(dir, 'records/pb-003.yaml'), `${before[1]}# 我的修改\n`);
  const second = await runCli(['init', '--lang', 'en'], dir, TODAY);
  expect(second.code).toBe(0);
  expect(second.out).not.toContain('Created');
  for (const file of files) expect(second.out).toContain(`  ${file}`);
  expect(readFileSync(path.join(dir, 'records/pb-003.yaml'), 'utf8')).toBe(`${before[1]}# 我的修改\n`);
});

test('the configuration template, every line uncommented, is valid and changes no finding', async () => {
  const dir = fresh();
  await runCli(['init'], dir, TODAY);
  const template = readFileSync(path.join(dir, 'zhibu.config.yaml'), 'utf8');
  expect(template.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'))).toEqual([]);
  const uncommented = template.replace(/^# (?=[a-z ])/gm, '');
  expect(parseConfig('zhibu.config.yaml', new TextEncoder().encode(uncommented)).errors).toEqual([]);
  const argv = ['check', 'records', '--format', 'json', '--as-of', '2026-10-08'];
  const defaults = JSON.parse((await runCli(argv, dir, TODAY)).out) as Report;
  writeFileSync(path.join(dir, 'zhibu.config.yaml'), uncommented);
  const configured = JSON.parse((await runCli(argv, dir, TODAY)).out) as Report;
  expect(configured.inputErrors).toEqual([]);
  expect(configured.findings).toEqual(defaults.findings);
  expect(defaults.findings.length).toBeGreaterThan(0);
});
