/** Calendar checks of the record format, without zod (the fast validator and the periods use them). */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;

/** True for a real calendar date written exactly YYYY-MM-DD. */
export function isRealDate(text: string): boolean {
  const m = DATE_RE.exec(text);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isRealMonth(text: string): boolean {
  const m = MONTH_RE.exec(text);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

/** A period as exemptions write it: a year (2026), a quarter (2026Q1) or a month (2026-02). */
export function isPeriodRef(text: string): boolean {
  return /^\d{4}$/.test(text) || /^\d{4}Q[1-4]$/.test(text) || isRealMonth(text);
}
