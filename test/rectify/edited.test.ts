import ExcelJS from 'exceljs';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RectificationItem, RectificationList } from '../../src/rectify/list.js';
import { readPreviousXlsx } from '../../src/rectify/previous.js';
import { runCli } from '../support/cli.js';
import { root } from '../support/fixtures.js';

/**
 * A branch works on the XLSX list as people do in Excel or WPS: it sets 状态 to 已整改 on rows it
 * believes done, fills in 整改完成情况 (text, or a date typed as a date) and 备注, extends one
 * 整改时限, deletes the 依据 column it does not need and sorts the rows by problem. The next
 * check over the same records, with that workbook as --previous, carries every edit.
 */
const Q3 = ['--period', '2026Q3'];
let dir: string;
let first: RectificationList;
let next: RectificationList;
let nextSheet: ExcelJS.Worksheet;

const byRule = (list: RectificationList, rule: string) => list.items.find((i) => i.rule === rule) as RectificationItem;
const readJson = (file: string) => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as RectificationList;

async function openBook(file: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path.join(dir, file));
  return book;
}

/** The column under a header text in row 2 (found by text, as the reader finds it). */
function column(sheet: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  sheet.getRow(2).eachCell((cell, col) => {
    if (cell.value === header) found = col;
  });
  if (!found) throw new Error(`no column ${header}`);
  return found;
}

/** The data row whose hidden 编号 is `id`. */
function rowOf(sheet: ExcelJS.Worksheet, id: string, idHeader = '编号'): ExcelJS.Row {
  const idColumn = column(sheet, idHeader);
  for (let r = 3; r <= sheet.rowCount; r++) if (sheet.getCell(r, idColumn).value === id) return sheet.getRow(r);
  throw new Error(`no row ${id}`);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'zhibu-edited-'));
  cpSync(path.join(root, 'fixtures', 'demo'), path.join(dir, 'records'), { recursive: true });
  for (const output of ['first.xlsx', 'first.json']) expect((await runCli(['rectify', 'records', ...Q3, '--as-of', '2026-10-08', '-o', output], dir, '2026-10-08')).code).toBe(0);
  first = readJson('first.json');

  const book = await openBook('first.xlsx');
  const sheet = book.getWorksheet('整改清单') as ExcelJS.Worksheet;
  const edit = (rule: string, header: string, value: ExcelJS.CellValue) => {
    rowOf(sheet, byRule(first, rule).id).getCell(column(sheet, header)).value = value;
  };
  // Marked done, with what was done and when; the check will still find both.
  edit('meetings.general-quorum', '状态', '已整改');
  edit('meetings.general-quorum', '整改完成情况', '2026年10月20日重新召开支部党员大会，补作决议');
  edit('meetings.general-quorum', '备注', '组织委员负责');
  edit('member.dues-monthly', '状态', '已整改');
  edit('member.dues-monthly', '整改完成情况', new Date(Date.UTC(2026, 9, 25)));
  // The committee extended one deadline; another row only got a note.
  edit('org.term-expired', '整改时限', new Date(Date.UTC(2027, 2, 31)));
  edit('org.term-expired', '备注', '公司党委同意延期至2027年一季度换届');
  edit('meetings.committee-monthly', '备注', '已约谈支部书记');

  // Drop the 依据 column, then sort the rows by problem, descending, hidden columns moving with them.
  sheet.spliceColumns(column(sheet, '依据'), 1);
  const problem = column(sheet, '问题');
  const rows = [];
  // `values` is 1-based (index 0 empty); an array assigned back starts at column A.
  for (let r = 3; r <= sheet.rowCount; r++) rows.push((sheet.getRow(r).values as ExcelJS.CellValue[]).slice(1));
  rows.sort((a, b) => String(b[problem - 1]).localeCompare(String(a[problem - 1]), 'zh'));
  rows.forEach((values, i) => (sheet.getRow(i + 3).values = values));
  await book.xlsx.writeFile(path.join(dir, 'edited.xlsx'));

  // The next check: same records, later day (the first deadlines have passed).
  for (const output of ['next.json', 'next.xlsx']) {
    const run = await runCli(['rectify', 'records', ...Q3, '--as-of', '2026-11-20', '--previous', 'edited.xlsx', '-o', output], dir, '2026-11-20');
    expect([run.code, run.err]).toEqual([0, '']);
  }
  next = readJson('next.json');
  nextSheet = (await openBook('next.xlsx')).getWorksheet('整改清单') as ExcelJS.Worksheet;
});

