import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, defaultWindow, parseWindow, periodContains, periodOf, periodsOf, type PeriodSize } from '../../src/engine/periods.js';
import { windowOf } from '../support/engine.js';

describe('parseWindow', () => {
  it.each([
    ['2026Q1', '2026-01-01', '2026-03-31'],
    ['2026Q3', '2026-07-01', '2026-09-30'],
    ['2026Q4', '2026-10-01', '2026-12-31'],
    ['2026-07', '2026-07-01', '2026-07-31'],
    ['2026-02', '2026-02-01', '2026-02-28'],
    ['2028-02', '2028-02-01', '2028-02-29'],
    ['2026', '2026-01-01', '2026-12-31'],
    ['2026-07-15..2026-08-20', '2026-07-15', '2026-08-20'],
    ['2026-12-15..2027-01-10', '2026-12-15', '2027-01-10'],
    ['2026-07-01..2026-07-01', '2026-07-01', '2026-07-01'],
  ])('%s is %s..%s', (text, from, to) => {
    expect(parseWindow(text)).toEqual({ label: text, from, to });
  });

  it.each(['2026Q0', '2026Q5', '2026-13', '2026-00', '2026-7', '26', '20261', '2026-02-30..2026-03-01', '2026-09-01..2026-08-01', '2026-07-01..', '2026q3', ' 2026', ''])(
    '%j is not a window',
    (text) => {
      expect(parseWindow(text)).toBeNull();
    },
  );

  it('defaults to the quarter that contains as-of', () => {
    expect(defaultWindow('2026-10-08')).toEqual({ label: '2026Q3..2026Q4', from: '2026-07-01', to: '2026-12-31' });
    expect(defaultWindow('2026-03-31')).toEqual({ label: '2025Q4..2026Q1', from: '2025-10-01', to: '2026-03-31' });
  });
});

describe('periodOf', () => {
  it.each<[string, PeriodSize, string, string, string]>([
    ['2026-08-15', 'month', '2026-08', '2026-08-01', '2026-08-31'],
    ['2026-02-10', 'month', '2026-02', '2026-02-01', '2026-02-28'],
    ['2024-02-10', 'month', '2024-02', '2024-02-01', '2024-02-29'],
    ['2000-02-10', 'month', '2000-02', '2000-02-01', '2000-02-29'],
    ['2100-02-10', 'month', '2100-02', '2100-02-01', '2100-02-28'],
    ['2026-04-30', 'month', '2026-04', '2026-04-01', '2026-04-30'],
    ['2026-03-31', 'quarter', '2026Q1', '2026-01-01', '2026-03-31'],
    ['2026-04-01', 'quarter', '2026Q2', '2026-04-01', '2026-06-30'],
    ['2026-09-30', 'quarter', '2026Q3', '2026-07-01', '2026-09-30'],
    ['2026-12-31', 'quarter', '2026Q4', '2026-10-01', '2026-12-31'],
    ['2026-01-01', 'year', '2026', '2026-01-01', '2026-12-31'],
    ['2026-12-31', 'year', '2026', '2026-01-01', '2026-12-31'],
  ])('%s in a %s is %s (%s..%s)', (date, size, label, first, last) => {
    expect(periodOf(date, size)).toEqual({ label, first, last });
  });
});

