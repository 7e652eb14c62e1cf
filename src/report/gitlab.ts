import { createHash } from 'node:crypto';
import type { Severity } from '../engine/finding.js';
import { uniqueFingerprints } from '../ci/fingerprints.js';
import type { Report } from './report.js';

type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';
const severities: Record<Severity, CodeQualitySeverity> = { error: 'major', warning: 'minor', info: 'info' };

/** One entry of a GitLab Code Quality report. */
export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: CodeQualitySeverity;
  location: { path: string; lines: { begin: number } };
}

/** The hex SHA-256 of a text: GitLab matches issues across pipelines by it. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** GitLab Code Quality JSON: input errors as blockers, then findings (pending ones as info) with stable fingerprints. */
export function formatGitlab(report: Report): string {
  const seen = new Map<string, number>();
  const issues: CodeQualityIssue[] = report.inputErrors.map((e) => {
    const base = ['input-error', e.file, e.line, e.column, e.message].join('|');
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return {
      description: e.message,
      check_name: 'zhibu.input-error',
      fingerprint: sha256(count === 1 ? base : `${base}#${count}`),
      severity: 'blocker' as const,
      location: { path: e.file, lines: { begin: e.line } },
    };
  });
  const fingerprints = uniqueFingerprints(report.findings);
  report.findings.forEach((f, i) => {
    issues.push({
      description: f.message,
      check_name: f.rule,
      fingerprint: sha256(fingerprints[i] as string),
      severity: f.status === 'pending' ? 'info' : severities[f.severity],
      location: { path: f.file, lines: { begin: f.line } },
    });
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
}
