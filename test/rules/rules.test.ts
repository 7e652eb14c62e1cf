import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { categories } from '../../src/engine/rules.js';
import { builtinRules, checkFiles, root, ruleFileNames, sorted, tuplesOf, type Tuple } from '../support/engine.js';

/**
 * One row per built-in rule: the window and as-of date its fixtures are checked
 * with, and every finding of that rule that fires.yaml must produce
 * (branch, period, subject, status). passes.yaml must produce none.
 */
interface RuleCase {
  rule: string;
  period: string;
  asOf: string;
  /** Set for a check with no --as-of (today = as-of). */
  today?: string;
  fires: Tuple[];
}

const Q3 = { period: '2026Q3', asOf: '2026-10-08' };
const YEAR_CLOSED = { period: '2026', asOf: '2027-01-15' };
const YEAR_OPEN = { period: '2026', asOf: '2026-10-08' };

const cases: RuleCase[] = [
  { rule: 'election.quorum', ...Q3, fires: [['pb-001', null, 'election@2026-07-15', 'violation']] },
  { rule: 'lecture.quarterly', ...YEAR_OPEN, fires: [['pb-001', '2026Q3', null, 'violation'], ['pb-001', '2026Q4', null, 'pending']] },
  { rule: 'lecture.secretary-yearly', ...YEAR_CLOSED, fires: [['pb-001', '2026', null, 'violation']] },
  { rule: 'liaison.assigned', ...Q3, fires: [['corp', null, '赵刚', 'violation'], ['corp', null, '钱敏', 'violation'], ['corp', null, '孙磊', 'violation']] },
  { rule: 'liaison.dual-life', ...YEAR_CLOSED, fires: [['corp', '2026', '赵刚', 'violation']] },
  { rule: 'liaison.lecture-yearly', ...YEAR_CLOSED, fires: [['corp', '2026', '赵刚', 'violation']] },
  { rule: 'liaison.participation-quarterly', ...YEAR_OPEN, fires: [['corp', '2026Q3', '赵刚', 'violation'], ['corp', '2026Q4', '赵刚', 'pending']] },
  { rule: 'life-meeting.yearly', ...YEAR_CLOSED, fires: [['pb-001', '2026', null, 'violation']] },
  { rule: 'meetings.committee-monthly', period: '2026Q3', asOf: '2026-09-20', fires: [['pb-001', '2026-08', null, 'violation'], ['pb-001', '2026-09', null, 'pending']] },
  { rule: 'meetings.committee-quorum', ...Q3, fires: [['pb-001', null, 'committee-meeting@2026-07-06', 'violation'], ['pb-001', null, 'committee-meeting@2026-08-05', 'violation']] },
  { rule: 'meetings.general-quarterly', ...Q3, fires: [['pb-001', '2026Q3', null, 'violation']] },
  { rule: 'meetings.general-quorum', ...Q3, fires: [['pb-001', null, 'general-meeting@2026-07-10', 'violation'], ['pb-001', null, 'general-meeting@2026-09-12', 'violation']] },
  { rule: 'meetings.group-monthly', ...Q3, fires: [['pb-001', '2026-08', '第二党小组', 'violation']] },
  {
    rule: 'meetings.record-complete',
    ...Q3,
    fires: [['pb-001', null, 'general-meeting@2026-07-10', 'violation'], ['pb-001', null, 'party-lecture@2026-08-20', 'violation'], ['pb-001', null, 'committee-meeting@2026-09-03', 'violation']],
  },
  { rule: 'member.dues-lapsed', ...Q3, fires: [['pb-001', null, '王强', 'violation']] },
  { rule: 'member.dues-monthly', period: '2026Q3', asOf: '2026-09-15', fires: [['pb-001', '2026-08', '李娜', 'violation'], ['pb-001', '2026-09', '李娜', 'pending']] },
  { rule: 'member.inactive', ...Q3, fires: [['pb-001', null, '王强', 'violation'], ['pb-001', null, '刘洋', 'violation']] },
  { rule: 'member.indicators', ...Q3, fires: [['pb-001', null, '李娜', 'violation'], ['pb-001', null, '王强', 'violation']] },
  { rule: 'member.probation-overdue', ...Q3, fires: [['pb-001', null, '赵敏', 'violation'], ['pb-001', null, '钱多多', 'pending']] },
  { rule: 'member.training-hours', ...YEAR_CLOSED, fires: [['pb-001', '2026', '张伟', 'violation'], ['pb-001', '2026', '王强', 'violation']] },
  { rule: 'org.branch-max-members', ...Q3, fires: [['pb-001', null, null, 'violation']] },
  { rule: 'org.branch-min-members', ...Q3, fires: [['pb-001', null, null, 'violation']] },
  { rule: 'org.committee-not-needed', ...Q3, fires: [['pb-001', null, null, 'violation']] },
  { rule: 'org.committee-required', ...Q3, fires: [['pb-001', null, null, 'violation']] },
  { rule: 'org.committee-size', ...Q3, fires: [['pb-001', null, null, 'violation'], ['pb-002', null, null, 'violation']] },
  { rule: 'org.election-date', ...Q3, fires: [['pb-001', null, null, 'violation']] },
  { rule: 'org.groups-assigned', ...Q3, fires: [['pb-001', null, '王强', 'violation'], ['pb-001', null, '刘洋', 'violation']] },
  // standards.md gives org.secretary no subject; the implementation names the secretary.
  { rule: 'org.secretary', ...Q3, fires: [['pb-001', null, '张伟', 'violation'], ['pb-002', null, '赵敏', 'violation'], ['pb-003', null, '冯军', 'violation']] },
  { rule: 'org.term-expired', ...Q3, fires: [['pb-001', null, null, 'violation'], ['pb-002', null, null, 'pending']] },
  { rule: 'org.unit-coverage', ...Q3, fires: [['corp', null, '第二项目部', 'violation'], ['corp', null, '第四项目部', 'violation'], ['corp', null, '第六项目部', 'violation']] },
  { rule: 'project.defined', ...Q3, fires: [['pb-001', null, '党员先锋岗攻坚项目', 'violation'], ['pb-001', null, '党员安全责任区', 'violation']] },
  { rule: 'project.progress-quarterly', ...YEAR_OPEN, fires: [['pb-001', '2026Q3', '党员先锋岗攻坚项目', 'violation'], ['pb-001', '2026Q4', '党员先锋岗攻坚项目', 'pending']] },
  { rule: 'records.attendance-conflict', ...Q3, fires: [['pb-001', null, 'general-meeting@2026-07-10', 'violation']] },
  {
    rule: 'records.future-date',
    ...Q3,
    today: Q3.asOf,
    fires: [['pb-001', null, '张伟/training@2026-10-20', 'violation'], ['pb-001', null, 'general-meeting@2026-11-20', 'violation'], ['pb-001', null, '党员先锋岗攻坚项目/progress@2026-12-01', 'violation']],
  },
  { rule: 'records.duplicate', ...Q3, fires: [['pb-001', null, 'general-meeting@2026-07-10#2', 'violation'], ['pb-001', null, 'group-meeting@2026-08-08/第一党小组#2', 'violation']] },
  { rule: 'records.unknown-person', ...Q3, fires: [['pb-001', null, 'general-meeting@2026-07-10', 'violation'], ['pb-001', null, 'party-lecture@2026-08-20', 'violation']] },
  { rule: 'rectification.overdue', ...Q3, fires: [['pb-001', null, '二季度未召开支部党员大会', 'violation'], ['pb-001', null, '党费收缴台账不全', 'violation']] },
  { rule: 'review.yearly', ...YEAR_CLOSED, fires: [['pb-001', '2026', null, 'violation']] },
  { rule: 'talks.yearly', ...YEAR_CLOSED, fires: [['pb-001', '2026', '王强', 'violation']] },
  { rule: 'theme-day.monthly', ...Q3, fires: [['pb-001', '2026-08', null, 'violation']] },
  { rule: 'theme-day.no-entertainment', ...Q3, fires: [['pb-001', null, 'theme-day@2026-08-15', 'violation']] },
  { rule: 'theme-day.varied-forms', ...YEAR_OPEN, fires: [['pb-001', '2026Q1', null, 'violation']] },
];

