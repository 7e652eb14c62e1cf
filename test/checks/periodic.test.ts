import { describe, expect, it } from 'vitest';
import { count } from '../../src/checks/count.js';
import { participation } from '../../src/checks/participation.js';
import { variety } from '../../src/checks/variety.js';
import { runPrimitive } from '../support/engine.js';
import { activities, branchYaml } from '../support/records.js';

type Found = [period: string | null, subject: string | null, status: string];

const THEME_DAY = { per: 'month', select: { type: 'theme-day' }, min: 1, what: '主题党日' };
const GROUPS = `  - { name: 第一党小组 }
  - { name: 第二党小组 }`;

describe('count', () => {
  it.each<[string, object, string, string, string, Found[]]>([
    ['every month met', THEME_DAY, activities('type: theme-day, date: 2026-07-01, form: study', 'type: theme-day, date: 2026-08-01, form: study', 'type: theme-day, date: 2026-09-30, form: study'), '2026Q3', '2026-10-08', []],
    ['a month missed', THEME_DAY, activities('type: theme-day, date: 2026-07-01, form: study', 'type: theme-day, date: 2026-09-01, form: study'), '2026Q3', '2026-10-08', [['2026-08', null, 'violation']]],
    ['other types do not count', THEME_DAY, activities('type: general-meeting, date: 2026-07-01', 'type: theme-day, date: 2026-08-01, form: study', 'type: theme-day, date: 2026-09-01, form: study'), '2026Q3', '2026-10-08', [['2026-07', null, 'violation']]],
    ['an open month is pending', THEME_DAY, activities('type: theme-day, date: 2026-07-01, form: study', 'type: theme-day, date: 2026-08-01, form: study'), '2026Q3', '2026-09-20', [['2026-09', null, 'pending']]],
    ['min 2 with one record', { ...THEME_DAY, per: 'quarter', min: 2 }, activities('type: theme-day, date: 2026-07-01, form: study'), '2026Q3', '2026-10-08', [['2026Q3', null, 'violation']]],
    ['min 2 met', { ...THEME_DAY, per: 'quarter', min: 2 }, activities('type: theme-day, date: 2026-07-01, form: study', 'type: theme-day, date: 2026-09-01, form: volunteer'), '2026Q3', '2026-10-08', []],
    ['min 0 never fires', { ...THEME_DAY, min: 0 }, '', '2026Q3', '2026-10-08', []],
    ['select by form', { per: 'quarter', select: { type: 'theme-day', form: ['study', 'discussion'] }, what: 'x' }, activities('type: theme-day, date: 2026-07-01, form: volunteer'), '2026Q3', '2026-10-08', [['2026Q3', null, 'violation']]],
    ['select by form met', { per: 'quarter', select: { type: 'theme-day', form: 'discussion' }, what: 'x' }, activities('type: theme-day, date: 2026-07-01, form: 研究讨论'), '2026Q3', '2026-10-08', []],
    ['select several types', { per: 'year', select: { type: ['life-meeting', 'democratic-review'] }, min: 2, what: 'x' }, activities('type: life-meeting, date: 2026-12-20', 'type: democratic-review, date: 2026-12-21'), '2026', '2027-01-15', []],
    ['$secretary bound to the secretary', { per: 'year', select: { type: 'party-lecture', lecturer: '$secretary' }, what: 'x' }, activities('type: party-lecture, date: 2026-05-01, lecturer: 李娜'), '2026', '2027-01-15', [['2026', null, 'violation']]],
    ['$secretary met', { per: 'year', select: { type: 'party-lecture', lecturer: '$secretary' }, what: 'x' }, activities('type: party-lecture, date: 2026-05-01, lecturer: 张伟'), '2026', '2027-01-15', []],
    ['a literal lecturer', { per: 'year', select: { type: 'party-lecture', lecturer: '李娜' }, what: 'x' }, activities('type: party-lecture, date: 2026-05-01, lecturer: 李娜'), '2026', '2027-01-15', []],
    ['a record on the period boundary counts in its own month', THEME_DAY, activities('type: theme-day, date: 2026-07-31, form: study', 'type: theme-day, date: 2026-09-01, form: study'), '2026Q3', '2026-10-08', [['2026-08', null, 'violation']]],
    ['a year window, quarterly', { ...THEME_DAY, per: 'quarter' }, activities('type: theme-day, date: 2026-02-01, form: study', 'type: theme-day, date: 2026-11-01, form: study'), '2026', '2027-01-15', [['2026Q2', null, 'violation'], ['2026Q3', null, 'violation']]],
  ])('%s', (_what, options, acts, period, asOf, expected) => {
    expect(runPrimitive(count, options, branchYaml({ activities: acts || '  []' }), asOf, period).found).toEqual(expected);
  });

  it.each<[string, string, Found[]]>([
    ['both groups met', activities('type: group-meeting, date: 2026-07-05, group: 第一党小组', 'type: group-meeting, date: 2026-07-06, group: 第二党小组'), []],
    ['one group missed', activities('type: group-meeting, date: 2026-07-05, group: 第一党小组', 'type: group-meeting, date: 2026-07-06, group: 第一党小组'), [['2026-07', '第二党小组', 'violation']]],
    ['a meeting of an unknown group counts for none', activities('type: group-meeting, date: 2026-07-05, group: 第三党小组'), [['2026-07', '第一党小组', 'violation'], ['2026-07', '第二党小组', 'violation']]],
  ])('each group: %s', (_what, acts, expected) => {
    const options = { per: 'month', each: 'group', select: { type: 'group-meeting', group: '$group' }, what: 'x' };
    expect(runPrimitive(count, options, branchYaml({ groups: GROUPS, activities: acts }), '2026-08-10', '2026-07').found).toEqual(expected);
  });

  it('reports actual, min and days left', () => {
    const { shortfalls } = runPrimitive(count, { ...THEME_DAY, min: 2 }, branchYaml({ activities: activities('type: theme-day, date: 2026-09-01, form: study') }), '2026-09-20', '2026-09');
    expect(shortfalls[0]?.args).toMatchObject({ period: '2026-09', min: 2, actual: 1, daysLeft: 10 });
  });

  it.each([{}, { per: 'week', select: {}, what: 'x' }, { per: 'month', select: { type: 'meeting' }, what: 'x' }, { per: 'month', min: -1, what: 'x' }, { per: 'month', what: 'x', extra: 1 }])('rejects options %j', (options) => {
    expect(count.options.safeParse(options).success).toBe(false);
  });
});

