import type { Exemption } from '../model/types.js';
import { periodContains } from './periods.js';

/** True when an approved, unexpired waiver covers a finding (docs/report.md, "Exemptions"). */
export function isExempted(exemptions: readonly Exemption[], rule: string, subject: string | null, when: string, asOf: string): boolean {
  for (const e of exemptions) {
    if (e.rule !== rule) continue;
    if (e.subject && e.subject !== subject) continue;
    if (e.expires && e.expires < asOf) continue;
    if (e.period && !periodContains(e.period, when)) continue;
    return true;
  }
  return false;
}
