import { defuseFormula } from '../escape/spreadsheet.js';
import { columnKeys, itemCells, labels, summaryKeys, summaryRows, uncheckedNote, type ColumnKey } from './labels.js';
import type { RectificationList } from './list.js';

const BOM = '\uFEFF';

/** RFC 4180 field: quoted when it holds a comma, quote or line break; text a spreadsheet would take for a formula is defused. */
export function csvField(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : defuseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const csv = (rows: (string | number)[][]) => BOM + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';

/** CSV columns: everything but the first-listed and found-fixed dates (kept in JSON and XLSX). */
const csvColumns: ColumnKey[] = columnKeys.filter((k) => k !== 'listed' && k !== 'fixedOn');

/**
 * The list as CSV for Excel: UTF-8 with BOM, CRLF, RFC 4180 quoting. One rectangular table;
 * reminders (提醒清单) follow the problems with the status 提醒.
 */
export function formatRectificationCsv(list: RectificationList): string {
  const l = labels(list.lang);
  const rows = [...list.items, ...list.reminders].map((item) => {
    const cells = itemCells(item, list);
    return csvColumns.map((k) => cells[k]);
  });
  return csv([csvColumns.map((k) => l.columns[k]), ...rows, ...noteRow(list, csvColumns.length)]);
}

/** A last row saying which records were not checked, as wide as the table (none when all were). */
function noteRow(list: RectificationList, width: number): string[][] {
  const note = uncheckedNote(list);
  return note ? [[note, ...Array<string>(width - 1).fill('')]] : [];
}

/** The summary file of --split-by branch as CSV. */
export function formatSummaryCsv(list: RectificationList): string {
  const l = labels(list.lang);
  return csv([summaryKeys.map((k) => l.summary[k]), ...summaryRows(list).map((r) => summaryKeys.map((k) => r[k])), ...noteRow(list, summaryKeys.length)]);
}
