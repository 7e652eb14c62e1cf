import type { Report } from './report.js';

/** The JSON report, two-space indented, newline-terminated. */
export function formatJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
