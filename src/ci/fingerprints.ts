import { fingerprint } from '../engine/finding.js';
import type { ReportFinding } from '../report/report.js';

/**
 * The stable fingerprint of each finding, in order; a fingerprint seen before in the
 * list gets `#2`, `#3`, … so every finding has its own (two members with one name).
 */
export function uniqueFingerprints(findings: readonly Pick<ReportFinding, 'rule' | 'branch' | 'period' | 'subject'>[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const base = fingerprint(f);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}#${count}`;
  });
}
