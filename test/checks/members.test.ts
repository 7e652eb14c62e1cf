import { describe, expect, it } from 'vitest';
import { dues } from '../../src/checks/dues.js';
import { run } from '../../src/checks/run.js';
import { sum } from '../../src/checks/sum.js';
import { runPrimitive } from '../support/engine.js';
import { activities, branchYaml } from '../support/records.js';

type Found = [period: string | null, subject: string | null, status: string];
const months = (from: number, to: number, year = 2026) => Array.from({ length: to - from + 1 }, (_, i) => `${year}-${String(from + i).padStart(2, '0')}`);
const DUES_RUN = { lacking: 'dues', length: 6 };

describe('run of unpaid months (member.dues-lapsed)', () => {
  it.each<[string, string, string, string, string[] | null]>([
    ['paid to February: March–September', 'dues: [2026-01, 2026-02]', '2026Q3', '2026-10-08', months(3, 9)],
    ['paid to March: six months', 'dues: [2026-01, 2026-02, 2026-03]', '2026Q3', '2026-10-08', months(4, 9)],
    ['paid to April: five months', 'dues: [2026-01, 2026-02, 2026-03, 2026-04]', '2026Q3', '2026-10-08', null],
    ['a run ending in the first month of the window', 'dues: [2026-08, 2026-09]', '2026Q3', '2026-10-08', months(2, 7)],
    ['a run that ended before the window', 'dues: [2026-07, 2026-08, 2026-09]', '2026Q3', '2026-10-08', null],
    ['months before the window count toward the run', '', '2026Q2', '2026-10-08', [...months(11, 12, 2025), ...months(1, 6)]],
    ['the as-of month is open and does not count', 'dues: [2026-01, 2026-02]', '2026Q3', '2026-09-15', months(3, 8)],
    ['an open month does not complete a run', 'dues: [2026-01, 2026-02, 2026-03]', '2026Q3', '2026-09-15', null],
    ['joined in May: five whole months', 'since: 2026-05-01', '2026Q3', '2026-10-08', null],
    ['joined in April: six whole months', 'since: 2026-04-01', '2026Q3', '2026-10-08', months(4, 9)],
    ['joined mid-April: April does not count', 'since: 2026-04-15', '2026Q3', '2026-10-08', null],
    ['left at the end of August', 'until: 2026-08-31, dues: [2026-01, 2026-02]', '2026Q3', '2026-10-08', months(3, 8)],
    ['left in mid-August', 'until: 2026-08-20, dues: [2026-01, 2026-02]', '2026Q3', '2026-10-08', null],
    ['excused members pay dues too', 'excused: true', '2026Q3', '2026-10-08', months(2, 9)],
    ['two runs in a year are both listed', 'dues: [2026-06]', '2026', '2027-01-15', [...months(8, 12, 2025), ...months(1, 5), ...months(7, 12)]],
  ])('%s', (_what, fields, period, asOf, expected) => {
    const members = `  - { name: 张伟, status: full, dues: [${months(1, 12).join(', ')}] }
  - { name: 王强, status: full${fields ? `, ${fields}` : ''} }`;
    const { found, shortfalls } = runPrimitive(run, DUES_RUN, branchYaml({ members }), asOf, period);
    expect(found).toEqual(expected ? [[null, '王强', 'violation']] : []);
    if (expected) expect(shortfalls[0]?.args.months).toEqual(expected);
  });

  it('counts from the later of the branch established and the member joined', () => {
    const found = (header: string, fields: string) =>
      runPrimitive(run, DUES_RUN, branchYaml({ header, members: `  - { name: 张伟, status: full, dues: [${months(1, 12).join(', ')}] }\n  - { name: 王强, status: full${fields} }` }), '2026-10-08', '2026Q3').shortfalls[0]?.args.months ?? null;
    expect(found('  established: 2026-04-01', '')).toEqual(months(4, 9));
    expect(found('  established: 2026-05-01', '')).toBeNull();
    expect(found('  established: 2026-03-01', ', since: 2026-04-01')).toEqual(months(4, 9));
    expect(found('  established: 2026-04-01', ', since: 2026-05-01')).toBeNull();
    expect(found('  established: 2026-05-01', ', since: 2026-03-01')).toBeNull();
  });

  it('length is a parameter', () => {
    const members = '  - { name: 王强, status: full, dues: [2026-01, 2026-02, 2026-03, 2026-04, 2026-05, 2026-06] }';
    expect(runPrimitive(run, { ...DUES_RUN, length: 3 }, branchYaml({ members }), '2026-10-08', '2026Q3').found).toEqual([[null, '王强', 'violation']]);
    expect(runPrimitive(run, { ...DUES_RUN, length: 4 }, branchYaml({ members }), '2026-10-08', '2026Q3').found).toEqual([]);
  });

  it.each([{ lacking: 'hours' }, { lacking: 'dues', length: 1 }, { lacking: 'participation', roles: ['absentees'] }])('rejects options %j', (options) => {
    expect(run.options.safeParse(options).success).toBe(false);
  });
});