describe('an XLSX list edited by a branch, read back with --previous', () => {
  it('the edit really re-sorted the rows and dropped a column', async () => {
    const sheet = (await openBook('edited.xlsx')).getWorksheet('整改清单') as ExcelJS.Worksheet;
    const ids = [];
    for (let r = 3; r <= sheet.rowCount; r++) ids.push(sheet.getCell(r, column(sheet, '编号')).value);
    expect(ids).not.toEqual(first.items.map((i) => i.id));
    expect(new Set(ids)).toEqual(new Set(first.items.map((i) => i.id)));
    expect(() => column(sheet, '依据')).toThrow();
  });

  it('turns a row marked 已整改 but still found into 整改未到位 with its original deadline, never 新增', () => {
    const quorum = byRule(next, 'meetings.general-quorum');
    const original = byRule(first, 'meetings.general-quorum');
    expect(quorum).toMatchObject({ id: original.id, status: 'reopened', deadline: original.deadline, listed: '2026-10-08' });
    expect(quorum.previous).toMatchObject({ status: 'fixed', markedFixed: true, fixedOn: '2026-10-20', checked: '2026-10-08' });
    // Overdue logic still applies: the original deadline has passed.
    expect(quorum.overdueDays).toBeGreaterThan(0);
    expect(next.items.some((i) => i.status === 'new')).toBe(false);
  });

  it('says when it was marked done, and keeps what the branch wrote', () => {
    const quorum = rowOf(nextSheet, byRule(next, 'meetings.general-quorum').id);
    const cell = (header: string) => quorum.getCell(column(nextSheet, header)).value;
    expect(cell('状态')).toBe('整改未到位');
    expect(cell('复查情况')).toMatch(/^支部标为已整改（2026-10-20完成），2026-11-20复查仍发现；2026-10-08列入清单；已逾期\d+天$/);
    expect(cell('整改完成情况')).toBe('2026年10月20日重新召开支部党员大会，补作决议');
    expect(cell('备注')).toBe('组织委员负责');
  });

  it('reads a date typed into 整改完成情况 as the day it was marked done', () => {
    const dues = byRule(next, 'member.dues-monthly');
    expect(dues).toMatchObject({ status: 'reopened', deadline: byRule(first, 'member.dues-monthly').deadline, completion: '2026-10-25', previous: { fixedOn: '2026-10-25', markedFixed: true } });
  });

  it('keeps an extended deadline and a note', () => {
    expect(byRule(next, 'org.term-expired')).toMatchObject({ status: 'open', deadline: '2027-03-31', overdueDays: 0, note: '公司党委同意延期至2027年一季度换届' });
    expect(byRule(next, 'meetings.committee-monthly')).toMatchObject({ status: 'overdue', deadline: byRule(first, 'meetings.committee-monthly').deadline, note: '已约谈支部书记' });
  });

  it('keeps every other row 逾期 with its original deadline', () => {
    const edited = new Set(['meetings.general-quorum', 'member.dues-monthly', 'org.term-expired']);
    const rest = first.items.filter((i) => !edited.has(i.rule));
    expect(rest.length).toBeGreaterThan(0);
    for (const item of rest) expect(next.items.find((i) => i.id === item.id)).toMatchObject({ status: 'overdue', deadline: item.deadline, listed: '2026-10-08' });
    expect(next.items).toHaveLength(first.items.length);
  });

  it('carries the notes and 整改完成情况 on into the list after next', async () => {
    const again = await readPreviousXlsx(readFileSync(path.join(dir, 'next.xlsx')));
    const quorum = again.items.find((i) => i.id === byRule(next, 'meetings.general-quorum').id);
    expect(quorum).toMatchObject({ status: 'reopened', completion: '2026年10月20日重新召开支部党员大会，补作决议', note: '组织委员负责', fixedOn: null });
    expect(again.items.find((i) => i.id === byRule(next, 'org.term-expired').id)).toMatchObject({ deadline: '2027-03-31', note: '公司党委同意延期至2027年一季度换届' });
  });

  it('keeps the print layout: the status drop-down offers 整改未到位, the header is frozen', () => {
    expect(nextSheet.getCell(3, column(nextSheet, '状态')).dataValidation).toMatchObject({ type: 'list', formulae: ['"新增,待整改,逾期,整改未到位,已整改"'] });
    expect(nextSheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(nextSheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1 });
  });
});

