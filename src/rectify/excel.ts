import type ExcelJS from 'exceljs';

/** exceljs takes about 70 ms to load: it is loaded only when an XLSX is written or read, not on every run. */
export async function loadExcel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}
