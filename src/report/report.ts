import type { Evaluation, Finding, Severity, Status } from '../engine/finding.js';
import type { Window } from '../engine/periods.js';
import type { Rule } from '../engine/rules.js';
import type { CheckResult } from '../engine/run.js';
import { findingMessage, render, type Args, type Lang, type MessageId } from '../i18n/index.js';
import type { InputError } from '../model/types.js';
import type { ShardData } from '../engine/shard.js';

/** A finding as the JSON report carries it (docs/report.md). */
export interface ReportFinding {
  rule: string;
  severity: Severity;
  status: Status;
  branch: string;
  period: string | null;
  subject: string | null;
  /** The message rendered in the report's `lang`; `messageId` and `args` are the same as data. */
  message: string;
  messageId: MessageId;
  args: Args;
  basis: string;
  remedy: string;
  file: string;
  line: number;
  column: number;
  /** A record finding's place in its document (`activities[3]`); null otherwise. */
  path: string | null;
  category: string;
  title: string;
  daysLeft?: number;
}

export interface ReportInputError {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** A document skipped for input errors: where it starts and what it says it is (null when unreadable). */
export interface ReportSkipped {
  file: string;
  line: number;
  column: number;
  kind: 'branch' | 'organization' | null;
  id: string | null;
  name: string | null;
}

/** A branch or organization a run checked: the rules evaluated for it (JUnit's passing cases) and its name (the terminal's headings). */
export interface CheckedUnit {
  id: string;
  name: string;
  file: string;
  rules: readonly string[];
}

/** The JSON report: the machine contract every other reporter renders from. */
export interface Report {
  tool: 'zhibu';
  version: string;
  /** The language of every `message` (and of the rule titles and remedies). */
  lang: Lang;
  asOf: string;
  /** Present when --as-of was not given: the time zone whose date "today" was. */
  timeZone?: string;
  window: Window;
  /** The configuration file used (as shown on the command line), or null for none. */
  config?: string | null;
  /** Ids of the rules that ran, sorted: `zhibu merge` refuses reports of different rule sets. */
  rules: string[];
  summary: {
    files: number;
    branches: number;
    violations: Record<Severity, number>;
    pending: number;
    exempted: number;
    inputErrors: number;
    /** Violations left out because a `--baseline` file already lists them (present only with a baseline). */
    baselined?: number;
  };
  findings: ReportFinding[];
  inputErrors: ReportInputError[];
  /** Documents skipped for input errors, so no report is mistaken for complete (present only when there are some). */
  skipped?: ReportSkipped[];
  /** Only in a shard's report (--shard): what `zhibu merge` needs for the organization rules. */
  shard?: ShardData;
  /** Only with --evaluations: every (rule, branch, period, subject) evaluation with its outcome, passed ones included. */
  evaluations?: Evaluation[];
}

export interface ReportContext {
  version: string;
  asOf: string;
  /** The time zone of a defaulted --as-of, null when it was given. */
  timeZone?: string | null;
  window: Window;
  lang: Lang;
  rules: readonly Rule[];
  /** The configuration file used, if any. */
  config?: string | null;
}

/** Renders an input error's message in a language. */
export function inputErrorMessage(error: InputError, lang: Lang): string {
  return render(lang, error.id, error.args);
}

/** Turns a check result into the report, with messages in the chosen language. */
export function buildReport(result: CheckResult, ctx: ReportContext): Report {
  const rules = new Map(ctx.rules.map((r) => [r.id, r]));
  const violations: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let pending = 0;
  const findings = result.findings.map((f: Finding): ReportFinding => {
    const rule = rules.get(f.rule);
    const title = (ctx.lang === 'en' ? rule?.en?.title : rule?.title) ?? f.rule;
    if (f.status === 'violation') violations[f.severity]++;
    else pending++;
    const out: ReportFinding = {
      rule: f.rule,
      severity: f.severity,
      status: f.status,
      branch: f.branch,
      period: f.period,
      subject: f.subject,
      message: findingMessage(f, ctx.lang, title, rule?.message),
      messageId: f.messageId,
      args: f.args,
      basis: rule?.basis ?? '',
      remedy: (ctx.lang === 'en' ? rule?.en?.remedy : rule?.remedy) ?? rule?.remedy ?? '',
      file: f.file,
      line: f.line,
      column: f.column,
      path: f.path,
      category: rule?.category ?? '',
      title,
    };
    if (f.status === 'pending' && typeof f.args.daysLeft === 'number') out.daysLeft = f.args.daysLeft;
    return out;
  });
  return {
    tool: 'zhibu',
    version: ctx.version,
    lang: ctx.lang,
    asOf: ctx.asOf,
    ...(ctx.timeZone ? { timeZone: ctx.timeZone } : {}),
    window: ctx.window,
    ...(ctx.config !== undefined ? { config: ctx.config } : {}),
    rules: ctx.rules.map((r) => r.id).sort(),
    summary: { files: result.files, branches: result.branches, violations, pending, exempted: result.exempted, inputErrors: result.inputErrors.length },
    findings,
    inputErrors: result.inputErrors.map((e) => ({ file: e.file, line: e.line, column: e.column, message: inputErrorMessage(e, ctx.lang) })),
    ...(result.skipped.length > 0 ? { skipped: result.skipped.map(({ file, line, column, kind, id, name }) => ({ file, line, column, kind, id, name })) } : {}),
    ...(result.shard ? { shard: result.shard } : {}),
  };
}
