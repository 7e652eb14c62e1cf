import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { CheckResult } from '../../src/engine/run.js';
import { checkTexts, root } from '../support/engine.js';
import { runCli } from '../support/cli.js';

// fixtures/skipped: hy02-xm9.yaml has an input error; organization.yaml's unit 第九项目部 is
// covered only by it, 郑刚's liaison is it, and 王芳's liaison hy02-xm7 is in no file at all.
const files = ['fixtures/skipped/organization.yaml', 'fixtures/skipped/hy02-jg.yaml', 'fixtures/skipped/hy02-xm9.yaml'];
const texts = (edit: (file: string, text: string) => string = (_f, t) => t, extra: Record<string, string> = {}) => ({
  ...Object.fromEntries(files.map((f) => [f, edit(f, readFileSync(path.join(root, f), 'utf8'))])),
  ...extra,
});
const fixed = (file: string, text: string) => (file.endsWith('hy02-xm9.yaml') ? text.replace('date: 2026-02-30', 'date: 2026-02-28') : text);
const run = (records: Record<string, string>) => checkTexts(records, '2026', '2026-10-08');
const organizationFindings = (result: CheckResult) => result.findings.filter((f) => f.branch === 'hy-02').map((f) => `${f.rule} ${f.subject ?? ''}`);

describe('organization rules never guess about a branch they could not read', () => {
  const result = run(texts());

  test('the broken branch is skipped, and the check says so', () => {
    expect(result.inputErrors.map((e) => `${e.file}:${e.line}:${e.column} ${e.id}`)).toEqual(['fixtures/skipped/hy02-xm9.yaml:16:36 date.invalid']);
    expect(result.skipped).toEqual([{ file: 'fixtures/skipped/hy02-xm9.yaml', line: 2, column: 1, kind: 'branch', id: 'hy02-xm9', name: '第九项目部党支部', parent: 'hy-02' }]);
  });

  test('no unit coverage, and nothing about a liaison to the skipped branch; a liaison to no file at all is still reported', () => {
    expect(organizationFindings(result).sort()).toEqual(['liaison.assigned 王芳', 'liaison.dual-life 王芳', 'liaison.dual-life 郑刚']);
  });

  test('read, the same branch covers its unit and its liaison rules apply', () => {
    const findings = organizationFindings(run(texts(fixed)));
    expect(findings.filter((f) => f.startsWith('org.unit-coverage'))).toEqual([]);
    expect(findings).toEqual(expect.arrayContaining(['liaison.lecture-yearly 郑刚', 'liaison.participation-quarterly 郑刚']));
  });

  test('read and covering nothing, the unit is reported: coverage is evaluated when no branch is skipped', () => {
    const uncovering = (file: string, text: string) => fixed(file, text).replace('units: [第九项目部]', 'units: []');
    expect(organizationFindings(run(texts(uncovering)))).toContain('org.unit-coverage 第九项目部');
  });

  test('a skipped branch of another organization does not stop this one\'s coverage', () => {
    const elsewhere = (file: string, text: string) => text.replace('units: [第九项目部]', 'units: []').replace('parent: hy-02\n  units: []', 'parent: hy-03\n  units: []');
    expect(organizationFindings(run(texts(elsewhere)))).toContain('org.unit-coverage 第九项目部');
  });

  test('a document nothing could be read of may be any branch: no liaison is said not to exist', () => {
    const unreadable = run(texts(fixed, { 'fixtures/skipped/broken.yaml': 'branch:\n  id: [unclosed\n' }));
    expect(unreadable.skipped.map((d) => [d.file, d.kind, d.id])).toEqual([['fixtures/skipped/broken.yaml', null, null]]);
    const findings = organizationFindings(unreadable);
    expect(findings.filter((f) => f.startsWith('liaison.assigned') || f.startsWith('org.unit-coverage'))).toEqual([]);
  });

  test('the second document of a duplicated id is skipped too: no guess about that id', () => {
    const copy = fixed('fixtures/skipped/hy02-xm9.yaml', readFileSync(path.join(root, 'fixtures/skipped/hy02-xm9.yaml'), 'utf8'));
    const duplicated = run(texts(fixed, { 'fixtures/skipped/zz-copy.yaml': copy }));
    expect(duplicated.inputErrors.map((e) => e.id)).toEqual(['branch.duplicate']);
    expect(duplicated.skipped.map((d) => [d.file, d.id])).toEqual([['fixtures/skipped/zz-copy.yaml', 'hy02-xm9']]);
    expect(organizationFindings(duplicated).filter((f) => f.includes('郑刚') && !f.startsWith('liaison.dual-life'))).toEqual([]);
  });
});

describe('a skipped document is said where a person looks', () => {
  const zhibu = (argv: string[]) => runCli(argv, root, '2026-10-08');

  test('terminal: under the tables, before the summary', async () => {
    const { code, out } = await zhibu(['check', 'fixtures/skipped', '--as-of', '2026-10-08']);
    expect(code).toBe(2);
    const tail = out.slice(out.lastIndexOf('以下记录有输入错误'));
    expect(tail).toMatch(/^以下记录有输入错误，未检查（共 1 份，本次结果不完整）：\n {2}fixtures\/skipped\/hy02-xm9\.yaml:2:1 {2}支部 hy02-xm9 第九项目部党支部\n\n检查 3 个文件/);
    expect((await zhibu(['check', 'fixtures/skipped', '--as-of', '2026-10-08', '--lang', 'en'])).out).toContain('Not checked, because of input errors (1; this report is incomplete):');
  });

  test('JSON report: a skipped list', async () => {
    const { out } = await zhibu(['check', 'fixtures/skipped', '--as-of', '2026-10-08', '--format', 'json']);
    expect((JSON.parse(out) as { skipped: unknown }).skipped).toEqual([{ file: 'fixtures/skipped/hy02-xm9.yaml', line: 2, column: 1, kind: 'branch', id: 'hy02-xm9', name: '第九项目部党支部' }]);
  });

  test('rectification list: a note under the title', async () => {
    const { code, out } = await zhibu(['rectify', 'fixtures/skipped', '--as-of', '2026-10-08', '--format', 'md']);
    expect(code).toBe(2);
    expect(out.split('\n').slice(0, 3)).toEqual([expect.stringMatching(/^# 宏远建设第二工程公司党委 整改清单/), '', '> **以下支部记录有输入错误，未检查：第九项目部党支部（hy02-xm9，fixtures/skipped/hy02-xm9.yaml）**']);
    const csv = (await zhibu(['rectify', 'fixtures/skipped', '--as-of', '2026-10-08', '--format', 'csv'])).out.trimEnd().split('\r\n');
    expect(csv.at(-1)).toMatch(/^以下支部记录有输入错误，未检查：第九项目部党支部（hy02-xm9，fixtures\/skipped\/hy02-xm9\.yaml）,+$/);
  });

  test('a list with every record read has no note', async () => {
    const { out } = await zhibu(['rectify', 'fixtures/demo', '--as-of', '2026-10-08', '--period', '2026Q3', '--format', 'md']);
    expect(out).not.toContain('未检查');
  });
});
