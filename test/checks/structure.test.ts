import { describe, expect, it } from 'vitest';
import { extension } from '../../src/checks/extension.js';
import { progress } from '../../src/checks/progress.js';
import { reference } from '../../src/checks/reference.js';
import { role } from '../../src/checks/role.js';
import { size } from '../../src/checks/size.js';
import { runPrimitive } from '../support/engine.js';
import { branchYaml, THREE_MEMBERS } from '../support/records.js';

type Found = [period: string | null, subject: string | null, status: string];
const member = (name: string, fields = 'status: full') => `  - { name: ${name}, ${fields} }`;
const fullMembers = (n: number) => Array.from({ length: n }, (_, i) => member(`党员${i + 1}`)).join('\n');

describe('size', () => {
  const fires: Found[] = [[null, null, 'violation']];
  it.each<[string, object, string, string, Found[]]>([
    ['2 full members, below 3', { of: 'full-members', below: 3 }, fullMembers(2), '', fires],
    ['3 full members', { of: 'full-members', below: 3 }, fullMembers(3), '', []],
    ['probationary members are not full', { of: 'full-members', below: 3 }, fullMembers(2) + '\n' + member('赵敏', 'status: probationary'), '', fires],
    ['confirmed after as-of is not yet full', { of: 'full-members', below: 3 }, fullMembers(2) + '\n' + member('赵敏', 'status: full, confirmed: 2026-10-09'), '', fires],
    ['a member who left does not count', { of: 'full-members', below: 3 }, fullMembers(2) + '\n' + member('孙磊', 'status: full, until: 2026-10-07'), '', fires],
    ['leaving on as-of still counts', { of: 'full-members', below: 3 }, fullMembers(2) + '\n' + member('孙磊', 'status: full, until: 2026-10-08'), '', []],
    ['a member joining after as-of does not count', { of: 'full-members', below: 3 }, fullMembers(2) + '\n' + member('周涛', 'status: full, since: 2026-10-09'), '', fires],
    ['51 members, above 50', { of: 'members', above: 50 }, fullMembers(50) + '\n' + member('赵敏', 'status: probationary'), '', fires],
    ['50 members', { of: 'members', above: 50 }, fullMembers(50), '', []],
    ['7 full members, at least 7', { of: 'full-members', atLeast: 7 }, fullMembers(7), '', fires],
    ['6 full members', { of: 'full-members', atLeast: 7 }, fullMembers(6), '', []],
    ['a committee of 2', { of: 'committee', below: 3, above: 7 }, fullMembers(3), '  committee: [党员1, 党员2]', fires],
    ['a committee of 8', { of: 'committee', below: 3, above: 7 }, fullMembers(3), '  committee: [甲, 乙, 丙, 丁, 戊, 己, 庚, 辛]', fires],
    ['a committee of 7', { of: 'committee', below: 3, above: 7 }, fullMembers(3), '  committee: [甲, 乙, 丙, 丁, 戊, 己, 庚]', []],
  ])('%s', (_what, options, members, header, expected) => {
    expect(runPrimitive(size, options, branchYaml({ header, members }), '2026-10-08', '2026Q3').found).toEqual(expected);
  });

  it.each([{ of: 'members' }, { of: 'groups', below: 1 }, { of: 'members', below: -1 }])('rejects options %j', (options) => {
    expect(size.options.safeParse(options).success).toBe(false);
  });
});

describe('role', () => {
  it.each<[string, string, string | null]>([
    ['an active full member', member('张伟'), null],
    ['not a member', member('李娜'), 'not-member'],
    ['probationary', member('张伟', 'status: probationary, admitted: 2026-03-01'), 'not-full'],
    ['confirmed after as-of', member('张伟', 'status: full, confirmed: 2026-11-01'), 'not-full'],
    ['left before as-of', member('张伟', 'status: full, until: 2026-09-30'), 'inactive'],
  ])('the secretary is %s', (_what, members, problem) => {
    const { found, shortfalls } = runPrimitive(role, { role: 'secretary' }, branchYaml({ members }), '2026-10-08', '2026Q3');
    expect(found).toEqual(problem ? [[null, '张伟', 'violation']] : []);
    if (problem) expect(shortfalls[0]?.args.problem).toBe(problem);
  });
});

describe('role over the deputies and the committee', () => {
  const members = `  - { name: 张伟, status: full }
  - { name: 李娜, status: probationary, admitted: 2026-03-01 }
  - { name: 王强, status: full, until: 2026-08-31 }
  - { name: 赵敏, status: full }`;
  it.each<[string, string, [string, string][]]>([
    ['all eligible', 'deputy_secretaries: [赵敏]\n  committee: [张伟, 赵敏]', []],
    ['one finding per name, named in both lists', 'deputy_secretaries: [李娜]\n  committee: [张伟, 李娜]', [['李娜', 'not-full']]],
    ['a name not among the members, one who left', 'committee: [张伟, 刘洋, 王强]', [['刘洋', 'not-member'], ['王强', 'inactive']]],
  ])('%s', (_what, header, expected) => {
    const { shortfalls } = runPrimitive(role, { role: ['deputy_secretaries', 'committee'] }, branchYaml({ header: `  ${header}`, members }), '2026-10-08', '2026Q3');
    expect(shortfalls.map((s) => [s.subject, s.args.problem])).toEqual(expected);
  });
});

