import { describe, expect, it } from 'vitest';
import { quorum } from '../../src/checks/quorum.js';
import { runPrimitive } from '../support/engine.js';
import { activities, branchYaml } from '../support/records.js';

type Found = [period: string | null, subject: string | null, status: string];

// Voting members on 2026-07-10: 张伟, 李娜, 王强, 孙磊 (4). On 2026-09-10: 张伟, 李娜, 王强, 陈静, 周涛 (5).
// 刘洋 is excused, 赵敏 probationary, 陈静 full only from 2026-08-01, 孙磊 left on
// 2026-07-31, 周涛 joined on 2026-08-15.
const MEMBERS = `  - { name: 张伟, status: full }
  - { name: 李娜, status: full }
  - { name: 王强, status: full }
  - { name: 刘洋, status: full, excused: true }
  - { name: 赵敏, status: probationary, admitted: 2026-03-01 }
  - { name: 陈静, status: full, admitted: 2025-08-01, confirmed: 2026-08-01 }
  - { name: 孙磊, status: full, until: 2026-07-31 }
  - { name: 周涛, status: full, since: 2026-08-15 }`;

const GENERAL = { select: { type: 'general-meeting' }, base: 'members', ratio: '1/2' };
const COMMITTEE = { select: { type: 'committee-meeting' }, base: 'committee', ratio: '1/2' };
const ELECTION = { select: { type: 'election' }, base: 'counts', expected: 'eligible', ratio: '4/5' };
const violation: Found[] = [[null, 'activities[0]', 'violation']];

const run = (options: object, record: string, header = '') =>
  runPrimitive(quorum, options, branchYaml({ header, members: MEMBERS, activities: activities(record) }), '2026-10-08', '2026Q3');

describe('quorum of voting members (general meeting)', () => {
  it.each<[string, string, Found[]]>([
    ['2 of 4 is not more than half', 'type: general-meeting, date: 2026-07-10, attendees: [张伟, 李娜]', violation],
    ['3 of 4 is', 'type: general-meeting, date: 2026-07-10, attendees: [张伟, 李娜, 王强]', []],
    ['probationary, excused and not-yet-full members are not voters', 'type: general-meeting, date: 2026-07-10, attendees: [张伟, 李娜, 赵敏, 刘洋, 陈静]', violation],
    ['guests are not voters', 'type: general-meeting, date: 2026-07-10, attendees: [张伟, 李娜], guests: [赵刚, 钱敏]', violation],
    ['a name listed twice counts once', 'type: general-meeting, date: 2026-07-10, attendees: [张伟, 李娜, 李娜]', violation],
    ['after joins and leaves: 3 of 5', 'type: general-meeting, date: 2026-09-10, attendees: [张伟, 李娜, 陈静]', []],
    ['after joins and leaves: 2 of 5', 'type: general-meeting, date: 2026-09-10, attendees: [张伟, 周涛]', violation],
    ['the member who left no longer counts as present', 'type: general-meeting, date: 2026-09-10, attendees: [张伟, 李娜, 孙磊]', violation],
    ['counts only: 5 of 10', 'type: general-meeting, date: 2026-07-10, present: 5, expected: 10', violation],
    ['counts only: 6 of 10', 'type: general-meeting, date: 2026-07-10, present: 6, expected: 10', []],
    ['an empty attendees list falls back to the counts', 'type: general-meeting, date: 2026-07-10, attendees: [], present: 6, expected: 10', []],
    ['names win over counts', 'type: general-meeting, date: 2026-07-10, attendees: [张伟], present: 9, expected: 10', violation],
    ['present without expected: not judged', 'type: general-meeting, date: 2026-07-10, present: 1', []],
    ['no attendance at all: not judged', 'type: general-meeting, date: 2026-07-10', []],
    ['expected 0: not judged', 'type: general-meeting, date: 2026-07-10, present: 0, expected: 0', []],
    ['other types are not judged', 'type: party-lecture, date: 2026-07-10, lecturer: 张伟, attendees: [张伟]', []],
    ['outside the window: not judged', 'type: general-meeting, date: 2026-06-30, attendees: [张伟]', []],
  ])('%s', (_what, record, expected) => {
    expect(run(GENERAL, record).found).toEqual(expected);
  });

  it('reports present and expected', () => {
    expect(run(GENERAL, 'type: general-meeting, date: 2026-07-10, attendees: [张伟, 李娜]').shortfalls[0]).toMatchObject({
      args: { present: 2, expected: 4, ratio: '1/2', base: 'members' },
      period: null,
      date: '2026-07-10',
    });
  });
});

describe('quorum of the committee', () => {
  const committee = '  committee: [张伟, 李娜, 王强, 刘洋]';
  it.each<[string, string, string, Found[]]>([
    ['2 of a committee of 4', committee, 'type: committee-meeting, date: 2026-07-06, attendees: [张伟, 李娜, 陈静, 周涛]', violation],
    ['3 of 4', committee, 'type: committee-meeting, date: 2026-07-06, attendees: [张伟, 李娜, 刘洋]', []],
    ['present count 2', committee, 'type: committee-meeting, date: 2026-07-06, present: 2', violation],
    ['present count 3', committee, 'type: committee-meeting, date: 2026-07-06, present: 3', []],
    ['neither names nor count: not judged', committee, 'type: committee-meeting, date: 2026-07-06', []],
    ['no committee: not judged', '', 'type: committee-meeting, date: 2026-07-06, attendees: [张伟]', []],
    ['2 of a committee of 3', '  committee: [张伟, 李娜, 王强]', 'type: committee-meeting, date: 2026-07-06, attendees: [张伟, 李娜]', []],
  ])('%s', (_what, header, record, expected) => {
    expect(run(COMMITTEE, record, header).found).toEqual(expected);
  });
});

describe('quorum by the record counts (election)', () => {
  it.each<[string, object, string, Found[]]>([
    ['8 of 10 is not more than 4/5', ELECTION, 'type: election, date: 2026-07-15, eligible: 10, present: 8', violation],
    ['9 of 10', ELECTION, 'type: election, date: 2026-07-15, eligible: 10, present: 9', []],
    ['29 of 36', ELECTION, 'type: election, date: 2026-07-15, eligible: 36, present: 29', []],
    ['28 of 35', ELECTION, 'type: election, date: 2026-07-15, eligible: 35, present: 28', violation],
    ['ratio 2/3: 7 of 10', { ...ELECTION, ratio: '2/3' }, 'type: election, date: 2026-07-15, eligible: 10, present: 7', []],
    ['ratio 2/3: 6 of 9', { ...ELECTION, ratio: '2/3' }, 'type: election, date: 2026-07-15, eligible: 9, present: 6', violation],
    ['ratio as a number', { ...ELECTION, ratio: 0.5 }, 'type: election, date: 2026-07-15, eligible: 10, present: 5', violation],
    ['expected field instead of eligible', { ...ELECTION, expected: 'expected' }, 'type: election, date: 2026-07-15, eligible: 10, present: 8, expected: 9', []],
  ])('%s', (_what, options, record, expected) => {
    expect(run(options, record).found).toEqual(expected);
  });
});

describe('quorum options', () => {
  it.each([{ ...GENERAL, ratio: 1 }, { ...GENERAL, ratio: '1.5' }, { ...GENERAL, ratio: 0 }, { ...GENERAL, base: 'all' }, { ...ELECTION, expected: 'present' }, { base: 'members' }])(
    'rejects %j',
    (options) => {
      expect(quorum.options.safeParse(options).success).toBe(false);
    },
  );
});
