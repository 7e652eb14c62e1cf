import { describe, expect, it } from 'vitest';
import { leaderParticipation, liaisonAssigned, liaisonTarget } from '../../src/checks/liaison.js';
import { coverage } from '../../src/checks/coverage.js';
import { loadRuleFile, type Rule } from '../../src/engine/rules.js';
import { checkTexts, sorted, tuplesOf, type Tuple } from '../support/engine.js';

/** A rule written inline, as a user's rule directory would hold it. */
function rule(id: string, check: string, options: string): Rule {
  const text = `id: ${id}\ncategory: 联系基层\nseverity: error\ntitle: t\nbasis: b\nremedy: r\ncheck: ${check}\n${options}`;
  const loaded = loadRuleFile(`${id}.yaml`, Buffer.from(text));
  if (!loaded.rule) throw new Error(JSON.stringify(loaded.errors));
  return loaded.rule;
}

const branch = (id: string, extra = '', parent = 'corp', moreMembers = '') => `branch:
  id: ${id}
  name: ${id}党支部
  parent: ${parent}
  secretary: 张伟
${extra}
members:
  - { name: 张伟, status: full, group: 第一党小组 }
  - { name: 李娜, status: full, group: 第二党小组 }
  - { name: 王强, status: full, group: 第二党小组 }
  - { name: 赵刚, status: full, group: 第一党小组 }
${moreMembers}
groups:
  - { name: 第一党小组 }
  - { name: 第二党小组 }
`;

const organization = (body: string) => `organization:
  id: corp
  name: 宏远建设公司党委
${body}`;

describe('coverage', () => {
  const units = `units:
  - { name: 第一项目部, party_members: 5 }
  - { name: 第二项目部, party_members: 3 }
  - { name: 第一党小组, party_members: 2 }
  - { name: 第三项目部, party_members: 1 }
  - { name: 第二党小组, party_members: 4 }
  - { name: 第五项目部, party_members: 0 }
  - { name: 他人项目部, party_members: 2 }
`;
  const texts = {
    'corp.yaml': organization(units),
    'pb-001.yaml': branch('pb-001', '  units: [第一项目部]'),
    // A branch of another organization covers nothing here.
    'other.yaml': branch('pb-009', '  units: [他人项目部, 第三项目部]', 'other-corp'),
  };
  it.each<[string, string, string[]]>([
    ['branchAt 3 (the built-in)', 'branchAt: 3', ['第二项目部', '第三项目部', '第二党小组', '他人项目部']],
    ['branchAt 5: a group may cover up to 4', 'branchAt: 5', ['第二项目部', '第三项目部', '他人项目部']],
  ])('%s', (_what, options, subjects) => {
    const result = checkTexts(texts, '2026Q3', '2026-10-08', [rule('org.unit-coverage', 'coverage', options)]);
    expect(result.inputErrors).toEqual([]);
    expect(sorted(tuplesOf(result.findings, 'org.unit-coverage'))).toEqual(sorted(subjects.map((s): Tuple => ['corp', null, s, 'violation'])));
  });

  it('a branch without parent belongs to every organization', () => {
    const orphan = branch('pb-002', '  units: [第二项目部, 第三项目部, 第二党小组, 他人项目部]').replace('  parent: corp\n', '');
    const result = checkTexts({ ...texts, 'pb-002.yaml': orphan }, '2026Q3', '2026-10-08', [rule('org.unit-coverage', 'coverage', 'branchAt: 3')]);
    expect(tuplesOf(result.findings, 'org.unit-coverage')).toEqual([]);
  });

  it('rejects options', () => {
    expect(coverage.options.safeParse({ branchAt: 0 }).success).toBe(false);
  });
});

describe('liaison-assigned', () => {
  it.each<[string, string, boolean]>([
    ['a branch of the organization', 'pb-001', false],
    ['a group of that branch', 'pb-001/第二党小组', false],
    ['a branch that does not exist', 'pb-404', true],
    ['a group that does not exist', 'pb-001/第三党小组', true],
    ['nothing', '""', true],
  ])('liaison to %s', (_what, liaison, fires) => {
    const texts = { 'corp.yaml': organization(`leaders:\n  - { name: 赵刚, branch: pb-001, liaison: ${liaison} }\n`), 'pb-001.yaml': branch('pb-001') };
    const result = checkTexts(texts, '2026Q3', '2026-10-08', [rule('liaison.assigned', 'liaison-assigned', '')]);
    expect(tuplesOf(result.findings, 'liaison.assigned')).toEqual(fires ? [['corp', null, '赵刚', 'violation']] : []);
  });

  it.each<[string | null, { branch: string; group: string | null } | null]>([
    ['pb-003', { branch: 'pb-003', group: null }],
    ['pb-003/第一党小组', { branch: 'pb-003', group: '第一党小组' }],
    ['', null],
    [null, null],
  ])('liaisonTarget(%j)', (liaison, target) => {
    expect(liaisonTarget(liaison)).toEqual(target);
  });

  it('rejects options', () => {
    expect(liaisonAssigned.options.safeParse({ min: 1 }).success).toBe(false);
  });
});

