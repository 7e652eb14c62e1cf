import { describe, expect, it } from 'vitest';
import { conflict } from '../../src/checks/conflict.js';
import { duplicate } from '../../src/checks/duplicate.js';
import { forbid } from '../../src/checks/forbid.js';
import { names } from '../../src/checks/names.js';
import { runPrimitive } from '../support/engine.js';
import { activities, branchYaml } from '../support/records.js';

const NAMES = { members: ['attendees', 'absentees', 'recorder', 'with'], membersOrGuests: ['host', 'lecturer'] };
const members = `  - { name: 张伟, status: full }
  - { name: 李娜, status: full }
  - { name: 王强, status: full, until: 2026-03-31 }`;
const record = (line: string, rule: typeof names, options: object, asOf = '2026-10-08') => runPrimitive(rule, options, branchYaml({ members, activities: activities(line) }), asOf, '2026Q3');

describe('names', () => {
  it.each<[string, string, string[] | null]>([
    ['members only', 'type: general-meeting, date: 2026-07-10, host: 张伟, recorder: 李娜, attendees: [张伟, 李娜]', null],
    ['a stranger attending', 'type: general-meeting, date: 2026-07-10, attendees: [张伟, 王小强]', ['王小强']],
    ['a stranger absent', 'type: general-meeting, date: 2026-07-10, attendees: [张伟], absentees: [{ name: 赵六 }]', ['赵六']],
    ['a stranger recording', 'type: general-meeting, date: 2026-07-10, recorder: 赵六', ['赵六']],
    ['a stranger talked with', 'type: heart-to-heart, date: 2026-07-10, host: 张伟, with: [赵六]', ['赵六']],
    ['a guest hosting', 'type: general-meeting, date: 2026-07-10, host: 赵刚, guests: [赵刚]', null],
    ['a guest lecturing', 'type: party-lecture, date: 2026-07-10, lecturer: 周教授, guests: [周教授]', null],
    ['a lecturer neither member nor guest', 'type: party-lecture, date: 2026-07-10, lecturer: 周教授', ['周教授']],
    ['a guest may not be an attendee', 'type: general-meeting, date: 2026-07-10, attendees: [张伟, 赵刚], guests: [赵刚]', ['赵刚']],
    ['every unknown name, once', 'type: general-meeting, date: 2026-07-10, host: 甲, recorder: 乙, attendees: [乙, 丙]', ['乙', '丙', '甲']],
    ['a member who has left is still a name of the branch', 'type: general-meeting, date: 2026-07-10, attendees: [王强]', null],
    ['guests are not checked', 'type: general-meeting, date: 2026-07-10, guests: [群众甲]', null],
  ])('%s', (_what, line, unknown) => {
    const { found, shortfalls } = record(line, names, NAMES);
    expect(found).toEqual(unknown ? [[null, 'activities[0]', 'violation']] : []);
    if (unknown) expect(shortfalls[0]?.args.names).toEqual(unknown);
  });

  it('host is a member-only role when configured so', () => {
    const { found } = record('type: general-meeting, date: 2026-07-10, host: 赵刚, guests: [赵刚]', names, { members: ['attendees'], membersOrGuests: [] });
    expect(found).toEqual([]);
    expect(names.options.safeParse({ members: ['attendees', 'host'] }).success).toBe(false);
  });
});

describe('conflict', () => {
  it.each<[string, string, string[] | null]>([
    ['present and absent', 'type: general-meeting, date: 2026-07-10, attendees: [张伟, 李娜], absentees: [{ name: 李娜, reason: 出差 }]', ['李娜']],
    ['separate lists', 'type: general-meeting, date: 2026-07-10, attendees: [张伟], absentees: [{ name: 李娜 }]', null],
    ['no absentees', 'type: general-meeting, date: 2026-07-10, attendees: [张伟, 李娜]', null],
    ['absent twice and present', 'type: general-meeting, date: 2026-07-10, attendees: [张伟], absentees: [{ name: 张伟 }, { name: 张伟 }]', ['张伟']],
  ])('%s', (_what, line, both) => {
    const { found, shortfalls } = record(line, conflict, {});
    expect(found).toEqual(both ? [[null, 'activities[0]', 'violation']] : []);
    if (both) expect(shortfalls[0]?.args.names).toEqual(both);
  });
});

describe('forbid', () => {
  const NO_ENTERTAINMENT = { select: { type: 'theme-day', form: 'entertainment' } };
  it.each<[string, string, boolean]>([
    ['entertainment', 'type: theme-day, date: 2026-07-10, form: entertainment', true],
    ['旅游 is entertainment', 'type: theme-day, date: 2026-07-10, form: 旅游', true],
    ['娱乐 is entertainment', 'type: theme-day, date: 2026-07-10, form: 娱乐', true],
    ['a study day', 'type: theme-day, date: 2026-07-10, form: study', false],
    ['outside the window', 'type: theme-day, date: 2026-06-30, form: entertainment', false],
    ['after as-of', 'type: theme-day, date: 2026-09-30, form: entertainment', false],
  ])('%s', (_what, line, fires) => {
    expect(record(line, forbid, NO_ENTERTAINMENT, '2026-09-20').found).toEqual(fires ? [[null, 'activities[0]', 'violation']] : []);
  });
});