describe('an XLSX list written before 复查情况 existed', () => {
  it('does not take zhibu’s old remarks under 备注 for the branch’s note', async () => {
    const book = await openBook('first.xlsx');
    const sheet = book.getWorksheet('整改清单') as ExcelJS.Worksheet;
    sheet.spliceColumns(column(sheet, '复查情况'), 1);
    sheet.getCell(3, column(sheet, '备注')).value = '2026-10-08列入清单；已逾期13天';
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    writeFileSync(path.join(dir, 'old.xlsx'), bytes);
    const old = await readPreviousXlsx(bytes);
    expect(old.items.length).toBe(first.items.length);
    expect(old.items.every((i) => i.note === '')).toBe(true);
  });
});

describe('an English list edited by a branch', () => {
  it('is read by its English headers and carries the edits the same way', async () => {
    expect((await runCli(['rectify', 'records', ...Q3, '--as-of', '2026-10-08', '--lang', 'en', '-o', 'en.xlsx'], dir, '2026-10-08')).code).toBe(0);
    const book = await openBook('en.xlsx');
    const sheet = book.getWorksheet('Rectification list') as ExcelJS.Worksheet;
    const quorum = rowOf(sheet, byRule(first, 'meetings.general-quorum').id, 'ID');
    quorum.getCell(column(sheet, 'Status')).value = 'Fixed';
    quorum.getCell(column(sheet, 'Action taken')).value = 'Held the meeting again on 2026-10-21';
    quorum.getCell(column(sheet, 'Note')).value = 'ask the organiser';
    // Typed rather than chosen from the drop-down: 已销号 is what many committees call it.
    rowOf(sheet, byRule(first, 'member.dues-monthly').id, 'ID').getCell(column(sheet, 'Status')).value = '已销号';
    await book.xlsx.writeFile(path.join(dir, 'en-edited.xlsx'));
    const run = await runCli(['rectify', 'records', ...Q3, '--as-of', '2026-11-20', '--lang', 'en', '--previous', 'en-edited.xlsx', '-o', 'en-next.xlsx'], dir, '2026-11-20');
    expect([run.code, run.err]).toEqual([0, '']);
    const nextEn = (await openBook('en-next.xlsx')).getWorksheet('Rectification list') as ExcelJS.Worksheet;
    const row = rowOf(nextEn, byRule(first, 'meetings.general-quorum').id, 'ID');
    const cell = (header: string) => row.getCell(column(nextEn, header)).value;
    expect([cell('Status'), cell('Action taken'), cell('Note')]).toEqual(['Reopened', 'Held the meeting again on 2026-10-21', 'ask the organiser']);
    expect(cell('Re-check')).toMatch(/^marked fixed by the branch \(done 2026-10-21\), still found on 2026-11-20; listed 2026-10-08; \d+ days overdue$/);
    expect(rowOf(nextEn, byRule(first, 'member.dues-monthly').id, 'ID').getCell(column(nextEn, 'Status')).value).toBe('Reopened');
  });
});