describe('addMonths and addDays', () => {
  it.each([
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2023-02-28', 12, '2024-02-28'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2023-06-01', 36, '2026-06-01'],
    ['2026-08-31', 0, '2026-08-31'],
  ])('addMonths(%s, %i) is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2026-03-01', -1, '2026-02-28'],
  ])('addDays(%s, %i) is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});

describe('daysBetween', () => {
  it.each([
    ['2026-10-08', '2026-12-31', 84],
    ['2026-10-08', '2026-10-08', 0],
    ['2026-12-31', '2026-10-08', -84],
    ['2026-02-28', '2026-03-01', 1],
    ['2024-02-28', '2024-03-01', 2],
    ['2026-12-31', '2027-01-01', 1],
    ['2026-01-01', '2027-01-01', 365],
    ['2024-01-01', '2025-01-01', 366],
    // Across the March daylight-saving change of zones that have one: whole days, UTC.
    ['2026-03-28', '2026-03-30', 2],
  ])('from %s to %s is %i days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});

describe('periodContains', () => {
  it.each([
    ['2026Q1', '2026-02', true],
    ['2026Q1', '2026-03-31', true],
    ['2026Q1', '2026-04', false],
    ['2026Q1', '2026-04-01', false],
    ['2026', '2026Q3', true],
    ['2026', '2026-12-31', true],
    ['2026', '2027-01', false],
    ['2026', '2026', true],
    ['2026-02', '2026-02-28', true],
    ['2026-02', '2026-03-01', false],
    ['2024-02', '2024-02-29', true],
    ['2026Q3', '2026', false],
    ['2026-07', '2026Q3', false],
    ['2026Q4', '2026Q4', true],
  ])('%s contains %s: %s', (outer, inner, expected) => {
    expect(periodContains(outer, inner)).toBe(expected);
  });
});

describe('periodsOf', () => {
  const summary = (window: string, size: PeriodSize, asOf: string) =>
    periodsOf(windowOf(window), size, asOf).map((p) => [p.label, p.closed ? 'closed' : 'open', p.daysLeft, p.end]);

  it.each<[string, PeriodSize, string, (string | number)[][]]>([
    // Every month of the quarter closed.
    ['2026Q3', 'month', '2026-10-08', [['2026-07', 'closed', 0, '2026-07-31'], ['2026-08', 'closed', 0, '2026-08-31'], ['2026-09', 'closed', 0, '2026-09-30']]],
    // August open with 16 days left; September starts after as-of and is skipped.
    ['2026Q3', 'month', '2026-08-15', [['2026-07', 'closed', 0, '2026-07-31'], ['2026-08', 'open', 16, '2026-08-15']]],
    // On its last day a period is still open (closed means its last day is before as-of).
    ['2026Q3', 'month', '2026-08-31', [['2026-07', 'closed', 0, '2026-07-31'], ['2026-08', 'open', 0, '2026-08-31']]],
    ['2026Q3', 'month', '2026-09-01', [['2026-07', 'closed', 0, '2026-07-31'], ['2026-08', 'closed', 0, '2026-08-31'], ['2026-09', 'open', 29, '2026-09-01']]],
    // A year window, quarters: Q4 open as of 2026-10-08.
    ['2026', 'quarter', '2026-10-08', [['2026Q1', 'closed', 0, '2026-03-31'], ['2026Q2', 'closed', 0, '2026-06-30'], ['2026Q3', 'closed', 0, '2026-09-30'], ['2026Q4', 'open', 84, '2026-10-08']]],
    // The year around a quarter window.
    ['2026Q3', 'year', '2026-10-08', [['2026', 'open', 84, '2026-10-08']]],
    ['2026Q3', 'year', '2027-01-15', [['2026', 'closed', 0, '2026-12-31']]],
    // A range window: every period it overlaps, whole.
    ['2026-07-15..2026-08-20', 'month', '2026-10-08', [['2026-07', 'closed', 0, '2026-07-31'], ['2026-08', 'closed', 0, '2026-08-31']]],
    ['2026-07-15..2026-08-20', 'quarter', '2026-10-08', [['2026Q3', 'closed', 0, '2026-09-30']]],
    ['2026-12-15..2027-01-10', 'month', '2027-02-01', [['2026-12', 'closed', 0, '2026-12-31'], ['2027-01', 'closed', 0, '2027-01-31']]],
    ['2026-12-15..2027-01-10', 'year', '2027-02-01', [['2026', 'closed', 0, '2026-12-31'], ['2027', 'open', 333, '2027-02-01']]],
    // Leap February.
    ['2028-02', 'month', '2028-02-20', [['2028-02', 'open', 9, '2028-02-20']]],
    ['2028-02', 'month', '2028-03-01', [['2028-02', 'closed', 0, '2028-02-29']]],
    // A window that starts after as-of has nothing to evaluate yet.
    ['2026Q4', 'month', '2026-09-30', []],
  ])('%s by %s as of %s', (window, size, asOf, expected) => {
    expect(summary(window, size, asOf)).toEqual(expected);
  });
});
