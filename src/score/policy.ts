import { z } from 'zod';
import type { Severity } from '../engine/finding.js';
import { categories } from '../engine/rules.js';

/** The built-in inspection sheet (standards.md, Scoring): category weights out of 100. */
export const defaultWeights: Readonly<Record<string, number>> = { 组织设置: 15, 三会一课: 30, 主题党日: 10, 组织生活: 15, 党员管理: 15, 联系基层: 5, 活动载体与整改: 5, 记录规范: 5 };
/** Points deducted per violation, by severity. */
export const defaultDeductions: Readonly<Record<Severity, number>> = { error: 2, warning: 0.5, info: 0 };
/** Grades from the top; the last is the lowest (and the one a veto gives). */
export const defaultGrades = [
  { name: { zh: '优秀', en: 'excellent' }, min: 90 },
  { name: { zh: '良好', en: 'good' }, min: 80 },
  { name: { zh: '达标', en: 'satisfactory' }, min: 60 },
  { name: { zh: '不达标', en: 'unsatisfactory' }, min: 0 },
] as const;

const points = z.number().min(0).max(100);

/**
 * The `score:` key of zhibu.config.yaml. Weights are merged over the built-in ones and must
 * then add up to 100; a rule's `points` replaces its severity's deduction; `cap` limits what
 * one rule can take from its category; `veto` rules (一票否决) make the grade the lowest one.
 *
 * ```yaml
 * score:
 *   weights: { 三会一课: 35, 记录规范: 0 }
 *   deductions: { error: 2, warning: 0.5 }
 *   rules: { member.dues-monthly: { points: 0.2, cap: 3 } }
 *   grades: [{ name: 优秀, min: 90 }, { name: 良好, min: 80 }, { name: 达标, min: 60 }, { name: 不达标 }]
 *   veto: [theme-day.no-entertainment]
 * ```
 */
export const scorePolicy = z
  .strictObject({
    weights: z.record(z.string(), points).optional(),
    deductions: z.strictObject({ error: points.optional(), warning: points.optional(), info: points.optional() }).optional(),
    rules: z.record(z.string(), z.strictObject({ points: points.optional(), cap: points.optional() })).optional(),
    grades: z
      .array(z.strictObject({ name: z.string().trim().min(1), min: points.optional() }))
      .min(1)
      .optional(),
    veto: z.array(z.string()).optional(),
  })
  .superRefine((policy, ctx) => {
    const weights = { ...defaultWeights, ...policy.weights };
    const sum = Object.values(weights).reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 100) > 1e-9) {
      const table = Object.entries(weights).map(([k, v]) => `${k} ${v}`).join(', ');
      ctx.addIssue({ code: 'custom', path: ['weights'], message: `weights add up to ${round(sum)}, not 100 (with the built-in ones: ${table})` });
    }
    const grades = policy.grades ?? [];
    grades.forEach((g, i) => {
      const last = i === grades.length - 1;
      if (!last && g.min === undefined) ctx.addIssue({ code: 'custom', path: ['grades', i, 'min'], message: 'every grade but the last needs min' });
      const before = grades[i - 1]?.min;
      if (i > 0 && before !== undefined && (g.min ?? 0) >= before) ctx.addIssue({ code: 'custom', path: ['grades', i, 'min'], message: `min must be below the grade above (${before})` });
    });
    if (grades.length > 0 && (grades[grades.length - 1]?.min ?? 0) !== 0) ctx.addIssue({ code: 'custom', path: ['grades', grades.length - 1, 'min'], message: 'the last grade is the lowest: min 0 (or no min)' });
  });

export type ScorePolicy = z.output<typeof scorePolicy>;

/** A number rounded to hundredths (0.5-point deductions add up without float noise). */
export function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** The effective sheet: weights in category order, deductions, grades (names in a language). */
export interface ScoreSheet {
  weights: [string, number][];
  deduction(rule: string, severity: Severity): number;
  cap(rule: string): number | null;
  grades: { name: string; min: number }[];
  veto: ReadonlySet<string>;
}

/** Resolves a (validated) policy over the defaults. */
export function scoreSheet(policy: ScorePolicy | undefined, lang: 'zh' | 'en'): ScoreSheet {
  const weights = { ...defaultWeights, ...policy?.weights };
  const order = [...categories, ...Object.keys(weights).filter((c) => !(categories as readonly string[]).includes(c))];
  const deductions = { ...defaultDeductions, ...policy?.deductions };
  const rules = policy?.rules ?? {};
  return {
    weights: order.filter((c) => weights[c] !== undefined).map((c) => [c, weights[c] as number]),
    deduction: (rule, severity) => rules[rule]?.points ?? deductions[severity],
    cap: (rule) => rules[rule]?.cap ?? null,
    grades: policy?.grades ? policy.grades.map((g) => ({ name: g.name, min: g.min ?? 0 })) : defaultGrades.map((g) => ({ name: g.name[lang], min: g.min })),
    veto: new Set(policy?.veto ?? []),
  };
}
