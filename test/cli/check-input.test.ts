import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runCli } from '../support/cli.js';
import type { Report } from '../../src/report/report.js';
import { fixtureFiles, root } from '../support/fixtures.js';

const TODAY = '2026-10-08';

const zhibu = (argv: string[], cwd = root) => runCli(argv, cwd, TODAY);

async function jsonReport(argv: string[], cwd = root): Promise<{ code: number; report: Report }> {
  const { code, out } = await zhibu([...argv, '--format', 'json'], cwd);
  return { code, report: JSON.parse(out) as Report };
}

// The first input error of every broken fixture, as the terminal report prints it.
const brokenAt = [
  'branch-duplicate-b.yaml:3:1',
  'count-negative.yaml:9:14',
  'date-unreal.yaml:7:11',
  'document-both.yaml:2:1',
  'document-neither.yaml:2:1',
  'dues-bad-month.yaml:6:21',
  'encoding-not-utf8-gbk.yaml:4:9',
  'enum-bad-value.yaml:6:11',
  'errors-all-in-one-run.yaml:7:13',
  'key-unknown-near-miss.yaml:6:3',
  'list-expected-string.yaml:8:16',
  'member-name-duplicate.yaml:6:13',
  'number-quoted.yaml:8:12',
  'required-for-type.yaml:7:5',
  'yaml-alias-bomb.yaml:7:10',
  'yaml-duplicate-key.yaml:6:3',
  'yaml-syntax-after-valid-document.yaml:11:1',
].map((at) => `fixtures/invalid/${at}`);
const brokenFiles = brokenAt.map((at) => at.replace(/:\d+:\d+$/, ''));
const loadedBranches = 11;

describe('zhibu check fixtures/invalid fixtures/valid --as-of 2026-10-08', () => {
  const argv = ['check', 'fixtures/invalid', 'fixtures/valid', '--as-of', TODAY];

  test('exits 2 and lists every broken file at file:line:column', async () => {
    const { code, out } = await zhibu(argv);
    expect(code).toBe(2);
    for (const at of brokenAt) expect(out).toContain(`${at}  输入错误\n`);
    expect(out).toContain('输入错误（26）');
    for (const fine of ['branch-duplicate-a', 'document-empty', 'encoding-utf8-bom-crlf', 'enum-chinese-labels', 'key-x-extension']) {
      expect(out).not.toMatch(new RegExp(`${fine}\\.yaml:\\d+:\\d+  输入错误`));
    }
  });

  test('--format json: input errors with file, line, column and message; good branches still counted', async () => {
    const { code, report } = await jsonReport(argv);
    expect(code).toBe(2);
    expect(report.summary).toMatchObject({ files: fixtureFiles('invalid').length + fixtureFiles('valid').length, branches: loadedBranches, inputErrors: 26 });
    expect(report.inputErrors).toHaveLength(26);
    for (const error of report.inputErrors) {
      expect(Object.keys(error).sort()).toEqual(['column', 'file', 'line', 'message']);
      expect(error.line).toBeGreaterThanOrEqual(1);
      expect(error.column).toBeGreaterThanOrEqual(1);
      expect(error.message.length).toBeGreaterThan(0);
    }
    expect([...new Set(report.inputErrors.map((e) => e.file))]).toEqual(brokenFiles);
    expect(report.inputErrors.map((e) => `${e.file}:${e.line}:${e.column}`)).toEqual(expect.arrayContaining(brokenAt));
    const date = report.inputErrors.find((e) => e.file.endsWith('date-unreal.yaml'));
    expect(date?.message).toContain('activities[0].date');
    expect(date?.message).toContain('不是有效日期');
    expect(new Set(report.findings.map((f) => f.branch))).toEqual(new Set(['pb-101', 'pb-102', 'pb-103', 'pb-104', 'corp', 'inv-duplicate-id', 'inv-empty-documents', 'inv-bom-crlf', 'inv-enum-labels', 'inv-x-keys', 'inv-duplicate-key-next', 'inv-syntax-first']));
  });

  test('--lang en: the same errors in English', async () => {
    const { report } = await jsonReport([...argv, '--lang', 'en']);
    const message = (file: string) => report.inputErrors.find((e) => e.file === `fixtures/invalid/${file}`)?.message;
    expect(message('date-unreal.yaml')).toBe('activities[0].date: "2026-02-30" is not a real date; write a real calendar date as YYYY-MM-DD');
    expect(message('encoding-not-utf8-gbk.yaml')).toContain('iconv -f GBK -t UTF-8');
    expect(message('key-unknown-near-miss.yaml')).toContain('did you mean committee?');
    expect(message('branch-duplicate-b.yaml')).toContain('fixtures/invalid/branch-duplicate-a.yaml');
    const { out } = await zhibu([...argv, '--lang', 'en']);
    expect(out).toContain('Input errors (26)');
    expect(out).toContain('fixtures/invalid/dues-bad-month.yaml:6:21  input error\n    members[0].dues[1]: "2026-13" is not a month');
  });
});

