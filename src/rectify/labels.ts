import type { Window } from '../engine/periods.js';
import type { Lang } from '../i18n/index.js';
import { periodText } from '../i18n/format.js';
import type { ItemStatus, RectificationItem, RectificationList } from './list.js';

/**
 * The columns of a rectification list, in order. `remark` (复查情况) is zhibu's word on the status;
 * `completion` (整改完成情况) and `note` (备注) are the branch's, carried into the next list;
 * `id`, `listed` and `fixedOn` are for machines (hidden in XLSX).
 */
export const columnKeys = ['seq', 'branch', 'problem', 'basis', 'remedy', 'owner', 'deadline', 'status', 'remark', 'completion', 'note', 'id', 'listed', 'fixedOn'] as const;
export type ColumnKey = (typeof columnKeys)[number];

export const summaryKeys = ['branch', 'error', 'warning', 'info', 'total', 'new', 'open', 'overdue', 'reopened', 'fixed', 'pending'] as const;
export type SummaryKey = (typeof summaryKeys)[number];

interface Labels {
  columns: Record<ColumnKey, string>;
  summary: Record<SummaryKey, string>;
  status: Record<ItemStatus, string>;
  list: string;
  reminders: string;
  summarySheet: string;
  totalRow: string;
  none: string;
}

const zh: Labels = {
  columns: {
    seq: '序号',
    branch: '支部',
    problem: '问题',
    basis: '依据',
    remedy: '整改措施',
    owner: '责任人',
    deadline: '整改时限',
    status: '状态',
    remark: '复查情况',
    completion: '整改完成情况',
    note: '备注',
    id: '编号',
    listed: '列入日期',
    fixedOn: '确认整改日期',
  },
  summary: { branch: '支部', error: '错误', warning: '警告', info: '提示', total: '合计', new: '新增', open: '待整改', overdue: '逾期', reopened: '整改未到位', fixed: '已整改', pending: '提醒' },
  status: { new: '新增', open: '待整改', overdue: '逾期', reopened: '整改未到位', fixed: '已整改', pending: '提醒' },
  list: '整改清单',
  reminders: '提醒清单',
  summarySheet: '汇总',
  totalRow: '合计',
  none: '未发现需要整改的问题。',
};

const en: Labels = {
  columns: {
    seq: 'No.',
    branch: 'Branch',
    problem: 'Problem',
    basis: 'Basis',
    remedy: 'Remedy',
    owner: 'Owner',
    deadline: 'Deadline',
    status: 'Status',
    remark: 'Re-check',
    completion: 'Action taken',
    note: 'Note',
    id: 'ID',
    listed: 'Listed',
    fixedOn: 'Found fixed on',
  },
  summary: { branch: 'Branch', error: 'Errors', warning: 'Warnings', info: 'Info', total: 'Total', new: 'New', open: 'Open', overdue: 'Overdue', reopened: 'Reopened', fixed: 'Fixed', pending: 'Reminders' },
  status: { new: 'New', open: 'Open', overdue: 'Overdue', reopened: 'Reopened', fixed: 'Fixed', pending: 'Reminder' },
  list: 'Rectification list',
  reminders: 'Reminders',
  summarySheet: 'Summary',
  totalRow: 'Total',
  none: 'No problem to rectify.',
};

/** The fixed wording of lists in a language. */
export function labels(lang: Lang): Labels {
  return lang === 'en' ? en : zh;
}

/** What people type for 已整改 instead of choosing it from the drop-down. */
const fixedWords = ['已完成', '完成', '已销号', '销号', 'done', 'Done'];

/** Every label a status has had in any language (reading a previous list back). */
export function statusFromLabel(text: string): ItemStatus | null {
  const clean = text.trim();
  if (fixedWords.includes(clean)) return 'fixed';
  for (const table of [zh.status, en.status]) {
    for (const [status, label] of Object.entries(table)) if (clean === label || clean === status) return status as ItemStatus;
  }
  return null;
}

/** A window in words: a calendar period's name, or FROM至TO. */
function windowText(window: Window, lang: Lang): string {
  const period = /^\d{4}(Q[1-4]|-\d{2})?$/;
  if (period.test(window.label)) return periodText(window.label, lang);
  const [from, to] = window.label.split('..') as [string, string | undefined];
  if (to !== undefined && period.test(from) && period.test(to)) return `${periodText(from, lang)}${lang === 'zh' ? '至' : ' to '}${periodText(to, lang)}`;
  return lang === 'zh' ? `${window.from}至${window.to}` : `${window.from} to ${window.to}`;
}

/** "XX公司党委 整改清单（2026年第三季度，检查日 2026-10-08）" */
export function listTitle(list: Pick<RectificationList, 'unit' | 'window' | 'asOf' | 'lang'>, section?: 'reminders' | 'summary'): string {
  const l = labels(list.lang);
  const name = section === 'reminders' ? l.reminders : section === 'summary' ? `${l.list}${list.lang === 'zh' ? '' : ' '}${l.summarySheet.toLowerCase()}` : l.list;
  if (list.lang === 'en') return `${list.unit ? `${list.unit} — ` : ''}${name} (${windowText(list.window, 'en')}, checked ${list.asOf})`;
  return `${list.unit ? `${list.unit} ` : ''}${name}（${windowText(list.window, 'zh')}，检查日 ${list.asOf}）`;
}

