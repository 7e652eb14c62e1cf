import { describe, expect, it } from 'vitest';
import { gateExitCode, type GateOptions } from '../../src/ci/gate.js';
import type { Report } from '../../src/report/report.js';
import { sampleReport } from '../report/sample-report.js';

function report(error: number, warning: number, inputErrors = 0): Report {
  const r = sampleReport();
  r.summary.violations = { error, warning, info: 3 };
  r.summary.pending = 5;
  r.inputErrors = r.inputErrors.slice(0, inputErrors);
  return r;
}

describe('gateExitCode', () => {
  it.each<[string, Report, GateOptions, number]>([
    ['clean', report(0, 0), { failOn: 'error' }, 0],
    ['an error', report(1, 0), { failOn: 'error' }, 1],
    ['warnings under --fail-on error', report(0, 4), { failOn: 'error' }, 0],
    ['warnings under --fail-on warning', report(0, 4), { failOn: 'warning' }, 1],
    ['errors under --fail-on never', report(2, 4), { failOn: 'never' }, 0],
    ['warnings at --max-warnings', report(0, 4), { failOn: 'error', maxWarnings: 4 }, 0],
    ['warnings over --max-warnings', report(0, 5), { failOn: 'error', maxWarnings: 4 }, 1],
    ['--max-warnings 0 with one warning', report(0, 1), { failOn: 'never', maxWarnings: 0 }, 1],
    ['input errors win', report(3, 9, 1), { failOn: 'error', maxWarnings: 0 }, 2],
    ['pending and info never fail', report(0, 0), { failOn: 'warning', maxWarnings: 0 }, 0],
  ])('%s', (_, r, options, code) => {
    expect(gateExitCode(r, options)).toBe(code);
  });
});
