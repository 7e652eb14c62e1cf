import type ExcelJS from 'exceljs';
import { xlsxText, xmlSafe } from '../escape/spreadsheet.js';
import type { Lang } from '../i18n/index.js';
import { loadExcel } from '../rectify/excel.js';
import { stampZip } from '../write/zip.js';
import { border, headerFill, headerRow, printSetup, rowHeight, titleRow } from '../rectify/xlsx.js';
import { points, scoreLabels } from './labels.js';
import { places } from './text.js';
import type { BranchScore, ScoreReport } from './score.js';

const categoryFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
/** Branch sheet columns: 序号, 类别, 分值, 扣分项, 次数, 扣分, 问题位置, 自评分, 考核分. */
const widths = [6, 14, 7, 36, 6, 7, 34, 9, 9];

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters, unique in the book. */
function sheetName(id: string, taken: Set<string>): string {
  const base = xmlSafe(id).replace(/[[\]:*?/\\]/g, '_').slice(0, 28) || 'branch';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}~${n}`;
  taken.add(name.toLowerCase());
  return name;
}

function put(row: ExcelJS.Row, lang: Lang, values: (string | number | ExcelJS.CellFormulaValue | null)[], style: { bold?: boolean; fill?: ExcelJS.Fill } = {}): void {
  values.forEach((value, i) => {
    const cell = row.getCell(i + 1);
    cell.value = typeof value === 'string' ? xlsxText(value, lang) : value;
    cell.border = border;
    cell.alignment = { vertical: 'top', horizontal: typeof value === 'number' || i === 0 ? 'center' : 'left', wrapText: true };
    if (style.bold) cell.font = { bold: true };
    if (style.fill) cell.fill = style.fill;
  });
}

function branchSheet(book: ExcelJS.Workbook, name: string, b: BranchScore, report: ScoreReport): void {
  const l = scoreLabels(report.lang);
  const lang = report.lang;
  const sheet = book.addWorksheet(name);
  sheet.columns = widths.map((width) => ({ width }));
  titleRow(sheet, `${b.name}（${b.branch}）${l.title}  ${report.window.label}`, widths.length, report.lang);
  headerRow(sheet, [l.seq, l.category, l.weight, l.item, l.count, l.points, l.where, l.selfScore, l.assessed]);
  let r = 3;
  const categoryRows: number[] = [];
  b.categories.forEach((c, i) => {
    categoryRows.push(r);
    put(sheet.getRow(r++), lang, [i + 1, c.category, c.weight, '', '', c.weight === c.score ? 0 : Number(points(c.weight - c.score)), '', null, c.score], { bold: true, fill: categoryFill });
    for (const d of c.deductions) {
      const row = sheet.getRow(r++);
      const where = places(d.locations).join('\n');
      put(row, lang, ['', '', '', `${d.title}\n${d.rule}`, d.count, d.points, where, null, '']);
      row.height = rowHeight([{ text: `${d.title}\n${d.rule}`, width: widths[3] as number }, { text: where, width: widths[6] as number }]);
    }
  });
  // 自评分 is typed in by the branch; its total fills in once a category has one.
  const cells = categoryRows.map((n) => `H${n}`).join(',');
  const self: ExcelJS.CellFormulaValue = { formula: `IF(COUNT(${cells})=0,"",SUM(${cells}))`, date1904: false };
  put(sheet.getRow(r++), lang, ['', report.lang === 'zh' ? '合计' : 'Total', 100, '', '', Number(points(100 - b.total)), '', self, b.total], { bold: true, fill: headerFill });
  const gradeText = b.veto ? `${b.grade}（${l.veto}：${b.veto.join('、')}）` : b.grade;
  put(sheet.getRow(r++), lang, ['', l.grade, '', gradeText, '', '', '', '', b.rank === 0 ? '' : `${l.rank} ${b.rank}`], { bold: true });
  sheet.mergeCells(r - 1, 4, r - 1, 8);
  if (b.pending.length > 0) {
    const text = b.pending.map((p) => `${p.message}${p.daysLeft === null ? '' : `（${l.daysLeft(p.daysLeft)}）`}  ${p.file}:${p.line}`).join('\n');
    put(sheet.getRow(r), lang, ['', l.pending, '', text, '', '', '', '', '']);
    sheet.mergeCells(r, 4, r, 9);
    sheet.getRow(r).height = rowHeight([{ text, width: 80 }]);
    r++;
  }
  r++;
  sheet.mergeCells(r, 1, r, widths.length);
  sheet.getCell(r, 1).value = l.signature;
  sheet.getCell(r, 1).alignment = { horizontal: 'left' };
  printSetup(sheet, report.lang);
}

function summarySheet(book: ExcelJS.Workbook, report: ScoreReport): void {
  const l = scoreLabels(report.lang);
  const lang = report.lang;
  const sheet = book.addWorksheet(l.summarySheet);
  const categories = report.branches[0]?.categories ?? [];
  const headers = [l.rank, l.branchId, l.name, ...categories.map((c) => `${c.category}\n(${c.weight})`), l.total, l.grade, l.veto];
  sheet.columns = headers.map((_, i) => ({ width: i === 2 ? 26 : i === 1 ? 14 : i < 3 ? 6 : 10 }));
  titleRow(sheet, `${report.window.label} ${l.title}（${l.summarySheet}）`, headers.length, report.lang);
  headerRow(sheet, headers);
  sheet.getRow(2).height = 36;
  report.branches.forEach((b, i) => put(sheet.getRow(i + 3), lang, [b.rank, b.branch, b.name, ...b.categories.map((c) => c.score), b.total, b.grade, b.veto?.join('\n') ?? '']));
  printSetup(sheet, report.lang);
}

/** 考核评分表 as XLSX: the 汇总 ranking sheet, then one print-ready sheet per branch (category rows, deduction lines, 自评分/考核分). */
export async function formatScoreXlsx(report: ScoreReport): Promise<Uint8Array> {
  const book = new (await loadExcel()).Workbook();
  const day = new Date(`${report.asOf}T00:00:00Z`);
  book.creator = 'zhibu';
  book.created = day;
  book.modified = day;
  book.title = xmlSafe(`${report.window.label} ${scoreLabels(report.lang).title}`);
  book.subject = 'zhibu score';
  summarySheet(book, report);
  const taken = new Set([scoreLabels(report.lang).summarySheet.toLowerCase()]);
  for (const b of [...report.branches].sort((x, y) => (x.branch < y.branch ? -1 : 1))) branchSheet(book, sheetName(b.branch, taken), b, report);
  return stampZip(new Uint8Array(await book.xlsx.writeBuffer()), report.asOf);
}