/** The title note of a list some records of which were skipped for input errors; empty when none was. */
export function uncheckedNote(list: Pick<RectificationList, 'unchecked' | 'lang'>): string {
  if (list.unchecked.length === 0) return '';
  const zhLang = list.lang === 'zh';
  // 第九项目部党支部（hy02-xm9，records/xm9.yaml）; the file alone when nothing could be read.
  const names = list.unchecked.map((u) => {
    const where = [u.name ? u.id : null, u.file].filter((x) => x !== null).join(zhLang ? '，' : ', ');
    const who = u.name ?? u.id;
    return who ? (zhLang ? `${who}（${where}）` : `${who} (${where})`) : u.file;
  });
  return zhLang ? `以下支部记录有输入错误，未检查：${names.join('、')}` : `These records have input errors and were not checked: ${names.join(', ')}`;
}

/** The branch cell: name and id. */
export function branchText(branch: { id: string; name: string }, lang: Lang): string {
  if (branch.name === branch.id || branch.name === '') return branch.id;
  return lang === 'zh' ? `${branch.name}（${branch.id}）` : `${branch.name} (${branch.id})`;
}

/** The status cell: the status label alone, so that a spreadsheet can filter on it. */
function statusText(item: RectificationItem, lang: Lang): string {
  return labels(lang).status[item.status];
}

/** Why an item has its status, in zhibu's words (the 复查情况 column); empty for a plain new item. */
export function remarkText(item: RectificationItem, asOf: string, lang: Lang): string {
  const zhLang = lang === 'zh';
  const parts: string[] = [];
  const p = item.previous;
  if (item.record) parts.push(zhLang ? `支部整改记录：${item.record.issue}（${item.record.done}完成）` : `branch rectification record: ${item.record.issue} (done ${item.record.done})`);
  else if (item.status === 'fixed' && item.fixedOn === null) parts.push(zhLang ? `支部在${p?.checked ?? asOf}的清单上标为已整改；本次检查期间未覆盖，未复查` : `marked fixed by the branch on the list of ${p?.checked ?? asOf}; not re-checked: outside this check`);
  else if (item.status === 'fixed' && p?.markedFixed) parts.push(zhLang ? `支部标为已整改，${item.fixedOn}复查未再发现` : `marked fixed by the branch, not found again on ${item.fixedOn}`);
  else if (item.status === 'fixed') parts.push(zhLang ? `${item.fixedOn ?? asOf}复查未再发现` : `not found again on ${item.fixedOn ?? asOf}`);
  if (p && item.status === 'reopened') {
    if (p.markedFixed) {
      const when = p.fixedOn ? (zhLang ? `支部标为已整改（${p.fixedOn}完成）` : `marked fixed by the branch (done ${p.fixedOn})`) : zhLang ? `支部在${p.checked}的清单上标为已整改` : `marked fixed by the branch on the list of ${p.checked}`;
      parts.push(zhLang ? `${when}，${asOf}复查仍发现` : `${when}, still found on ${asOf}`);
    } else {
      parts.push(zhLang ? `曾于${p.fixedOn ?? p.checked}复查确认已整改，${asOf}再次发现` : `found fixed on ${p.fixedOn ?? p.checked}, found again on ${asOf}`);
    }
    parts.push(zhLang ? `${item.listed}列入清单` : `listed ${item.listed}`);
  } else if (p && item.status !== 'fixed') {
    parts.push(zhLang ? `${item.listed}列入清单` : `listed ${item.listed}`);
    if (!item.rechecked) parts.push(zhLang ? '本次检查期间未覆盖，未复查' : 'not re-checked: outside this check');
  }
  if (item.overdueDays > 0 && item.status !== 'fixed') parts.push(zhLang ? `已逾期${item.overdueDays}天` : `${item.overdueDays} days overdue`);
  return parts.join(zhLang ? '；' : '; ');
}

/** Every column of an item as text. */
export function itemCells(item: RectificationItem, list: Pick<RectificationList, 'asOf' | 'lang'>): Record<ColumnKey, string> {
  return {
    seq: String(item.seq),
    branch: branchText(item.branch, list.lang),
    problem: item.problem,
    basis: item.basis,
    remedy: item.remedy,
    owner: item.owner,
    deadline: item.deadline,
    status: statusText(item, list.lang),
    remark: remarkText(item, list.asOf, list.lang),
    completion: item.completion,
    note: item.note,
    id: item.id,
    listed: item.listed,
    fixedOn: item.fixedOn ?? '',
  };
}

/** The summary's rows as cells, with a total row at the end. */
export function summaryRows(list: Pick<RectificationList, 'summary' | 'lang'>): Record<SummaryKey, string | number>[] {
  const rows: Record<SummaryKey, string | number>[] = list.summary.map((s) => ({ ...s, branch: branchText(s.branch, list.lang) }));
  const total: Record<SummaryKey, string | number> = { branch: labels(list.lang).totalRow, error: 0, warning: 0, info: 0, total: 0, new: 0, open: 0, overdue: 0, reopened: 0, fixed: 0, pending: 0 };
  for (const s of list.summary) for (const key of summaryKeys) if (key !== 'branch') total[key] = Number(total[key]) + s[key];
  return [...rows, total];
}
