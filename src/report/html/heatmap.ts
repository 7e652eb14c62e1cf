import type { Evaluation } from '../../engine/finding.js';
import { addMonths, periodOf, type Window } from '../../engine/periods.js';

/** A heatmap row group: one requirement, as the rules that evaluate it. */
export interface Family {
  key: string;
  name: { zh: string; en: string };
  per: 'month' | 'quarter';
  rules: string[];
}

/** The requirement families of the inspection view (三会一课, 主题党日, 党费). */
export const families: Family[] = [
  { key: 'committee', name: { zh: '支委会', en: 'Committee meeting' }, per: 'month', rules: ['meetings.committee-monthly'] },
  { key: 'group', name: { zh: '党小组会', en: 'Group meeting' }, per: 'month', rules: ['meetings.group-monthly'] },
  { key: 'general', name: { zh: '支部党员大会', en: 'General meeting' }, per: 'quarter', rules: ['meetings.general-quarterly'] },
  { key: 'lecture', name: { zh: '党课', en: 'Party lecture' }, per: 'quarter', rules: ['lecture.quarterly'] },
  { key: 'theme-day', name: { zh: '主题党日', en: 'Theme day' }, per: 'month', rules: ['theme-day.monthly'] },
  { key: 'dues', name: { zh: '党费', en: 'Dues' }, per: 'month', rules: ['member.dues-monthly'] },
];

/** A cell's state: met, unmet, pending (open period) or not applicable (not evaluated, or exempted). */
export type CellState = 'met' | 'unmet' | 'pending' | 'na';
export const stateCode: Record<CellState, string> = { met: 'M', unmet: 'U', pending: 'P', na: 'N' };

/** Calendar months overlapping the window (the heatmap's columns). */
export function windowMonths(window: Window): string[] {
  const months: string[] = [];
  for (let date = `${window.from.slice(0, 7)}-01`; date <= window.to; date = addMonths(date, 1)) months.push(date.slice(0, 7));
  return months;
}

/** A family's periods across the window: months, or quarters with how many window months each spans. */
export function familyPeriods(family: Family, months: readonly string[]): { label: string; span: number }[] {
  if (family.per === 'month') return months.map((label) => ({ label, span: 1 }));
  const out: { label: string; span: number }[] = [];
  for (const month of months) {
    const label = periodOf(`${month}-01`, 'quarter').label;
    const last = out[out.length - 1];
    if (last?.label === label) last.span++;
    else out.push({ label, span: 1 });
  }
  return out;
}

/**
 * The state of one cell from the evaluations of (family's rules, branch, period), over every
 * subject (groups, members): any unmet → unmet; else any pending → pending; else any met → met;
 * else (nothing evaluated, or every evaluation exempted) not applicable.
 */
export function cellState(outcomes: readonly Evaluation['outcome'][]): CellState {
  if (outcomes.includes('unmet')) return 'unmet';
  if (outcomes.includes('pending')) return 'pending';
  if (outcomes.includes('met')) return 'met';
  return 'na';
}

/** Per branch: the cell states, one code (M, U, P, N) per cell, family after family, each in period order. */
export function heatmapCells(evaluations: readonly Evaluation[], branches: readonly string[], months: readonly string[]): Map<string, string> {
  const byKey = new Map<string, Evaluation['outcome'][]>();
  const familyOf = new Map(families.flatMap((f) => f.rules.map((r) => [r, f.key] as const)));
  for (const e of evaluations) {
    const family = familyOf.get(e.rule);
    if (!family || e.period === null) continue;
    const key = `${family}\u0000${e.branch}\u0000${e.period}`;
    const list = byKey.get(key);
    if (list) list.push(e.outcome);
    else byKey.set(key, [e.outcome]);
  }
  const periods = families.map((f) => [f.key, familyPeriods(f, months)] as const);
  const cells = new Map<string, string>();
  for (const branch of branches) {
    let row = '';
    for (const [key, list] of periods) for (const p of list) row += stateCode[cellState(byKey.get(`${key}\u0000${branch}\u0000${p.label}`) ?? [])];
    cells.set(branch, row);
  }
  return cells;
}
