import type ExcelJS from 'exceljs';
import { loadExcel } from './excel.js';
import { xlsxText, xmlSafe } from '../escape/spreadsheet.js';
import { stampZip } from '../write/zip.js';
import { columnKeys, itemCells, labels, listTitle, summaryKeys, summaryRows, uncheckedNote, type ColumnKey } from './labels.js';
import type { ItemStatus, RectificationItem, RectificationList } from './list.js';

type Worksheet = ExcelJS.Worksheet;

/**
 * Column widths in characters, about 180 visible in all: fit to one A4 landscape page wide they print
 * at about three quarters of full size. `id`, `listed`, `fixedOn` and `severity` are hidden, for reading the list back.
 */
const widths: Record<ColumnKey | 'severity', number> = {
  seq: 6,
  branch: 14,
  problem: 34,
  basis: 20,
  remedy: 24,
  owner: 10,
  deadline: 12,
  status: 12,
  remark: 18,
  completion: 20,
  note: 14,
  id: 40,
  listed: 12,
  fixedOn: 12,
  severity: 8,
};
const hidden = new Set<string>(['id', 'listed', 'fixedOn', 'severity']);
/** The severity column's header (hidden, for machines). */
export const SEVERITY_HEADER = 'severity';

const thin = { style: 'thin' as const, color: { argb: 'FF808080' } };
export const border = { top: thin, left: thin, bottom: thin, right: thin };
export const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const statusColor: Partial<Record<ItemStatus, string>> = { overdue: 'FFC00000', reopened: 'FFC00000', fixed: 'FF00803C', new: 'FF1F4E79' };

/** Display width of text in Excel character units: CJK about 2, Latin about 1.1. */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1.1;
  return width;
}

/** A row height that shows every wrapped line (Excel and WPS do not always re-measure on open). */
export function rowHeight(cells: { text: string; width: number }[]): number {
  const lines = Math.max(1, ...cells.map((c) => c.text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / Math.max(1, c.width - 1))), 0)));
  return Math.max(20, lines * 15 + 5);
}

/** Landscape A4, fit to one page wide, the title and header rows repeated on every printed page. */
export function printSetup(sheet: Worksheet, lang: RectificationList['lang']): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: '1:2',
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = { oddFooter: lang === 'zh' ? '&C第 &P 页，共 &N 页' : '&CPage &P of &N' };
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 2, topLeftCell: 'A3', activeCell: 'A3' }];
}

/** The merged title row; a `note` (records left unchecked) goes under the title, in red. */
export function titleRow(sheet: Worksheet, title: string, span: number, lang: RectificationList['lang'], note = ''): void {
  sheet.mergeCells(1, 1, 1, span);
  const cell = sheet.getCell(1, 1);
  cell.value = note ? { richText: [{ text: xlsxText(title, lang), font: { bold: true, size: 14 } }, { text: `\n${xlsxText(note, lang)}`, font: { bold: true, size: 11, color: { argb: 'FFC00000' } } }] } : xlsxText(title, lang);
  cell.font = { bold: true, size: 14 };
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  // About 60 CJK characters to a line of the merged title across the visible columns.
  sheet.getRow(1).height = note ? 30 + 16 * Math.ceil(note.length / 60) : 30;
}

