import { z } from 'zod';
import type { Severity } from '../engine/finding.js';
import type { Lang } from '../i18n/index.js';

// At most ten years: a deadline must stay a real date.
const days = z.number().int().min(0).max(3650);
/** `secretary` (the branch secretary), `subject` (whom the finding is about, e.g. a leader), `organization`, or a literal name. */
const owner = z.string().trim().min(1);
const override = z.strictObject({ days: days.optional(), owner: owner.optional() });

/**
 * The `rectify:` key of zhibu.config.yaml: who owns a problem and how many days it gets.
 * A rule's setting wins over its category's, which wins over the defaults.
 *
 * ```yaml
 * rectify:
 *   days: { error: 30, warning: 60, info: 90 }
 *   categories: { 党员管理: { days: 45 } }
 *   rules: { member.dues-monthly: { days: 15, owner: 组织委员李四 } }
 * ```
 */
export const rectifyPolicy = z.strictObject({
  days: z.strictObject({ error: days.optional(), warning: days.optional(), info: days.optional() }).optional(),
  rules: z.record(z.string(), override).optional(),
  categories: z.record(z.string(), override).optional(),
});

export type RectifyPolicy = z.output<typeof rectifyPolicy>;

export const defaultDays: Record<Severity, number> = { error: 30, warning: 60, info: 90 };

/** What the policy needs to know of a problem. */
export interface OwnedProblem {
  rule: string;
  category: string;
  severity: Severity;
  subject: string | null;
  /** The branch's secretary; null for an organization-level problem. */
  secretary: string | null;
  /** The organization's name: the problem's own organization, or the only one read. */
  organization: string | null;
}

/** Days from as-of to the deadline: rule setting, else category setting, else the severity's days. */
export function deadlineDays(policy: RectifyPolicy, problem: Pick<OwnedProblem, 'rule' | 'category' | 'severity'>): number {
  return policy.rules?.[problem.rule]?.days ?? policy.categories?.[problem.category]?.days ?? policy.days?.[problem.severity] ?? defaultDays[problem.severity];
}

/**
 * Who is responsible. Defaults: liaison.* → the leader (the finding's subject); a problem of the
 * organization itself → the organization; anything else → the branch secretary.
 */
export function ownerOf(policy: RectifyPolicy, problem: OwnedProblem, lang: Lang): string {
  const configured = policy.rules?.[problem.rule]?.owner ?? policy.categories?.[problem.category]?.owner;
  const role = configured ?? (problem.rule.startsWith('liaison.') ? 'subject' : problem.secretary === null ? 'organization' : 'secretary');
  const organization = problem.organization ?? (lang === 'zh' ? '上级党组织' : 'the party committee');
  if (role === 'secretary') return problem.secretary ?? organization;
  if (role === 'subject') return problem.subject ?? problem.secretary ?? organization;
  if (role === 'organization') return organization;
  return role;
}

/** Validates the `rectify:` value of a configuration (absent = defaults); returns the messages of what is wrong. */
export function parseRectifyPolicy(value: unknown): { policy: RectifyPolicy; problems: string[] } {
  if (value === undefined || value === null) return { policy: {}, problems: [] };
  const result = rectifyPolicy.safeParse(value);
  if (result.success) return { policy: result.data, problems: [] };
  return {
    policy: {},
    problems: result.error.issues.map((i) => {
      const where = ['rectify', ...i.path.map(String)].join('.');
      return i.code === 'unrecognized_keys' ? `${where}: unknown key ${i.keys.join(', ')}` : `${where}: ${i.message}`;
    }),
  };
}
