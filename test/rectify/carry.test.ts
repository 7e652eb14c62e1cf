import { describe, expect, it } from 'vitest';
import type { BranchInfo } from '../../src/engine/run.js';
import type { ReportFinding } from '../../src/report/report.js';
import { formatRectificationJson } from '../../src/rectify/json.js';
import { noteText } from '../../src/rectify/labels.js';
import { buildRectificationList, type RectificationList } from '../../src/rectify/list.js';
import { mergePreviousLists, parsePreviousList } from '../../src/rectify/previous.js';
import { branches, coverage, dues, finding, generalQ3, group, liaison, organizations, q3, q3Findings, recordIncomplete, report, themeDay } from './fixture.js';

const q3List = buildRectificationList({ report: report(q3Findings), branches: branches(), organizations, asOf: '2026-10-08', policy: {}, includePending: false });
const previous = parsePreviousList(formatRectificationJson(q3List));

function recheck(findings: ReportFinding[], asOf: string, options: { window?: typeof q3; records?: BranchInfo['rectifications'] } = {}): RectificationList {
  return buildRectificationList({ report: report(findings, asOf, options.window ?? q3), branches: branches(options.records), organizations, asOf, policy: {}, includePending: false, previous });
}
const item = (list: RectificationList, rule: string) => list.items.find((i) => i.rule === rule);
const unknownPerson = finding('records.unknown-person', 'pb-001', null, 'activities[5]', '2026-09-20 主题党日记录中的钱八不是本支部党员（非党员请列入 guests）');

describe('carry-over from an earlier list', () => {
  // Re-check of 2026Q3 on 2026-11-20: July dues paid, group meetings, record and liaison fixed; a new problem found.
  const later = recheck([generalQ3, dues(8), dues(9), coverage, themeDay, unknownPerson], '2026-11-20');

  it('reads its own JSON back', () => {
    expect(previous.asOf).toBe('2026-10-08');
    expect(previous.window).toEqual(q3);
    expect(previous.items.map((i) => i.id)).toEqual(q3List.items.map((i) => i.id));
    expect(previous.items.find((i) => i.rule === 'member.dues-monthly')?.findingIds).toHaveLength(3);
  });

  it('marks an item no longer found 已整改 with the day it was found fixed', () => {
    for (const rule of ['meetings.group-monthly', 'meetings.record-complete', 'liaison.participation-quarterly']) {
      expect(item(later, rule)).toMatchObject({ status: 'fixed', fixedOn: '2026-11-20', findings: [], rechecked: true });
    }
    expect(noteText(item(later, 'meetings.group-monthly') as never, later.asOf, 'zh')).toBe('2026-11-20复查未再发现');
  });

  it('keeps a still-open item 待整改 with its original deadline, even when its months changed', () => {
    const duesRow = item(later, 'member.dues-monthly');
    expect(duesRow).toMatchObject({ status: 'open', deadline: '2026-12-07', listed: '2026-10-08', id: 'member.dues-monthly|pb-003|2026-08,2026-09|王五' });
    expect(duesRow?.problem).toBe('2026年8月、9月党员王五未交纳党费');
  });

  it('marks an item past its original deadline 逾期', () => {
    expect(item(later, 'meetings.general-quarterly')).toMatchObject({ status: 'overdue', deadline: '2026-11-07', overdueDays: 13 });
    expect(item(later, 'org.unit-coverage')).toMatchObject({ status: 'overdue', deadline: '2026-11-07' });
    expect(noteText(item(later, 'meetings.general-quarterly') as never, later.asOf, 'zh')).toBe('2026-10-08列入清单；已逾期13天');
  });

  it('marks an item not in the earlier list 新增 with a fresh deadline', () => {
    expect(item(later, 'records.unknown-person')).toMatchObject({ status: 'new', deadline: '2027-01-19', listed: '2026-11-20' });
    expect(later.previous).toBe('2026-10-08');
  });

  it('summarises statuses per branch', () => {
    expect(later.summary.map((s) => [s.branch.id, s.new, s.open, s.overdue, s.fixed])).toEqual([
      ['corp', 0, 0, 1, 1],
      ['pb-001', 1, 0, 1, 0],
      ['pb-003', 0, 1, 1, 2],
    ]);
  });

  it('carries items outside the new window unchanged instead of calling them fixed', () => {
    const q4 = { label: '2026Q4', from: '2026-10-01', to: '2026-12-31' };
    const next = recheck([], '2027-01-08', { window: q4 });
    expect(item(next, 'meetings.general-quarterly')).toMatchObject({ status: 'overdue', rechecked: false, deadline: '2026-11-07' });
    expect(item(next, 'member.dues-monthly')).toMatchObject({ status: 'overdue', rechecked: false });
    expect(item(next, 'meetings.record-complete')).toMatchObject({ rechecked: false });
    // Structure is judged at the check day, whatever the window: no longer found means fixed.
    expect(item(next, 'org.unit-coverage')).toMatchObject({ status: 'fixed', fixedOn: '2027-01-08' });
    expect(noteText(item(next, 'member.dues-monthly') as never, next.asOf, 'zh')).toMatch(/本次检查期间未覆盖，未复查/);
  });

  it('does not list again an item fixed in the earlier list, and calls one found again 新增', () => {
    const fixedList = JSON.parse(formatRectificationJson(recheck([generalQ3], '2026-11-20'))) as RectificationList;
    const earlier = parsePreviousList(JSON.stringify(fixedList));
    const again = buildRectificationList({ report: report([group(8)], '2026-12-01'), branches: branches(), organizations, asOf: '2026-12-01', policy: {}, includePending: false, previous: earlier });
    expect(again.items.filter((i) => i.rule === 'liaison.participation-quarterly')).toEqual([]);
    expect(item(again, 'meetings.group-monthly')).toMatchObject({ status: 'new', previous: { status: 'fixed', fixedOn: '2026-11-20' } });
  });

  it('merges several earlier lists, the latest row winning', () => {
    const merged = mergePreviousLists([previous, { ...previous, asOf: '2026-09-01', items: previous.items.map((i) => ({ ...i, deadline: '2000-01-01' })) }]);
    expect(merged?.asOf).toBe('2026-10-08');
    expect(merged?.items.every((i) => i.deadline !== '2000-01-01')).toBe(true);
    expect(mergePreviousLists([])).toBeUndefined();
  });

  it('rejects what is not a rectification list', () => {
    expect(() => parsePreviousList('{')).toThrow(/不是有效的 JSON/);
    expect(() => parsePreviousList(JSON.stringify(report([])))).toThrow(/rectification-list/);
    expect(() => parsePreviousList(JSON.stringify({ ...JSON.parse(formatRectificationJson(q3List)), items: [{ id: 'x' }] }))).toThrow(/格式有误/);
  });
});

