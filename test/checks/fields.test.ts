import { describe, expect, it } from 'vitest';
import { fields } from '../../src/checks/fields.js';
import { runPrimitive } from '../support/engine.js';
import { activities, branchYaml } from '../support/records.js';

/** The record-complete requirements of meetings.record-complete. */
const RECORDS = {
  target: 'activities',
  types: ['general-meeting', 'committee-meeting', 'group-meeting', 'party-lecture', 'theme-day', 'life-meeting', 'democratic-review'],
  require: [
    { field: 'topic' },
    { field: 'host', except: ['party-lecture', 'theme-day'] },
    { field: 'recorder', only: ['general-meeting', 'committee-meeting', 'group-meeting', 'life-meeting'] },
    { field: ['attendees', 'present'] },
    { field: 'minutes', except: ['party-lecture', 'theme-day'] },
  ],
};
const FULL = 'topic: 学习, host: 张伟, recorder: 李娜, attendees: [张伟], minutes: true';

describe('fields on activities', () => {
  it.each<[string, string, string[] | null]>([
    ['a complete general meeting', `type: general-meeting, date: 2026-07-10, ${FULL}`, null],
    ['minutes as text', 'type: life-meeting, date: 2026-07-10, topic: 学习, host: 张伟, recorder: 李娜, present: 3, minutes: 会议认为……', null],
    ['present instead of attendees', 'type: general-meeting, date: 2026-07-10, topic: 学习, host: 张伟, recorder: 李娜, present: 3, minutes: true', null],
    ['present 0 is a value', 'type: general-meeting, date: 2026-07-10, topic: 学习, host: 张伟, recorder: 李娜, present: 0, minutes: true', null],
    ['nothing but type and date', 'type: general-meeting, date: 2026-07-10', ['topic', 'host', 'recorder', 'attendees/present', 'minutes']],
    ['minutes: false is missing', 'type: committee-meeting, date: 2026-07-10, topic: 学习, host: 张伟, recorder: 李娜, attendees: [张伟], minutes: false', ['minutes']],
    ['an empty topic and an empty list are missing', 'type: group-meeting, date: 2026-07-10, group: 一组, topic: "", host: 张伟, recorder: 李娜, attendees: [], minutes: true', ['topic', 'attendees/present']],
    ['null is missing', 'type: general-meeting, date: 2026-07-10, topic: 学习, host: null, recorder: 李娜, attendees: [张伟], minutes: true', ['host']],
    ['a lecture needs no host, recorder or minutes', 'type: party-lecture, date: 2026-07-10, lecturer: 张伟, topic: 学习, attendees: [张伟]', null],
    ['a lecture without topic or attendance', 'type: party-lecture, date: 2026-07-10, lecturer: 张伟', ['topic', 'attendees/present']],
    ['a theme day without topic', 'type: theme-day, date: 2026-07-10, form: study, attendees: [张伟]', ['topic']],
    ['a democratic review needs no recorder', 'type: democratic-review, date: 2026-07-10, topic: 评议, host: 张伟, attendees: [张伟], minutes: true', null],
    ['a democratic review without host', 'type: democratic-review, date: 2026-07-10, topic: 评议, attendees: [张伟], minutes: true', ['host']],
    ['types not listed are not checked', 'type: heart-to-heart, date: 2026-07-10, host: 张伟, with: [李娜]', null],
    ['records outside the window are not checked', 'type: general-meeting, date: 2026-06-30', null],
  ])('%s', (_what, record, missing) => {
    const { found, shortfalls } = runPrimitive(fields, RECORDS, branchYaml({ activities: activities(record) }), '2026-10-08', '2026Q3');
    expect(found).toEqual(missing ? [[null, 'activities[0]', 'violation']] : []);
    if (missing) expect(shortfalls[0]?.args.fields).toEqual(missing);
  });

  it('gives one finding per record, with its date for exemptions', () => {
    const acts = activities('type: general-meeting, date: 2026-07-10', `type: general-meeting, date: 2026-08-10, ${FULL}`, 'type: life-meeting, date: 2026-09-10');
    const { found, shortfalls } = runPrimitive(fields, RECORDS, branchYaml({ activities: acts }), '2026-10-08', '2026Q3');
    expect(found).toEqual([
      [null, 'activities[0]', 'violation'],
      [null, 'activities[2]', 'violation'],
    ]);
    expect(shortfalls.map((s) => s.date)).toEqual(['2026-07-10', '2026-09-10']);
  });
});