describe('run of months without organisational life (member.inactive)', () => {
  const INACTIVE = { lacking: 'participation', roles: ['attendees', 'host', 'lecturer', 'with'], length: 6, skipExcused: true };
  const members = `  - { name: 张伟, status: full }
  - { name: 王强, status: full }
  - { name: 刘洋, status: full, excused: true }`;
  it.each<[string, string, string[]]>([
    ['nobody took part', '  []', ['张伟', '王强']],
    ['attending counts', activities('type: general-meeting, date: 2026-05-10, attendees: [张伟, 王强]'), []],
    ['hosting, lecturing and being talked with count', activities('type: other, date: 2026-05-10, host: 张伟', 'type: party-lecture, date: 2026-05-11, lecturer: 王强'), []],
    ['being talked with counts', activities('type: heart-to-heart, date: 2026-05-10, host: 张伟, with: [王强]'), []],
    ['recording does not count', activities('type: general-meeting, date: 2026-05-10, attendees: [张伟], recorder: 王强'), ['王强']],
    ['a guest entry does not count', activities('type: general-meeting, date: 2026-05-10, attendees: [张伟], guests: [王强]'), ['王强']],
    ['taking part after as-of does not count', activities('type: general-meeting, date: 2026-10-20, attendees: [张伟, 王强]'), ['张伟', '王强']],
  ])('%s (the excused member is never reported)', (_what, acts, expected) => {
    const { found } = runPrimitive(run, INACTIVE, branchYaml({ members, activities: acts }), '2026-10-08', '2026Q3');
    expect(found).toEqual(expected.map((name) => [null, name, 'violation']));
  });

  it('without skipExcused the excused member is reported too', () => {
    const { found } = runPrimitive(run, { ...INACTIVE, skipExcused: false }, branchYaml({ members, activities: '  []' }), '2026-10-08', '2026Q3');
    expect(found.map((f) => f[1])).toEqual(['张伟', '王强', '刘洋']);
  });
});

describe('dues per month', () => {
  const members = `  - { name: 张伟, status: full, dues: [2026-07, 2026-08, 2026-09] }
  - { name: 李娜, status: full, dues: [2026-07, 2026-09] }
  - { name: 王强, status: probationary, admitted: 2026-03-01 }
  - { name: 刘洋, status: full, since: 2026-08-02, dues: [2026-09] }
  - { name: 陈静, status: full, until: 2026-07-30, dues: [] }`;
  it.each<[string, string, Found[]]>([
    [
      '2026-10-08',
      'all closed',
      [
        ['2026-07', '王强', 'violation'],
        ['2026-08', '李娜', 'violation'],
        ['2026-08', '王强', 'violation'],
        ['2026-09', '王强', 'violation'],
      ],
    ],
    [
      '2026-09-15',
      'September open',
      [
        ['2026-07', '王强', 'violation'],
        ['2026-08', '李娜', 'violation'],
        ['2026-08', '王强', 'violation'],
        ['2026-09', '王强', 'pending'],
      ],
    ],
  ])('as of %s (%s)', (asOf, _what, expected) => {
    expect(runPrimitive(dues, {}, branchYaml({ members }), asOf, '2026Q3').found).toEqual(expected);
  });

  it('rejects options', () => {
    expect(dues.options.safeParse({ per: 'month' }).success).toBe(false);
  });
});

