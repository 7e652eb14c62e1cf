import { markdownCell, markdownText } from '../escape/markdown.js';
import { branchText, itemCells, labels, listTitle, summaryKeys, summaryRows, uncheckedNote, type ColumnKey } from './labels.js';
import type { RectificationItem, RectificationList } from './list.js';

const cell = (text: string | number) => markdownCell(String(text));

function table(headers: string[], rows: (string | number)[][], numeric: readonly number[] = []): string[] {
  return [
    `| ${headers.map(cell).join(' | ')} |`,
    `| ${headers.map((_, i) => (numeric.includes(i) ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ];
}

function itemTable(items: RectificationItem[], list: RectificationList, keys: ColumnKey[]): string[] {
  const l = labels(list.lang);
  // 复查情况, 整改完成情况 and 备注 only when some row has one.
  const optional = new Set<ColumnKey>(['remark', 'completion', 'note']);
  const cellsOf = items.map((item) => itemCells(item, list));
  const shown = keys.filter((k) => !optional.has(k) || cellsOf.some((c) => c[k] !== ''));
  return table(
    shown.map((k) => l.columns[k]),
    cellsOf.map((cells) => shown.map((k) => cells[k])),
    [0],
  );
}

function counts(list: RectificationList): string {
  const l = labels(list.lang);
  const n = (status: RectificationItem['status']) => list.items.filter((i) => i.status === status).length;
  const parts = (['new', 'open', 'overdue', 'reopened', 'fixed'] as const).filter((s) => n(s) > 0).map((s) => (list.lang === 'zh' ? `${l.status[s]} ${n(s)}` : `${n(s)} ${l.status[s].toLowerCase()}`));
  const compared = list.previous ? (list.lang === 'zh' ? `；对照 ${list.previous} 的清单` : `; compared with the list of ${list.previous}`) : '';
  if (list.lang === 'en') return `${list.items.length} problems${parts.length ? ` (${parts.join(', ')})` : ''}${compared}.`;
  return `共 ${list.items.length} 项${parts.length ? `（${parts.join('、')}）` : ''}${compared}。`;
}

/** The note under the title when records were left unchecked, as a bold quote. */
function noteLines(list: RectificationList): string[] {
  const note = uncheckedNote(list);
  return note ? [`> **${markdownText(note)}**`, ''] : [];
}

/** The list as Markdown for wikis: a title, a table per branch, the 提醒清单, the summary. */
export function formatRectificationMarkdown(list: RectificationList): string {
  const l = labels(list.lang);
  const out = [`# ${markdownText(listTitle(list))}`, '', ...noteLines(list), markdownText(counts(list)), ''];
  if (list.items.length === 0) out.push(l.none, '');
  const branches = [...new Map(list.items.map((i) => [i.branch.id, i.branch])).values()];
  for (const branch of branches) {
    out.push(`## ${markdownText(branchText(branch, list.lang))}`, '');
    out.push(...itemTable(list.items.filter((i) => i.branch.id === branch.id), list, ['seq', 'problem', 'basis', 'remedy', 'owner', 'deadline', 'status', 'remark', 'completion', 'note']), '');
  }
  if (list.reminders.length > 0) {
    out.push(`## ${l.reminders}`, '');
    out.push(...itemTable(list.reminders, list, ['seq', 'branch', 'problem', 'remedy', 'owner', 'deadline']), '');
  }
  if (list.summary.length > 1) out.push(`## ${l.summarySheet}`, '', ...summaryTable(list), '');
  return `${out.join('\n').trimEnd()}\n`;
}

function summaryTable(list: RectificationList): string[] {
  const l = labels(list.lang);
  return table(
    summaryKeys.map((k) => l.summary[k]),
    summaryRows(list).map((r) => summaryKeys.map((k) => r[k])),
    summaryKeys.map((_, i) => i).slice(1),
  );
}

/** The summary file of --split-by branch: problems per branch by severity. */
export function formatSummaryMarkdown(list: RectificationList): string {
  return `${[`# ${markdownText(listTitle(list, 'summary'))}`, '', ...noteLines(list), markdownText(counts(list)), '', ...summaryTable(list)].join('\n')}\n`;
}
