import type { Lang } from '../i18n/index.js';

// A cell a spreadsheet could take for a formula or a DDE command: =, +, -, @, tab, CR, and the
// full-width ＝ ＋ － ＠ that Chinese input methods type (Excel and WPS read them as formulas too).
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Text that a spreadsheet shows as typed: a leading formula character gets an apostrophe before it. */
export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Undoes `defuseFormula`, for a list read back from a spreadsheet zhibu wrote. */
export function restoreFormula(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

// What XML 1.0 forbids (an XLSX holding one opens in neither Excel nor zhibu): most C0 controls,
// U+FFFE, U+FFFF and unpaired surrogates.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Excel's limit on the characters of one cell. */
const EXCEL_CELL_LIMIT = 32_767;

/** Text without the characters XML 1.0 forbids (workbook properties, sheet text). */
export function xmlSafe(text: string): string {
  return text.replace(XML_FORBIDDEN, '');
}

/** Text for an XLSX cell: no characters XML forbids, no formula, at most Excel's limit with a visible mark where it was cut. */
export function xlsxText(text: string, lang: Lang): string {
  const clean = defuseFormula(xmlSafe(text));
  if (clean.length <= EXCEL_CELL_LIMIT) return clean;
  const mark = lang === 'zh' ? '……（超出 Excel 单元格字数上限，以下从略）' : '… (cut at Excel’s cell limit)';
  let end = EXCEL_CELL_LIMIT - mark.length;
  if (/[\ud800-\udbff]/.test(clean.charAt(end - 1))) end -= 1; // never split a surrogate pair
  return clean.slice(0, end) + mark;
}