describe('sum of training hours', () => {
  const HOURS = { per: 'year', min: 32, cadreMin: 56 };
  const header = '  deputy_secretaries: [李娜]\n  committee: [张伟, 李娜, 王强]';
  const member = (name: string, training = '') => `  - { name: ${name}, status: full${training ? `, training: [${training}]` : ''} }`;
  it.each<[string, string, string, Found[]]>([
    ['a member with 32 hours', member('刘洋', '{ date: 2026-05-01, hours: 32 }'), '  []', []],
    ['a member with 31.5 hours', member('刘洋', '{ date: 2026-05-01, hours: 30 }, { date: 2026-06-01, hours: 1.5 }'), '  []', [['2026', '刘洋', 'violation']]],
    ['activity hours credited to attendees', member('刘洋'), activities('type: training, date: 2026-03-01, hours: 32, attendees: [刘洋]'), []],
    ['not to the lecturer who is not an attendee', member('刘洋'), activities('type: party-lecture, date: 2026-03-01, lecturer: 刘洋, hours: 32, attendees: [陈静]'), [['2026', '刘洋', 'violation']]],
    ['a name listed twice counts once', member('刘洋'), activities('type: training, date: 2026-03-01, hours: 16, attendees: [刘洋, 刘洋]'), [['2026', '刘洋', 'violation']]],
    ['activities and own training add up', member('刘洋', '{ date: 2026-05-01, hours: 16 }'), activities('type: training, date: 2026-03-01, hours: 16, attendees: [刘洋]'), []],
    ['training in another year does not count', member('刘洋', '{ date: 2025-12-31, hours: 32 }'), '  []', [['2026', '刘洋', 'violation']]],
    ['a member who joined during the year is not checked', '  - { name: 刘洋, status: full, since: 2026-02-01 }', '  []', []],
  ])('%s (the cadres have 56 hours)', (_what, extra, acts, expected) => {
    const members = ['张伟', '李娜', '王强'].map((n) => member(n, '{ date: 2026-05-01, hours: 56 }')).join('\n') + '\n' + extra;
    expect(runPrimitive(sum, HOURS, branchYaml({ header, members, activities: acts }), '2027-01-15', '2026').found).toEqual(expected);
  });

  it.each<[string, number, Found[]]>([
    ['secretary', 0, [['2026', '张伟', 'violation']]],
    ['deputy secretary', 1, [['2026', '李娜', 'violation']]],
    ['committee member', 2, [['2026', '王强', 'violation']]],
  ])('a %s needs 56 hours', (_what, index, expected) => {
    const members = ['张伟', '李娜', '王强'].map((n, i) => member(n, `{ date: 2026-05-01, hours: ${i === index ? 55 : 56} }`)).join('\n');
    const { found, shortfalls } = runPrimitive(sum, HOURS, branchYaml({ header, members }), '2027-01-15', '2026');
    expect(found).toEqual(expected);
    expect(shortfalls[0]?.args).toMatchObject({ total: 55, min: 56, cadre: true });
  });

  it('without cadreMin everyone needs min; an open year is pending', () => {
    const members = member('张伟', '{ date: 2026-05-01, hours: 40 }') + '\n' + member('刘洋', '{ date: 2026-05-01, hours: 20 }');
    expect(runPrimitive(sum, { per: 'year', min: 32 }, branchYaml({ header, members }), '2026-10-08', '2026Q3').found).toEqual([['2026', '刘洋', 'pending']]);
  });

  it.each([{ per: 'year' }, { per: 'year', min: -1 }, { per: 'year', min: 32, cadreMin: '56' }])('rejects options %j', (options) => {
    expect(sum.options.safeParse(options).success).toBe(false);
  });
});
