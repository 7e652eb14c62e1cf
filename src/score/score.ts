import { compareText, fingerprint, type Severity } from '../engine/finding.js';
import type { Window } from '../engine/periods.js';
import type { Lang } from '../i18n/index.js';
import type { ReportFinding, ReportInputError } from '../report/report.js';
import { round, type ScoreSheet } from './policy.js';

/** One rule's deduction in a category: how many violations, the points, and which findings. */
export interface Deduction {
  rule: string;
  /** The rule's title in the report's language (for sheets; not in the spec's shape, an added field). */
  title: string;
  count: number;
  points: number;
  /** Fingerprints (rule|branch|period|subject) of the findings deducted for. */
  findings: string[];
  /** Where each of those findings is: `file:line`, in the same order. */
  locations: string[];
}

export interface CategoryScore {
  category: string;
  weight: number;
  score: number;
  deductions: Deduction[];
}

export interface BranchScore {
  branch: string;
  name: string;
  total: number;
  grade: string;
  rank: number;
  /** The veto rules (一票否决) this branch violated, or null. */
  veto: string[] | null;
  categories: CategoryScore[];
  /** Pending findings of the branch (deduct nothing): what is still due, with days left. */
  pending: { rule: string; title: string; period: string | null; subject: string | null; message: string; file: string; line: number; daysLeft: number | null }[];
}

/** `zhibu score --format json` (standards.md, Scoring). */
export interface ScoreReport {
  tool: 'zhibu';
  kind: 'score';
  version: string;
  lang: Lang;
  asOf: string;
  window: Window;
  /** Grade names from the top, with their minimum totals. */
  grades: { name: string; min: number }[];
  branches: BranchScore[];
  inputErrors: ReportInputError[];
}

export interface ScoreInput {
  findings: readonly ReportFinding[];
  /** Every branch checked: each gets a score. */
  branches: readonly { id: string; name: string }[];
  /** Per organization id, per leader name: the leader's `liaison` (branch or branch/group). */
  liaisons: ReadonlyMap<string, ReadonlyMap<string, string | null>>;
  sheet: ScoreSheet;
  version: string;
  lang: Lang;
  asOf: string;
  window: Window;
  inputErrors?: readonly ReportInputError[];
}

/** The branch a finding counts against (standards.md): its own, a liaison's branch, or none. */
export function scoredBranch(finding: Pick<ReportFinding, 'rule' | 'branch' | 'subject'>, known: ReadonlySet<string>, liaisons: ScoreInput['liaisons']): string | null {
  if (finding.rule === 'org.unit-coverage') return null;
  if (finding.rule.startsWith('liaison.')) {
    const liaison = finding.subject === null ? null : liaisons.get(finding.branch)?.get(finding.subject);
    const target = liaison ? liaison.split('/')[0] as string : null;
    return target && known.has(target) ? target : null;
  }
  return known.has(finding.branch) ? finding.branch : null;
}

/** Scores every branch: category scores (扣完为止), total, grade, veto and rank with shared ties. */
export function scoreBranches(input: ScoreInput): ScoreReport {
  const { sheet } = input;
  const known = new Set(input.branches.map((b) => b.id));
  const violations = new Map<string, ReportFinding[]>();
  const pending = new Map<string, ReportFinding[]>();
  for (const f of input.findings) {
    const branch = scoredBranch(f, known, input.liaisons);
    if (branch === null) continue;
    const into = f.status === 'violation' ? violations : pending;
    const list = into.get(branch);
    if (list) list.push(f);
    else into.set(branch, [f]);
  }
  const lowest = sheet.grades[sheet.grades.length - 1]?.name ?? '';
  const scored: BranchScore[] = input.branches.map((b) => {
    const own = violations.get(b.id) ?? [];
    const categories = sheet.weights.map(([category, weight]): CategoryScore => {
      const byRule = new Map<string, ReportFinding[]>();
      for (const f of own) {
        if (f.category !== category) continue;
        const list = byRule.get(f.rule);
        if (list) list.push(f);
        else byRule.set(f.rule, [f]);
      }
      const deductions = [...byRule]
        .sort(([a], [b]) => compareText(a, b))
        .map(([rule, list]): Deduction => {
          const raw = list.length * sheet.deduction(rule, list[0]?.severity as Severity);
          const cap = sheet.cap(rule);
          return {
            rule,
            title: list[0]?.title ?? rule,
            count: list.length,
            points: round(cap === null ? raw : Math.min(cap, raw)),
            findings: list.map(fingerprint),
            locations: list.map((f) => `${f.file}:${f.line}`),
          };
        })
        .filter((d) => d.points > 0);
      const lost = deductions.reduce((sum, d) => sum + d.points, 0);
      return { category, weight, score: round(Math.max(0, weight - lost)), deductions };
    });
    const total = round(categories.reduce((sum, c) => sum + c.score, 0));
    const vetoed = [...new Set(own.filter((f) => sheet.veto.has(f.rule)).map((f) => f.rule))].sort(compareText);
    const grade = vetoed.length > 0 ? lowest : (sheet.grades.find((g) => total >= g.min)?.name ?? lowest);
    return {
      branch: b.id,
      name: b.name,
      total,
      grade,
      rank: 0,
      veto: vetoed.length > 0 ? vetoed : null,
      categories,
      pending: (pending.get(b.id) ?? []).map((f) => ({ rule: f.rule, title: f.title, period: f.period, subject: f.subject, message: f.message, file: f.file, line: f.line, daysLeft: f.daysLeft ?? null })),
    };
  });
  scored.sort((a, b) => b.total - a.total || compareText(a.branch, b.branch));
  scored.forEach((s, i) => {
    const previous = scored[i - 1];
    s.rank = previous && previous.total === s.total ? previous.rank : i + 1;
  });
  return {
    tool: 'zhibu',
    kind: 'score',
    version: input.version,
    lang: input.lang,
    asOf: input.asOf,
    window: input.window,
    grades: sheet.grades,
    branches: scored,
    inputErrors: [...(input.inputErrors ?? [])],
  };
}

/** Grade name → number of branches, in grade order (every grade listed). */
export function gradeCounts(report: ScoreReport): [string, number][] {
  return report.grades.map((g) => [g.name, report.branches.filter((b) => b.grade === g.name).length]);
}

/** Points lost per category across all branches, most first (categories that lost nothing left out). */
export function categoryLosses(report: ScoreReport): [string, number][] {
  const lost = new Map<string, number>();
  for (const b of report.branches) for (const c of b.categories) lost.set(c.category, (lost.get(c.category) ?? 0) + (c.weight - c.score));
  return [...lost].map(([c, n]): [string, number] => [c, round(n)]).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
}
