import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { periodText } from '../i18n/format.js';
import { render, type Lang, type MessageId } from '../i18n/index.js';
import type { Report, ReportFinding } from './report.js';
import { wrapToWidth } from './width.js';
import { visible } from '../escape/terminal.js';

export interface TerminalOptions {
  lang: Lang;
  color: boolean;
  /** Terminal width; tables wrap the message column to fit. */
  width?: number;
}

/** The report for a person at a terminal: input errors, then per-branch tables, then the summary. */
export function formatTerminal(report: Report, options: TerminalOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const t = (id: MessageId, args = {}) => render(options.lang, id, args);
  const paint = (f: ReportFinding, text: string) => (f.status === 'pending' ? chalk.cyan(text) : f.severity === 'error' ? chalk.red(text) : f.severity === 'warning' ? chalk.yellow(text) : chalk.gray(text));
  const width = Math.max(80, Math.min(options.width ?? 120, 200));
  const out: string[] = [];

  if (report.inputErrors.length > 0) {
    out.push(chalk.bold.red(t('report.input-errors', { count: report.inputErrors.length })));
    for (const e of report.inputErrors) out.push(`  ${chalk.bold(visible(`${e.file}:${e.line}:${e.column}`))}  ${visible(e.message)}`);
    out.push('');
  }

  const byBranch = new Map<string, ReportFinding[]>();
  for (const f of report.findings) {
    const key = `${f.branch}\u0000${f.file}`;
    const list = byBranch.get(key);
    if (list) list.push(f);
    else byBranch.set(key, [f]);
  }
  // Fixed columns: position 10, rule 34, severity 8, period 16, borders 6.
  const messageWidth = Math.max(30, width - 74);
  for (const [key, findings] of byBranch) {
    const [branch, file] = key.split('\u0000') as [string, string];
    const violations = findings.filter((f) => f.status === 'violation');
    const pending = findings.filter((f) => f.status === 'pending');
    out.push(`${chalk.bold(visible(branch))}  ${chalk.gray(visible(file))}`);
    for (const [title, list] of [
      [t('report.violations'), violations],
      [t('report.pending'), pending],
    ] as const) {
      if (list.length === 0) continue;
      const table = new Table({
        head: [t('report.col.position'), t('report.col.rule'), t('report.col.severity'), t('report.col.period'), t('report.col.message')],
        style: { head: options.color ? ['bold'] : [], border: options.color ? ['gray'] : [] },
        colWidths: [10, 34, 8, 16, messageWidth],
        chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
      });
      for (const f of list) {
        table.push([`${f.line}:${f.column}`, visible(f.rule), paint(f, t(`severity.${f.severity}` as const)), f.period ? visible(periodText(f.period, options.lang)) : '', paint(f, wrapToWidth(visible(f.message), messageWidth - 2))]);
      }
      out.push(`  ${title}`);
      out.push(table.toString());
    }
    out.push('');
  }

  const s = report.summary;
  const clean = report.findings.length === 0 && report.inputErrors.length === 0;
  if (clean) out.push(chalk.green(t('report.clean')));
  out.push(
    chalk.bold(
      t('report.summary', {
        files: s.files,
        branches: s.branches,
        window: report.window.label,
        asOf: report.asOf,
        errors: s.violations.error,
        warnings: s.violations.warning,
        pending: s.pending,
        exempted: s.exempted,
        inputErrors: s.inputErrors,
      }),
    ),
  );
  return `${out.join('\n')}\n`;
}
