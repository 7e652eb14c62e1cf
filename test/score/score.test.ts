import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportFinding } from '../../src/report/report.js';
import { scoreSheet } from '../../src/score/policy.js';
import { scoreBranches } from '../../src/score/score.js';
import { runCli } from '../support/cli.js';
import { root } from '../support/engine.js';

const finding = (over: Partial<ReportFinding>): ReportFinding => ({
  rule: 'meetings.committee-monthly', severity: 'error', status: 'violation', branch: 'b1', period: '2026-08', subject: null, message: 'm', basis: '', remedy: '',
  messageId: 'count', args: {}, file: 'b1.yaml', line: 3, column: 1, path: null, category: '三会一课', title: 't', ...over,
});
const window = { label: '2026Q3', from: '2026-07-01', to: '2026-09-30' };
const score = (findings: ReportFinding[], branches = ['b1', 'b2', 'b3', 'b4'], policy?: Parameters<typeof scoreSheet>[0], liaisons = new Map<string, Map<string, string | null>>()) =>
  scoreBranches({ findings, branches: branches.map((id) => ({ id, name: id })), liaisons, sheet: scoreSheet(policy, 'zh'), version: 't', lang: 'zh', asOf: '2026-10-08', window });

describe('scoreBranches (standards.md, Scoring)', () => {
  it('deducts 2 per error and 0.5 per warning violation, nothing for pending; 扣完为止 per category', () => {
    const findings = [
      finding({ period: '2026-07' }),
      finding({ period: '2026-08' }),
      finding({ rule: 'member.dues-monthly', severity: 'warning', category: '党员管理', subject: '甲' }),
      finding({ rule: 'member.dues-monthly', severity: 'warning', category: '党员管理', status: 'pending', period: '2026-10', subject: '甲' }),
      ...Array.from({ length: 9 }, (_, i) => finding({ rule: 'theme-day.monthly', category: '主题党日', period: `2026-0${i + 1}` })),
    ];
    const b1 = score(findings).branches.find((b) => b.branch === 'b1');
    const byCategory = Object.fromEntries(b1?.categories.map((c) => [c.category, c.score]) ?? []);
    expect(byCategory).toMatchObject({ 三会一课: 26, 党员管理: 14.5, 主题党日: 0 });
    expect(b1?.total).toBe(100 - 4 - 0.5 - 10);
    expect(b1?.grade).toBe('良好');
    const committee = b1?.categories.find((c) => c.category === '三会一课')?.deductions[0];
    expect(committee).toEqual({ rule: 'meetings.committee-monthly', title: 't', count: 2, points: 4, findings: ['meetings.committee-monthly|b1|2026-07|', 'meetings.committee-monthly|b1|2026-08|'], locations: ['b1.yaml:3', 'b1.yaml:3'] });
    expect(b1?.pending).toHaveLength(1);
  });

  it('ranks by total, ties share a rank listed by branch id (1, 2, 2, 4); a branch with no finding has 100', () => {
    const report = score([finding({ branch: 'b3' }), finding({ branch: 'b2' }), finding({ branch: 'b4' }), finding({ branch: 'b4', period: '2026-09' })]);
    expect(report.branches.map((b) => [b.branch, b.total, b.rank])).toEqual([['b1', 100, 1], ['b2', 98, 2], ['b3', 98, 2], ['b4', 96, 4]]);
  });

  it('counts a liaison finding against the liaison branch (branch part of branch/group), against none when it does not exist; org.unit-coverage against none', () => {
    const liaisons = new Map([['org', new Map<string, string | null>([['何', 'b2/第一党小组'], ['许', 'gone']])]]);
    const findings = [
      finding({ rule: 'liaison.lecture-yearly', category: '联系基层', branch: 'org', subject: '何', period: '2026' }),
      finding({ rule: 'liaison.lecture-yearly', category: '联系基层', branch: 'org', subject: '许', period: '2026' }),
      finding({ rule: 'org.unit-coverage', category: '组织设置', branch: 'org', subject: '第五项目部', period: null }),
    ];
    const report = score(findings, ['b1', 'b2'], undefined, liaisons);
    expect(report.branches.map((b) => [b.branch, b.total])).toEqual([['b1', 100], ['b2', 98]]);
  });

  it('applies per-rule points and caps, configured weights, grade names and veto rules', () => {
    const policy = { weights: { 三会一课: 35, 记录规范: 0 }, rules: { 'meetings.committee-monthly': { points: 3, cap: 5 } }, grades: [{ name: 'A', min: 95 }, { name: 'B' }], veto: ['theme-day.no-entertainment'] };
    const report = score([finding({}), finding({ period: '2026-09' }), finding({ branch: 'b2', rule: 'theme-day.no-entertainment', category: '主题党日', period: null })], ['b1', 'b2'], policy);
    const [b1, b2] = [report.branches.find((b) => b.branch === 'b1'), report.branches.find((b) => b.branch === 'b2')];
    expect(b1?.categories.find((c) => c.category === '三会一课')).toMatchObject({ weight: 35, score: 30 });
    expect(b1?.total).toBe(95);
    expect(b1?.grade).toBe('A');
    expect(b2?.total).toBe(98);
    expect(b2?.grade).toBe('B');
    expect(b2?.veto).toEqual(['theme-day.no-entertainment']);
  });
});

const demo = ['score', 'fixtures/demo', '--period', '2026', '--as-of', '2027-01-15'];
const weights: Record<string, number> = { 组织设置: 15, 三会一课: 30, 主题党日: 10, 组织生活: 15, 党员管理: 15, 联系基层: 5, 活动载体与整改: 5, 记录规范: 5 };

