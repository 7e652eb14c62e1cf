/** Calendar checks of the record format, without zod (the fast validator and the periods use them). */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;

/** Years a record, --as-of or --period may name: from the Party's founding to well beyond any plan; outside them date arithmetic has no business. */
export const FIRST_YEAR = 1921;
export const LAST_YEAR = 2200;

/** True for a year in FIRST_YEAR..LAST_YEAR. */
export function isYearInRange(year: number): boolean {
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}

/** True when a written date, month or period (shown as text or a number) starts with a year outside FIRST_YEAR..LAST_YEAR. */
export function yearOutOfRange(value: unknown): boolean {
  const year = /^"?(\d{4})(?:$|["Q-])/.exec(String(value))?.[1];
  return year !== undefined && !isYearInRange(Number(year));
}

/** True for a real calendar date written exactly YYYY-MM-DD, in years FIRST_YEAR..LAST_YEAR. */
export function isRealDate(text: string): boolean {
  const m = DATE_RE.exec(text);
  if (!m) return false;
  const year = Number(m[1]);
  if (!isYearInRange(year)) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isRealMonth(text: string): boolean {
  const m = MONTH_RE.exec(text);
  return m !== null && isYearInRange(Number(m[1])) && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

/** A period as exemptions write it: a year (2026), a quarter (2026Q1) or a month (2026-02). */
export function isPeriodRef(text: string): boolean {
  return ((/^\d{4}$/.test(text) || /^\d{4}Q[1-4]$/.test(text)) && isYearInRange(Number(text.slice(0, 4)))) || isRealMonth(text);
}
