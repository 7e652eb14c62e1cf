import { describe, expect, test } from 'vitest';
import type { Report } from '../../src/report/report.js';
import { runCli } from '../support/cli.js';
import { root } from '../support/fixtures.js';

/** `zhibu check fixtures/demo` with no --as-of, as run on `today`. */
async function demoOn(today: string): Promise<{ code: number; report: Report }> {
  const { code, out } = await runCli(['check', 'fixtures/demo', '--format', 'json'], root, today);
  return { code, report: JSON.parse(out) as Report };
}

const months = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));
// This year's demo records (December's planned meetings are recorded early) and next year's.
const days = [...months.map((m) => `2026-${m}-01`), ...months.map((m) => `2027-${m}-15`)];

// The demo's four branches all exist: no finding may say a liaison branch is missing or a unit uncovered.
const aboutMissingBranches = (report: Report) => report.findings.filter((f) => f.rule === 'liaison.assigned' || f.rule === 'org.unit-coverage');

describe('the demo works on any day, with no --as-of', () => {
  test.each(days)('today %s: no input error, every branch checked, no organization finding about a branch that exists', async (today) => {
    const { code, report } = await demoOn(today);
    expect(report.inputErrors).toEqual([]);
    expect(report.skipped).toBeUndefined();
    expect(report.summary.branches).toBe(4);
    expect(report.asOf).toBe(today);
    expect(aboutMissingBranches(report)).toEqual([]);
    expect(code).toBeLessThan(2);
  });

  test('on 1 December 2026 the planned December records are records.future-date findings, and the check goes on', async () => {
    const { report } = await demoOn('2026-12-01');
    const future = report.findings.filter((f) => f.rule === 'records.future-date');
    expect(future.length).toBeGreaterThan(0);
    expect(future.every((f) => /@2026-12-\d\d/.test(f.subject ?? '') && f.severity === 'warning')).toBe(true);
    expect(new Set(future.map((f) => f.branch))).toEqual(new Set(['hy01-jg', 'hy01-xm1', 'hy01-xm2', 'hy01-xm3']));
    // Real findings besides: the demo organization is deliberately imperfect.
    expect(report.findings.some((f) => f.rule !== 'records.future-date' && f.status === 'violation')).toBe(true);
  });
});
