import { describe, expect, it } from 'vitest';
import type { BranchInfo } from '../../src/engine/run.js';
import type { ReportFinding } from '../../src/report/report.js';
import { formatRectificationJson } from '../../src/rectify/json.js';
import { remarkText } from '../../src/rectify/labels.js';
import { buildRectificationList, type RectificationList } from '../../src/rectify/list.js';
import { mergePreviousLists, parsePreviousList } from '../../src/rectify/previous.js';
import { dateIn } from '../../src/rectify/carry.js';
import { branches, coverage, dues, finding, generalQ3, group, liaison, organizations, q3, q3Findings, recordIncomplete, report, themeDay } from './fixture.js';

const q3List = buildRectificationList({ report: report(q3Findings), branches: branches(), organizations, asOf: '2026-10-08', policy: {}, includePending: false });
const previous = parsePreviousList(formatRectificationJson(q3List));

function recheck(findings: ReportFinding[], asOf: string, options: { window?: typeof q3; records?: BranchInfo['rectifications'] } = {}): RectificationList {
  return buildRectificationList({ report: report(findings, asOf, options.window ?? q3), branches: branches(options.records), organizations, asOf, policy: {}, includePending: false, previous });
}
const item = (list: RectificationList, rule: string) => list.items.find((i) => i.rule === rule);
const unknownPerson = finding('records.unknown-person', 'pb-001', null, 'theme-day@2026-09-20', '2026-09-20 主题党日记录中的钱八不是本支部党员（非党员请列为列席人员）', { path: 'activities[5]' });

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
    expect(remarkText(item(later, 'meetings.group-monthly') as never, later.asOf, 'zh')).toBe('2026-11-20复查未再发现');
  });

  it('keeps a still-open item 待整改 with its original deadline, even when its months changed', () => {
    const duesRow = item(later, 'member.dues-monthly');
    expect(duesRow).toMatchObject({ status: 'open', deadline: '2026-12-07', listed: '2026-10-08', id: 'member.dues-monthly|pb-003|2026-08,2026-09|王五' });
    expect(duesRow?.problem).toBe('2026年8月、9月党员王五未交纳党费');
  });

  it('marks an item past its original deadline 逾期', () => {
    expect(item(later, 'meetings.general-quarterly')).toMatchObject({ status: 'overdue', deadline: '2026-11-07', overdueDays: 13 });
    expect(item(later, 'org.unit-coverage')).toMatchObject({ status: 'overdue', deadline: '2026-11-07' });
    expect(remarkText(item(later, 'meetings.general-quarterly') as never, later.asOf, 'zh')).toBe('2026-10-08列入清单；已逾期13天');
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
    expect(remarkText(item(next, 'member.dues-monthly') as never, next.asOf, 'zh')).toMatch(/本次检查期间未覆盖，未复查/);
  });

  it('does not list again an item found fixed in the earlier list, and calls one found again 整改未到位 with its original deadline', () => {
    const fixedList = JSON.parse(formatRectificationJson(recheck([generalQ3], '2026-11-20'))) as RectificationList;
    const earlier = parsePreviousList(JSON.stringify(fixedList));
    const again = buildRectificationList({ report: report([group(8)], '2026-12-01'), branches: branches(), organizations, asOf: '2026-12-01', policy: {}, includePending: false, previous: earlier });
    expect(again.items.filter((i) => i.rule === 'liaison.participation-quarterly')).toEqual([]);
    const groupRow = item(again, 'meetings.group-monthly');
    expect(groupRow).toMatchObject({ status: 'reopened', deadline: '2026-11-07', listed: '2026-10-08', overdueDays: 24, previous: { status: 'fixed', fixedOn: '2026-11-20', markedFixed: false, checked: '2026-11-20' } });
    expect(remarkText(groupRow as never, again.asOf, 'zh')).toBe('曾于2026-11-20复查确认已整改，2026-12-01再次发现；2026-10-08列入清单；已逾期24天');
    expect(remarkText(groupRow as never, again.asOf, 'en')).toBe('found fixed on 2026-11-20, found again on 2026-12-01; listed 2026-10-08; 24 days overdue');
  });

  describe('what the branch wrote into the JSON list', () => {
    // The branch marks the group meetings and the general meeting done, with notes; both are edited in the JSON.
    const edited = JSON.parse(formatRectificationJson(q3List)) as { items: Record<string, unknown>[] };
    for (const row of edited.items) {
      if (row.rule === 'meetings.group-monthly') Object.assign(row, { status: 'fixed', completion: '已于2026-10-15补开党小组会', note: '小组长负责' });
      if (row.rule === 'meetings.general-quarterly') Object.assign(row, { status: 'fixed', completion: '已召开' });
      if (row.rule === 'member.dues-monthly') Object.assign(row, { deadline: '2027-01-31', note: '本人在外地，已联系' });
    }
    const marked = parsePreviousList(JSON.stringify(edited));
    const next = (findings: ReportFinding[], asOf: string, window = q3) => buildRectificationList({ report: report(findings, asOf, window), branches: branches(), organizations, asOf, policy: {}, includePending: false, previous: marked });

    it('a row marked 已整改 and no longer found is 已整改, confirmed by the re-check, its notes kept', () => {
      const row = item(next([generalQ3], '2026-11-20'), 'meetings.group-monthly');
      expect(row).toMatchObject({ status: 'fixed', fixedOn: '2026-11-20', completion: '已于2026-10-15补开党小组会', note: '小组长负责', previous: { markedFixed: true, fixedOn: '2026-10-15' } });
      expect(remarkText(row as never, '2026-11-20', 'zh')).toBe('支部标为已整改，2026-11-20复查未再发现');
    });

    it('a row marked 已整改 and still found is 整改未到位 with its original deadline, overdue when past it', () => {
      const row = item(next([generalQ3], '2026-11-20'), 'meetings.general-quarterly');
      expect(row).toMatchObject({ status: 'reopened', deadline: '2026-11-07', overdueDays: 13, completion: '已召开', previous: { markedFixed: true, fixedOn: null, checked: '2026-10-08' } });
      expect(remarkText(row as never, '2026-11-20', 'zh')).toBe('支部在2026-10-08的清单上标为已整改，2026-11-20复查仍发现；2026-10-08列入清单；已逾期13天');
      expect(remarkText(row as never, '2026-11-20', 'en')).toBe('marked fixed by the branch on the list of 2026-10-08, still found on 2026-11-20; listed 2026-10-08; 13 days overdue');
    });

    it('an edited deadline and a note are kept on a row still found', () => {
      expect(item(next([dues(8)], '2026-11-20'), 'member.dues-monthly')).toMatchObject({ status: 'open', deadline: '2027-01-31', note: '本人在外地，已联系' });
    });

    it('a row marked 已整改 that this check does not cover stays as the branch marked it, unconfirmed, until one does', () => {
      const q4 = { label: '2026Q4', from: '2026-10-01', to: '2026-12-31' };
      const row = item(next([], '2027-01-08', q4), 'meetings.group-monthly');
      expect(row).toMatchObject({ status: 'fixed', fixedOn: null, rechecked: false });
      expect(remarkText(row as never, '2027-01-08', 'zh')).toBe('支部在2026-10-08的清单上标为已整改；本次检查期间未覆盖，未复查');
    });

    it('reads a list written before 整改完成情况 and 备注 existed', () => {
      const old = JSON.parse(formatRectificationJson(q3List)) as { items: Record<string, unknown>[] };
      for (const row of old.items) {
        delete row.completion;
        delete row.note;
      }
      expect(parsePreviousList(JSON.stringify(old)).items.every((i) => i.completion === '' && i.note === '')).toBe(true);
    });
  });

  it('finds the date in what a person wrote', () => {
    expect(['2026-10-20 已补开', '已于2026/10/5补开', '2026年10月20日召开', '2026.1.2', '无日期', '2026-02-30'].map(dateIn)).toEqual(['2026-10-20', '2026-10-05', '2026-10-20', '2026-01-02', null, null]);
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
    expect(remarkText(item(list, 'meetings.general-quarterly') as never, list.asOf, 'zh')).toBe('支部整改记录：三季度未召开支部党员大会（2026-11-15完成）');
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

describe('an earlier list written by an older zhibu', () => {
  it('is read; its rows naming a record by position match nothing, are not called fixed, and are counted for a notice', async () => {
    const { positionalItems } = await import('../../src/rectify/carry.js');
    const old = JSON.parse(formatRectificationJson(q3List)) as RectificationList;
    for (const row of old.items) if (row.rule === 'meetings.record-complete') row.id = 'meetings.record-complete|pb-003||activities[2]';
    for (const row of old.items) if (row.rule === 'meetings.record-complete') row.findings = [];
    const earlier = parsePreviousList(JSON.stringify(old));
    expect(positionalItems(earlier).map((p) => p.id)).toEqual(['meetings.record-complete|pb-003||activities[2]']);
    const again = buildRectificationList({ report: report(q3Findings, '2026-11-20'), branches: branches(), organizations, asOf: '2026-11-20', policy: {}, includePending: false, previous: earlier });
    expect(again.items.filter((i) => i.rule === 'meetings.record-complete').map((i) => [i.subject, i.status])).toEqual([['general-meeting@2026-07-08', 'new']]);
    expect(again.items.filter((i) => i.rule !== 'meetings.record-complete').every((i) => i.status === 'open' || i.status === 'overdue')).toBe(true);
  });
});