describe('paths and dates', () => {
  test('a missing path exits 2, and the paths that exist are still checked', async () => {
    const { code, report } = await jsonReport(['check', 'fixtures/valid', 'no/such/dir', '--as-of', TODAY]);
    expect(code).toBe(2);
    expect(report.inputErrors).toEqual([{ file: 'no/such/dir', line: 1, column: 1, message: '路径不存在' }]);
    expect(report.summary.branches).toBe(4);
  });

  test('a missing file alone exits 2 (in English too)', async () => {
    const { code, out } = await zhibu(['check', 'no-such-file.yaml', '--lang', 'en', '--as-of', TODAY]);
    expect(code).toBe(2);
    expect(out).toContain('no-such-file.yaml:1:1  input error\n    no such file or directory');
  });

  test('no path at all is a usage error', async () => {
    const { code, err } = await zhibu(['check']);
    expect(code).toBe(2);
    expect(err).toContain('zhibu check records/');
  });

  test('valid records alone give no input error', async () => {
    const { code, report } = await jsonReport(['check', 'fixtures/valid', '--as-of', TODAY]);
    expect(report.inputErrors).toEqual([]);
    expect(code).toBeLessThan(2);
  });

  test('without --as-of, entries dated after today are records.future-date findings, not input errors', async () => {
    const file = 'fixtures/rules/records.future-date/fires.yaml';
    const { code, report } = await jsonReport(['check', file]);
    expect(report.inputErrors).toEqual([]);
    expect(report.summary.branches).toBe(1);
    expect(report.findings.filter((f) => f.rule === 'records.future-date').map((f) => f.subject)).toEqual(['张伟/training@2026-10-20', 'general-meeting@2026-11-20', '党员先锋岗攻坚项目/progress@2026-12-01']);
    expect(code).toBeLessThan(2);
  });

  test('with --as-of there is no records.future-date finding', async () => {
    const { report } = await jsonReport(['check', 'fixtures/rules/records.future-date/fires.yaml', '--as-of', TODAY]);
    expect(report.inputErrors).toEqual([]);
    expect(report.findings.filter((f) => f.rule === 'records.future-date')).toEqual([]);
  });
});

describe('which files a directory holds', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'zhibu-input-'));
  const write = (file: string, content: string | Uint8Array) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  };
  const branch = (id: string) => `branch: { id: ${id}, name: ${id}, secretary: 张三 }\nmembers: [{ name: 张三, status: full }]\n`;
  write('records/a.yml', branch('a'));
  write('records/sub/b.YAML', branch('b'));
  write('records/.hidden/broken.yaml', 'branch: [');
  write('records/node_modules/broken.yaml', 'branch: [');
  write('records/notes.txt', branch('c'));
  // GBK 党支部 (b5 b3 d6 a7 b2 bf), written here rather than committed.
  write('gbk/pb.yaml', Buffer.concat([Buffer.from('branch:\n  id: g\n  name: '), Buffer.from('b5b3d6a7b2bf', 'hex'), Buffer.from('\n')]));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('walks *.yaml and *.yml, skipping dot-folders, node_modules and other extensions', async () => {
    const { code, report } = await jsonReport(['check', 'records', '--as-of', TODAY], dir);
    expect(report.inputErrors).toEqual([]);
    expect(report.summary).toMatchObject({ files: 2, branches: 2 });
    expect(code).toBeLessThan(2);
  });

  test('reads a file named explicitly whatever its extension', async () => {
    const { report } = await jsonReport(['check', 'records/notes.txt', '--as-of', TODAY], dir);
    expect(report.summary).toMatchObject({ files: 1, branches: 1, inputErrors: 0 });
  });

  test('a GBK file is one input error that says to convert it', async () => {
    const { code, report } = await jsonReport(['check', 'gbk', 'records', '--as-of', TODAY], dir);
    expect(code).toBe(2);
    expect(report.inputErrors).toHaveLength(1);
    expect(report.inputErrors[0]).toMatchObject({ file: 'gbk/pb.yaml', line: 3, column: 9 });
    expect(report.inputErrors[0]?.message).toContain('iconv -f GBK -t UTF-8');
    expect(report.summary.branches).toBe(2);
  });
});
