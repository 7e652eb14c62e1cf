import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/engine/finding.js';
import { periodsText } from '../../src/i18n/format.js';
import { parseRowId } from '../../src/rectify/group.js';
import { buildRectificationList, type RectificationItem } from '../../src/rectify/list.js';
import { parseRectifyPolicy, rectifyPolicy, type RectifyPolicy } from '../../src/rectify/policy.js';
import { branches, coverage, dues, duesPending, generalQ3, group, liaison, organizations, q3Findings, report, themeDay } from './fixture.js';

const build = (policy: RectifyPolicy = {}, includePending = false, lang: 'zh' | 'en' = 'zh') =>
  buildRectificationList({ report: report(q3Findings), branches: branches(), organizations, asOf: '2026-10-08', policy, includePending, lang });
const byRule = (items: RectificationItem[], rule: string) => items.filter((i) => i.rule === rule);

describe('grouping', () => {
  it('merges a member’s unpaid months into one row and keeps every finding', () => {
    const [row, ...rest] = byRule(build().items, 'member.dues-monthly');
    expect(rest).toHaveLength(0);
    expect(row?.problem).toBe('2026年7月、8月、9月党员王五未交纳党费');
    expect(row?.periods).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(row?.findings.map((f) => f.id)).toEqual([fingerprint(dues(7)), fingerprint(dues(8)), fingerprint(dues(9))]);
    expect(row?.id).toBe('member.dues-monthly|pb-003|2026-07,2026-08,2026-09|王五');
  });

  it('merges a group’s missed months', () => {
    const rows = byRule(build().items, 'meetings.group-monthly');
    expect(rows.map((r) => r.problem)).toEqual(['2026年7月、8月第一党小组未召开党小组会（要求至少1次，实际0次）']);
  });

  it('keeps a one-finding row’s id equal to the finding’s fingerprint', () => {
    const [row] = byRule(build().items, 'meetings.general-quarterly');
    expect(row?.id).toBe(fingerprint(generalQ3));
    expect(row?.problem).toBe(generalQ3.message);
  });

  it('joins the messages when they differ in more than the period', () => {
    const odd = { ...group(8), args: { ...group(8).args, min: 2, actual: 1 }, message: '2026年8月第一党小组党小组会次数不足（要求至少2次，实际1次）' };
    const list = buildRectificationList({ report: report([group(7), odd]), branches: branches(), organizations, asOf: '2026-10-08', policy: {}, includePending: false });
    expect(list.items[0]?.problem).toBe(`${group(7).message}；${odd.message}`);
  });

  it('writes merged periods in both languages', () => {
    expect(periodsText(['2025-12', '2026-01'], 'zh')).toBe('2025年12月、2026年1月');
    expect(periodsText(['2026-07', '2026-08'], 'en')).toBe('Jul, Aug 2026');
    expect(periodsText(['2026Q1', '2026Q2'], 'zh')).toBe('2026年第一季度、第二季度');
    expect(periodsText(['2026Q1', '2026Q2'], 'en')).toBe('2026 Q1, Q2');
  });

  it('gives back every finding’s fingerprint from a row id', () => {
    expect(parseRowId('member.dues-monthly|pb-003|2026-07,2026-08|王五')?.findingIds).toEqual([fingerprint(dues(7)), fingerprint(dues(8))]);
    expect(parseRowId(fingerprint(coverage))).toMatchObject({ rule: 'org.unit-coverage', branch: 'corp', periods: [], subject: '第五项目部', findingIds: [fingerprint(coverage)] });
    expect(parseRowId('nonsense')).toBeNull();
  });
});