describe('fields on members', () => {
  const INDICATORS = { target: 'members', members: { full: true }, require: [{ field: 'indicators.target' }] };
  const members = `  - { name: 张伟, status: full, indicators: [{ name: 安全, target: 0起 }] }
  - { name: 李娜, status: full, indicators: [{ name: 创新 }, { name: 质量, target: 1项 }] }
  - { name: 王强, status: full, indicators: [{ name: 创新, target: "" }] }
  - { name: 刘洋, status: full, indicators: [{ name: 产值, target: 100 }] }
  - { name: 陈静, status: full }
  - { name: 赵敏, status: probationary, admitted: 2026-03-01 }
  - { name: 孙磊, status: full, admitted: 2025-09-01, confirmed: 2026-11-01 }
  - { name: 周涛, status: full, until: 2026-09-30 }`;

  it('checks active full members for an indicator with a target', () => {
    expect(runPrimitive(fields, INDICATORS, branchYaml({ members }), '2026-10-08', '2026Q3').found).toEqual([
      [null, '王强', 'violation'],
      [null, '陈静', 'violation'],
    ]);
  });

  it('without the full filter, checks probationary members too', () => {
    const { found } = runPrimitive(fields, { ...INDICATORS, members: {} }, branchYaml({ members }), '2026-10-08', '2026Q3');
    expect(found.map((f) => f[1])).toEqual(['王强', '陈静', '赵敏', '孙磊']);
  });
});

describe('fields on projects and the branch', () => {
  const PROJECTS = { target: 'projects', require: [{ field: 'owner' }, { field: 'goals' }] };
  it.each<[string, string, string[] | null]>([
    ['owner and goals', '  - { name: 攻坚, approved: 2026-02-01, owner: 张伟, goals: [封顶] }', null],
    ['no owner', '  - { name: 攻坚, approved: 2026-02-01, goals: [封顶] }', ['owner']],
    ['empty goals', '  - { name: 攻坚, approved: 2026-02-01, owner: 张伟, goals: [] }', ['goals']],
    ['neither, no approval date', '  - { name: 攻坚 }', ['owner', 'goals']],
    ['approved after as-of: not yet checked', '  - { name: 攻坚, approved: 2026-10-09 }', null],
  ])('project: %s', (_what, projects, missing) => {
    const { found, shortfalls } = runPrimitive(fields, PROJECTS, branchYaml({ projects }), '2026-10-08', '2026Q3');
    expect(found).toEqual(missing ? [[null, '攻坚', 'violation']] : []);
    if (missing) expect(shortfalls[0]?.args.fields).toEqual(missing);
  });

  it.each<[string, string, boolean]>([
    ['elected given', '  elected: 2025-06-01', false],
    ['elected missing', '', true],
    ['elected null', '  elected: null', true],
  ])('branch: %s', (_what, header, fires) => {
    const { found } = runPrimitive(fields, { target: 'branch', require: [{ field: 'elected' }] }, branchYaml({ header }), '2026-10-08', '2026Q3');
    expect(found).toEqual(fires ? [[null, null, 'violation']] : []);
  });

  it.each([{ target: 'groups', require: [{ field: 'x' }] }, { target: 'branch', require: [] }, { target: 'activities', types: ['meeting'], require: [{ field: 'topic' }] }, { target: 'activities', require: [{ field: 'topic', only: ['x'] }] }])(
    'rejects options %j',
    (options) => {
      expect(fields.options.safeParse(options).success).toBe(false);
    },
  );
});
