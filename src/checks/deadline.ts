import type { z as Zod } from 'zod';
import { z } from './deferred-z.js';
import { addDays, addMonths, daysBetween } from '../engine/periods.js';
import { isActive } from '../engine/scope.js';
import type { BranchScope } from '../engine/scope.js';
import { dayCount, primitive, whole } from './primitive.js';

export const deadlineTarget = z.enum(['branch', 'probationary-members', 'open-rectifications']);

/** The records a deadline-like rule looks at, as of as-of, with their offsets and subjects. */
export function deadlineItems(scope: BranchScope, target: Zod.output<typeof deadlineTarget>): { record: Record<string, unknown>; at: number; subject: string | null }[] {
  const { branch, asOf } = scope;
  const items: { record: Record<string, unknown>; at: number; subject: string | null }[] = [];
  if (target === 'branch') items.push({ record: branch.header, at: branch.at, subject: null });
  if (target === 'probationary-members') {
    for (const m of scope.members) if (m.status === 'probationary' && isActive(m, asOf)) items.push({ record: m.record, at: m.at, subject: m.name });
  }
  if (target === 'open-rectifications') {
    for (const r of branch.rectifications) {
      // Done without a date counts as done; done after as-of was still open that day.
      const open = r.status !== 'done' || (!!r.done && r.done > asOf);
      if (open && (!r.found || r.found <= asOf)) items.push({ record: r, at: r.at, subject: r.issue });
    }
  }
  return items;
}

/**
 * Structure: a date plus a term must not be before as-of (violation);
 * within `pendingDays` of it, the finding is pending.
 */
export const deadline = primitive({
  name: 'deadline',
  scope: 'branch',
  options: z.strictObject({
    target: deadlineTarget,
    from: z.string(),
    /** A later date that replaces from + term when present (an extended probation). */
    override: z.string().optional(),
    years: whole.max(100).default(0),
    days: dayCount.default(0),
    pendingDays: dayCount.default(0),
  }),
  run(scope, o, emit) {
    const { asOf } = scope;
    for (const { record, at, subject } of deadlineItems(scope, o.target)) {
      const overridden = o.override ? record[o.override] : undefined;
      const start = record[o.from];
      if (typeof overridden !== 'string' && typeof start !== 'string') continue;
      const due = typeof overridden === 'string' ? overridden : addDays(addMonths(start as string, o.years * 12), o.days);
      const daysLeft = daysBetween(asOf, due);
      const status = due < asOf ? 'violation' : daysLeft <= o.pendingDays && o.pendingDays > 0 ? 'pending' : null;
      if (!status) {
        emit.met?.(null, subject);
        continue;
      }
      emit({ messageId: 'deadline', args: { target: o.target, subject, due, daysLeft, overdue: -daysLeft }, period: null, subject, at, status });
    }
  },
});
