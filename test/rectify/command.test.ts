import { Command, CommanderError } from 'commander';
import ExcelJS from 'exceljs';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { registerRectify } from '../../src/commands/rectify-command.js';
import { UsageError, type Io } from '../../src/io.js';
import type { RectificationList } from '../../src/rectify/list.js';

const compliant = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'compliant');
let dir: string;

/** fixtures/compliant with two problems in 2026Q3: 罗德明 paid no dues in July–September, no general meeting. */
function records(options: { duesPaid?: boolean } = {}): void {
  const file = path.join(dir, 'records', 'hy03-xm2.yaml');
  let text = readFileSync(path.join(compliant, 'hy03-xm2.yaml'), 'utf8').replace('date: 2026-09-23', 'date: 2026-10-02');
  if (!options.duesPaid) text = text.replace(/(- name: 罗德明\n\s+status: full\n\s+dues: \[)[^\]]*\]/, '$1 2026-01, 2026-02, 2026-03, 2026-04, 2026-05, 2026-06, 2026-10 ]');
  writeFileSync(file, text);
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'zhibu-rectify-'));
  cpSync(compliant, path.join(dir, 'records'), { recursive: true });
  records();
});

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  let code = 0;
  const io: Io = { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, cwd: dir, env: {}, today: '2026-10-08' };
  const program = new Command('zhibu').exitOverride().configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (err += s) });
  registerRectify(program, io, (n) => (code = n), 'zh');
  try {
    await program.parseAsync(['rectify', ...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof UsageError) [code, err] = [2, err + error.message];
    else if (error instanceof CommanderError) code = error.exitCode === 0 ? 0 : 2;
    else throw error;
  }
  return { code, out, err };
}

const q3 = ['records', '--period', '2026Q3', '--as-of', '2026-10-08'];

describe('zhibu rectify', () => {
  it('writes Markdown to stdout and exits 0 though there are problems', async () => {
    const { code, out, err } = await run(...q3);
    expect([code, err]).toEqual([0, '']);
    expect(out).toMatch(/^# 宏远建设第三工程公司党委 整改清单（2026年第三季度，检查日 2026-10-08）/);
    expect(out).toContain('| 2026年7月、8月、9月党员罗德明未交纳党费 |');
    expect(out).toContain('2026年第三季度未召开支部党员大会');
  });

  it('infers the format from --output and writes JSON with every finding', async () => {
    expect((await run(...q3, '-o', 'list.json')).code).toBe(0);
    const list = JSON.parse(readFileSync(path.join(dir, 'list.json'), 'utf8')) as RectificationList;
    const dues = list.items.find((i) => i.rule === 'member.dues-monthly');
    expect(dues?.findings.map((f) => f.period)).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(dues?.owner).toBe('黄振华');
  });

  it('refuses XLSX to a terminal and --split-by without a directory', async () => {
    expect(await run(...q3, '--format', 'xlsx')).toMatchObject({ code: 2, err: expect.stringMatching(/--output/) });
    expect(await run(...q3, '--split-by', 'branch')).toMatchObject({ code: 2, err: expect.stringMatching(/--output/) });
    expect((await run(...q3, '--format', 'pdf')).code).toBe(2);
  });

  it('carries an XLSX list over to the re-check: fixed, overdue', async () => {
    expect((await run(...q3, '-o', 'q3.xlsx')).code).toBe(0);
    records({ duesPaid: true });
    const { code } = await run('records', '--period', '2026Q3', '--as-of', '2026-11-20', '--previous', 'q3.xlsx', '-o', 'recheck.json');
    expect(code).toBe(0);
    const list = JSON.parse(readFileSync(path.join(dir, 'recheck.json'), 'utf8')) as RectificationList;
    expect(list.previous).toBe('2026-10-08');
    expect(list.items.find((i) => i.rule === 'member.dues-monthly')).toMatchObject({ status: 'fixed', fixedOn: '2026-11-20' });
    expect(list.items.find((i) => i.rule === 'meetings.general-quarterly')).toMatchObject({ status: 'overdue', deadline: '2026-11-07' });
  });

  it('reads a JSON list as --previous and rejects a file that is not one', async () => {
    await run(...q3, '-o', 'q3.json');
    const { out } = await run('records', '--period', '2026Q3', '--as-of', '2026-10-20', '--previous', 'q3.json', '--format', 'csv');
    expect(out.startsWith('\uFEFF序号,')).toBe(true);
    expect(out).toContain(',待整改,2026-10-08列入清单,');
    writeFileSync(path.join(dir, 'bad.json'), '{"tool":"zhibu"}');
    expect(await run(...q3, '--previous', 'bad.json')).toMatchObject({ code: 2, err: expect.stringMatching(/^--previous bad\.json: 不是 zhibu rectify 写出的整改清单/) });
    expect((await run(...q3, '--previous', 'missing.xlsx')).code).toBe(2);
  });

  it('splits by branch: one file per branch plus a summary', async () => {
    const { code, out } = await run(...q3, '--format', 'xlsx', '--split-by', 'branch', '-o', 'out');
    expect(code).toBe(0);
    const files = readdirSync(path.join(dir, 'out')).sort();
    expect(files).toEqual(['hy03-jg-公司机关党支部.xlsx', 'hy03-xm2-第二项目部党支部.xlsx', 'summary.xlsx'].sort());
    expect(out.trim().split('\n')).toHaveLength(3);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(path.join(dir, 'out', 'hy03-xm2-第二项目部党支部.xlsx')) as unknown as ArrayBuffer);
    expect(book.getWorksheet('整改清单')?.getCell('A1').value).toBe('第二项目部党支部 整改清单（2026年第三季度，检查日 2026-10-08）');
  });

  it('takes owners and deadlines from zhibu.config.yaml', async () => {
    writeFileSync(path.join(dir, 'zhibu.config.yaml'), 'rectify:\n  days: { error: 10 }\n  rules:\n    member.dues-monthly: { owner: 组织委员林秀英, days: 5 }\n');
    await run(...q3, '-o', 'list.json');
    const list = JSON.parse(readFileSync(path.join(dir, 'list.json'), 'utf8')) as RectificationList;
    expect(list.items.find((i) => i.rule === 'member.dues-monthly')).toMatchObject({ owner: '组织委员林秀英', deadline: '2026-10-13' });
    expect(list.items.find((i) => i.rule === 'meetings.general-quarterly')).toMatchObject({ deadline: '2026-10-18' });
    writeFileSync(path.join(dir, 'zhibu.config.yaml'), 'rectify:\n  rules:\n    member.dues-montly: { days: 5 }\n');
    expect(await run(...q3)).toMatchObject({ code: 2, err: expect.stringMatching(/rectify\.rules\.member\.dues-montly: 没有这条规则（是否应为 member\.dues-monthly？）/) });
  });

  it('exits 2 on an input error, still writing the list', async () => {
    writeFileSync(path.join(dir, 'records', 'broken.yaml'), 'branch:\n  id: [\n');
    const { code, out, err } = await run(...q3);
    expect(code).toBe(2);
    expect(err).toMatch(/^records\/broken\.yaml:\d+:\d+: /);
    expect(out).toContain('党员罗德明');
  });

  it('shows help with examples', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    expect(out).toContain('--previous <file>');
    expect(out).toContain('zhibu rectify records/ --format xlsx --split-by branch');
    expect(existsSync(path.join(dir, 'list.md'))).toBe(false);
  });
});