export function headerRow(sheet: Worksheet, headers: string[]): void {
  const row = sheet.getRow(2);
  headers.forEach((text, i) => {
    const cell = row.getCell(i + 1);
    cell.value = text;
    cell.font = { bold: true };
    cell.fill = headerFill;
    cell.border = border;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  row.height = 22;
}

function listSheet(book: ExcelJS.Workbook, name: string, title: string, items: RectificationItem[], list: RectificationList, keys: ColumnKey[]): Worksheet {
  const l = labels(list.lang);
  const all = [...keys, 'id', 'listed', 'fixedOn', 'severity'] as const;
  const sheet = book.addWorksheet(name);
  sheet.columns = all.map((k) => ({ key: k, width: widths[k], hidden: hidden.has(k) }));
  const visible = keys.length;
  titleRow(sheet, title, visible, list.lang, uncheckedNote(list));
  headerRow(sheet, all.map((k) => (k === 'severity' ? SEVERITY_HEADER : l.columns[k])));
  items.forEach((item, index) => {
    const cells = itemCells(item, list);
    const row = sheet.getRow(index + 3);
    all.forEach((k, i) => {
      const cell = row.getCell(i + 1);
      cell.value = k === 'seq' ? item.seq : k === 'severity' ? item.severity : xlsxText(cells[k], list.lang);
      cell.border = border;
      const centered = k === 'seq' || k === 'owner' || k === 'deadline' || k === 'status';
      cell.alignment = { vertical: 'top', horizontal: centered ? 'center' : 'left', wrapText: true };
      const color = k === 'status' ? statusColor[item.status] : undefined;
      if (color) cell.font = { color: { argb: color }, bold: item.status === 'overdue' || item.status === 'reopened' };
    });
    row.height = rowHeight(keys.map((k) => ({ text: cells[k], width: widths[k] })));
  });
  const statusColumn = keys.indexOf('status') + 1;
  if (statusColumn > 0 && items.length > 0) {
    // Staff update the status in the sheet: offer the list's own values.
    const choices = (['new', 'open', 'overdue', 'reopened', 'fixed'] as const).map((s) => l.status[s]).join(',');
    for (let r = 3; r < items.length + 3; r++) sheet.getCell(r, statusColumn).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${choices}"`] };
  }
  printSetup(sheet, list.lang);
  return sheet;
}

function summarySheet(book: ExcelJS.Workbook, list: RectificationList): Worksheet {
  const l = labels(list.lang);
  const sheet = book.addWorksheet(l.summarySheet);
  sheet.columns = summaryKeys.map((k) => ({ key: k, width: k === 'branch' ? 30 : 10 }));
  titleRow(sheet, listTitle(list, 'summary'), summaryKeys.length, list.lang, uncheckedNote(list));
  headerRow(sheet, summaryKeys.map((k) => l.summary[k]));
  const rows = summaryRows(list);
  rows.forEach((values, index) => {
    const row = sheet.getRow(index + 3);
    summaryKeys.forEach((k, i) => {
      const cell = row.getCell(i + 1);
      const value = values[k];
      cell.value = typeof value === 'string' ? xlsxText(value, list.lang) : value;
      cell.border = border;
      cell.alignment = { vertical: 'middle', horizontal: k === 'branch' ? 'left' : 'center', wrapText: true };
      if (index === rows.length - 1) cell.font = { bold: true };
    });
  });
  printSetup(sheet, list.lang);
  return sheet;
}

async function workbook(list: RectificationList): Promise<ExcelJS.Workbook> {
  const book = new (await loadExcel()).Workbook();
  const day = new Date(`${list.asOf}T00:00:00Z`);
  book.creator = 'zhibu';
  book.lastModifiedBy = 'zhibu';
  book.created = day;
  book.modified = day;
  book.title = xmlSafe(listTitle(list));
  book.subject = 'zhibu rectification-list';
  // Read back by --previous: the check day and window (the sheet shows them only in words).
  book.description = JSON.stringify({ tool: 'zhibu', kind: 'rectification-list', asOf: list.asOf, window: list.window, lang: list.lang });
  return book;
}

/** The workbook's bytes, the same for the same list (the archive's times are the check day's). */
const bytes = async (book: ExcelJS.Workbook, list: RectificationList) => stampZip(new Uint8Array(await book.xlsx.writeBuffer()), list.asOf);

/** Main list columns (visible), in order. */
const listColumns: ColumnKey[] = columnKeys.filter((k) => !hidden.has(k));

/**
 * The list as XLSX for Excel and WPS: sheet 整改清单 (title row, styled header, wrapped cells,
 * frozen header, landscape A4 with the header repeated on each page), 提醒清单 when there are
 * reminders, and 汇总 (problems per branch by severity).
 */
export async function formatRectificationXlsx(list: RectificationList): Promise<Uint8Array> {
  const l = labels(list.lang);
  const book = await workbook(list);
  listSheet(book, l.list, listTitle(list), list.items, list, listColumns);
  if (list.reminders.length > 0) listSheet(book, l.reminders, listTitle(list, 'reminders'), list.reminders, list, ['seq', 'branch', 'problem', 'remedy', 'owner', 'deadline']);
  summarySheet(book, list);
  return bytes(book, list);
}

/** The summary file of --split-by branch as XLSX. */
export async function formatSummaryXlsx(list: RectificationList): Promise<Uint8Array> {
  const book = await workbook(list);
  summarySheet(book, list);
  return bytes(book, list);
}
