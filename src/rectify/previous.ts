import type ExcelJS from 'exceljs';
import { loadExcel } from './excel.js';
import { z } from 'zod';
import type { Window } from '../engine/periods.js';
import type { Lang } from '../i18n/index.js';
import { UsageError } from '../io.js';
import type { PreviousItem, PreviousList } from './carry.js';
import { parseRowId } from './group.js';
import { columnKeys, labels, statusFromLabel, type ColumnKey } from './labels.js';
import { SEVERITY_HEADER } from './xlsx.js';
import { isRealDate } from '../schema/dates.js';
import { restoreFormula } from '../escape/spreadsheet.js';

const date = z.string().refine(isRealDate, { message: 'expected a real date YYYY-MM-DD in the years 1921–2200' });
/**
 * A deadline is the check day plus at most 3650 days (rectify days), so it may fall in 2201–2210: those
 * years are checked as the years 200 earlier, which have the same leap years.
 */
const isDeadline = (text: string) => isRealDate(text) || (/^22(?:0[1-9]|10)-/.test(text) && isRealDate(`20${text.slice(2)}`));
const deadlineDate = z.string().refine(isDeadline, { message: 'expected a real date YYYY-MM-DD in the years 1921–2210' });
const windowSchema = z.object({ label: z.string(), from: date, to: date });
const severity = z.enum(['error', 'warning', 'info']);
const itemSchema = z.looseObject({
  id: z.string().min(1),
  branch: z.looseObject({ id: z.string(), name: z.string() }),
  problem: z.string(),
  basis: z.string().default(''),
  remedy: z.string().default(''),
  owner: z.string().default(''),
  deadline: deadlineDate,
  status: z.enum(['new', 'open', 'overdue', 'reopened', 'fixed', 'pending']),
  fixedOn: date.nullable().default(null),
  // Added with 整改未到位: absent in lists of earlier versions.
  completion: z.string().default(''),
  note: z.string().default(''),
  listed: date.optional(),
  severity: severity.default('error'),
  category: z.string().default(''),
  findings: z.array(z.looseObject({ id: z.string() })).default([]),
});
const workbookMeta = z.looseObject({ asOf: date.optional(), window: windowSchema.nullable().optional() });
const listSchema = z.looseObject({ tool: z.literal('zhibu'), kind: z.literal('rectification-list'), asOf: date, window: windowSchema.nullable().default(null), items: z.array(itemSchema) });

const fail = (lang: Lang, zh: string, en: string): never => {
  throw new UsageError(lang === 'zh' ? zh : en);
};

function previousItem(fields: Omit<PreviousItem, 'rule' | 'subject' | 'periods' | 'findingIds'> & { findingIds?: string[] }, lang: Lang): PreviousItem {
  const parsed = parseRowId(fields.id);
  if (!parsed) return fail(lang, `编号 ${fields.id} 无效（应为 规则|支部|期间|对象）`, `invalid id ${fields.id} (expected rule|branch|period|subject)`);
  return { ...fields, rule: parsed.rule, subject: parsed.subject, periods: parsed.periods, findingIds: [...new Set([...parsed.findingIds, ...(fields.findingIds ?? [])])] };
}