describe('the branch’s own rectification records', () => {
  const done = (extra: Partial<BranchInfo['rectifications'][number]>): BranchInfo['rectifications'][number] => ({ issue: '', rule: null, found: null, deadline: null, owner: '李四', status: 'done', done: '2026-11-15', ...extra });

  it('shows an item done when a done record has its rule (found after its period) and names its subject', () => {
    const records = [
      done({ issue: '三季度未召开支部党员大会', rule: 'meetings.general-quarterly', found: '2026-10-08' }),
      done({ issue: '第一党小组7、8月未开会', rule: 'meetings.group-monthly', found: '2026-10-08', done: '2026-10-20' }),
    ];
    const list = recheck([generalQ3, group(7), group(8)], '2026-11-20', { records });
    expect(item(list, 'meetings.general-quarterly')).toMatchObject({ status: 'fixed', fixedOn: '2026-11-15', record: { issue: '三季度未召开支部党员大会', done: '2026-11-15' } });
    expect(item(list, 'meetings.group-monthly')).toMatchObject({ status: 'fixed', fixedOn: '2026-10-20' });
    expect(noteText(item(list, 'meetings.general-quarterly') as never, list.asOf, 'zh')).toBe('支部整改记录：三季度未召开支部党员大会（2026-11-15完成）');
  });

  it('matches a record without a rule by its issue text', () => {
    const list = recheck([recordIncomplete], '2026-11-20', { records: [done({ issue: recordIncomplete.message })] });
    expect(item(list, 'meetings.record-complete')).toMatchObject({ status: 'fixed', fixedOn: '2026-11-15' });
  });

  it('ignores open records, records done after the check day, earlier periods and other subjects', () => {
    const records = [
      done({ issue: '二季度未召开支部党员大会', rule: 'meetings.general-quarterly', found: '2026-07-10' }),
      done({ issue: '三季度未召开支部党员大会', rule: 'meetings.general-quarterly', found: '2026-10-08', status: 'open', done: null }),
      done({ issue: '三季度未召开支部党员大会', rule: 'meetings.general-quarterly', found: '2026-10-08', done: '2026-12-01' }),
      done({ issue: '党员赵六未交党费', rule: 'member.dues-monthly', found: '2026-10-08' }),
      done({ issue: '会议记录不全', rule: 'meetings.record-complete', found: '2026-10-08' }),
    ];
    const list = recheck([generalQ3, dues(8), recordIncomplete], '2026-11-20', { records });
    expect(list.items.filter((i) => i.findings.length > 0).map((i) => [i.rule, i.status])).toEqual([
      ['meetings.general-quarterly', 'overdue'],
      ['member.dues-monthly', 'open'],
      ['meetings.record-complete', 'open'],
    ]);
  });

  it('applies without an earlier list too, and not across branches', () => {
    const records = [done({ issue: '三季度未开展主题党日', rule: 'theme-day.monthly', found: '2026-10-08' })];
    const list = buildRectificationList({ report: report([themeDay, { ...themeDay, branch: 'pb-001' }]), branches: branches(records), organizations, asOf: '2026-11-20', policy: {}, includePending: false });
    expect(list.items.map((i) => [i.branch.id, i.status])).toEqual([['pb-001', 'open']]);
    const own = buildRectificationList({ report: report([{ ...themeDay, branch: 'pb-003', file: 'records/pb-003.yaml' }]), branches: branches(records), organizations, asOf: '2026-11-20', policy: {}, includePending: false });
    expect(own.items.map((i) => [i.branch.id, i.status, i.fixedOn])).toEqual([['pb-003', 'fixed', '2026-11-15']]);
    expect(liaison.branch).toBe('corp');
  });
});
