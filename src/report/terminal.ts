import { Chalk } from 'chalk';
import { render, type Lang, type MessageId } from '../i18n/index.js';
import type { ColorLevel } from './color.js';
import type { CheckedUnit, Report, ReportFinding } from './report.js';
import { textWidth, wrapText } from './wrap.js';
import { visible } from '../escape/terminal.js';

export interface TerminalOptions {
  lang: Lang;
  color: ColorLevel;
  /** Terminal width in columns (80 when not a terminal); no line is wider. */
  width?: number;
  /** Every branch and organization checked, for names beside ids and a line for each clean branch. */
  units?: readonly Pick<CheckedUnit, 'id' | 'name'>[];
  /** Violations only: no pending findings, nothing for clean branches. */
  quiet?: boolean;
}

const INDENT = '    ';

/**
 * The report for a person at a terminal: input errors, then each branch with its
 * findings, then the summary. Each finding's first line starts with `path:line:column`
 * (editors and terminals link it); its message follows, wrapped to the width.
 */
export function formatTerminal(report: Report, options: TerminalOptions): string {
  const chalk = new Chalk({ level: options.color });
  const t = (id: MessageId, args = {}) => render(options.lang, id, args);
  const width = Math.max(20, options.width ?? 80);
  const out: string[] = [];
  const wrapped = (text: string, indent = '') => {
    for (const line of wrapText(text, width - textWidth(indent))) out.push(indent + line);
  };
  /** `path:line:col  label  rule` after `indent`, the parts after the location on the next line when they do not fit. */
  const head = (location: string, label: string, labelText: string, rest: string, indent = '', shown = (text: string) => text) => {
    const tail = rest === '' ? labelText : `${labelText}  ${rest}`;
    const tailShown = rest === '' ? label : `${label}  ${chalk.gray(rest)}`;
    if (textWidth(indent + location) + 2 + textWidth(tail) <= width) {
      out.push(`${indent}${shown(location)}  ${tailShown}`);
      return;
    }
    for (const line of wrapText(location, width - textWidth(indent))) out.push(indent + shown(line));
    if (textWidth(INDENT + tail) <= width) out.push(INDENT + tailShown);
    else wrapped(tail, INDENT);
  };

  if (report.inputErrors.length > 0) {
    out.push(chalk.bold.red(t('report.input-errors', { count: report.inputErrors.length })));
    const label = t('report.input-error');
    for (const e of report.inputErrors) {
      head(visible(`${e.file}:${e.line}:${e.column}`), chalk.red(label), label, '');
      wrapped(visible(e.message), INDENT);
    }
    out.push('');
  }

  const paint = (f: ReportFinding, text: string) => (f.status === 'pending' ? chalk.cyan(text) : f.severity === 'error' ? chalk.red(text) : f.severity === 'warning' ? chalk.yellow(text) : chalk.gray(text));
  const groups = new Map<string, ReportFinding[]>();
  for (const f of report.findings) {
    if (options.quiet && f.status === 'pending') continue;
    const key = `${f.branch}\u0000${f.file}`;
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  const names = new Map((options.units ?? []).map((u) => [u.id, u.name]));
  const named = (id: string) => visible(names.get(id) ? `${id} ${names.get(id)}` : id);
  const pendingLabel = t('status.pending');
  const branch = (id: string, findings: readonly ReportFinding[]) => {
    const violations = findings.filter((f) => f.status === 'violation');
    const pending = findings.filter((f) => f.status === 'pending');
    const title = t('report.branch', { branch: named(id), violations: violations.length, pending: pending.length });
    for (const line of wrapText(title, width)) out.push(chalk.bold(line));
    for (const f of [...violations, ...pending]) {
      const label = f.status === 'pending' ? pendingLabel : t(`severity.${f.severity}`);
      head(visible(`${f.file}:${f.line}:${f.column}`), paint(f, label), label, visible(f.rule));
      wrapped(visible(f.message), INDENT);
    }
    out.push('');
  };
  const shown = new Set<string>();
  for (const [key, findings] of groups) {
    const id = key.slice(0, key.indexOf('\u0000'));
    shown.add(id);
    branch(id, findings);
  }
  if (!options.quiet) {
    const clean = (options.units ?? []).filter((u) => !shown.has(u.id));
    for (const u of clean) for (const line of wrapText(t('report.branch-clean', { branch: named(u.id) }), width)) out.push(chalk.green(line));
    if (clean.length > 0) out.push('');
  }

  const skipped = report.skipped ?? [];
  if (skipped.length > 0) {
    out.push(chalk.bold.red(t('report.skipped', { count: skipped.length })));
    for (const d of skipped) {
      const text = visible(t('report.skipped.document', d));
      head(visible(`${d.file}:${d.line}:${d.column}`), text, text, '', '  ', (location) => chalk.bold(location));
    }
    out.push('');
  }

  const s = report.summary;
  if (report.findings.length === 0 && report.inputErrors.length === 0) out.push(chalk.green(t('report.clean')), '');
  const summary = t('report.summary', {
    files: s.files,
    branches: s.branches,
    window: report.window.label,
    from: report.window.from,
    to: report.window.to,
    asOf: report.asOf,
    timeZone: report.timeZone ?? '',
    errors: s.violations.error,
    warnings: s.violations.warning,
    pending: s.pending,
    exempted: s.exempted,
    inputErrors: s.inputErrors,
  });
  for (const line of wrapText(summary, width)) out.push(chalk.bold(line));
  return `${out.join('\n')}\n`;
}
