import { describe, expect, test } from 'vitest';
import { defaultWindow } from '../../src/engine/periods.js';
import { check, type CheckResult } from '../../src/engine/run.js';
import { render } from '../../src/i18n/index.js';
import { fixtureFiles, readBytes } from '../support/fixtures.js';

const AS_OF = '2026-10-08';

/** check() with no rules: only loading, cross-file ids and input errors. */
function run(files: string[], today: string | null = null, read: (file: string) => Uint8Array = readBytes): CheckResult {
  return check({ files, read, rules: [], asOf: AS_OF, window: defaultWindow(AS_OF), today });
}

/** An in-memory set of record files. */
const memory = (files: Record<string, string>) => (file: string) => Buffer.from(files[file] ?? '');

const all = [...fixtureFiles('invalid'), ...fixtureFiles('valid')];

const broken = [
  'branch-duplicate-b.yaml',
  'count-negative.yaml',
  'date-unreal.yaml',
  'document-both.yaml',
  'document-neither.yaml',
  'dues-bad-month.yaml',
  'encoding-not-utf8-gbk.yaml',
  'enum-bad-value.yaml',
  'errors-all-in-one-run.yaml',
  'key-unknown-near-miss.yaml',
  'list-expected-string.yaml',
  'member-name-duplicate.yaml',
  'number-quoted.yaml',
  'required-for-type.yaml',
  'yaml-alias-bomb.yaml',
  'yaml-duplicate-key.yaml',
  'yaml-syntax-after-valid-document.yaml',
].map((name) => `fixtures/invalid/${name}`);

const loadedBranches = [
  ['inv-duplicate-id', 'fixtures/invalid/branch-duplicate-a.yaml'],
  ['inv-empty-documents', 'fixtures/invalid/document-empty.yaml'],
  ['inv-bom-crlf', 'fixtures/invalid/encoding-utf8-bom-crlf.yaml'],
  ['inv-enum-labels', 'fixtures/invalid/enum-chinese-labels.yaml'],
  ['inv-x-keys', 'fixtures/invalid/key-x-extension.yaml'],
  ['inv-duplicate-key-next', 'fixtures/invalid/yaml-duplicate-key.yaml'],
  ['inv-syntax-first', 'fixtures/invalid/yaml-syntax-after-valid-document.yaml'],
  ['pb-103', 'fixtures/valid/multi-document.yaml'],
  ['pb-104', 'fixtures/valid/multi-document.yaml'],
  ['pb-101', 'fixtures/valid/pb-101-block-style.yaml'],
  ['pb-102', 'fixtures/valid/pb-102-flow-style-chinese-labels.yaml'],
];

describe('every fixture at once (--as-of given)', () => {
  const result = run(all);

  test('each broken file is reported, and only those', () => {
    expect([...new Set(result.inputErrors.map((e) => e.file))]).toEqual(broken);
  });

  test('broken files and documents hide nothing else: every good branch is checked', () => {
    expect(result.branchInfo.map((b) => [b.id, b.file])).toEqual(loadedBranches);
    expect(result.branches).toBe(loadedBranches.length);
    expect(result.organizationInfo.map(({ liaisons: _, ...o }) => o)).toEqual([{ id: 'corp', name: '示例建设公司党委', file: 'fixtures/valid/organization.yaml' }]);
    expect(result.files).toBe(all.length);
  });

  test('a duplicated branch id is reported in the later file, naming the earlier one', () => {
    const duplicate = result.inputErrors.filter((e) => e.id === 'branch.duplicate');
    expect(duplicate).toEqual([
      { file: 'fixtures/invalid/branch-duplicate-b.yaml', line: 3, column: 1, id: 'branch.duplicate', args: { id: 'inv-duplicate-id', first: 'fixtures/invalid/branch-duplicate-a.yaml' } },
    ]);
    for (const lang of ['zh', 'en'] as const) {
      const message = render(lang, 'branch.duplicate', duplicate[0]?.args);
      expect(message).toContain('inv-duplicate-id');
      expect(message).toContain('fixtures/invalid/branch-duplicate-a.yaml');
    }
    expect(result.branchInfo.find((b) => b.id === 'inv-duplicate-id')?.name).toBe('重复编号示例党支部（甲）');
  });

  test('input errors are sorted by file, line and column', () => {
    const keys = result.inputErrors.map((e) => [e.file, e.line, e.column] as const);
    const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2]));
    expect(keys).toEqual(sorted);
    expect(result.inputErrors.filter((e) => e.file.endsWith('required-for-type.yaml'))).toHaveLength(8);
  });

  test('the order the files are given in changes nothing', () => {
    const reversed = run([...all].reverse());
    expect(reversed.inputErrors).toEqual(result.inputErrors);
    expect(reversed.branchInfo).toEqual(result.branchInfo);
  });
});

describe('ids across files (sorted path order decides)', () => {
  const header = (id: string, name: string) => `branch: { id: ${id}, name: ${name}, secretary: 张三 }\n`;

  test('the file later in sorted order is skipped, whatever order the files are given in', () => {
    const read = memory({ 'r/z.yaml': header('x', 'Z'), 'r/m.yaml': `# m\n${header('x', 'M')}` });
    const result = run(['r/z.yaml', 'r/m.yaml'], null, read);
    expect(result.branchInfo.map((b) => [b.id, b.name, b.file])).toEqual([['x', 'M', 'r/m.yaml']]);
    expect(result.inputErrors).toEqual([{ file: 'r/z.yaml', line: 1, column: 1, id: 'branch.duplicate', args: { id: 'x', first: 'r/m.yaml' } }]);
  });

  test('a second document of the same file with the same id is skipped', () => {
    const read = memory({ 'r/a.yaml': `${header('x', 'A')}---\n${header('y', 'B')}---\n${header('x', 'C')}` });
    const result = run(['r/a.yaml'], null, read);
    expect(result.branchInfo.map((b) => b.name)).toEqual(['A', 'B']);
    expect(result.inputErrors).toEqual([{ file: 'r/a.yaml', line: 5, column: 1, id: 'branch.duplicate', args: { id: 'x', first: 'r/a.yaml' } }]);
  });

  test('a duplicated organization id is reported the same way', () => {
    const organization = (name: string) => `organization: { id: corp, name: ${name} }\n`;
    const read = memory({ 'b.yaml': organization('B'), 'a.yaml': `\n${organization('A')}` });
    const result = run(['b.yaml', 'a.yaml'], null, read);
    expect(result.organizationInfo.map(({ liaisons: _, ...o }) => o)).toEqual([{ id: 'corp', name: 'A', file: 'a.yaml' }]);
    expect(result.inputErrors).toEqual([{ file: 'b.yaml', line: 1, column: 1, id: 'organization.duplicate', args: { id: 'corp', first: 'a.yaml' } }]);
  });
});
