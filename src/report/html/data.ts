import type { ScoreReport } from '../../score/score.js';
import type { ReportFinding } from '../report.js';

/** A table of distinct strings: each is written once and named by its index. */
class Strings {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();

  /** The string's index; -1 for null. */
  of(text: string | null | undefined): number {
    if (text === null || text === undefined) return -1;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.push(text) - 1;
      this.index.set(text, i);
    }
    return i;
  }
}

export interface PageDataInput {
  findings: readonly ReportFinding[];
  scores: ScoreReport;
  /** Per finding (same order): the branch it counts against (standards.md), or null. */
  countsAgainst: readonly (string | null)[];
  /** Per branch id: its file and line. */
  places: ReadonlyMap<string, { file: string; line: number }>;
  /** Per branch id: the heatmap's cell codes, every family's periods one after another. */
  cells: ReadonlyMap<string, string>;
}

/**
 * The page's data in columns: every string (ids, names, files, subjects, periods, categories)
 * once in `strings` and named by index, findings as parallel arrays, and branch views pointing
 * at findings by index instead of repeating them (a deduction's findings, a branch's pending
 * items). On 1,000 branch-years this is about a fifth of the size of the plain objects, which
 * is what the browser spends its first seconds reading and parsing. The page's script decodes it.
 */
export function pageData({ findings, scores, countsAgainst, places, cells }: PageDataInput) {
  const strings = new Strings();
  const rules = new Strings();
  const ruleText = new Map<string, { title: string; basis: string; remedy: string }>();
  const violations = new Map<string, number[]>();
  const f = { rule: [] as number[], severity: '', status: '', branch: [] as number[], period: [] as number[], subject: [] as number[], message: [] as string[], file: [] as number[], line: [] as number[], category: [] as number[], daysLeft: [] as (number | null)[], against: [] as number[] };
  findings.forEach((x, i) => {
    const against = countsAgainst[i] ?? null;
    f.rule.push(rules.of(x.rule));
    if (!ruleText.has(x.rule)) ruleText.set(x.rule, { title: x.title, basis: x.basis, remedy: x.remedy });
    f.severity += x.severity[0];
    f.status += x.status[0];
    f.branch.push(strings.of(x.branch));
    f.period.push(strings.of(x.period));
    f.subject.push(strings.of(x.subject));
    f.message.push(x.message);
    f.file.push(strings.of(x.file));
    f.line.push(x.line);
    f.category.push(strings.of(x.category));
    f.daysLeft.push(x.daysLeft ?? null);
    f.against.push(strings.of(against));
    if (against !== null && x.status === 'violation') {
      const key = `${against}\u0000${x.rule}`;
      const list = violations.get(key);
      if (list) list.push(i);
      else violations.set(key, [i]);
    }
  });
  const categories = (scores.branches[0]?.categories ?? []).map((c) => ({ name: c.category, weight: c.weight }));
  const grades = scores.grades.map((g) => g.name);
  const b = { id: [] as number[], name: [] as number[], file: [] as number[], line: [] as number[], total: [] as number[], grade: [] as number[], rank: [] as number[], veto: [] as (number[] | null)[], scores: [] as number[][], deductions: [] as number[][], cells: [] as string[] };
  for (const x of scores.branches) {
    const place = places.get(x.branch);
    b.id.push(strings.of(x.branch));
    b.name.push(strings.of(x.name));
    b.file.push(strings.of(place?.file ?? ''));
    b.line.push(place?.line ?? 1);
    b.total.push(x.total);
    b.grade.push(grades.indexOf(x.grade));
    b.rank.push(x.rank);
    b.veto.push(x.veto?.map((r) => rules.of(r)) ?? null);
    b.scores.push(x.categories.map((c) => c.score));
    // Per deduction: category, rule, count, points, how many findings, then those findings' indexes.
    b.deductions.push(x.categories.flatMap((c, ci) => c.deductions.flatMap((d) => {
      const list = violations.get(`${x.branch}\u0000${d.rule}`) ?? [];
      return [ci, rules.of(d.rule), d.count, d.points, list.length, ...list];
    })));
    b.cells.push(cells.get(x.branch) ?? '');
  }
  return {
    strings: strings.list,
    rules: rules.list.map((id) => ({ id, ...(ruleText.get(id) ?? { title: id, basis: '', remedy: '' }) })),
    categories,
    findings: f,
    branches: b,
  };
}
