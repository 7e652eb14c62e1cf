import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatRectificationJson } from '../../src/rectify/json.js';
import { buildRectificationList } from '../../src/rectify/list.js';
import { parsePreviousList, readPreviousXlsx } from '../../src/rectify/previous.js';
import { formatRectificationXlsx, formatSummaryXlsx } from '../../src/rectify/xlsx.js';
import { branches, organizations, report } from './fixture.js';
import { firstList, recheckList } from './sample.js';

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return book;
}

describe('XLSX', () => {
  let book: ExcelJS.Workbook;
  let sheet: ExcelJS.Worksheet;
  beforeAll(async () => {
    book = await open(await formatRectificationXlsx(firstList));
    sheet = book.getWorksheet('整改清单') as ExcelJS.Worksheet;
  });

  it('has the list, the reminders and the summary sheets', () => {
    expect(book.worksheets.map((s) => s.name)).toEqual(['整改清单', '提醒清单', '汇总']);
  });

  it('has a merged bold title row', () => {
    expect(sheet.getCell('A1').value).toBe('XX公司党委 整改清单（2026年第三季度，检查日 2026-10-08）');
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('K1').isMerged).toBe(true);
    expect(sheet.getCell('K1').master.address).toBe('A1');
    expect(sheet.getCell('L1').isMerged).toBe(false);
  });

  it('has a styled header: bold, filled, bordered', () => {
    expect(sheet.getRow(2).values).toEqual([undefined, '序号', '支部', '问题', '依据', '整改措施', '责任人', '整改时限', '状态', '复查情况', '整改完成情况', '备注', '编号', '列入日期', '确认整改日期', 'severity']);
    const header = sheet.getCell('C2');
    expect(header.font?.bold).toBe(true);
    expect(header.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } });
    expect(header.border?.top?.style).toBe('thin');
  });

  it('writes one row per problem, grouped rows included', () => {
    const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1, 12);
    expect(row(3)).toEqual([1, 'XX公司党委（corp）', '2026年第三季度领导干部赵六未参加联系点活动（pb-003，要求至少1次，实际0次）', '企业党员领导干部联系基层党支部制度', '安排该领导干部参加联系党支部（党小组）的组织生活或活动', '赵六', '2026-12-07', '待整改', '', '', '']);
    expect(sheet.getCell('C8').value).toBe('2026年7月、8月、9月党员王五未交纳党费');
    expect(sheet.getCell('L8').value).toBe('member.dues-monthly|pb-003|2026-07,2026-08,2026-09|王五');
    expect(sheet.getCell('A10').value).toBeNull();
  });

  it('sets sensible widths, wraps text and hides the machine columns', () => {
    expect(sheet.columns.map((c) => c.width)).toEqual([6, 14, 34, 20, 24, 10, 12, 12, 18, 20, 14, 40, 12, 12, 8]);
    expect(sheet.columns.map((c) => c.hidden ?? false)).toEqual([...Array<boolean>(11).fill(false), true, true, true, true]);
    // Fit to one A4 landscape page wide, the visible columns print at about three quarters of full size.
    expect(sheet.columns.filter((c) => !c.hidden).reduce((sum, c) => sum + (c.width ?? 0), 0)).toBeLessThanOrEqual(185);
    expect(sheet.getCell('C3').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(sheet.getRow(3).height).toBeGreaterThanOrEqual(35);
  });

  it('freezes the title and header', () => {
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  });

  it('prints landscape on A4, fit to width, the header rows on every page', () => {
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' });
    expect(sheet.headerFooter.oddFooter).toBe('&C第 &P 页，共 &N 页');
  });

  it('offers the status values as a list', () => {
    expect(sheet.getCell('H3').dataValidation).toMatchObject({ type: 'list', formulae: ['"新增,待整改,逾期,整改未到位,已整改"'] });
  });

  it('lists reminders on their own sheet', () => {
    const reminders = book.getWorksheet('提醒清单') as ExcelJS.Worksheet;
    expect(reminders.getCell('A1').value).toBe('XX公司党委 提醒清单（2026年第三季度，检查日 2026-10-08）');
    expect((reminders.getRow(3).values as unknown[]).slice(1, 7)).toEqual([1, '第一项目部党支部（pb-001）', '2026年10月党员孙七尚未交纳党费（还剩23天）', '督促党员按月交纳党费，并在党员名册中逐月登记交纳情况', '张三', '2026-10-31']);
    expect(reminders.pageSetup.printTitlesRow).toBe('1:2');
  });

  it('summarises problems per branch by severity', () => {
    const summary = book.getWorksheet('汇总') as ExcelJS.Worksheet;
    expect(summary.getCell('A1').value).toBe('XX公司党委 整改清单汇总（2026年第三季度，检查日 2026-10-08）');
    expect(summary.getCell('K1').isMerged).toBe(true);
    const rows = [2, 3, 4, 5, 6].map((n) => (summary.getRow(n).values as unknown[]).slice(1));
    expect(rows).toEqual([
      ['支部', '错误', '警告', '提示', '合计', '新增', '待整改', '逾期', '整改未到位', '已整改', '提醒'],
      ['XX公司党委（corp）', 1, 1, 0, 2, 0, 2, 0, 0, 0, 0],
      ['第一项目部党支部（pb-001）', 1, 0, 0, 1, 0, 1, 0, 0, 0, 1],
      ['第三项目部党支部（pb-003）', 2, 2, 0, 4, 0, 4, 0, 0, 0, 0],
      ['合计', 4, 3, 0, 7, 0, 7, 0, 0, 0, 1],
    ]);
    expect(summary.getCell('A6').font?.bold).toBe(true);
    expect(summary.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9 });
    expect(summary.columns[0]?.width).toBe(30);
  });

  it('writes the status of a re-check, and the summary file alone', async () => {
    const recheck = await open(await formatRectificationXlsx(recheckList()));
    const statuses = (recheck.getWorksheet('整改清单') as ExcelJS.Worksheet).getColumn(8).values.slice(3);
    expect(statuses).toEqual(['逾期', '已整改', '逾期', '新增', '逾期', '待整改', '已整改', '已整改']);
    const summaryOnly = await open(await formatSummaryXlsx(firstList));
    expect(summaryOnly.worksheets.map((s) => s.name)).toEqual(['汇总']);
  });

  it('writes an empty list with its header', async () => {
    const empty = buildRectificationList({ report: report([]), branches: branches(), organizations, asOf: '2026-10-08', policy: {}, includePending: true });
    const emptyBook = await open(await formatRectificationXlsx(empty));
    expect(emptyBook.worksheets.map((s) => s.name)).toEqual(['整改清单', '汇总']);
    expect((await readPreviousXlsx(await formatRectificationXlsx(empty))).items).toEqual([]);
  });
});

