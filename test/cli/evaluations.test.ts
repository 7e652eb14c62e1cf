import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/report.js';
import { runCli } from '../support/cli.js';
import { builtinRules, root } from '../support/engine.js';

// `check --evaluations` on the demo: every (rule, branch) the engine evaluated appears, passes included.
// No --as-of, so records.future-date (only without one) is evaluated too.
const today = '2026-11-15';
const organizations = ['hy-01'];
const branches = ['hy01-jg', 'hy01-xm1', 'hy01-xm2', 'hy01-xm3'];

/**
 * The (rule, branch) pairs with no evaluation at all on the demo, and why: the rule does not
 * apply to the branch (`when:`), or the branch has nothing the rule looks at.
 */
const notApplicable: Record<string, { branches: string[]; why: string }> = {
  'election.quorum': { branches, why: 'no election record in 2026' },
  'meetings.committee-monthly': { branches: ['hy01-xm2', 'hy01-xm3'], why: 'when: committee present; these branches have none' },
  'meetings.committee-quorum': { branches: ['hy01-xm2', 'hy01-xm3'], why: 'when: committee present' },
  'org.committee-not-needed': { branches: ['hy01-xm2', 'hy01-xm3'], why: 'when: committee present' },
  'org.committee-size': { branches: ['hy01-xm2', 'hy01-xm3'], why: 'when: committee present' },
  'org.committee-eligible': { branches: ['hy01-xm2', 'hy01-xm3'], why: 'no deputy secretary and no committee to check' },
  'org.committee-required': { branches: ['hy01-jg', 'hy01-xm1'], why: 'when: committee absent; these branches have one' },
  'meetings.group-monthly': { branches: ['hy01-xm1', 'hy01-xm2', 'hy01-xm3'], why: 'no party groups' },
  'org.groups-assigned': { branches: ['hy01-xm1', 'hy01-xm2', 'hy01-xm3'], why: 'no party groups to assign members to' },
  'member.probation-extension': { branches, why: 'no probation extended' },
  'member.probation-overdue': { branches: ['hy01-jg', 'hy01-xm2', 'hy01-xm3'], why: 'no probationary member' },
  'project.defined': { branches, why: 'no projects' },
  'project.progress-quarterly': { branches, why: 'no projects' },
  'records.attendance-conflict': { branches: ['hy01-jg', 'hy01-xm2', 'hy01-xm3'], why: 'no record lists both attendees and absentees' },
  'rectification.overdue': { branches, why: 'no open rectification' },
};

let report: Report;

beforeAll(async () => {
  const run = await runCli(['check', 'fixtures/demo', '--period', '2026', '--format', 'json', '--evaluations', '--fail-on', 'never'], root, today);
  expect(run.code).toBe(0);
  report = JSON.parse(run.out) as Report;
});

describe('check --evaluations on the demo records', () => {
  it('evaluates every rule for every branch (organization rules for the organization), passes included, except where documented as not applicable', () => {
    const evaluations = report.evaluations ?? [];
    const seen = new Set(evaluations.map((e) => `${e.rule}\u0000${e.branch}`));
    const missing: Record<string, string[]> = {};
    for (const rule of builtinRules().rules) {
      expect(report.rules).toContain(rule.id);
      for (const owner of rule.primitive.scope === 'organization' ? organizations : branches) {
        if (!seen.has(`${rule.id}\u0000${owner}`)) (missing[rule.id] ??= []).push(owner);
      }
    }
    expect(missing).toEqual(Object.fromEntries(Object.entries(notApplicable).map(([rule, n]) => [rule, n.branches])));
    // Structure and record rules report their passes too: every rule evaluated somewhere passed somewhere,
    // but for member.probation-overdue, whose only probationary member (郭晓燕, hy01-xm1) is overdue.
    const passed = new Set(evaluations.filter((e) => e.outcome === 'met').map((e) => e.rule));
    const evaluated = new Set(evaluations.map((e) => e.rule));
    expect([...evaluated].filter((rule) => !passed.has(rule))).toEqual(['member.probation-overdue']);
  });

  it('has an unmet or pending evaluation with the same rule, branch, period and subject for every finding', () => {
    const key = (x: { rule: string; branch: string; period: string | null; subject: string | null }) => [x.rule, x.branch, x.period ?? '', x.subject ?? ''].join('\u0000');
    const outcomes = new Map<string, Set<string>>();
    for (const e of report.evaluations ?? []) {
      const set = outcomes.get(key(e)) ?? new Set<string>();
      set.add(e.outcome);
      outcomes.set(key(e), set);
    }
    expect(report.findings.length).toBeGreaterThan(10);
    for (const f of report.findings) expect([key(f), [...(outcomes.get(key(f)) ?? [])]]).toEqual([key(f), expect.arrayContaining([f.status === 'violation' ? 'unmet' : 'pending'])]);
  });

  it('records a passing evaluation with the identity a finding would have: a record rule names the record, a per-period rule its period', () => {
    const evaluations = report.evaluations ?? [];
    const record = evaluations.find((e) => e.rule === 'meetings.record-complete' && e.outcome === 'met');
    expect(record).toMatchObject({ period: null, subject: expect.stringMatching(/@\d{4}-\d{2}-\d{2}/) });
    const hours = evaluations.find((e) => e.rule === 'member.training-hours' && e.outcome === 'met');
    expect(hours).toMatchObject({ period: '2026' });
    expect(evaluations.find((e) => e.rule === 'org.branch-max-members' && e.outcome === 'met')).toMatchObject({ period: null, subject: null });
  });
});
