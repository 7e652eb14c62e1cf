import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runCli } from '../support/cli.js';
import { root } from '../support/fixtures.js';

// Issue 11, "Records overwritten", "Crashes that CI reads as violations" and "Lists lost":
// every output path is checked before anything is written, and a refusal is exit 2 with one line.
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'zhibu-outputs-'));
  cpSync(path.join(root, 'fixtures/demo'), path.join(dir, 'records'), { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const record = () => readFileSync(path.join(dir, 'records/hy01-jg.yaml'), 'utf8');
const original = () => readFileSync(path.join(root, 'fixtures/demo/hy01-jg.yaml'), 'utf8');
const zhibu = (...argv: string[]) => runCli(argv[0] === 'schema' ? argv : [...argv, '--as-of', '2026-10-08'], dir, '2026-10-08');

/** One line on stderr, no stack trace. */
function expectOneLine(err: string, ...parts: string[]) {
  expect(err.trimEnd().split('\n')).toHaveLength(1);
  expect(err).not.toMatch(/\n\s+at /);
  for (const part of parts) expect(err).toContain(part);
}

describe('never over a record', () => {
  test.each([
    [['check', 'records', '-o', 'records/hy01-jg.yaml']],
    [['check', 'records', '--format', 'json=records/hy01-jg.yaml']],
    [['check', 'records', '--write-baseline', 'records/hy01-jg.yaml']],
    [['check', 'records', '--cache-location', 'records/hy01-jg.yaml']],
    [['check', 'records/hy01-xm1.yaml', '-o', 'records/hy01-jg.yaml']], // a record that is not an input of this run
    [['rectify', 'records', '-o', 'records/hy01-jg.yaml']],
    [['rectify', 'records', '--format', 'json', '-o', 'records/hy01-jg.yaml']],
    [['schema', '-o', 'records/hy01-jg.yaml']],
  ])('%j is refused, exit 2, the record untouched', async (argv) => {
    const { code, err } = await zhibu(...argv);
    expect(code).toBe(2);
    expectOneLine(err, 'hy01-jg.yaml');
    expect(record()).toBe(original());
  });

  test('an existing file zhibu did not write is refused; one it wrote is replaced', async () => {
    writeFileSync(path.join(dir, 'notes.md'), '# 会议记录\n');
    expect((await zhibu('rectify', 'records', '-o', 'notes.md')).code).toBe(2);
    expect(readFileSync(path.join(dir, 'notes.md'), 'utf8')).toBe('# 会议记录\n');
    for (const file of ['list.md', 'list.csv', 'list.json', 'list.xlsx']) {
      expect((await zhibu('rectify', 'records', '-o', file)).code).toBe(0);
      expect((await zhibu('rectify', 'records', '-o', file)).code).toBe(0);
    }
    for (const format of ['terminal', 'json', 'junit', 'sarif', 'github', 'gitlab']) {
      expect((await zhibu('check', 'records', '--format', `${format}=out.${format}`, '--fail-on', 'never')).code).toBe(0);
      expect((await zhibu('check', 'records', '--format', `${format}=out.${format}`, '--fail-on', 'never')).code).toBe(0);
    }
  });

  test('a previous list given as input is not written over, nor is a shard report by merge', async () => {
    expect((await zhibu('rectify', 'records', '-o', 'list.json')).code).toBe(0);
    const before = readFileSync(path.join(dir, 'list.json'), 'utf8');
    const { code, err } = await zhibu('rectify', 'records', '--previous', 'list.json', '-o', 'list.json');
    expect(code).toBe(2);
    expectOneLine(err, 'list.json');
    expect(readFileSync(path.join(dir, 'list.json'), 'utf8')).toBe(before);
    expect((await zhibu('check', 'records', '--format', 'json=r.json', '--fail-on', 'never')).code).toBe(0);
    expect((await runCli(['merge', 'r.json', '-o', 'r.json'], dir, '2026-10-08')).code).toBe(2);
  });

  test('two outputs of one run naming the same file are refused before either is written', async () => {
    const { code, err } = await zhibu('check', 'records', '--format', 'json=a.json,sarif=a.json');
    expect(code).toBe(2);
    expectOneLine(err, 'a.json');
    expect(existsSync(path.join(dir, 'a.json'))).toBe(false);
  });

  test('--prune-baseline and --write-baseline may rewrite the baseline they read', async () => {
    expect((await zhibu('check', 'records', '--write-baseline', 'b.json')).code).toBe(0);
    expect((await zhibu('check', 'records', '--baseline', 'b.json', '--prune-baseline')).code).toBe(0);
    expect((await zhibu('check', 'records', '--baseline', 'b.json', '--write-baseline', 'b.json')).code).toBe(0);
    expect((await zhibu('check', 'records', '--baseline', 'b.json', '-o', 'b.json')).code).toBe(2);
  });
});

describe('failures that are not findings: exit 2, one line, folders made as needed', () => {
  test.each([
    [['check', 'records', '-o', 'nodir/x.json'], 'nodir/x.json'],
    [['check', 'records', '--write-baseline', 'nodir/b.json'], 'nodir/b.json'],
    [['check', 'records', '--format', 'sarif=a/b/c.sarif'], 'a/b/c.sarif'],
    [['schema', '-o', 'nodir/deeper/x.json'], 'nodir/deeper/x.json'],
    [['rectify', 'records', '-o', 'nodir/list.xlsx'], 'nodir/list.xlsx'],
  ])('%j writes %s, making its folders', async (argv, file) => {
    const { code, err } = await zhibu(...argv);
    expect(code).not.toBe(2);
    expect(err).toBe('');
    expect(existsSync(path.join(dir, file))).toBe(true);
  });

  test.each([
    [['check', 'records', '-o', '.']],
    [['check', 'records', '-o', 'records']],
    [['schema', '-o', 'records']],
    [['rectify', 'records', '-o', 'records']],
  ])('%j (a folder) is exit 2 naming it', async (argv) => {
    const { code, err } = await zhibu(...argv);
    expect(code).toBe(2);
    expectOneLine(err, argv[argv.length - 1] as string);
  });

  test('a path through a file is exit 2 saying what is wrong', async () => {
    const { code, err } = await zhibu('check', 'records', '-o', 'records/hy01-jg.yaml/x.json');
    expect(code).toBe(2);
    expectOneLine(err, 'records/hy01-jg.yaml/x.json');
  });

  test('--lang en words the refusal in English', async () => {
    const { code, err } = await zhibu('check', 'records', '-o', 'records/hy01-jg.yaml', '--lang', 'en');
    expect(code).toBe(2);
    expect(err).toMatch(/^zhibu: records\/hy01-jg\.yaml is an input of this run/);
  });
});

describe('--split-by branch: one file per branch, never two on one name', () => {
  function branch(id: string, name: string) {
    const text = original().replace(/^branch:\n {2}id: hy01-jg\n {2}name: [^\n]*/m, `branch:\n  id: ${JSON.stringify(id)}\n  name: ${JSON.stringify(name)}`);
    expect(text).not.toBe(original());
    return text;
  }
  function records(branches: [string, string][]) {
    rmSync(path.join(dir, 'records'), { recursive: true });
    mkdirSync(path.join(dir, 'records'));
    branches.forEach(([id, name], i) => writeFileSync(path.join(dir, 'records', `b${i}.yaml`), branch(id, name)));
  }

  test.each([
    [[['a/b', 'a/b'], ['a:b', 'a:b']]],
    [[['x', 'y-z'], ['x-y', 'z']]],
    [[['summary', 'summary'], ['Summary', 'Summary']]],
    [[['CON', 'CON'], ['con', 'con'], ['nul.txt', 'nul.txt']]],
    [[[`${'a'.repeat(300)}1`, 'b'.repeat(300)], [`${'a'.repeat(300)}2`, 'b'.repeat(300)]]],
    [[[`${'党'.repeat(200)}1`, '支部'], [`${'党'.repeat(200)}2`, '支部']]],
  ])('%j: one file per branch and the summary, all different', async (branches) => {
    records(branches as [string, string][]);
    const { code, out, err } = await zhibu('rectify', 'records', '--split-by', 'branch', '--format', 'json', '-o', 'lists');
    expect(err).toBe('');
    expect(code).toBe(0);
    const written = readdirSync(path.join(dir, 'lists'));
    expect(written).toHaveLength(branches.length + 1);
    expect(new Set(written.map((n) => n.toLowerCase())).size).toBe(written.length);
    expect(out.trim().split('\n')).toHaveLength(branches.length + 1);
    for (const name of written) {
      expect(Buffer.byteLength(name)).toBeLessThanOrEqual(130);
      expect(name).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i);
      expect(name).not.toMatch(/[\\/:*?"<>|]/);
    }
    const summary = JSON.parse(readFileSync(path.join(dir, 'lists/summary.json'), 'utf8')) as { kind: string };
    expect(summary.kind).toBe('rectification-summary');
    const ids = written.filter((n) => n !== 'summary.json').map((n) => (JSON.parse(readFileSync(path.join(dir, 'lists', n), 'utf8')) as { summary: { branch: { id: string } }[] }).summary[0]?.branch.id);
    expect(ids.sort()).toEqual(branches.map(([id]) => id).sort());
  });

  test('the same branches give the same file names run after run', async () => {
    records([['x', 'y-z'], ['x-y', 'z']]);
    const first = (await zhibu('rectify', 'records', '--split-by', 'branch', '-o', 'lists')).out;
    expect((await zhibu('rectify', 'records', '--split-by', 'branch', '-o', 'lists')).out).toBe(first);
  });
});
