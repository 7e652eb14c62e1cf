import { describe, expect, it } from 'vitest';
import { findingMessage } from '../../src/i18n/index.js';
import { checkTexts, rulesById, sorted, tuplesOf, type Tuple } from '../support/engine.js';

/** A three-member branch with the given extra header lines, members and activities. */
function branch(opts: { header?: string; members?: string; activities?: string }): string {
  return `branch:
  id: pb-001
  name: 第一项目部党支部
  secretary: 张伟
${opts.header ?? ''}
members:
${
  opts.members ??
  `  - { name: 张伟, status: full }
  - { name: 李娜, status: full }
  - { name: 王强, status: full }`
}

activities:
${opts.activities ?? '  []'}
`;
}

const run = (text: string, rule: string, period: string, asOf: string): Tuple[] => sorted(tuplesOf(checkTexts({ 'pb-001.yaml': text }, period, asOf, rulesById(rule)).findings, rule));

describe('a branch established mid-period', () => {
  it.each<[string, string, string, Tuple[]]>([
    // Established 2026-08-10: Q3 began before it and is skipped; Q4 is checked.
    ['2026-08-10', 'meetings.general-quarterly', '2026', [['pb-001', '2026Q4', null, 'violation']]],
    // On the first day of a quarter, that quarter is checked.
    ['2026-07-01', 'meetings.general-quarterly', '2026', [['pb-001', '2026Q3', null, 'violation'], ['pb-001', '2026Q4', null, 'violation']]],
    // Monthly: August began before 2026-08-10 and is skipped.
    ['2026-08-10', 'theme-day.monthly', '2026Q3', [['pb-001', '2026-09', null, 'violation']]],
    // Yearly: the whole year is skipped.
    ['2026-08-10', 'life-meeting.yearly', '2026', []],
    ['2026-01-01', 'life-meeting.yearly', '2026', [['pb-001', '2026', null, 'violation']]],
  ])('established %s: %s over %s', (established, rule, period, expected) => {
    expect(run(branch({ header: `  established: ${established}` }), rule, period, '2027-01-15')).toEqual(sorted(expected));
  });

  it('does not count months before the establishment toward an unpaid-dues run', () => {
    // Established 2026-05-01: only May to September (5 months) can be unpaid, as of 2026-10-08.
    const text = branch({ header: '  established: 2026-05-01' });
    expect(run(text, 'member.dues-lapsed', '2026Q3', '2026-10-08')).toEqual([]);
    expect(run(branch({}), 'member.dues-lapsed', '2026Q3', '2026-10-08')).toHaveLength(3);
  });
});

describe('members joining and leaving mid-period', () => {
  const members = `  - { name: 张伟, status: full, dues: [2026-07, 2026-08, 2026-09] }
  - { name: 李娜, status: full, since: 2026-08-10 }
  - { name: 王强, status: full, until: 2026-08-20 }
  - { name: 刘洋, status: full, until: 2026-08-31 }
  - { name: 陈静, status: full, since: 2026-08-01 }`;

  it('member.dues-monthly checks a member only for months of full membership', () => {
    expect(run(branch({ members }), 'member.dues-monthly', '2026Q3', '2026-10-08')).toEqual(
      sorted([
        // 李娜 joined 2026-08-10: September only.
        ['pb-001', '2026-09', '李娜', 'violation'],
        // 王强 left 2026-08-20: July only.
        ['pb-001', '2026-07', '王强', 'violation'],
        // 刘洋 left on the last day of August: July and August.
        ['pb-001', '2026-07', '刘洋', 'violation'],
        ['pb-001', '2026-08', '刘洋', 'violation'],
        // 陈静 joined on the first day of August: August and September.
        ['pb-001', '2026-08', '陈静', 'violation'],
        ['pb-001', '2026-09', '陈静', 'violation'],
      ]),
    );
  });

  it('talks.yearly and member.training-hours skip a member who was not there all year', () => {
    const text = branch({ members, activities: '  - { type: heart-to-heart, date: 2026-03-10, host: 张伟, with: [王强] }' });
    // Only 张伟 was a member for the whole of 2026.
    expect(run(text, 'talks.yearly', '2026', '2027-01-15')).toEqual([]);
    expect(run(text, 'member.training-hours', '2026', '2027-01-15')).toEqual([['pb-001', '2026', '张伟', 'violation']]);
  });

  it('member.inactive does not count months a member was away', () => {
    // 王强 joined in May: four closed months (May is partial) without taking part.
    const text = branch({
      members: `  - { name: 张伟, status: full }
  - { name: 王强, status: full, since: 2026-05-15 }`,
      activities: '  - { type: general-meeting, date: 2026-06-10, topic: 学习, attendees: [张伟] }',
    });
    expect(run(text, 'member.inactive', '2026Q3', '2026-10-08')).toEqual([]);
  });
});