/** Reads an earlier list written by `zhibu rectify --format json`; a usage error when it is not one. */
export function parsePreviousList(text: string, lang: Lang = 'zh'): PreviousList {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail(lang, `不是有效的 JSON：${(error as Error).message}`, `not valid JSON: ${(error as Error).message}`);
  }
  const kind = raw && typeof raw === 'object' ? (raw as Record<string, unknown>).kind : undefined;
  if (kind !== 'rectification-list') return fail(lang, '不是 zhibu rectify 写出的整改清单（缺少 "kind": "rectification-list"）', 'not a rectification list written by zhibu rectify (no "kind": "rectification-list")');
  const result = listSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    return fail(lang, `整改清单格式有误：${issue?.path.join('.')}：${issue?.message}`, `malformed rectification list: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const list = result.data;
  return {
    asOf: list.asOf,
    window: list.window,
    items: list.items.map((i) =>
      previousItem(
        {
          id: i.id,
          branch: { id: i.branch.id, name: i.branch.name },
          severity: i.severity,
          category: i.category,
          problem: i.problem,
          basis: i.basis,
          remedy: i.remedy,
          owner: i.owner,
          deadline: i.deadline,
          status: i.status,
          fixedOn: i.fixedOn,
          listed: i.listed ?? list.asOf,
          completion: i.completion,
          note: i.note,
          checked: list.asOf,
          window: list.window,
          findingIds: i.findings.map((f) => f.id),
        },
        lang,
      ),
    ),
  };
}

/** A cell's value as text (rich text, numbers and dates included; dates as YYYY-MM-DD). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return restoreFormula(String(value).trim());
}

const headerKeys = new Map<string, ColumnKey | 'severity'>([[SEVERITY_HEADER, 'severity']]);
for (const lang of ['zh', 'en'] as const) for (const key of columnKeys) headerKeys.set(labels(lang).columns[key], key);

/** A date cell as YYYY-MM-DD: text, a Date, or an Excel serial number (a date typed over ours). */
function dateText(value: ExcelJS.CellValue): string {
  if (typeof value === 'number' && value > 0 && value < 2958466) return new Date(Date.UTC(1899, 11, 30) + Math.round(value) * 86_400_000).toISOString().slice(0, 10);
  return cellText(value);
}

/** The branch name inside "第三项目部党支部（pb-003）". */
function branchName(text: string, id: string): string {
  for (const suffix of [`（${id}）`, ` (${id})`]) if (text.endsWith(suffix)) return text.slice(0, -suffix.length);
  return text || id;
}

/** An earlier list's workbook larger than this on disk is refused (a list of 50,000 rows is under 2 MB). */
export const MAX_PREVIOUS_XLSX_BYTES = 32 * 1024 * 1024;
/** ...and so is one whose parts unpack to more than this (exceljs holds them all in memory: about 13 bytes of it per byte). */
export const MAX_PREVIOUS_XLSX_UNPACKED = 64 * 1024 * 1024;
/** ...or one with more rows than this on a sheet. */
export const MAX_PREVIOUS_ROWS = 100_000;

/**
 * The unpacked size of a zip's entries, from its central directory (no entry is inflated);
 * Infinity for a ZIP64 size, null when the bytes are not a zip (exceljs then says what is wrong).
 */
export function unpackedSize(bytes: Uint8Array): number | null {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: 22 bytes, then a comment of up to 65,535 bytes.
  let end = -1;
  for (let i = view.length - 22; i >= Math.max(0, view.length - 22 - 65_535); i--) {
    if (view.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = view.readUInt16LE(end + 10);
  let at = view.readUInt32LE(end + 16);
  let total = 0;
  for (let k = 0; k < entries; k++) {
    if (at + 46 > view.length || view.readUInt32LE(at) !== 0x02014b50) return null;
    const size = view.readUInt32LE(at + 24);
    total += size === 0xffffffff ? Infinity : size;
    at += 46 + view.readUInt16LE(at + 28) + view.readUInt16LE(at + 30) + view.readUInt16LE(at + 32);
  }
  return total;
}

/**
 * Reads an earlier list written by `zhibu rectify --format xlsx` (its 整改清单 sheet), columns found by
 * their header in either language, rows matched by 编号 (so re-sorted rows still match): what the
 * branch edited in Excel — 状态, 整改时限, 整改完成情况, 备注 — is kept.
 */
export async function readPreviousXlsx(bytes: Uint8Array, lang: Lang = 'zh'): Promise<PreviousList> {
  const unpacked = unpackedSize(bytes);
  if (unpacked !== null && unpacked > MAX_PREVIOUS_XLSX_UNPACKED) {
    const mb = (n: number) => (Number.isFinite(n) ? Math.round(n / 1048576) : '4096+');
    return fail(lang, `工作簿过大（解压后 ${mb(unpacked)} MB，上限 ${mb(MAX_PREVIOUS_XLSX_UNPACKED)} MB）；请按支部拆分清单（rectify --split-by branch）`, `workbook too large (${mb(unpacked)} MB unpacked, the limit is ${mb(MAX_PREVIOUS_XLSX_UNPACKED)} MB); split the list by branch (rectify --split-by branch)`);
  }
  const book = new (await loadExcel()).Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (error) {
    return fail(lang, `不是有效的 XLSX 文件：${(error as Error).message}`, `not a valid XLSX file: ${(error as Error).message}`);
  }
  let meta: { asOf?: string; window?: Window | null } = {};
  try {
    // Re-saved without the description, or edited into something else: fall back to the title's check day.
    meta = workbookMeta.safeParse(JSON.parse(book.description ?? '')).data ?? {};
  } catch {
    // Not JSON: as above.
  }
  const sheets = [labels('zh').list, labels('en').list].map((name) => book.getWorksheet(name)).filter((s) => s !== undefined);
  for (const sheet of [...sheets, ...book.worksheets]) {
    let header: Map<number, ColumnKey | 'severity'> | null = null;
    let headerRow = 0;
    for (let r = 1; r <= Math.min(10, sheet.rowCount) && !header; r++) {
      const found = new Map<number, ColumnKey | 'severity'>();
      sheet.getRow(r).eachCell((cell, col) => {
        const key = headerKeys.get(cellText(cell.value));
        if (key) found.set(col, key);
      });
      if ([...found.values()].includes('id')) [header, headerRow] = [found, r];
    }
    if (!header) continue;
    if (sheet.rowCount > MAX_PREVIOUS_ROWS) {
      return fail(lang, `工作表“${sheet.name}”有 ${sheet.rowCount} 行，上限 ${MAX_PREVIOUS_ROWS} 行；请按支部拆分清单`, `sheet "${sheet.name}" has ${sheet.rowCount} rows, the limit is ${MAX_PREVIOUS_ROWS}; split the list by branch`);
    }
    const asOf = meta.asOf ?? /\d{4}-\d{2}-\d{2}/.exec(cellText(sheet.getCell(1, 1).value))?.[0];
    if (!asOf || !isRealDate(asOf)) return fail(lang, '找不到清单的检查日', 'cannot find the check day of the list');
    const window = meta.window ?? null;
    const columns = new Map<ColumnKey | 'severity', number>();
    for (const [col, key] of header) if (!columns.has(key)) columns.set(key, col);
    // A list written before 复查情况 existed had zhibu's remarks under 备注: not the branch's note.
    const branchNotes = columns.has('remark');
    const items: PreviousItem[] = [];
    for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const get = (key: ColumnKey | 'severity') => {
        const col = columns.get(key);
        if (col === undefined) return '';
        return key === 'deadline' || key === 'listed' || key === 'fixedOn' ? dateText(row.getCell(col).value) : cellText(row.getCell(col).value);
      };
      const id = get('id');
      if (!id) continue;
      const branchId = parseRowId(id)?.branch ?? '';
      const deadline = get('deadline');
      if (!isDeadline(deadline)) {
        const cell = row.getCell(columns.get('deadline') ?? 1).address;
        fail(lang, `工作表“${sheet.name}”单元格 ${cell}：整改时限 ${deadline || '（空）'} 不是日期（YYYY-MM-DD，年份 1921–2210）`, `sheet "${sheet.name}", cell ${cell}: deadline ${deadline || '(empty)'} is not a date (YYYY-MM-DD, in the years 1921–2210)`);
      }
      const sev = severity.safeParse(get('severity'));
      const listed = get('listed');
      const fixedOn = get('fixedOn');
      items.push(
        previousItem(
          {
            id,
            branch: { id: branchId, name: branchName(get('branch'), branchId) },
            severity: sev.success ? sev.data : 'error',
            category: '',
            problem: get('problem'),
            basis: get('basis'),
            remedy: get('remedy'),
            owner: get('owner'),
            deadline,
            status: statusFromLabel(get('status')) ?? 'open',
            fixedOn: isRealDate(fixedOn) ? fixedOn : null,
            listed: isRealDate(listed) ? listed : asOf,
            completion: get('completion'),
            note: branchNotes ? get('note') : '',
            checked: asOf,
            window,
          },
          lang,
        ),
      );
    }
    return { asOf, window, items };
  }
  return fail(lang, '找不到整改清单工作表（需要含“编号”列的表头）', 'no rectification sheet found (a header with an ID column)');
}

/** Several earlier lists as one: an id listed in more than one keeps the row of the latest list. */
export function mergePreviousLists(lists: readonly PreviousList[]): PreviousList | undefined {
  if (lists.length === 0) return undefined;
  const sorted = [...lists].sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
  const byId = new Map<string, PreviousItem>();
  for (const list of sorted) for (const item of list.items) byId.set(item.id, item);
  const latest = sorted[sorted.length - 1] as PreviousList;
  return { asOf: latest.asOf, window: latest.window, items: [...byId.values()] };
}
