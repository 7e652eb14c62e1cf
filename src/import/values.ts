import { activityTypes, memberStatuses, themeDayForms, extraLabels } from '../schema/enums.js';
import { isRealDate } from '../schema/dates.js';

/** A cell as a ledger holds it: text, a number, an Excel date, a boolean, or empty. */
export type CellValue = string | number | boolean | Date | null;

/** A value read from a cell, or why it cannot be read (`allowed` says what may be written). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; allowed: string };

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const DATE_ALLOWED = '日期，如 2026-09-23、2026/9/23、2026.9.23、2026年9月23日 或 Excel 日期';

/** Text of a cell, trimmed; '' for an empty one. */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return dateOf(value);
  return String(value).trim();
}

const dateOf = (d: Date) => ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());

/** Days from 1899-12-30: Excel's serial dates (1900 system, its 1900 leap-year bug included). */
function fromSerial(serial: number): string {
  return dateOf(new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000));
}

/** A date as people type it: an Excel date or serial, 2026-09-23, 2026/9/23, 2026.9.23, 2026年9月23日, 20260923. */
export function parseDate(value: CellValue): Parsed<string> {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { ok: false, allowed: DATE_ALLOWED } : { ok: true, value: dateOf(value) };
  if (typeof value === 'number') {
    if (value >= 19_000_101 && value <= 29_991_231 && Number.isInteger(value)) return parseDate(String(value));
    // Serials from 1950 to 2100: a plain count typed into a date column is not a date.
    if (value >= 18_264 && value < 73_051) return { ok: true, value: fromSerial(value) };
    return { ok: false, allowed: DATE_ALLOWED };
  }
  const text = cellText(value)
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+\d{1,2}[:：]\d{2}([:：]\d{2})?$/, '')
    .replace(/\s+/g, '');
  if (/^\d{5}(\.\d+)?$/.test(text)) return parseDate(Number(text));
  const m = /^(\d{4})(?:[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{2})(\d{2}))$/.exec(text);
  if (!m) return { ok: false, allowed: DATE_ALLOWED };
  const date = ymd(Number(m[1]), Number(m[2] ?? m[4]), Number(m[3] ?? m[5]));
  return isRealDate(date) ? { ok: true, value: date } : { ok: false, allowed: DATE_ALLOWED };
}

/** A month header of a dues matrix: a date, 2026-01, 2026.1, 2026年1月, or 1月 / 一月 with the year known. */
export function parseMonth(value: CellValue, year: number | null): string | null {
  if (value instanceof Date) return dateOf(value).slice(0, 7);
  const text = cellText(value).replace(/\s+/g, '');
  const full = /^(\d{4})(?:[-/.年])(\d{1,2})月?(?:份)?$/.exec(text);
  if (full) return Number(full[2]) >= 1 && Number(full[2]) <= 12 ? `${full[1]}-${pad(Number(full[2]))}` : null;
  const bare = /^(\d{1,2}|[一二三四五六七八九十]|十[一二])月(?:份)?$/.exec(text);
  if (!bare || year === null) return null;
  const n = /^\d+$/.test(bare[1] as string) ? Number(bare[1]) : chineseMonth(bare[1] as string);
  return n >= 1 && n <= 12 ? `${year}-${pad(n)}` : null;
}

function chineseMonth(text: string): number {
  const digits = '一二三四五六七八九';
  if (text === '十') return 10;
  if (text.startsWith('十')) return 10 + digits.indexOf(text[1] as string) + 1;
  return digits.indexOf(text) + 1;
}

/** Names as typed in one cell: separated by 、，, ; spaces or new lines. */
export function parseNames(value: CellValue): string[] {
  return cellText(value)
    .split(/[、，,;；\s]+/u)
    .map((n) => n.trim())
    .filter((n) => n !== '');
}