describe('duplicate', () => {
  const KEY = { key: ['type', 'date', 'group'] };
  const run = (...lines: string[]) => runPrimitive(duplicate, KEY, branchYaml({ members, activities: activities(...lines) }), '2026-10-08', '2026Q3');
  it.each<[string, string[], string[]]>([
    ['same type and date', ['type: general-meeting, date: 2026-07-10', 'type: general-meeting, date: 2026-07-10, topic: 另一议题'], ['activities[1]']],
    ['three of a kind: both later ones', ['type: general-meeting, date: 2026-07-10', 'type: general-meeting, date: 2026-07-10', 'type: general-meeting, date: 2026-07-10'], ['activities[1]', 'activities[2]']],
    ['another type', ['type: general-meeting, date: 2026-07-10', 'type: committee-meeting, date: 2026-07-10'], []],
    ['another day', ['type: general-meeting, date: 2026-07-10', 'type: general-meeting, date: 2026-07-11'], []],
    ['two groups on one day', ['type: group-meeting, date: 2026-07-10, group: 一组', 'type: group-meeting, date: 2026-07-10, group: 二组'], []],
    ['one group twice', ['type: group-meeting, date: 2026-07-10, group: 一组', 'type: group-meeting, date: 2026-07-10, group: 一组'], ['activities[1]']],
    // File order decides which one is the later record, not the date order of the file.
    ['the later one in file order', ['type: theme-day, date: 2026-08-01, form: study', 'type: general-meeting, date: 2026-07-10', 'type: theme-day, date: 2026-08-01, form: volunteer'], ['activities[2]']],
    ['the copy outside the window is not reported', ['type: general-meeting, date: 2026-06-10', 'type: general-meeting, date: 2026-06-10'], []],
  ])('%s', (_what, lines, subjects) => {
    expect(run(...lines).found).toEqual(subjects.map((s) => [null, s, 'violation']));
  });

  it('names the earlier record', () => {
    expect(run('type: general-meeting, date: 2026-07-10', 'type: general-meeting, date: 2026-07-10').shortfalls[0]?.args.first).toBe(0);
  });

  it.each<[string, string[], string[]]>([
    ['talks with different people', ['type: heart-to-heart, date: 2026-07-10, host: 张伟, with: [李娜]', 'type: heart-to-heart, date: 2026-07-10, host: 张伟, with: [王强]'], []],
    ['talks led by different people', ['type: heart-to-heart, date: 2026-07-10, host: 张伟, with: [王强]', 'type: heart-to-heart, date: 2026-07-10, host: 李娜, with: [王强]'], []],
    ['the same talk, its people in another order', ['type: heart-to-heart, date: 2026-07-10, host: 张伟, with: [李娜, 王强]', 'type: heart-to-heart, date: 2026-07-10, host: 张伟, with: [王强, 李娜]'], ['activities[1]']],
    ['reviews of different members', ['type: probation-review, date: 2026-07-10, member: 李娜', 'type: probation-review, date: 2026-07-10, member: 王强'], []],
    ['the same review twice', ['type: probation-review, date: 2026-07-10, member: 李娜', 'type: probation-review, date: 2026-07-10, member: 李娜'], ['activities[1]']],
    // A field of another type counts for nothing: these two general meetings are one meeting recorded twice.
    ['a group written on a general meeting', ['type: general-meeting, date: 2026-07-10, group: 一组', 'type: general-meeting, date: 2026-07-10, group: 二组'], ['activities[1]']],
  ])('keyByType: %s', (_what, lines, reported) => {
    const options = { ...KEY, keyByType: { 'heart-to-heart': ['host', 'with'], 'probation-review': ['member'] } };
    const { found } = runPrimitive(duplicate, options, branchYaml({ members, activities: activities(...lines) }), '2026-10-08', '2026Q3');
    expect(found.map(([, subject]) => subject)).toEqual(reported);
  });

  it('the key is a parameter', () => {
    const withTopic = runPrimitive(duplicate, { key: ['type', 'date', 'topic'] }, branchYaml({ activities: activities('type: general-meeting, date: 2026-07-10, topic: 甲', 'type: general-meeting, date: 2026-07-10, topic: 乙') }), '2026-10-08', '2026Q3');
    expect(withTopic.found).toEqual([]);
    expect(duplicate.options.safeParse({ key: [] }).success).toBe(false);
    expect(duplicate.options.safeParse({ key: ['hours'] }).success).toBe(false);
  });
});
