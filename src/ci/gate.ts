import type { Report } from '../report/report.js';

export interface GateOptions {
  /** Which violations fail the run (docs/report.md). */
  failOn: 'error' | 'warning' | 'never';
  /** Fail when warning violations exceed this many (after the baseline), whatever `failOn` says. */
  maxWarnings?: number | null;
}

/** Exit code for CI: 2 for input errors; 1 for a violation at or above `failOn` or too many warnings; else 0. Pending never fails. */
export function gateExitCode(report: Report, options: GateOptions): 0 | 1 | 2 {
  if (report.inputErrors.length > 0) return 2;
  const v = report.summary.violations;
  if (options.maxWarnings !== undefined && options.maxWarnings !== null && v.warning > options.maxWarnings) return 1;
  if (options.failOn === 'never') return 0;
  return v.error > 0 || (options.failOn === 'warning' && v.warning > 0) ? 1 : 0;
}