/** Absent members, each with an optional reason in brackets: 王五（出差）. */
export function parseAbsentees(value: CellValue): { name: string; reason?: string }[] {
  const text = cellText(value);
  const out: { name: string; reason?: string }[] = [];
  for (const part of text.split(/[、，,;；\n]+|\s+(?![^（(]*[）)])/u)) {
    const m = /^\s*([^（(]+?)\s*(?:[（(]\s*(.*?)\s*[）)])?\s*$/u.exec(part);
    if (!m || !m[1]) continue;
    out.push(m[2] ? { name: m[1], reason: m[2] } : { name: m[1] });
  }
  return out;
}

/** A whole count ≥ 0: a number, or text like 25 or 25人. */
export function parseCount(value: CellValue): Parsed<number> {
  const n = typeof value === 'number' ? value : /^\d+\s*人?$/.test(cellText(value)) ? Number.parseInt(cellText(value), 10) : Number.NaN;
  return Number.isInteger(n) && n >= 0 ? { ok: true, value: n } : { ok: false, allowed: '不小于 0 的整数' };
}

/** Hours ≥ 0: a number, or text like 2 or 2学时. */
export function parseHours(value: CellValue): Parsed<number> {
  const n = typeof value === 'number' ? value : /^\d+(\.\d+)?\s*(学时|小时)?$/.test(cellText(value)) ? Number.parseFloat(cellText(value)) : Number.NaN;
  return Number.isFinite(n) && n >= 0 ? { ok: true, value: n } : { ok: false, allowed: '不小于 0 的学时数，如 2 或 1.5' };
}

const strip = (text: string) => text.replace(/\s+/g, '');

/** Other names people give the activity types (the records' own labels and tokens are always accepted). */
const typeSynonyms: Record<string, keyof typeof activityTypes> = {
  党员大会: 'general-meeting',
  支部大会: 'general-meeting',
  支委会: 'committee-meeting',
  支委会议: 'committee-meeting',
  支部委员会: 'committee-meeting',
  党小组会议: 'group-meeting',
  小组会: 'group-meeting',
  党课学习: 'party-lecture',
  主题党日活动: 'theme-day',
  组织生活: 'life-meeting',
  专题组织生活会: 'life-meeting',
  民主评议: 'democratic-review',
  谈心谈话活动: 'heart-to-heart',
  谈话: 'heart-to-heart',
  学习培训: 'training',
  集中学习: 'training',
  培训: 'training',
  换届: 'election',
  选举: 'election',
  转正讨论: 'probation-review',
};

const lookup = <T extends string>(table: Record<T, string>, extra: Record<string, string> = {}) => {
  const map = new Map<string, T>();
  for (const [token, label] of Object.entries(table) as [T, string][]) {
    map.set(token, token);
    map.set(strip(label), token);
  }
  for (const [label, token] of Object.entries(extra)) map.set(strip(label), token as T);
  return map;
};
const types = lookup(activityTypes, typeSynonyms);
const forms = lookup(themeDayForms, extraLabels.themeDayForms);
const statuses = lookup(memberStatuses, { 正式: 'full', 预备: 'probationary' });

/** A meeting type by its Chinese name (or the record token). */
export function parseType(value: CellValue): Parsed<keyof typeof activityTypes> {
  const token = types.get(strip(cellText(value)));
  return token ? { ok: true, value: token } : { ok: false, allowed: Object.values(activityTypes).join('、') };
}

/** A theme-day form by its Chinese name (or the record token). */
export function parseForm(value: CellValue): Parsed<keyof typeof themeDayForms> {
  const token = forms.get(strip(cellText(value)));
  return token ? { ok: true, value: token } : { ok: false, allowed: Object.values(themeDayForms).join('、') };
}

/** 正式 / 预备 (党员). */
export function parseStatus(value: CellValue): Parsed<keyof typeof memberStatuses> {
  const token = statuses.get(strip(cellText(value)));
  return token ? { ok: true, value: token } : { ok: false, allowed: '正式党员、预备党员（或 正式、预备）' };
}

/** 是 / 否, and the ways Excel users write them. */
export function parseYesNo(value: CellValue): Parsed<boolean> {
  if (typeof value === 'boolean') return { ok: true, value };
  const text = strip(cellText(value)).toLowerCase();
  if (['是', 'y', 'yes', 'true', '√', '✓', '1'].includes(text)) return { ok: true, value: true };
  if (['否', 'n', 'no', 'false', '×', '0', '不是'].includes(text)) return { ok: true, value: false };
  return { ok: false, allowed: '是 或 否' };
}

/** A cell of the dues matrix: an amount or a tick is paid; empty, 0 or a cross is not. */
export function parseDuesCell(value: CellValue): Parsed<boolean> {
  if (typeof value === 'number') return value >= 0 ? { ok: true, value: value > 0 } : { ok: false, allowed: '金额、✓（已交）或留空（未交）' };
  const text = strip(cellText(value));
  if (text === '' || ['0', '×', '✗', '✘', '未交', '否', '-', '—', '/'].includes(text)) return { ok: true, value: false };
  if (['✓', '✔', '√', '已交', '是', 'y', 'Y'].includes(text) || /^[¥￥]?\d+(\.\d+)?元?$/.test(text)) return { ok: true, value: !/^[¥￥]?0+(\.0+)?元?$/.test(text) };
  return { ok: false, allowed: '金额、✓（已交）或留空（未交）' };
}
