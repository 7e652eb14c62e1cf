import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { loadExcel } from '../rectify/excel.js';
import type { CellValue } from './values.js';

/** One sheet of a ledger: its rows of cells, as read (row 1 first). */
export interface Table {
  /** The workbook's file name as given on the command line. */
  workbook: string;
  /** The sheet's name; null for a CSV file (it has one). */
  sheet: string | null;
  rows: CellValue[][];
}

/** Where a cell is, as people name it: 台账.xlsx!三会一课!F12 (a CSV: 党员.csv!F12). */
export function cellAddress(table: Table, row: number, column: number): string {
  return `${table.workbook}!${table.sheet === null ? '' : `${table.sheet}!`}${columnName(column)}${row}`;
}

/** 1 → A, 27 → AA. */
export function columnName(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Text of a CSV file: UTF-8 (with or without BOM) when it is valid UTF-8, else GB18030 (a superset of GBK), as Excel on a Chinese system writes it. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** Reads a CSV file's rows: every value as text (dates and numbers are read by the columns' own parsers). */
export async function readCsv(workbook: string, bytes: Uint8Array): Promise<Table> {
  const Excel = await loadExcel();
  const book = new Excel.Workbook();
  const sheet = await book.csv.read(Readable.from([decodeCsv(bytes).text]), { map: (value: string) => value } as never);
  return { workbook, sheet: null, rows: rowsOf(sheet) };
}

/** Reads every sheet of an XLSX workbook. */
export async function readXlsx(workbook: string, bytes: Uint8Array): Promise<Table[]> {
  const Excel = await loadExcel();
  const book = new Excel.Workbook();
  await book.xlsx.load(bytes as never);
  return book.worksheets.map((sheet) => ({ workbook, sheet: sheet.name, rows: rowsOf(sheet) }));
}

function rowsOf(sheet: ExcelJS.Worksheet): CellValue[][] {
  const rows: CellValue[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = valueOf(cell.value);
    });
    rows[number - 1] = Array.from(cells, (c) => c ?? null);
  });
  return Array.from(rows, (r) => r ?? []);
}

/** A cell's value without formulas, rich text or hyperlinks: what a person sees. */
function valueOf(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return valueOf(value.result as ExcelJS.CellValue);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return String(value.error);
  }
  return null;
}