describe('variety', () => {
  const VARIED = { per: 'quarter', select: { type: 'theme-day' }, field: 'form', min: 2, what: '主题党日' };
  it.each<[string, string, string, Found[]]>([
    ['all of one form', activities('type: theme-day, date: 2026-07-01, form: red-education', 'type: theme-day, date: 2026-08-01, form: 红色教育基地参观学习', 'type: theme-day, date: 2026-09-01, form: red-education'), '2026-10-08', [['2026Q3', null, 'violation']]],
    ['two forms', activities('type: theme-day, date: 2026-07-01, form: red-education', 'type: theme-day, date: 2026-08-01, form: study'), '2026-10-08', []],
    ['a single theme day is not monotonous', activities('type: theme-day, date: 2026-07-01, form: red-education'), '2026-10-08', []],
    ['an open quarter is pending', activities('type: theme-day, date: 2026-07-01, form: study', 'type: theme-day, date: 2026-08-01, form: study'), '2026-08-15', [['2026Q3', null, 'pending']]],
    ['records after as-of are not counted', activities('type: theme-day, date: 2026-07-01, form: study', 'type: theme-day, date: 2026-08-01, form: study', 'type: theme-day, date: 2026-09-01, form: volunteer'), '2026-08-15', [['2026Q3', null, 'pending']]],
    ['other types are ignored', activities('type: theme-day, date: 2026-07-01, form: study', 'type: general-meeting, date: 2026-08-01'), '2026-10-08', []],
  ])('%s', (_what, acts, asOf, expected) => {
    expect(runPrimitive(variety, VARIED, branchYaml({ activities: acts }), asOf, '2026Q3').found).toEqual(expected);
  });

  it('names the form and the count', () => {
    const acts = activities('type: theme-day, date: 2026-07-01, form: red-education', 'type: theme-day, date: 2026-08-01, form: red-education');
    expect(runPrimitive(variety, VARIED, branchYaml({ activities: acts }), '2026-10-08', '2026Q3').shortfalls[0]?.args).toMatchObject({ form: 'red-education', count: 2 });
  });

  it.each([{ ...VARIED, field: 'topic' }, { ...VARIED, per: 'day' }])('rejects options %j', (options) => {
    expect(variety.options.safeParse(options).success).toBe(false);
  });
});

describe('participation', () => {
  const TALKS = { per: 'year', select: { type: 'heart-to-heart' }, roles: ['host', 'with'], min: 1, what: '谈心谈话' };
  const members = `  - { name: 张伟, status: full }
  - { name: 李娜, status: full }
  - { name: 王强, status: full }
  - { name: 刘洋, status: full, since: 2026-03-01 }
  - { name: 陈静, status: full, until: 2026-11-30 }`;
  it.each<[string, object, string, string, Found[]]>([
    ['host and with both count', TALKS, activities('type: heart-to-heart, date: 2026-03-01, host: 张伟, with: [李娜, 王强]'), '2027-01-15', []],
    ['a member nobody talked with', TALKS, activities('type: heart-to-heart, date: 2026-03-01, host: 张伟, with: [李娜]'), '2027-01-15', [['2026', '王强', 'violation']]],
    ['attending is not a role here', TALKS, activities('type: heart-to-heart, date: 2026-03-01, host: 张伟, with: [李娜], attendees: [王强]'), '2027-01-15', [['2026', '王强', 'violation']]],
    ['other types do not count', TALKS, activities('type: heart-to-heart, date: 2026-03-01, host: 张伟, with: [李娜]', 'type: general-meeting, date: 2026-04-01, host: 王强'), '2027-01-15', [['2026', '王强', 'violation']]],
    ['an open year is pending', TALKS, activities('type: heart-to-heart, date: 2026-03-01, host: 张伟, with: [李娜]'), '2026-10-08', [['2026', '王强', 'pending']]],
    ['min 2', { ...TALKS, min: 2 }, activities('type: heart-to-heart, date: 2026-03-01, host: 张伟, with: [李娜, 王强]', 'type: heart-to-heart, date: 2026-09-01, host: 张伟, with: [李娜]'), '2027-01-15', [['2026', '王强', 'violation']]],
    ['attendees role', { per: 'quarter', select: { type: 'general-meeting' }, roles: ['attendees'], what: 'x' }, activities('type: general-meeting, date: 2026-10-10, attendees: [张伟, 李娜, 王强, 刘洋]'), '2027-01-15', []],
  ])('%s (members who joined or left during the year are not checked)', (_what, options, acts, asOf, expected) => {
    const period = (options as { per: string }).per === 'quarter' ? '2026Q4' : '2026';
    expect(runPrimitive(participation, options, branchYaml({ members, activities: acts }), asOf, period).found).toEqual(expected);
  });

  it.each([{ ...TALKS, roles: [] }, { ...TALKS, roles: ['absentees'] }])('rejects options %j', (options) => {
    expect(participation.options.safeParse(options).success).toBe(false);
  });
});
