import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/finding.js';
import { checkFiles, yamlFilesUnder } from '../support/engine.js';

type Row = [rule: string, branch: string, period: string | null, subject: string | null, status: Finding['status']];
const rows = (findings: readonly Finding[]): Row[] => findings.map((f) => [f.rule, f.branch, f.period, f.subject, f.status]);

describe('fixtures/compliant: an organization that meets every standard', () => {
  const files = yamlFilesUnder('fixtures/compliant');

  it('holds an organization file and two branches', () => {
    const result = checkFiles(files, '2026', '2027-01-15');
    expect(result.inputErrors).toEqual([]);
    expect(result.organizationInfo.map((o) => o.id)).toEqual(['hy-03']);
    expect(result.branchInfo.map((b) => b.id).sort()).toEqual(['hy03-jg', 'hy03-xm2']);
  });

  it('yields no finding at all for 2026 as of 2027-01-15', () => {
    const result = checkFiles(files, '2026', '2027-01-15');
    expect(rows(result.findings)).toEqual([]);
    expect(result.exempted).toBe(0);
  });

  it('yields no violation for 2026Q3 as of 2026-10-08 (only year-end items pending)', () => {
    const result = checkFiles(files, '2026Q3', '2026-10-08');
    expect(result.inputErrors).toEqual([]);
    expect(rows(result.findings).filter((r) => r[4] === 'violation')).toEqual([]);
    // Yearly requirements not met yet are pending, never violations, while the year is open.
    expect(result.findings.every((f) => f.period === '2026')).toBe(true);
  });
});

describe('fixtures/demo: the README example', () => {
  const files = yamlFilesUnder('fixtures/demo');
  // `npm run demo`: the third quarter, checked on 8 October.
  const quarter = checkFiles(files, '2026Q3', '2026-10-08');
  const year = checkFiles(files, '2026', '2027-01-15');

  it('reads without input errors', () => {
    expect(quarter.inputErrors).toEqual([]);
    expect(year.inputErrors).toEqual([]);
    expect(year.branches).toBe(4);
  });

  it.each<[string, Row]>([
    ['a missed committee meeting month', ['meetings.committee-monthly', 'hy01-jg', '2026-08', null, 'violation']],
    ['a general meeting without quorum', ['meetings.general-quorum', 'hy01-xm1', null, 'general-meeting@2026-09-23', 'violation']],
    ['unpaid dues in a month', ['member.dues-monthly', 'hy01-xm2', '2026-09', '马国庆', 'violation']],
    ['six months of unpaid dues', ['member.dues-lapsed', 'hy01-xm2', null, '马国庆', 'violation']],
    ['an overdue probationary member', ['member.probation-overdue', 'hy01-xm1', null, '郭晓燕', 'violation']],
    ['a leader who has not lectured at the liaison branch yet', ['liaison.lecture-yearly', 'hy-01', '2026', '何振华', 'pending']],
    ['an expired term', ['org.term-expired', 'hy01-xm2', null, null, 'violation']],
    ['a group that missed July', ['meetings.group-monthly', 'hy01-jg', '2026-07', '第二党小组', 'violation']],
    ['a group that missed August', ['meetings.group-monthly', 'hy01-jg', '2026-08', '第二党小组', 'violation']],
  ])('2026Q3 shows %s', (_what, row) => {
    expect(rows(quarter.findings)).toContainEqual(row);
  });

  it.each<[string, Row]>([
    ['a leader who never lectured at the liaison branch', ['liaison.lecture-yearly', 'hy-01', '2026', '何振华', 'violation']],
    ['a committee gap in another branch', ['meetings.committee-monthly', 'hy01-xm1', '2026-10', null, 'violation']],
    ['a term about to expire', ['org.term-expired', 'hy01-xm1', null, null, 'pending']],
    ['a single missed dues month', ['member.dues-monthly', 'hy01-xm2', '2026-11', '田立军', 'violation']],
  ])('the whole year also shows %s', (_what, row) => {
    expect(rows(year.findings)).toContainEqual(row);
  });

  it('waives the February committee gap of the project branch (春节停工)', () => {
    expect(year.exempted).toBe(1);
    expect(rows(year.findings)).not.toContainEqual(['meetings.committee-monthly', 'hy01-xm1', '2026-02', null, 'violation']);
  });

  it('gives exactly this list for 2026Q3, so the README stays true', () => {
    expect(rows(quarter.findings)).toEqual<Row[]>([
      ['meetings.committee-monthly', 'hy01-jg', '2026-08', null, 'violation'],
      ['meetings.group-monthly', 'hy01-jg', '2026-07', '第二党小组', 'violation'],
      ['meetings.group-monthly', 'hy01-jg', '2026-08', '第二党小组', 'violation'],
      ['member.probation-overdue', 'hy01-xm1', null, '郭晓燕', 'violation'],
      ['meetings.general-quorum', 'hy01-xm1', null, 'general-meeting@2026-09-23', 'violation'],
      ['org.term-expired', 'hy01-xm2', null, null, 'violation'],
      ['member.dues-lapsed', 'hy01-xm2', null, '马国庆', 'violation'],
      ['member.dues-monthly', 'hy01-xm2', '2026-07', '马国庆', 'violation'],
      ['member.dues-monthly', 'hy01-xm2', '2026-08', '马国庆', 'violation'],
      ['member.dues-monthly', 'hy01-xm2', '2026-09', '马国庆', 'violation'],
      ['liaison.lecture-yearly', 'hy-01', '2026', '何振华', 'pending'],
    ]);
    expect(quarter.exempted).toBe(0);
  });

  it('gives exactly this list for the whole of 2026', () => {
    const months = ['04', '05', '06', '07', '08', '09', '10', '11', '12'];
    expect(rows(year.findings)).toEqual<Row[]>([
      ['meetings.committee-monthly', 'hy01-jg', '2026-08', null, 'violation'],
      ['meetings.group-monthly', 'hy01-jg', '2026-07', '第二党小组', 'violation'],
      ['meetings.group-monthly', 'hy01-jg', '2026-08', '第二党小组', 'violation'],
      ['meetings.committee-monthly', 'hy01-xm1', '2026-10', null, 'violation'],
      ['org.term-expired', 'hy01-xm1', null, null, 'pending'],
      ['member.probation-overdue', 'hy01-xm1', null, '郭晓燕', 'violation'],
      ['meetings.general-quorum', 'hy01-xm1', null, 'general-meeting@2026-09-23', 'violation'],
      ['org.term-expired', 'hy01-xm2', null, null, 'violation'],
      ['member.dues-lapsed', 'hy01-xm2', null, '马国庆', 'violation'],
      ...months.map((m): Row => ['member.dues-monthly', 'hy01-xm2', `2026-${m}`, '马国庆', 'violation']),
      ['member.dues-monthly', 'hy01-xm2', '2026-11', '田立军', 'violation'],
      ['liaison.lecture-yearly', 'hy-01', '2026', '何振华', 'violation'],
    ]);
  });
});