describe('the same records as of two days', () => {
  const text = branch({ activities: '  - { type: general-meeting, date: 2026-06-20, topic: 讨论接收预备党员, attendees: [张伟, 李娜, 王强] }' });

  it.each<[string, Tuple[]]>([
    ['2026-09-20', [['pb-001', '2026Q3', null, 'pending']]],
    ['2026-09-30', [['pb-001', '2026Q3', null, 'pending']]],
    ['2026-10-01', [['pb-001', '2026Q3', null, 'violation']]],
    ['2026-10-08', [['pb-001', '2026Q3', null, 'violation']]],
  ])('as of %s', (asOf, expected) => {
    expect(run(text, 'meetings.general-quarterly', '2026Q3', asOf)).toEqual(expected);
  });

  it('a pending finding carries the days left', () => {
    const result = checkTexts({ 'pb-001.yaml': text }, '2026Q3', '2026-09-20', rulesById('meetings.general-quarterly'));
    expect(result.findings[0]?.args).toMatchObject({ daysLeft: 10, actual: 0, min: 1 });
  });
});

describe('records dated after as-of are not counted', () => {
  const text = branch({
    members: `  - name: 张伟
    status: full
    training: [{ date: 2026-12-20, hours: 40, title: 网络培训 }]
  - { name: 李娜, status: full }
  - { name: 王强, status: full }`,
    activities: `  - { type: general-meeting, date: 2026-09-25, topic: 研究三季度工作, attendees: [张伟] }
  - { type: training, date: 2026-12-01, topic: 集中轮训, hours: 40, attendees: [李娜, 王强] }`,
  });

  it('a meeting after as-of does not meet the quarter yet', () => {
    expect(run(text, 'meetings.general-quarterly', '2026Q3', '2026-09-20')).toEqual([['pb-001', '2026Q3', null, 'pending']]);
    expect(run(text, 'meetings.general-quarterly', '2026Q3', '2026-09-25')).toEqual([]);
  });

  it('a record after as-of is not judged as a record', () => {
    // The 2026-09-25 meeting lacks quorum (1 of 3) but does not exist yet on 2026-09-20.
    expect(run(text, 'meetings.general-quorum', '2026Q3', '2026-09-20')).toEqual([]);
    expect(run(text, 'meetings.general-quorum', '2026Q3', '2026-09-25')).toEqual([['pb-001', null, 'general-meeting@2026-09-25', 'violation']]);
  });

  it('training hours after as-of do not count', () => {
    expect(run(text, 'member.training-hours', '2026', '2026-11-30')).toEqual(
      sorted([
        ['pb-001', '2026', '张伟', 'pending'],
        ['pb-001', '2026', '李娜', 'pending'],
        ['pb-001', '2026', '王强', 'pending'],
      ]),
    );
    expect(run(text, 'member.training-hours', '2026', '2027-01-15')).toEqual([['pb-001', '2026', '张伟', 'violation']]);
  });
});

describe('pending messages say how many days are left (output.md)', () => {
  const message = (text: string, rule: string, period: string, asOf: string, lang: 'zh' | 'en') => {
    const finding = checkTexts({ 'pb-001.yaml': text }, period, asOf, rulesById(rule)).findings.find((f) => f.rule === rule);
    if (!finding) throw new Error(`no ${rule} finding`);
    return findingMessage(finding, lang, rule);
  };

  it('a pending count finding on the last day of its period says 还剩0天 in zh', () => {
    const text = branch({});
    expect(message(text, 'meetings.general-quarterly', '2026Q3', '2026-09-30', 'zh')).toContain('还剩0天');
    expect(message(text, 'meetings.general-quarterly', '2026Q3', '2026-09-30', 'zh')).toContain('尚未');
  });

  it('a pending theme-day.varied-forms finding says how many days are left', () => {
    const text = branch({
      activities: `  - { type: theme-day, date: 2026-07-10, topic: 学习, form: study, attendees: [张伟, 李娜, 王强] }
  - { type: theme-day, date: 2026-08-10, topic: 学习, form: study, attendees: [张伟, 李娜, 王强] }`,
    });
    expect(message(text, 'theme-day.varied-forms', '2026Q3', '2026-09-20', 'zh')).toContain('还剩10天');
    expect(message(text, 'theme-day.varied-forms', '2026Q3', '2026-09-20', 'en')).toContain('10 days left');
  });
});