describe('extension', () => {
  const OPTIONS = { target: 'probationary-members', from: 'admitted', years: 1, field: 'probation_until', maxYears: 1 };
  it.each<[string, string, boolean]>([
    ['not extended', 'admitted: 2025-09-01', false],
    ['extended by half a year', 'admitted: 2025-09-01, probation_until: 2027-03-01', false],
    ['extended by exactly one year', 'admitted: 2025-09-01, probation_until: 2027-09-01', false],
    ['extended by a year and a day', 'admitted: 2025-09-01, probation_until: 2027-09-02', true],
    ['extended, with no admission date to measure from', 'probation_until: 2029-01-01', false],
  ])('%s', (_what, fields, fires) => {
    const members = `${THREE_MEMBERS}\n  - { name: 赵敏, status: probationary, ${fields} }`;
    const { found } = runPrimitive(extension, OPTIONS, branchYaml({ members }), '2026-10-08', '2026Q3');
    expect(found).toEqual(fires ? [[null, '赵敏', 'violation']] : []);
  });
});

describe('reference', () => {
  const OPTIONS = { field: 'group', in: 'groups' };
  const groups = '  - { name: 第一党小组 }\n  - { name: 第二党小组 }';
  it.each<[string, string, string | undefined, string[]]>([
    ['everyone in a group', member('张伟', 'status: full, group: 第一党小组') + '\n' + member('李娜', 'status: full, group: 第二党小组'), groups, []],
    ['no group', member('张伟', 'status: full, group: 第一党小组') + '\n' + member('李娜'), groups, ['李娜']],
    ['an empty group name', member('李娜', 'status: full, group: ""'), groups, ['李娜']],
    ['a group that does not exist', member('李娜', 'status: full, group: 第三党小组'), groups, ['李娜']],
    ['probationary members too', member('赵敏', 'status: probationary'), groups, ['赵敏']],
    ['members who left are not checked', member('孙磊', 'status: full, until: 2026-06-30'), groups, []],
    ['a branch without groups', member('李娜'), undefined, []],
  ])('%s', (_what, members, groupList, subjects) => {
    expect(runPrimitive(reference, OPTIONS, branchYaml({ members, groups: groupList }), '2026-10-08', '2026Q3').found).toEqual(subjects.map((s) => [null, s, 'violation']));
  });
});

describe('progress', () => {
  const OPTIONS = { per: 'quarter', min: 1 };
  const project = (fields: string, entries: string[]) => `  - name: 攻坚项目
    ${fields}
    progress: [${entries.map((d) => `{ date: ${d} }`).join(', ')}]`;
  it.each<[string, string, string[], string, Found[]]>([
    ['progress every quarter after approval', 'approved: 2026-02-01', ['2026-05-01', '2026-08-01', '2026-10-02'], '2026-10-08', []],
    ['the quarter of approval is not checked', 'approved: 2026-02-01', [], '2026-04-01', [['2026Q2', '攻坚项目', 'pending']]],
    ['Q3 without progress, Q4 open', 'approved: 2026-02-01', ['2026-05-01'], '2026-10-08', [['2026Q3', '攻坚项目', 'violation'], ['2026Q4', '攻坚项目', 'pending']]],
    ['no approval date: every quarter', 'owner: 张伟', ['2026-05-01', '2026-08-01'], '2027-01-15', [['2026Q1', '攻坚项目', 'violation'], ['2026Q4', '攻坚项目', 'violation']]],
    ['a finished project is not checked', 'status: done', [], '2027-01-15', []],
    ['已完成 is done', 'status: 已完成', [], '2027-01-15', []],
    ['approved after as-of: ignored', 'approved: 2026-10-09', [], '2026-10-08', []],
    ['progress after as-of does not count', 'approved: 2025-12-01', ['2026-03-01', '2026-06-01', '2026-09-01', '2026-12-20'], '2026-12-15', [['2026Q4', '攻坚项目', 'pending']]],
  ])('%s', (_what, fields, entries, asOf, expected) => {
    expect(runPrimitive(progress, OPTIONS, branchYaml({ projects: project(fields, entries) }), asOf, '2026').found).toEqual(expected);
  });

  it('min is a parameter', () => {
    const projects = project('approved: 2025-12-01', ['2026-03-01', '2026-06-01', '2026-06-20']);
    expect(runPrimitive(progress, { per: 'quarter', min: 2 }, branchYaml({ projects }), '2026-07-01', '2026Q2').found).toEqual([]);
    expect(runPrimitive(progress, { per: 'quarter', min: 2 }, branchYaml({ projects }), '2026-07-01', '2026Q1').found).toEqual([['2026Q1', '攻坚项目', 'violation']]);
  });
});