describe('reading an XLSX list back (--previous)', () => {
  it('gives what the JSON gives', async () => {
    const list = recheckList();
    const fromXlsx = await readPreviousXlsx(await formatRectificationXlsx(list));
    const fromJson = parsePreviousList(formatRectificationJson(list));
    expect(fromXlsx.asOf).toBe('2026-11-20');
    expect(fromXlsx.window).toEqual(fromJson.window);
    const strip = (items: typeof fromJson.items) => items.map(({ category: _c, fixedOn: _f, ...rest }) => ({ ...rest, findingIds: [...rest.findingIds].sort() }));
    expect(strip(fromXlsx.items)).toEqual(strip(fromJson.items));
  });

  it('keeps a deadline and status edited in Excel', async () => {
    const book = await open(await formatRectificationXlsx(firstList));
    const sheet = book.getWorksheet('整改清单') as ExcelJS.Worksheet;
    sheet.getCell('G3').value = new Date('2026-12-31T00:00:00Z');
    sheet.getCell('G4').value = new Date('2027-01-15T00:00:00Z');
    sheet.getCell('G4').numFmt = 'yyyy-mm-dd';
    sheet.getCell('H4').value = '已整改';
    book.description = '';
    const edited = await readPreviousXlsx(new Uint8Array(await book.xlsx.writeBuffer()));
    expect(edited.asOf).toBe('2026-10-08');
    expect(edited.window).toBeNull();
    expect(edited.items[0]).toMatchObject({ deadline: '2026-12-31', status: 'open' });
    expect(edited.items[1]).toMatchObject({ deadline: '2027-01-15', status: 'fixed' });
  });

  it('rejects what is not a list', async () => {
    await expect(readPreviousXlsx(new TextEncoder().encode('not a zip'))).rejects.toThrow(/不是有效的 XLSX/);
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').getCell('A1').value = 'hello';
    await expect(readPreviousXlsx(new Uint8Array(await other.xlsx.writeBuffer()))).rejects.toThrow(/找不到整改清单工作表/);
  });
});