describe('items', () => {
  it('lists violations only by default, pending ones in the reminders with --include-pending', () => {
    expect(build().reminders).toEqual([]);
    expect(build().items.every((i) => i.status !== 'pending')).toBe(true);
    const reminders = build({}, true).reminders;
    expect(reminders.map((r) => [r.seq, r.id, r.status, r.deadline, r.owner])).toEqual([[1, fingerprint(duesPending), 'pending', '2026-10-31', '张三']]);
  });

  it('numbers rows by branch in file order: organization, pb-001, pb-003', () => {
    const items = build().items;
    expect(items.map((i) => i.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(items.map((i) => i.branch.id)).toEqual(['corp', 'corp', 'pb-001', 'pb-003', 'pb-003', 'pb-003', 'pb-003']);
    expect(items.find((i) => i.branch.id === 'corp')?.branch.name).toBe('XX公司党委');
  });

  it('assigns owners: secretary, leader for liaison, organization for its structure', () => {
    const owners = Object.fromEntries(build().items.map((i) => [i.rule, i.owner]));
    expect(owners).toMatchObject({ 'theme-day.monthly': '张三', 'meetings.general-quarterly': '李四', 'liaison.participation-quarterly': '赵六', 'org.unit-coverage': 'XX公司党委' });
  });

  it('sets deadlines as-of + days per severity (error 30, warning 60)', () => {
    const deadlines = Object.fromEntries(build().items.map((i) => [i.rule, i.deadline]));
    expect(deadlines['meetings.general-quarterly']).toBe('2026-11-07');
    expect(deadlines['member.dues-monthly']).toBe('2026-12-07');
  });

  it('applies rule settings over category settings over severity days', () => {
    const policy = rectifyPolicy.parse({
      days: { error: 20 },
      categories: { 党员管理: { days: 45, owner: '组织委员' }, 三会一课: { owner: 'organization' } },
      rules: { 'meetings.group-monthly': { days: 10, owner: 'subject' } },
    });
    const items = build(policy).items;
    const of = (rule: string) => items.find((i) => i.rule === rule);
    expect(of('member.dues-monthly')).toMatchObject({ deadline: '2026-11-22', owner: '组织委员' });
    expect(of('meetings.group-monthly')).toMatchObject({ deadline: '2026-10-18', owner: '第一党小组' });
    expect(of('meetings.general-quarterly')).toMatchObject({ deadline: '2026-10-28', owner: 'XX公司党委' });
    expect(of('theme-day.monthly')).toMatchObject({ deadline: '2026-10-28', owner: '张三' });
  });

  it('validates the policy strictly', () => {
    expect(parseRectifyPolicy(undefined)).toEqual({ policy: {}, problems: [] });
    expect(parseRectifyPolicy({ days: { error: -1 } }).problems[0]).toMatch(/^rectify\.days\.error: /);
    expect(parseRectifyPolicy({ dayz: {} }).problems).toEqual(['rectify: unknown key dayz']);
  });

  it('has no previous list: every problem is 待整改', () => {
    expect(new Set(build().items.map((i) => i.status))).toEqual(new Set(['open']));
  });

  it('summarises problems per branch by severity', () => {
    expect(build({}, true).summary.map((s) => [s.branch.id, s.error, s.warning, s.info, s.total, s.pending])).toEqual([
      ['corp', 1, 1, 0, 2, 0],
      ['pb-001', 1, 0, 0, 1, 1],
      ['pb-003', 2, 2, 0, 4, 0],
    ]);
  });

  it('is the organization’s list when one organization was read', () => {
    expect(build().unit).toBe('XX公司党委');
  });

  it('writes merged problems in English too', () => {
    const list = buildRectificationList({
      report: report([themeDay, { ...liaison, period: '2026Q2', args: { ...liaison.args, period: '2026Q2' }, message: '2026 Q2: leader 赵六 had no activity at the liaison branch' }, { ...liaison, message: '2026 Q3: leader 赵六 had no activity at the liaison branch' }]),
      branches: branches(),
      organizations,
      asOf: '2026-10-08',
      policy: {},
      includePending: false,
      lang: 'en',
    });
    expect(list.items[0]?.problem).toBe('2026 Q2, Q3: leader 赵六 had no activity at the liaison branch (pb-003; at least 1 required)');
  });
});