const fixture = (rule: string, kind: 'fires' | 'passes') => `fixtures/rules/${rule}/${kind}.yaml`;

describe('each built-in rule against its fixtures', () => {
  it.each(cases)('$rule: fires.yaml gives exactly the expected findings', ({ rule, period, asOf, today, fires }) => {
    const result = checkFiles([fixture(rule, 'fires')], period, asOf, undefined, today);
    expect(result.inputErrors).toEqual([]);
    expect(sorted(tuplesOf(result.findings, rule))).toEqual(sorted(fires));
  });

  it.each(cases)('$rule: passes.yaml gives no finding of the rule', ({ rule, period, asOf, today }) => {
    const result = checkFiles([fixture(rule, 'passes')], period, asOf, undefined, today);
    expect(result.inputErrors).toEqual([]);
    expect(tuplesOf(result.findings, rule)).toEqual([]);
    expect(result.exempted).toBe(0);
  });
});

describe('parity: rules/, fixtures and README', () => {
  const ids = ruleFileNames().map((f) => f.replace(/\.ya?ml$/, ''));

  it('every rule file loads without errors and its id is its file name', () => {
    const { rules, errors } = builtinRules();
    expect(errors).toEqual([]);
    expect(rules.map((r) => r.id).sort()).toEqual(ids);
  });

  it('the case table covers every rule file exactly once', () => {
    expect(cases.map((c) => c.rule).sort()).toEqual(ids);
  });

  it.each(ids)('%s has fires.yaml and passes.yaml, each opening with a comment', (id) => {
    for (const kind of ['fires', 'passes'] as const) {
      const file = path.join(root, fixture(id, kind));
      expect(existsSync(file), `${fixture(id, kind)} is missing`).toBe(true);
      expect(readFileSync(file, 'utf8').startsWith(`# ${id} `), `${fixture(id, kind)} should open with "# ${id} …"`).toBe(true);
    }
  });

  it('README.md has one rule-table row per rule, equal to the rule file (id, category, severity, title, basis)', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const rows = readme.split(/\r?\n/).filter((line) => /^\| `[a-z][a-z0-9-]*(\.[a-z0-9-]+)+` \|/.test(line));
    const order = (r: { category: string; id: string }) => `${String(categories.indexOf(r.category as (typeof categories)[number])).padStart(2, '0')} ${r.id}`;
    const expected = [...builtinRules().rules]
      .sort((a, b) => (order(a) < order(b) ? -1 : 1))
      .map((r) => `| \`${r.id}\` | ${r.category} | ${r.severity} | ${r.title} | ${r.basis} |`);
    expect(rows).toEqual(expected);
    expect(rows).toHaveLength(ids.length);
  });
});
