import { visible } from '../escape/terminal.js';
import type { Report } from './report.js';

const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ');

/**
 * One line per problem, as ESLint's compact and unix formatters write them:
 * `path:line:col severity rule message`. Pending findings say `pending` where a
 * violation says its severity; input errors are `error input-error`.
 */
export function formatCompact(report: Report, options: { quiet?: boolean } = {}): string {
  const lines: string[] = [];
  for (const e of report.inputErrors) lines.push(`${e.file}:${e.line}:${e.column} error input-error ${oneLine(e.message)}`);
  for (const f of report.findings) {
    if (options.quiet && f.status === 'pending') continue;
    lines.push(`${f.file}:${f.line}:${f.column} ${f.status === 'pending' ? 'pending' : f.severity} ${f.rule} ${oneLine(f.message)}`);
  }
  // Read on a terminal like the full report: control characters from records are shown, not obeyed.
  return lines.length > 0 ? `${lines.map((line) => visible(line)).join('\n')}\n` : '';
}
