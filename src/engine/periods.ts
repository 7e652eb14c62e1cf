import { daysInMonth, isRealDate, isRealMonth, isYearInRange } from '../schema/dates.js';

export type PeriodSize = 'month' | 'quarter' | 'year';

/** The span a check looks at (--period), with the label it was given as. */
export interface Window {
  label: string;
  from: string;
  to: string;
}

/** One calendar period evaluated against `asOf`. */
export interface Period {
  label: string;
  size: PeriodSize;
  first: string;
  last: string;
  /** The last day is before as-of: an unmet requirement is a violation. */
  closed: boolean;
  /** Days from as-of to the last day (open periods). */
  daysLeft: number;
  /** Last day counted: min(last, as-of). */
  end: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DD` of a UTC date. */
export function formatDate(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function toUtc(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

export function addDays(date: string, days: number): string {
  return formatDate(new Date(toUtc(date) + days * 86_400_000));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / 86_400_000);
}

/** Adds calendar years and months; 29 Feb + 1 year is 28 Feb. */
export function addMonths(date: string, months: number): string {
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** The calendar period of a size that contains a date. */
export function periodOf(date: string, size: PeriodSize): { label: string; first: string; last: string } {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (size === 'year') return { label: String(year), first: `${year}-01-01`, last: `${year}-12-31` };
  if (size === 'quarter') {
    const q = Math.ceil(month / 3);
    const lastMonth = q * 3;
    return { label: `${year}Q${q}`, first: `${year}-${pad(lastMonth - 2)}-01`, last: `${year}-${pad(lastMonth)}-${daysInMonth(year, lastMonth)}` };
  }
  return { label: `${year}-${pad(month)}`, first: `${year}-${pad(month)}-01`, last: `${year}-${pad(month)}-${daysInMonth(year, month)}` };
}

/** Parses --period: 2026Q3, 2026-07, 2026, or FROM..TO where each end is a date or such a period; null when malformed or outside the years dates may name. */
export function parseWindow(text: string): Window | null {
  const ends = text.split('..');
  if (ends.length === 2) {
    const from = ends[0] as string;
    const to = ends[1] as string;
    const first = isRealDate(from) ? from : parseWindow(from)?.from;
    const last = isRealDate(to) ? to : parseWindow(to)?.to;
    return first && last && !from.includes('..') && first <= last ? { label: text, from: first, to: last } : null;
  }
  if (ends.length > 2) return null;
  const quarter = /^(\d{4})Q([1-4])$/.exec(text);
  if (quarter && isYearInRange(Number(quarter[1]))) {
    const p = periodOf(`${quarter[1]}-${pad(Number(quarter[2]) * 3)}-01`, 'quarter');
    return { label: text, from: p.first, to: p.last };
  }
  if (isRealMonth(text)) {
    const p = periodOf(`${text}-01`, 'month');
    return { label: text, from: p.first, to: p.last };
  }
  if (/^\d{4}$/.test(text) && isYearInRange(Number(text))) return { label: text, from: `${text}-01-01`, to: `${text}-12-31` };
  return null;
}

/** The default window: the last closed quarter (the one under inspection) and the quarter that contains as-of (its reminders). */
export function defaultWindow(asOf: string): Window {
  const current = periodOf(asOf, 'quarter');
  const previous = periodOf(addDays(current.first, -1), 'quarter');
  return { label: `${previous.label}..${current.label}`, from: previous.first, to: current.last };
}

// Kept per check, by the check's window object: nothing of one run outlives it.
const periodsOfWindow = new WeakMap<Window, Map<string, readonly Period[]>>();

/** Every period of a size overlapping the window, less those starting after as-of (memoised; do not mutate). */
export function periodsOf(window: Window, size: PeriodSize, asOf: string): Period[] {
  let memo = periodsOfWindow.get(window);
  if (!memo) periodsOfWindow.set(window, (memo = new Map()));
  const key = `${size}|${asOf}`;
  const known = memo.get(key);
  if (known) return known as Period[];
  const periods = computePeriods(window, size, asOf);
  memo.set(key, periods);
  return periods;
}

function computePeriods(window: Window, size: PeriodSize, asOf: string): Period[] {
  const periods: Period[] = [];
  let cursor = periodOf(window.from, size);
  while (cursor.first <= window.to && cursor.first <= asOf) {
    const closed = cursor.last < asOf;
    periods.push({
      ...cursor,
      size,
      closed,
      daysLeft: closed ? 0 : daysBetween(asOf, cursor.last),
      end: closed ? cursor.last : asOf,
    });
    cursor = periodOf(addDays(cursor.last, 1), size);
  }
  return periods;
}

/** First and last day of a period label (2026-07, 2026Q3, 2026) or a date; null for anything else. */
export function periodSpan(label: string): { first: string; last: string } | null {
  if (isRealDate(label)) return { first: label, last: label };
  const window = parseWindow(label);
  return window && !label.includes('..') ? { first: window.from, last: window.to } : null;
}

/** True when a period label (2026-02, 2026Q1, 2026) contains a date or a smaller period's label. */
export function periodContains(outer: string, inner: string): boolean {
  const span = periodSpan(outer);
  const within = periodSpan(inner);
  return !!span && !!within && span.first <= within.first && within.last <= span.last;
}

/** A month as one number (year × 12 + month − 1) from a `YYYY-MM…` label or date. */
export function monthNumber(date: string): number {
  const year = (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + (date.charCodeAt(3) - 48);
  return year * 12 + (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48) - 1;
}