describe('leader-participation', () => {
  const LECTURE = 'in: liaison\nper: year\nselect: { type: party-lecture }\nroles: [lecturer]\nwhat: 讲党课';
  const ANY = 'in: liaison\nper: quarter\nroles: [attendees, guests, host, lecturer]\nwhat: 参加活动';
  const OWN_LIFE = 'in: own\nper: year\nselect: { type: life-meeting }\nroles: [attendees]\nwhat: 组织生活会';
  const check = (options: string, liaison: string, activities: string, asOf = '2027-01-15', period = '2026', established = '') => {
    const texts = {
      'corp.yaml': organization(`leaders:\n  - { name: 钱敏, branch: pb-001, liaison: ${liaison} }\n`),
      'pb-001.yaml': branch('pb-001', '', 'corp', '  - { name: 钱敏, status: full }') + `activities:\n  - { type: life-meeting, date: 2026-12-20, attendees: [钱敏] }\n`,
      'pb-002.yaml': branch('pb-002', established) + `activities:\n${activities}\n`,
    };
    const result = checkTexts(texts, period, asOf, [rule('x.leader', 'leader-participation', options)]);
    expect(result.inputErrors).toEqual([]);
    return tuplesOf(result.findings, 'x.leader');
  };

  it.each<[string, string, string, string, Tuple[]]>([
    ['lectured at the liaison branch', LECTURE, 'pb-002', '  - { type: party-lecture, date: 2026-05-01, lecturer: 钱敏, guests: [钱敏] }', []],
    ['only attended a lecture', LECTURE, 'pb-002', '  - { type: party-lecture, date: 2026-05-01, lecturer: 张伟, guests: [钱敏] }', [['corp', '2026', '钱敏', 'violation']]],
    ['lectured in 2025', LECTURE, 'pb-002', '  - { type: party-lecture, date: 2025-12-01, lecturer: 钱敏 }', [['corp', '2026', '钱敏', 'violation']]],
    ['a group liaison counts branch-wide activities', LECTURE, 'pb-002/第二党小组', '  - { type: party-lecture, date: 2026-05-01, lecturer: 钱敏 }', []],
    [
      'a group liaison does not count another group’s meeting',
      ANY,
      'pb-002/第二党小组',
      '  - { type: group-meeting, date: 2026-05-01, group: 第一党小组, guests: [钱敏] }\n  - { type: group-meeting, date: 2026-08-01, group: 第二党小组, guests: [钱敏] }\n  - { type: theme-day, date: 2026-11-01, form: study, host: 钱敏 }\n  - { type: other, date: 2026-02-01, attendees: [钱敏] }',
      [['corp', '2026Q2', '钱敏', 'violation']],
    ],
    ['an unresolved liaison is left to liaison.assigned', LECTURE, 'pb-404', '  []', []],
  ])('%s', (_what, options, liaison, activities, expected) => {
    expect(check(options, liaison, activities)).toEqual(expected);
  });

  it('open quarters are pending and quarters before the branch existed are skipped', () => {
    const activities = '  - { type: general-meeting, date: 2026-08-01, guests: [钱敏] }';
    expect(check(ANY, 'pb-002', activities, '2026-10-08', '2026', '  established: 2026-04-01')).toEqual([
      ['corp', '2026Q2', '钱敏', 'violation'],
      ['corp', '2026Q4', '钱敏', 'pending'],
    ]);
  });

  it('own branch: the life meeting attended there', () => {
    expect(check(OWN_LIFE, 'pb-002', '  []')).toEqual([]);
    expect(check(OWN_LIFE.replace('life-meeting', 'democratic-review'), 'pb-002', '  []')).toEqual([['corp', '2026', '钱敏', 'violation']]);
  });

  it('min is a parameter', () => {
    const activities = '  - { type: party-lecture, date: 2026-05-01, lecturer: 钱敏 }';
    expect(check(`${LECTURE}\nmin: 2`, 'pb-002', activities)).toEqual([['corp', '2026', '钱敏', 'violation']]);
  });

  it.each([{ in: 'parent', per: 'year', roles: ['lecturer'], what: 'x' }, { in: 'own', per: 'year', roles: [], what: 'x' }, { in: 'own', per: 'year', roles: ['lecturer'] }])('rejects options %j', (options) => {
    expect(leaderParticipation.options.safeParse(options).success).toBe(false);
  });
});
