import { describe, expect, test } from 'vitest';
import { activityTypes, themeDayForms } from '../../src/schema/enums.js';
import type { Branch, Organization } from '../../src/model/types.js';
import { fixtureFiles, loadFixture, where } from '../support/fixtures.js';

const expected: Record<string, { branches: string[]; organizations: string[] }> = {
  'fixtures/valid/multi-document.yaml': { branches: ['pb-103', 'pb-104'], organizations: [] },
  'fixtures/valid/organization.yaml': { branches: [], organizations: ['corp'] },
  'fixtures/valid/pb-101-block-style.yaml': { branches: ['pb-101'], organizations: [] },
  'fixtures/valid/pb-102-flow-style-chinese-labels.yaml': { branches: ['pb-102'], organizations: [] },
};

test('the table names every valid fixture', () => {
  expect(fixtureFiles('valid')).toEqual(Object.keys(expected).sort());
});

describe.each(fixtureFiles('valid'))('%s', (file) => {
  test('loads whole, without input errors', () => {
    const loaded = loadFixture(file);
    expect(loaded.errors).toEqual([]);
    expect({ branches: loaded.branches.map((b) => b.id), organizations: loaded.organizations.map((o) => o.id) }).toEqual(expected[file]);
  });
});

function branchOf(file: string, id: string): Branch {
  const branch = loadFixture(file).branches.find((b) => b.id === id);
  if (!branch) throw new Error(`${id} did not load from ${file}`);
  return branch;
}

function organizationOf(file: string): Organization {
  const [organization] = loadFixture(file).organizations;
  if (!organization) throw new Error(`no organization in ${file}`);
  return organization;
}

describe('block style (pb-101)', () => {
  const branch = branchOf('fixtures/valid/pb-101-block-style.yaml', 'pb-101');

  test('the header keeps every field', () => {
    expect(branch.header).toEqual({
      id: 'pb-101',
      name: '第一项目部党支部',
      kind: 'branch',
      parent: 'corp',
      units: ['第一项目部'],
      established: '2021-03-15',
      secretary: '张三',
      deputy_secretaries: ['李四'],
      committee: ['张三', '李四', '王五'],
      elected: '2024-06-01',
    });
  });

  test('records keep their order, index and position', () => {
    expect(branch.members.map((m) => [m.index, m.name, where(branch, m.at)])).toEqual([
      [0, '张三', '15:5'],
      [1, '李四', '35:5'],
      [2, '王五', '39:5'],
      [3, '赵六', '43:5'],
      [4, '钱七', '47:5'],
      [5, '孙八', '52:5'],
    ]);
    expect(branch.activities.map((a) => [a.type, where(branch, a.at)])).toEqual([
      ['general-meeting', '65:5'],
      ['committee-meeting', '80:5'],
      ['group-meeting', '87:5'],
      ['party-lecture', '93:5'],
      ['theme-day', '98:5'],
      ['life-meeting', '103:5'],
      ['democratic-review', '107:5'],
      ['heart-to-heart', '111:5'],
      ['training', '115:5'],
      ['election', '120:5'],
      ['probation-review', '125:5'],
      ['other', '130:5'],
    ]);
    expect([branch.groups, branch.projects, branch.rectifications, branch.exemptions].map((list) => list.map((r) => where(branch, r.at)))).toEqual([
      ['59:5', '61:5'],
      ['136:5'],
      ['148:5'],
      ['157:5', '163:5'],
    ]);
  });

  test('nested entries are read as written', () => {
    const [first] = branch.members;
    expect(first?.training).toEqual([{ date: '2026-05-10', hours: 8, title: '网络培训' }]);
    expect(first?.indicators).toEqual([
      { name: '安全生产零事故', target: '0起', actual: '0起' },
      { name: '技术攻关', target: 2, actual: 1 },
    ]);
    expect(first?.paid.has('2026-09')).toBe(true);
    expect(branch.members.map((m) => [m.status, m.leader ?? null, m.excused ?? null])).toEqual([
      ['full', false, false],
      ['full', null, null],
      ['full', null, null],
      ['full', true, null],
      ['full', true, true],
      ['probationary', null, null],
    ]);
    const meeting = branch.activities[0];
    expect(meeting?.absentees).toEqual([{ name: '钱七', reason: '长期病休' }]);
    expect([meeting?.expected, meeting?.present, meeting?.guests, branch.activities[1]?.minutes]).toEqual([5, 5, ['周九'], true]);
    expect(branch.projects[0]?.progress?.map((p) => p.date)).toEqual(['2026-05-20', '2026-08-20']);
    expect(branch.exemptions.map((e) => e.period ?? null)).toEqual(['2026-02', '2026Q1']);
  });
});

