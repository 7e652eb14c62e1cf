/** Calendar checks of the record format, without zod (the fast validator and the periods use them). */

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

/** The number written in ASCII digits at text[from..to), or -1 if any is not one. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** True for a real calendar date written exactly YYYY-MM-DD, in years FIRST_YEAR..LAST_YEAR. */
export function isRealDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 0x2d /* - */ || text.charCodeAt(7) !== 0x2d) return false;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  return isYearInRange(year) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True for a real month written exactly YYYY-MM, in years FIRST_YEAR..LAST_YEAR. */
export function isRealMonth(text: string): boolean {
  if (text.length !== 7 || text.charCodeAt(4) !== 0x2d /* - */) return false;
  const month = digits(text, 5, 7);
  return isYearInRange(digits(text, 0, 4)) && month >= 1 && month <= 12;
}

/** A period as exemptions write it: a year (2026), a quarter (2026Q1) or a month (2026-02). */
export function isPeriodRef(text: string): boolean {
  return ((/^\d{4}$/.test(text) || /^\d{4}Q[1-4]$/.test(text)) && isYearInRange(Number(text.slice(0, 4)))) || isRealMonth(text);
}
