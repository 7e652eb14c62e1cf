import { z } from 'zod';
import { compareText, fingerprint, type Severity } from '../engine/finding.js';
import { UsageError } from '../io.js';
import { formatPath } from '../load/records.js';
import type { Report, ReportFinding } from '../report/report.js';

const baselineEntry = z.object({
  fingerprint: z.string().min(1),
  rule: z.string().min(1),
  branch: z.string(),
  period: z.string().nullable(),
  subject: z.string().nullable(),
  /** Where the record stood when the baseline was written: for people reading the file, never matched. */
  path: z.string().nullable().optional(),
  messageId: z.string().optional(),
  args: z.record(z.string(), z.unknown()).optional(),
  /** Written by zhibu before messages were data; read, never written. */
  message: z.string().optional(),
});

const baselineFile = z.object({
  tool: z.literal('zhibu'),
  version: z.string(),
  created: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD'),
  entries: z.array(baselineEntry),
});

/** One known violation, identified by its stable fingerprint (rule|branch|period|subject). */
export type BaselineEntry = z.output<typeof baselineEntry>;
/** A baseline file: the violations an organization accepted as its backlog on `created` (the run's as-of day). */
export type Baseline = z.output<typeof baselineFile>;

export interface BaselineResult {
  /** The report without the known violations; `summary.baselined` counts them. */
  report: Report;
  /** How many violations the baseline knew. */
  known: number;
  /** Baseline entries no longer found: fixed, so `--prune-baseline` can drop them. */
  fixed: BaselineEntry[];
  /** Entries naming a record by its position (`activities[3]`, written by an older zhibu): never matched. */
  legacy: BaselineEntry[];
}

/** An entry of an older zhibu whose subject is a record's position, not its key: it can match nothing now. */
export const isPositional = (subject: string | null): boolean => subject !== null && /^activities\[\d+\]$/.test(subject);

const compareEntries = (a: BaselineEntry, b: BaselineEntry): number =>
  compareText(a.rule, b.rule) || compareText(a.branch, b.branch) || compareText(a.period, b.period) || compareText(a.subject, b.subject) || compareText(a.path ?? null, b.path ?? null);

function serialize(baseline: Baseline): string {
  const out: Baseline = { tool: 'zhibu', version: baseline.version, created: baseline.created, entries: [...baseline.entries].sort(compareEntries) };
  return `${JSON.stringify(out, null, 2)}\n`;
}

const entryOf = (f: ReportFinding): BaselineEntry => ({ fingerprint: fingerprint(f), rule: f.rule, branch: f.branch, period: f.period, subject: f.subject, path: f.path, messageId: f.messageId, args: f.args });

/** The baseline file for a report: its violations (not pending findings), sorted, as JSON. */
export function writeBaseline(report: Report): string {
  const entries = report.findings.filter((f) => f.status === 'violation').map(entryOf);
  return serialize({ tool: 'zhibu', version: report.version, created: report.asOf, entries });
}

/** Reads a baseline file's text; a broken one is a usage error naming the file and the field. */
export function parseBaseline(text: string, file: string): Baseline {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(`${file}: 基线文件不是有效的 JSON (baseline is not valid JSON): ${(error as Error).message}`);
  }
  const parsed = baselineFile.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((i) => `${formatPath(i.path) || '(root)'}: ${i.message}`);
    const more = parsed.error.issues.length > 5 ? `; … ${parsed.error.issues.length - 5} more` : '';
    throw new UsageError(`${file}: 不是 zhibu 基线文件 (not a zhibu baseline): ${problems.join('; ')}${more}`);
  }
  return parsed.data;
}

/** Splits baseline entries into those a report's violations still match (one entry per violation) and those it does not. */
function match(baseline: Baseline, report: Report): { matched: Set<ReportFinding>; used: Set<BaselineEntry> } {
  const open = new Map<string, BaselineEntry[]>();
  for (const e of baseline.entries) {
    if (isPositional(e.subject)) continue;
    const list = open.get(e.fingerprint);
    if (list) list.push(e);
    else open.set(e.fingerprint, [e]);
  }
  const matched = new Set<ReportFinding>();
  const used = new Set<BaselineEntry>();
  for (const f of report.findings) {
    if (f.status !== 'violation') continue;
    const entry = open.get(fingerprint(f))?.shift();
    if (entry) {
      matched.add(f);
      used.add(entry);
    }
  }
  return { matched, used };
}

/** Removes the violations a baseline knows from a report; pending findings are never baselined. */
export function applyBaseline(report: Report, baseline: Baseline): BaselineResult {
  const { matched, used } = match(baseline, report);
  const findings = report.findings.filter((f) => !matched.has(f));
  const violations: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) if (f.status === 'violation') violations[f.severity]++;
  const out: Report = {
    ...report,
    summary: { ...report.summary, violations, baselined: (report.summary.baselined ?? 0) + matched.size },
    findings,
  };
  const legacy = baseline.entries.filter((e) => isPositional(e.subject));
  return { report: out, known: matched.size, fixed: baseline.entries.filter((e) => !used.has(e) && !isPositional(e.subject)), legacy };
}

/** The baseline without the entries a report no longer has; pass the report as checked, before `applyBaseline`. */
export function pruneBaseline(baseline: Baseline, report: Report): string {
  const { used } = match(baseline, report);
  return serialize({ ...baseline, entries: baseline.entries.filter((e) => used.has(e)) });
}
