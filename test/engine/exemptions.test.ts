import { describe, expect, it } from 'vitest';
import { isExempted } from '../../src/engine/exemptions.js';
import type { Exemption } from '../../src/model/types.js';
import { buildReport } from '../../src/report/report.js';
import { builtinRules, checkTexts, rulesById, sorted, tuplesOf, windowOf, type Tuple } from '../support/engine.js';

/**
 * A branch with a committee that held no committee meeting in 2026Q3, where 王强
 * and 李娜 paid no dues in August, and whose July general meeting lacked quorum.
 */
function branch(exemptions: string, id = 'pb-001'): string {
  return `branch:
  id: ${id}
  name: 第一项目部党支部
  secretary: 张伟
  committee: [张伟, 李娜, 王强]

members:
  - { name: 张伟, status: full, dues: [2026-07, 2026-08, 2026-09] }
  - { name: 李娜, status: full, dues: [2026-07, 2026-09] }
  - { name: 王强, status: full, dues: [2026-07, 2026-09] }

activities:
  - { type: general-meeting, date: 2026-07-10, topic: 学习, attendees: [张伟] }

exemptions:
${exemptions || '  []'}
`;
}

const RULES = ['meetings.committee-monthly', 'member.dues-monthly', 'meetings.general-quorum', 'org.election-date'];
const run = (exemptions: string, asOf = '2026-10-08') => checkTexts({ 'pb-001.yaml': branch(exemptions) }, '2026Q3', asOf, rulesById(...RULES));
const waiver = (fields: string) => `  - { ${fields}, reason: 停工, approved_by: 公司党委 }`;

describe('exemptions by period', () => {
  it.each<[string, string, string[], number]>([
    ['no exemption', '', ['2026-07', '2026-08', '2026-09'], 0],
    ['one month', waiver('rule: meetings.committee-monthly, period: 2026-08'), ['2026-07', '2026-09'], 1],
    ['the quarter holding the months', waiver('rule: meetings.committee-monthly, period: 2026Q3'), [], 3],
    ['the year', waiver('rule: meetings.committee-monthly, period: 2026'), [], 3],
    ['any period (none given)', waiver('rule: meetings.committee-monthly'), [], 3],
    ['another quarter', waiver('rule: meetings.committee-monthly, period: 2026Q2'), ['2026-07', '2026-08', '2026-09'], 0],
    ['another rule', waiver('rule: meetings.general-quarterly'), ['2026-07', '2026-08', '2026-09'], 0],
    ['expired the day before as-of', waiver('rule: meetings.committee-monthly, period: 2026-08, expires: 2026-10-07'), ['2026-07', '2026-08', '2026-09'], 0],
    ['expiring on as-of', waiver('rule: meetings.committee-monthly, period: 2026-08, expires: 2026-10-08'), ['2026-07', '2026-09'], 1],
    ['a subject the finding does not have', waiver('rule: meetings.committee-monthly, subject: 张伟'), ['2026-07', '2026-08', '2026-09'], 0],
  ])('%s', (_what, exemptions, remaining, exempted) => {
    const result = run(exemptions);
    expect(result.inputErrors).toEqual([]);
    expect(tuplesOf(result.findings, 'meetings.committee-monthly').map((t) => t[1])).toEqual(remaining);
    expect(result.exempted).toBe(exempted);
  });

  it('a quarter waiver does not cover a yearly finding', () => {
    // A yearly finding (2026) is not inside 2026Q3.
    const text = branch(waiver('rule: life-meeting.yearly, period: 2026Q3'));
    const result = checkTexts({ 'pb-001.yaml': text }, '2026', '2027-01-15', rulesById('life-meeting.yearly'));
    expect(tuplesOf(result.findings, 'life-meeting.yearly')).toEqual([['pb-001', '2026', null, 'violation']]);
    expect(result.exempted).toBe(0);
  });

  it('pending findings are exempted and counted too', () => {
    const result = run(waiver('rule: meetings.committee-monthly, period: 2026-09'), '2026-09-20');
    expect(tuplesOf(result.findings, 'meetings.committee-monthly')).toEqual([
      ['pb-001', '2026-07', null, 'violation'],
      ['pb-001', '2026-08', null, 'violation'],
    ]);
    expect(result.exempted).toBe(1);
  });
});

