import ExcelJS from 'exceljs';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { readPreviousXlsx } from '../../src/rectify/previous.js';
import { runCli } from '../support/cli.js';
import { root } from '../support/fixtures.js';

// Issue 11, "Harmful output" and "XLSX bytes differ between runs": text from records is escaped
// for where it goes, and the same input gives the same workbook bytes.
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'zhibu-harmful-'));
  cpSync(path.join(root, 'fixtures/demo'), path.join(dir, 'records'), { recursive: true });
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

const zhibu = (...argv: string[]) => runCli([...argv, '--period', '2026Q3', '--as-of', '2026-10-08'], dir, '2026-10-08');
/** Replaces text in a copied demo record. */
function edit(file: string, from: string | RegExp, to: string) {
  const full = path.join(dir, 'records', file);
  const text = readFileSync(full, 'utf8');
  const changed = text.replace(from, to);
  expect(changed).not.toBe(text);
  writeFileSync(full, changed);
}
/** The branch name of hy01-xm2 (listed in the rectification list): a YAML double-quoted string. */
const nameXm2 = (yaml: string) => edit('hy01-xm2.yaml', /^ {2}name: .*$/m, `  name: ${yaml}`);

// Raw controls a terminal obeys: ESC, BEL, C1 CSI, bidi overrides and isolates.
// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('terminal output shows control characters as visible escapes', () => {
  test('an unknown key and a member name with ANSI/OSC escapes and a bidi override', async () => {
    edit('hy01-xm1.yaml', /^ {2}id: hy01-xm1$/m, '  id: hy01-xm1\n  "x\\e]8;;https://evil.example\\e\\\\y\\e[2J": 1');
    edit('hy01-xm1.yaml', /郭晓燕/g, '"郭晓燕\\e]0;pwned\\a\\u202E"');
    const { out, err } = await zhibu('check', 'records');
    expect(out).not.toMatch(RAW_CONTROL);
    expect(err).not.toMatch(RAW_CONTROL);
    expect(out).toContain('\\x1B]8;;https://evil.example');
  });

  test('GitHub annotations (the Actions log obeys ANSI escapes too)', async () => {
    edit('hy01-xm1.yaml', /郭晓燕/g, '"郭晓燕\\e]0;pwned\\a\\u202E"');
    const { out } = await zhibu('check', 'records', '--format', 'github');
    expect(out).toContain('郭晓燕\\x1B]0;pwned\\x07\\u202E');
    expect(out).not.toMatch(RAW_CONTROL);
  });

  test('an error message on stderr', async () => {
    const { code, err } = await zhibu('check', 'records', '--rule', 'x\u001b[2J\u001b]0;pwned\u0007\u202e');
    expect(code).toBe(2);
    expect(err).not.toMatch(RAW_CONTROL);
    expect(err).toContain('\\x1B[2J');
    expect(err).toContain('\\u202E');
  });
});

describe('CSV and XLSX cells never start a formula', () => {
  test.each(['=HYPERLINK("http://evil")', '-2+3+cmd|\' /C calc\'!A0', '+1', '@SUM(A1)', '＝1+1', '－1', '\t=1'])('branch name %j', async (name) => {
    nameXm2(JSON.stringify(name));
    expect((await zhibu('rectify', 'records', '-o', 'list.csv')).code).toBe(0);
    const cells = readFileSync(path.join(dir, 'list.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .flatMap((line) => line.split(','))
      .map((cell) => cell.replace(/^"/, ''));
    expect(cells.filter((cell) => /^[=+\-@\t\r＝＋－＠]/.test(cell))).toEqual([]);
    expect(cells.some((cell) => cell.startsWith(`'${name.slice(0, 2)}`))).toBe(true);

    expect((await zhibu('rectify', 'records', '-o', 'list.xlsx')).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(path.join(dir, 'list.xlsx')) as unknown as ArrayBuffer);
    const texts: string[] = [];
    for (const sheet of book.worksheets) sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts.filter((text) => /^[=+\-@\t\r＝＋－＠]/.test(text))).toEqual([]);
    // Read back as a previous list, the name is as it was typed.
    const previous = await readPreviousXlsx(readFileSync(path.join(dir, 'list.xlsx')));
    expect(previous.items.map((i) => i.branch.name)).toContain(name);
  });
});

describe('Markdown keeps text as text', () => {
  test('HTML, links and pipes in a branch name', async () => {
    nameXm2(JSON.stringify('<script>alert(1)</script>[点此](javascript:alert(1)) a\\|b|c'));
    expect((await zhibu('rectify', 'records', '-o', 'list.md')).code).toBe(0);
    const md = readFileSync(path.join(dir, 'list.md'), 'utf8');
    expect(md).not.toMatch(/(^|[^\\])<script/);
    expect(md).not.toMatch(/(^|[^\\])\[点此(\\)?\]\(/);
    // Every table row has as many unescaped pipes as its header.
    for (const table of md.split(/\n\n/).filter((block) => block.startsWith('|'))) {
      const pipes = table.trimEnd().split('\n').map((row) => row.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length);
      expect(new Set(pipes).size).toBe(1);
    }
    expect(md).toContain('\\<script>alert(1)\\</script>\\[点此\\](javascript:alert(1)) a\\\\\\|b\\|c');
  });
});

describe('XLSX', () => {
  test('U+FFFE and U+FFFF in a name: a workbook Excel and --previous can read', async () => {
    nameXm2(JSON.stringify('第二\uFFFE项目部\uFFFF党支部\u0001'));
    expect((await zhibu('rectify', 'records', '-o', 'list.xlsx')).code).toBe(0);
    const previous = await readPreviousXlsx(readFileSync(path.join(dir, 'list.xlsx')));
    expect(previous.items.map((i) => i.branch.name)).toContain('第二项目部党支部');
    // And a second run may use it as its previous list.
    expect((await zhibu('rectify', 'records', '--previous', 'list.xlsx', '-o', 'again.xlsx')).code).toBe(0);
  });

  test('a cell over Excel’s 32,767 characters is cut with a visible mark', async () => {
    nameXm2(JSON.stringify('长'.repeat(40_000)));
    expect((await zhibu('rectify', 'records', '-o', 'list.xlsx')).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(path.join(dir, 'list.xlsx')) as unknown as ArrayBuffer);
    const cells: string[] = [];
    for (const sheet of book.worksheets) sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    expect(Math.max(...cells.map((c) => c.length))).toBeLessThanOrEqual(32_767);
    expect(cells.filter((c) => c.startsWith('长长长')).every((c) => c.endsWith('以下从略）'))).toBe(true);
    expect(cells.filter((c) => c.startsWith('长长长')).length).toBeGreaterThan(0);
  });

  test('the same list gives the same bytes, whatever the clock says', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-10-08T09:00:00Z'));
    expect((await zhibu('rectify', 'records', '-o', 'a.xlsx')).code).toBe(0);
    vi.setSystemTime(new Date('2027-03-01T17:42:13Z'));
    expect((await zhibu('rectify', 'records', '-o', 'b.xlsx')).code).toBe(0);
    expect(Buffer.compare(readFileSync(path.join(dir, 'a.xlsx')), readFileSync(path.join(dir, 'b.xlsx')))).toBe(0);
  });
});