describe('zhibu score on the demo', () => {
  it('gives totals that a hand computation from the JSON findings and the spec weights reproduces', async () => {
    for (const [period, asOf] of [['2026', '2027-01-15'], ['2026Q3', '2026-10-08']] as const) {
      const checked = await runCli(['check', 'fixtures/demo', '--period', period, '--as-of', asOf, '--format', 'json', '--fail-on', 'never'], root, asOf);
      const scored = await runCli(['score', 'fixtures/demo', '--period', period, '--as-of', asOf, '--format', 'json'], root, asOf);
      expect(scored.code).toBe(0);
      const findings = JSON.parse(checked.out).findings as ReportFinding[];
      const organization = readFileSync(path.join(root, 'fixtures/demo/organization.yaml'), 'utf8');
      // By hand: liaison findings go to the branch named in the leader's liaison; org.unit-coverage to none.
      const liaisonOf = (leader: string) => new RegExp(`name: ${leader},.*liaison: ([\\w-]+)`).exec(organization)?.[1];
      const lost = new Map<string, Map<string, number>>();
      for (const f of findings) {
        if (f.status !== 'violation' || f.rule === 'org.unit-coverage') continue;
        const branch = f.rule.startsWith('liaison.') ? liaisonOf(f.subject as string) : f.branch;
        const points = f.severity === 'error' ? 2 : f.severity === 'warning' ? 0.5 : 0;
        const byCategory = lost.get(branch as string) ?? new Map<string, number>();
        byCategory.set(f.category, (byCategory.get(f.category) ?? 0) + points);
        lost.set(branch as string, byCategory);
      }
      const expected = ['hy01-jg', 'hy01-xm1', 'hy01-xm2', 'hy01-xm3'].map((id) => {
        const total = Object.entries(weights).reduce((sum, [category, weight]) => sum + Math.max(0, weight - (lost.get(id)?.get(category) ?? 0)), 0);
        return [id, total];
      });
      const report = JSON.parse(scored.out);
      expect(report.kind).toBe('score');
      expect(report.window.label).toBe(period);
      expect(report.branches.map((b: { branch: string; total: number }) => [b.branch, b.total]).sort()).toEqual(expected.sort());
      expect(new Set(report.branches.map((b: { total: number }) => b.total)).size).toBeGreaterThan(1);
    }
  });

  it('prints a ranking table that fits 80 columns, and every deduction with its file:line', async () => {
    const { code, out } = await runCli(demo, root, '2027-01-15');
    expect(code).toBe(0);
    const widest = Math.max(...out.split('\n').map((line) => [...line].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1), 0)));
    expect(widest).toBeLessThanOrEqual(80);
    expect(out).toMatch(/meetings\.committee-monthly ×1 {2}fixtures\/demo\/hy01-jg\.yaml:3/);
    expect(out).toContain('优秀');
  });

  it('writes md, csv and xlsx (汇总 + one sheet per branch with 自评分/考核分)', async () => {
    const md = await runCli([...demo, '--format', 'md'], root, '2027-01-15');
    expect(md.out).toMatch(/^# 2026 党支部考核评分情况通报/);
    expect(md.out).toContain('## 失分最多的类别');
    const csv = await runCli([...demo, '--format', 'csv'], root, '2027-01-15');
    expect(csv.out.split('\r\n')[0]).toBe('\uFEFF名次,支部编号,支部名称,组织设置(15),三会一课(30),主题党日(10),组织生活(15),党员管理(15),联系基层(5),活动载体与整改(5),记录规范(5),总分,等级,一票否决');
    const dir = mkdtempSync(path.join(tmpdir(), 'zhibu-score-'));
    const file = path.join(dir, '考核评分表.xlsx');
    const xlsx = await runCli([...demo, '-o', file], root, '2027-01-15');
    expect(xlsx.code).toBe(0);
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['汇总', 'hy01-jg', 'hy01-xm1', 'hy01-xm2', 'hy01-xm3']);
    const sheet = book.getWorksheet('hy01-jg');
    expect(sheet?.getRow(2).values).toEqual([undefined, '序号', '考核类别', '分值', '扣分项', '次数', '扣分', '问题位置', '自评分', '考核分']);
    expect(sheet?.pageSetup.orientation).toBe('landscape');
  });

  it('rejects weights that do not add up to 100, naming the file, line and column', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zhibu-score-'));
    writeFileSync(path.join(dir, 'zhibu.config.yaml'), 'score:\n  weights:\n    三会一课: 35\n');
    const { code, err } = await runCli([...demo, '--config', path.join(dir, 'zhibu.config.yaml')].map((a) => (a === 'fixtures/demo' ? path.join(root, a) : a)), dir, '2027-01-15');
    expect(code).toBe(2);
    expect(err).toMatch(/zhibu\.config\.yaml:3:\d+: .*score\.weights.*105, not 100/);
  });

  it('rejects an unknown category, rule or veto rule in score:, with a hint', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zhibu-score-'));
    writeFileSync(path.join(dir, 'zhibu.config.yaml'), 'score:\n  weights: { 三会一课: 30 }\n  veto: [theme-day.no-entertainmen]\n');
    const { code, err } = await runCli(['score', path.join(root, 'fixtures/demo'), '--as-of', '2027-01-15', '--config', 'zhibu.config.yaml'], dir, '2027-01-15');
    expect(code).toBe(2);
    expect(err).toMatch(/zhibu\.config\.yaml:3:\d+: .*did you mean theme-day\.no-entertainment/);
  });
});