describe('exemptions by subject', () => {
  it('waives only the named member', () => {
    const result = run(waiver('rule: member.dues-monthly, subject: 王强, period: 2026-08'));
    expect(tuplesOf(result.findings, 'member.dues-monthly')).toEqual([['pb-001', '2026-08', '李娜', 'violation']]);
    expect(result.exempted).toBe(1);
  });

  it('waives a record finding by the record date and its subject', () => {
    expect(tuplesOf(run('').findings, 'meetings.general-quorum')).toEqual([['pb-001', null, 'general-meeting@2026-07-10', 'violation']]);
    for (const fields of ['rule: meetings.general-quorum, period: 2026-07', 'rule: meetings.general-quorum, subject: "general-meeting@2026-07-10"']) {
      const result = run(waiver(fields));
      expect(tuplesOf(result.findings, 'meetings.general-quorum'), fields).toEqual([]);
      expect(result.exempted).toBe(1);
    }
    expect(tuplesOf(run(waiver('rule: meetings.general-quorum, period: 2026-08')).findings, 'meetings.general-quorum')).toHaveLength(1);
  });

  it('waives a structure finding by the as-of date', () => {
    // org.election-date has no period: the as-of date (2026-10-08) must be inside the waiver's period.
    expect(tuplesOf(run(waiver('rule: org.election-date, period: 2026Q4')).findings, 'org.election-date')).toEqual([]);
    expect(tuplesOf(run(waiver('rule: org.election-date, period: 2026Q3')).findings, 'org.election-date')).toEqual([['pb-001', null, null, 'violation']]);
  });
});

describe('exemptions belong to their document', () => {
  it("one branch's waiver does not apply to another branch", () => {
    const texts = { 'a.yaml': branch(waiver('rule: meetings.committee-monthly'), 'pb-001'), 'b.yaml': branch('', 'pb-002') };
    const result = checkTexts(texts, '2026Q3', '2026-10-08', rulesById('meetings.committee-monthly'));
    expect(sorted(tuplesOf(result.findings, 'meetings.committee-monthly'))).toEqual(
      sorted([
        ['pb-002', '2026-07', null, 'violation'],
        ['pb-002', '2026-08', null, 'violation'],
        ['pb-002', '2026-09', null, 'violation'],
      ]),
    );
    expect(result.exempted).toBe(3);
  });

  const organization = (exemptions: string) => `organization:
  id: corp
  name: 宏远建设公司党委
leaders:
  - { name: 赵刚, branch: pb-001, liaison: pb-001 }
  - { name: 钱敏, branch: pb-001, liaison: pb-001 }
exemptions:
${exemptions || '  []'}
`;

  it.each<[string, string, string, Tuple[], number]>([
    ['no waiver', '', '', [['corp', '2026', '赵刚', 'violation'], ['corp', '2026', '钱敏', 'violation']], 0],
    ['an organization waiver for one leader', waiver('rule: liaison.lecture-yearly, subject: 赵刚, period: 2026'), '', [['corp', '2026', '钱敏', 'violation']], 1],
    ['an organization waiver for every leader', waiver('rule: liaison.lecture-yearly'), '', [], 2],
    ['a branch waiver (ignored for organization findings)', '', waiver('rule: liaison.lecture-yearly'), [['corp', '2026', '赵刚', 'violation'], ['corp', '2026', '钱敏', 'violation']], 0],
  ])('liaison findings with %s', (_what, orgExemptions, branchExemptions, expected, exempted) => {
    const texts = { 'corp.yaml': organization(orgExemptions), 'pb-001.yaml': branch(branchExemptions) };
    const result = checkTexts(texts, '2026', '2027-01-15', rulesById('liaison.lecture-yearly'));
    expect(result.inputErrors).toEqual([]);
    expect(sorted(tuplesOf(result.findings, 'liaison.lecture-yearly'))).toEqual(sorted(expected));
    expect(result.exempted).toBe(exempted);
  });
});

describe('the report summary', () => {
  it('counts exempted findings in summary.exempted and lists none of them', () => {
    const result = run(waiver('rule: meetings.committee-monthly, period: 2026Q3'));
    const report = buildReport(result, { version: 'test', asOf: '2026-10-08', window: windowOf('2026Q3'), lang: 'zh', rules: builtinRules().rules });
    expect(report.summary.exempted).toBe(3);
    expect(report.findings.filter((f) => f.rule === 'meetings.committee-monthly')).toEqual([]);
  });
});

describe('isExempted', () => {
  const e = (fields: Partial<Exemption>): Exemption => ({ rule: 'r.x', reason: '停工', at: 0, ...fields }) as Exemption;
  it.each<[string, Partial<Exemption>, string | null, string, boolean]>([
    ['same rule, no period', {}, null, '2026-08', true],
    ['other rule', { rule: 'r.y' }, null, '2026-08', false],
    ['subject matches', { subject: '王强' }, '王强', '2026-08', true],
    ['subject differs', { subject: '王强' }, '李娜', '2026-08', false],
    ['month in quarter', { period: '2026Q3' }, null, '2026-08', true],
    ['date in month', { period: '2026-08' }, null, '2026-08-31', true],
    ['date outside month', { period: '2026-08' }, null, '2026-09-01', false],
    ['expired', { expires: '2026-10-07' }, null, '2026-08', false],
    ['expires on as-of', { expires: '2026-10-08' }, null, '2026-08', true],
  ])('%s', (_what, fields, subject, when, expected) => {
    expect(isExempted([e(fields)], 'r.x', subject, when, '2026-10-08')).toBe(expected);
  });
});
