import type { z as Zod } from 'zod';
import { z } from './deferred-z.js';
import { primitive } from './primitive.js';

const entryKinds = z.enum(['activities', 'training', 'progress']);

/** Numbers repeated keys `#2`, `#3`… in the order they are given. */
function numbered(): (key: string) => string {
  const seen = new Map<string, number>();
  return (key) => {
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? key : `${key}#${n}`;
  };
}

/**
 * Record rule, only when --as-of is not given: a dated entry after today (a typing
 * mistake, or a meeting recorded before it was held). Such entries are not counted
 * by any rule, since every rule sees the records as of today.
 */
export const futureDated = primitive({
  name: 'future-dated',
  scope: 'branch',
  options: z.strictObject({ entries: z.array(entryKinds).min(1).default(['activities', 'training', 'progress']) }),
  run(scope, o, emit) {
    const today = scope.today;
    if (today === null) return;
    const { branch } = scope;
    // Each dated entry: after today, a finding; else met.
    const entry = (subject: string, date: string, at: number, kind: Zod.output<typeof entryKinds>, type: string | null, path: string | null) => {
      if (date > today) emit({ messageId: 'future-dated', args: { date, today, kind, type, subject }, period: null, subject, path, at, status: 'violation', date });
      else emit.met?.(null, subject);
    };
    if (o.entries.includes('activities')) {
      for (const a of branch.activities) entry(a.key, a.date, a.at, 'activities', a.type, `activities[${a.index}]`);
    }
    if (o.entries.includes('training')) {
      for (const m of scope.members) {
        const key = numbered();
        for (const t of m.training ?? []) {
          const subject = key(`${m.name}/training@${t.date}`);
          entry(subject, t.date, m.at, 'training', null, null);
        }
      }
    }
    if (o.entries.includes('progress')) {
      for (const p of branch.projects) {
        const key = numbered();
        for (const e of p.progress ?? []) {
          const subject = key(`${p.name}/progress@${e.date}`);
          entry(subject, e.date, p.at, 'progress', null, null);
        }
      }
    }
  },
});
