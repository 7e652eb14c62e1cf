import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runCli } from '../support/cli.js';
import { root } from '../support/fixtures.js';

// What a terminal obeys instead of showing: C0 but newline, DEL, C1, bidi controls.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const TERMINAL_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

// Plain regression tests for what the fuzz suite (cli.test.ts) found, one per bug.
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'zhibu-fuzz-found-'));
  mkdirSync(path.join(dir, 'm'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const zhibu = (...argv: string[]) => runCli([...argv, '--period', '2026Q3', '--as-of', '2026-10-08'], dir, '2026-10-08');

describe('found by the fuzz suite', () => {
  test('a skipped document in a file whose name holds an ANSI escape: the terminal shows the escape, not obeys it', async () => {
    writeFileSync(path.join(dir, 'm', 'e\u001b[31mred.yaml'), 'note: not a record\n');
    const { code, out } = await zhibu('check', 'm');
    expect(code).toBe(2);
    expect(out).toContain('m/e\\x1B[31mred.yaml:1:1  无法识别的文档');
    expect(out).not.toMatch(TERMINAL_CONTROL);
  });

  test.each([
    ['rectify', '2200'],
    ['rectify', '1921'],
    ['score', '2200'],
  ])('%s writes an XLSX for a check day in %s (a ZIP stamps dates only from 1980 to 2107)', async (command, year) => {
    copyFileSync(path.join(root, 'fixtures/demo/hy01-xm2.yaml'), path.join(dir, 'v.yaml'));
    const { code, err } = await runCli([command, 'v.yaml', '--as-of', `${year}-12-31`, '--period', year, '-o', 'out.xlsx'], dir, `${year}-12-31`);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(existsSync(path.join(dir, 'out.xlsx'))).toBe(true);
  });

  test('nesting deep enough to exhaust the YAML parser\'s stack is an input error in plain words at a fixed place', async () => {
    writeFileSync(path.join(dir, 'm', 'deep.yaml'), `${'['.repeat(3000)}1${']'.repeat(3000)}\n`);
    const { code, out } = await zhibu('check', 'm', '--format', 'compact');
    expect(code).toBe(2);
    // At the first bracket too deep: where the parser's stack ran out depends on the stack's size (a worker thread's is smaller).
    expect(out).toContain('m/deep.yaml:1:65 error input-error YAML 语法错误（DEPTH：nesting deeper than 64）');
    expect(out).not.toMatch(/call stack|RangeError/i);
  });

  test('--format compact shows control characters in file names and messages as escapes', async () => {
    writeFileSync(path.join(dir, 'm', 'd\u202eyaml.txt.yaml'), 'branch: { id: "x\\e[2J", name: 1 }\n');
    const { code, out } = await zhibu('check', 'm', '--format', 'compact');
    expect(code).toBe(2);
    expect(out).toContain('m/d\\u202Eyaml.txt.yaml:1:');
    expect(out).not.toMatch(TERMINAL_CONTROL);
  });

  test.each(['xlsx', 'json'])('a list written on 2200-12-31 (deadlines in 2201) reads back as --previous (%s)', async (format) => {
    copyFileSync(path.join(root, 'fixtures/demo/hy01-xm2.yaml'), path.join(dir, 'v.yaml'));
    const argv = ['rectify', 'v.yaml', '--as-of', '2200-12-31', '--period', '2200'];
    const written = await runCli([...argv, '-o', `list.${format}`], dir, '2200-12-31');
    expect(written.code).toBe(0);
    const again = await runCli([...argv, '--previous', `list.${format}`, '--format', 'json'], dir, '2200-12-31');
    expect(again.err).toBe('');
    expect(again.code).toBe(0);
    const list = JSON.parse(again.out) as { items: { deadline: string; status: string }[] };
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((i) => i.deadline.startsWith('2201-') && i.status === 'open')).toBe(true);
  });
});
