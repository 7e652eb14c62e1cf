// Regenerates the README's screenshots (docs/img/*.png) from the demo records:
//   npm run build && node scripts/screenshots.mjs
// Needs Debian's chromium and a CJK font (apt-get install -y chromium fonts-wqy-microhei).
// The 考核评分表 is drawn from the XLSX itself, read back with exceljs: cells, merges, widths, fills.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { chromium } from 'playwright-core';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { main } = await import(path.join(root, 'dist/cli.js'));
const dir = mkdtempSync(path.join(tmpdir(), 'zhibu-shots-'));
const sink = { write() { return true; } };
const run = (argv) => main({ argv, stdout: sink, stderr: sink, cwd: root, env: {}, today: '2026-11-15' });
const demo = ['fixtures/demo', '--period', '2026', '--as-of', '2026-11-15'];
await run(['score', ...demo, '-o', path.join(dir, 'score.html')]);
await run(['score', ...demo, '-o', path.join(dir, 'score.xlsx')]);

const escape = (text) => String(text).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
/** One sheet as an HTML table that looks like a spreadsheet (gridlines, merges, widths, fills, bold). */
function sheetHtml(sheet) {
  const skip = new Set();
  const spans = new Map();
  for (const range of sheet.model.merges ?? []) {
    const [a, b] = range.split(':').map((ref) => sheet.getCell(ref));
    spans.set(`${a.row}:${a.col}`, { rows: b.row - a.row + 1, cols: b.col - a.col + 1 });
    for (let r = a.row; r <= b.row; r++) for (let c = a.col; c <= b.col; c++) if (r !== a.row || c !== a.col) skip.add(`${r}:${c}`);
  }
  const cols = sheet.columns.map((c) => Math.round((c.width ?? 9) * 7.5));
  let html = `<table><colgroup>${cols.map((w) => `<col style="width:${w}px">`).join('')}</colgroup>`;
  for (let r = 1; r <= sheet.rowCount; r++) {
    html += '<tr>';
    for (let c = 1; c <= cols.length; c++) {
      if (skip.has(`${r}:${c}`)) continue;
      const cell = sheet.getCell(r, c);
      const span = spans.get(`${r}:${c}`);
      const value = cell.value && typeof cell.value === 'object' && 'formula' in cell.value ? '' : cell.value ?? '';
      const fill = cell.fill?.fgColor?.argb ? `background:#${cell.fill.fgColor.argb.slice(2)};` : '';
      const style = `${fill}${cell.font?.bold ? 'font-weight:bold;' : ''}${cell.font?.size ? `font-size:${cell.font.size}px;` : ''}text-align:${cell.alignment?.horizontal ?? 'left'}`;
      html += `<td style="${style}"${span ? ` rowspan="${span.rows}" colspan="${span.cols}"` : ''}>${escape(value).replace(/\n/g, '<br>')}</td>`;
    }
    html += '</tr>';
  }
  return `<!doctype html><meta charset="utf-8"><style>body{margin:12px;font:12px "WenQuanYi Micro Hei",sans-serif}table{border-collapse:collapse;table-layout:fixed}td{border:1px solid #c8c8c8;padding:3px 4px;vertical-align:top}</style><p style="color:#555">${escape(sheet.name)}</p>${html}</table>`;
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1200, height: 760 } });
await page.goto(`file://${path.join(dir, 'score.html')}`);
await page.waitForSelector('body[data-ready]');
await page.screenshot({ path: path.join(root, 'docs/img/html-overview.png') });
await page.evaluate("document.getElementById('heatmap').scrollIntoView()");
await page.screenshot({ path: path.join(root, 'docs/img/html-heatmap.png') });
await page.evaluate("location.hash = '#branch=hy01-xm2'");
await page.waitForSelector('#branch-view .branch-page');
await page.screenshot({ path: path.join(root, 'docs/img/html-branch.png') });
const book = new ExcelJS.Workbook();
await book.xlsx.load(readFileSync(path.join(dir, 'score.xlsx')));
for (const [name, file] of [['hy01-xm2', 'xlsx-branch.png'], [book.worksheets[0].name, 'xlsx-summary.png']]) {
  await page.setContent(sheetHtml(book.getWorksheet(name)));
  await page.screenshot({ path: path.join(root, 'docs/img', file), fullPage: true });
}
await browser.close();
console.log('docs/img: html-overview.png html-heatmap.png html-branch.png xlsx-branch.png xlsx-summary.png');
