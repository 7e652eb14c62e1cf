import type { Lang } from '../i18n/index.js';
import { visible } from '../escape/terminal.js';
import { ciLabels, labelled } from './labels.js';
import type { Report, ReportFinding } from './report.js';

export interface GithubOptions {
  /** Language of the labels after each message (messages come translated in the report). */
  lang?: Lang;
}

/** Escapes a workflow command's message (GitHub's `escapeData`). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value (GitHub's `escapeProperty`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

type Command = 'error' | 'warning' | 'notice';

// The Actions log obeys ANSI escapes: control characters from records are shown, not obeyed.
function command(kind: Command, props: [string, string | number][], message: string): string {
  const list = props.map(([k, v]) => `${k}=${escapeProperty(visible(String(v)))}`).join(',');
  return `::${kind} ${list}::${escapeData(visible(message, { lines: true }))}`;
}

function kindOf(f: ReportFinding): Command {
  if (f.status === 'pending' || f.severity === 'info') return 'notice';
  return f.severity;
}

/** GitHub Actions workflow commands, one annotation a line: input errors, then findings in report order. */
export function formatGithub(report: Report, options: GithubOptions = {}): string {
  const lang = options.lang ?? 'zh';
  const l = ciLabels(lang);
  const lines: string[] = [];
  for (const e of report.inputErrors) {
    lines.push(command('error', [['file', e.file], ['line', e.line], ['col', e.column], ['title', l.inputError]], e.message));
  }
  for (const f of report.findings) {
    const message = [f.message, labelled(lang, l.remedy, f.remedy), labelled(lang, l.basis, f.basis)].join('\n');
    lines.push(command(kindOf(f), [['file', f.file], ['line', f.line], ['col', f.column], ['title', f.rule]], message));
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
