import { describe, expect, it } from 'vitest';
import { deadline } from '../../src/checks/deadline.js';
import { runPrimitive } from '../support/engine.js';
import { branchYaml } from '../support/records.js';

type Found = [period: string | null, subject: string | null, status: string];

const TERM = { target: 'branch', from: 'elected', years: 3, pendingDays: 90 };
const PROBATION = { target: 'probationary-members', from: 'admitted', override: 'probation_until', years: 1, pendingDays: 30 };
const RECTIFICATION = { target: 'open-rectifications', from: 'deadline' };

describe('deadline of the branch term (org.term-expired)', () => {
  it.each<[string, string, Found[], number | null]>([
    ['2023-06-01', 'ended 2026-06-01', [[null, null, 'violation']], -129],
    ['2023-10-07', 'ended the day before as-of', [[null, null, 'violation']], -1],
    ['2023-10-08', 'ends on as-of: pending', [[null, null, 'pending']], 0],
    ['2024-01-06', 'ends in 90 days: pending', [[null, null, 'pending']], 90],
    ['2024-01-07', 'ends in 91 days', [], null],
    ['2024-06-01', 'ends 2027-06-01', [], null],
  ])('elected %s: %s', (elected, _what, expected, daysLeft) => {
    const { found, shortfalls } = runPrimitive(deadline, TERM, branchYaml({ header: `  elected: ${elected}` }), '2026-10-08', '2026Q3');
    expect(found).toEqual(expected);
    if (daysLeft !== null) expect(shortfalls[0]?.args.daysLeft).toBe(daysLeft);
  });

  it('29 February plus three years is 28 February', () => {
    const { shortfalls } = runPrimitive(deadline, TERM, branchYaml({ header: '  elected: 2024-02-29' }), '2026-12-15', '2026Q4');
    expect(shortfalls.map((s) => [s.status, s.args.due, s.args.daysLeft])).toEqual([['pending', '2027-02-28', 75]]);
  });

  it('a branch without an election date is left to org.election-date', () => {
    expect(runPrimitive(deadline, TERM, branchYaml(), '2026-10-08', '2026Q3').found).toEqual([]);
  });

  it('pendingDays 0 never gives pending', () => {
    const { found } = runPrimitive(deadline, { ...TERM, pendingDays: 0 }, branchYaml({ header: '  elected: 2023-10-08' }), '2026-10-08', '2026Q3');
    expect(found).toEqual([]);
  });
});

describe('deadline of probation (member.probation-overdue)', () => {
  const members = `  - { name: 张伟, status: full }
  - { name: 赵敏, status: probationary, admitted: 2025-09-01 }
  - { name: 钱多多, status: probationary, admitted: 2025-10-20 }
  - { name: 孙磊, status: probationary, admitted: 2025-12-01 }
  - { name: 周涛, status: probationary, admitted: 2025-03-01, probation_until: 2026-10-31 }
  - { name: 吴芳, status: probationary, admitted: 2025-03-01, probation_until: 2027-03-01 }
  - { name: 郑浩, status: probationary, admitted: 2025-03-01, until: 2026-06-30 }
  - { name: 冯军, status: probationary }
  - { name: 陈静, status: full, admitted: 2025-03-01, confirmed: 2026-03-01 }
  - { name: 杨帆, status: probationary, admitted: 2024-02-29 }`;

  it('as of 2026-10-08', () => {
    expect(runPrimitive(deadline, PROBATION, branchYaml({ members }), '2026-10-08', '2026Q3').found).toEqual([
      // admitted 2025-09-01: due 2026-09-01.
      [null, '赵敏', 'violation'],
      // due 2026-10-20: within 30 days.
      [null, '钱多多', 'pending'],
      // extended to 2026-10-31: within 30 days.
      [null, '周涛', 'pending'],
      // 2024-02-29 + 1 year = 2025-02-28.
      [null, '杨帆', 'violation'],
    ]);
  });

  it('gives the due date and days overdue', () => {
    const { shortfalls } = runPrimitive(deadline, PROBATION, branchYaml({ members }), '2026-10-08', '2026Q3');
    expect(shortfalls[0]?.args).toMatchObject({ due: '2026-09-01', overdue: 37 });
    expect(shortfalls[3]?.args).toMatchObject({ due: '2025-02-28' });
  });
});

describe('deadline of open rectifications (rectification.overdue)', () => {
  const item = (issue: string, fields: string) => `  - { issue: ${issue}, ${fields} }`;
  it.each<[string, string, Found[]]>([
    ['open past its deadline', item('甲', 'deadline: 2026-09-30'), [[null, '甲', 'violation']]],
    ['open, status written', item('甲', 'deadline: 2026-09-30, status: open'), [[null, '甲', 'violation']]],
    ['open, due on as-of', item('甲', 'deadline: 2026-10-08'), []],
    ['open, not yet due', item('甲', 'deadline: 2026-10-20'), []],
    ['done before as-of', item('甲', 'deadline: 2026-09-30, status: done, done: 2026-10-05'), []],
    ['done after as-of: still open then', item('甲', 'deadline: 2026-09-30, status: done, done: 2026-10-09'), [[null, '甲', 'violation']]],
    ['found after as-of: ignored', item('甲', 'found: 2026-10-09, deadline: 2026-09-30'), []],
    ['no deadline', item('甲', 'found: 2026-07-01'), []],
    ['Chinese status label', item('甲', 'deadline: 2026-09-30, status: 已整改, done: 2026-09-01'), []],
  ])('%s', (_what, rectifications, expected) => {
    expect(runPrimitive(deadline, RECTIFICATION, branchYaml({ rectifications }), '2026-10-08', '2026Q3').found).toEqual(expected);
  });

  it.each([{ target: 'members', from: 'admitted' }, { target: 'branch' }, { ...TERM, years: -1 }, { ...TERM, years: 1.5 }])('rejects options %j', (options) => {
    expect(deadline.options.safeParse(options).success).toBe(false);
  });
});