describe('flow style with Chinese labels (pb-102)', () => {
  const branch = branchOf('fixtures/valid/pb-102-flow-style-chinese-labels.yaml', 'pb-102');

  test('every activity type label reads as its token', () => {
    expect(new Set(branch.activities.map((a) => a.type))).toEqual(new Set(Object.keys(activityTypes)));
  });

  test('every theme-day form label reads as its token; 娱乐 and 旅游 are both entertainment', () => {
    const forms = branch.activities.filter((a) => a.type === 'theme-day').map((a) => a.form);
    expect(new Set(forms)).toEqual(new Set(Object.keys(themeDayForms)));
    expect(forms.filter((f) => f === 'entertainment')).toHaveLength(2);
  });

  test('the other enumerations read as tokens too', () => {
    expect(branch.header.kind).toBe('joint-branch');
    expect(branch.members.map((m) => m.status)).toEqual(['full', 'probationary']);
    expect(branch.projects.map((p) => p.status)).toEqual(['done', 'ongoing']);
    expect(branch.rectifications.map((r) => r.status)).toEqual(['done', 'open']);
  });

  test('quoted dates and months are dates; a bare year period is text', () => {
    expect(branch.header.established).toBe('2022-01-10');
    expect(branch.members[0]?.dues).toEqual(['2026-07', '2026-08']);
    expect(branch.members[1]?.training).toEqual([{ date: '2026-06-01', hours: 2.5, title: '入党培训' }]);
    expect(branch.exemptions.map((e) => e.period)).toEqual(['2026-02', '2026']);
  });

  test('flow-style records are located at their opening brace', () => {
    expect(branch.members.map((m) => where(branch, m.at))).toEqual(['4:5', '5:5']);
    expect(branch.activities.slice(0, 3).map((a) => where(branch, a.at))).toEqual(['8:5', '9:5', '10:5']);
  });
});

describe('several documents in one file', () => {
  const file = 'fixtures/valid/multi-document.yaml';

  test('each branch is located in its own document', () => {
    const [first, second] = loadFixture(file).branches;
    if (!first || !second) throw new Error('two branches expected');
    expect([where(first, first.at), where(second, second.at)]).toEqual(['3:1', '22:1']);
    expect(first.members.map((m) => where(first, m.at))).toEqual(['9:5', '10:5']);
    expect(first.activities.map((a) => where(first, a.at))).toEqual(['16:5', '17:5']);
    expect(second.activities.map((a) => where(second, a.at))).toEqual(['26:5', '27:5', '28:5', '29:5', '30:5', '31:5', '32:5']);
    expect([first.header.kind, second.header.kind]).toEqual(['general-branch', 'branch']);
  });

  test('their records do not mix', () => {
    const [first, second] = loadFixture(file).branches;
    expect(first?.members.map((m) => m.name)).toEqual(['郑一', '冯二']);
    expect(second?.members.map((m) => m.name)).toEqual(['陈三']);
    expect(second?.activities.map((a) => a.form)).toEqual(['entertainment', 'problem-solving', 'ideological', 'excellence', 'discussion', 'study', 'other']);
  });
});

describe('the organization file', () => {
  const organization = organizationOf('fixtures/valid/organization.yaml');
  const at = (offset: number) => {
    const { line, column } = organization.source.lines.at(organization.source.lines.nodeStart(offset));
    return `${line}:${column}`;
  };

  test('keeps leaders, units and exemptions, located', () => {
    expect([organization.id, organization.name, at(organization.at)]).toEqual(['corp', '示例建设公司党委', '2:1']);
    expect(organization.leaders.map((l) => [l.name, l.title, l.branch, l.liaison, at(l.at)])).toEqual([
      ['赵六', '副总经理', 'pb-101', 'pb-102', '7:5'],
      ['钱七', '总工程师', 'pb-101', 'pb-103/第一党小组', '11:5'],
    ]);
    expect(organization.units.map((u) => [u.name, u.party_members, at(u.at)])).toEqual([
      ['第一项目部', 6, '17:5'],
      ['第五项目部', 2, '19:5'],
      ['后勤服务中心', 0, '21:5'],
    ]);
    expect(organization.exemptions.map((e) => [e.rule, e.subject, e.period, e.expires, at(e.at)])).toEqual([['org.unit-coverage', '第五项目部', '2026', '2026-12-31', '25:5']]);
  });
});
