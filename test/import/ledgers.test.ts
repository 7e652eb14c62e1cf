import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Report } from '../../src/report/report.js';
import { runCli } from '../support/cli.js';
import { root } from '../support/fixtures.js';

const TODAY = '2026-12-01';
const LEDGERS = ['fixtures/import/台账.xlsx', 'fixtures/import/三会一课-第二项目部.csv'].map((f) => path.join(root, f));
const fresh = () => mkdtempSync(path.join(tmpdir(), 'zhibu-import-'));

/** Findings without where they stand: the same records in other files, in another order, give the same list. */
async function findings(dir: string) {
  const { out } = await runCli(['check', '.', '--format', 'json', '--as-of', '2026-10-08', '--period', '2026Q3', '--fail-on', 'never'], dir, TODAY);
  const report = JSON.parse(out) as Report;
  const list = report.findings.map((f) => [f.rule, f.status, f.branch, f.period, f.subject, f.message].join(' | ')).sort();
  return { inputErrors: report.inputErrors, list };
}

const files = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));

describe('the platform ledgers (an XLSX workbook and a GBK CSV)', () => {
  let dir: string;
  let first: Awaited<ReturnType<typeof runCli>>;
  beforeAll(async () => {
    dir = fresh();
    first = await runCli(['import', ...LEDGERS, '--to', 'records'], dir, TODAY);
  });

  test('import with no error: every sheet recognised, planned-only rows not imported', () => {
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toContain('台账.xlsx!党员名册：党员名册，30 行');
    expect(first.out).toContain('三会一课-第二项目部.csv：三会一课/组织生活，8 行（其中 1 行只有计划会议时间');
    expect(first.out).toContain('台账.xlsx!填表说明：表头无法识别，已跳过');
    expect(Object.keys(files(path.join(dir, 'records')))).toEqual(['organization.yaml', 'pb-001.yaml', 'pb-002.yaml', 'zhibu.schema.json']);
  });

  test('the GBK CSV is decoded as GBK: its names are in the records', () => {
    const text = readFileSync(path.join(dir, 'records', 'pb-002.yaml'), 'utf8');
    expect(text).toContain('topic: 讨论项目攻坚措施');
    expect(text).toMatch(/absentees:\n {6}- \{name: 萧然, reason: 出差\}/);
  });

  test('zhibu check reads the records with no input error, and finds what it finds in the same records written by hand', async () => {
    const imported = await findings(path.join(dir, 'records'));
    const hand = await findings(path.join(root, 'fixtures/import/expected'));
    expect(imported.inputErrors).toEqual([]);
    expect(hand.inputErrors).toEqual([]);
    expect(hand.list.length).toBeGreaterThan(5);
    expect(imported.list).toEqual(hand.list);
  });

  test('importing the same ledgers again, with --update, adds nothing and changes no byte', async () => {
    const before = files(path.join(dir, 'records'));
    const again = await runCli(['import', ...LEDGERS, '--to', 'records', '--update'], dir, TODAY);
    expect(again.code).toBe(0);
    expect(again.out).toContain('records/pb-001.yaml：没有新内容');
    expect(files(path.join(dir, 'records'))).toEqual(before);
  });
});

describe('re-importing next month into an edited folder', () => {
  test('adds the new records, members and dues months; touches nothing else, comments included; needs --update', async () => {
    const dir = fresh();
    await runCli(['import', ...LEDGERS, '--to', 'records'], dir, TODAY);
    const file = path.join(dir, 'records', 'pb-001.yaml');
    const edited = readFileSync(file, 'utf8').replace('  secretary: 张建国\n', '  secretary: 张建国   # 2024年6月选举\n').concat('# 整理人：李红梅\n');
    writeFileSync(file, edited);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(LEDGERS[0] as string);
    const meetings = book.getWorksheet('三会一课') as ExcelJS.Worksheet;
    meetings.addRow(['第一项目部党支部', '党小组会', '学习十月份安全规定', null, '2026年10月9日', '党员活动室', '吴刚', '徐静', null, null, null, '吴刚、徐静、孙浩', null, null, null, null, null, '第二党小组']);
    const roster = book.getWorksheet('党员名册') as ExcelJS.Worksheet;
    roster.addRow([31, '白雪', '女', '第一项目部党支部', '预备党员', '2026/10/1', null, '第二党小组', '否']);
    const dues = book.getWorksheet('党费收缴台账') as ExcelJS.Worksheet;
    dues.getRow(2).getCell(7).value = '10月';
    dues.getRow(3).getCell(7).value = 50;
    const october = path.join(dir, '10月台账.xlsx');
    await book.xlsx.writeFile(october);

    const without = await runCli(['import', october, '--to', 'records'], dir, TODAY);
    expect(without.out).toContain('records/pb-001.yaml：已存在，未改动（有新内容：党员 1 名、活动 1 条、党费月份 1 个、党小组 0 个；加 --update 补入）');
    expect(readFileSync(file, 'utf8')).toBe(edited);

    const update = await runCli(['import', october, '--to', 'records', '--update'], dir, TODAY);
    expect(update.code).toBe(0);
    const after = readFileSync(file, 'utf8');
    expect(after).toContain('  secretary: 张建国   # 2024年6月选举\n');
    expect(after.endsWith('# 整理人：李红梅\n')).toBe(true);
    expect(after).toContain('dues: [2026-07, 2026-08, 2026-09, 2026-10]');
    expect(after).toMatch(/- name: 白雪\n {4}status: 预备党员\n {4}admitted: 2026-10-01/);
    expect(after).toMatch(/- type: 党小组会\n {4}date: 2026-10-09\n/);
    // Nothing else changed: without the added month, the edited file's lines are the new file's, in order, and only 12 lines were added (a member's 4, a meeting's 8).
    const lines = after.replace(', 2026-10]', ']').split('\n');
    let at = 0;
    for (const line of edited.split('\n')) {
      while (at < lines.length && lines[at] !== line) at++;
      expect(at, line).toBeLessThan(lines.length);
      at++;
    }
    expect(lines.length - edited.split('\n').length).toBe(12);
    const check = await findings(path.join(dir, 'records'));
    expect(check.inputErrors).toEqual([]);
  });
});

describe('bad cells', () => {
  test('an edited cell with a bad date is reported at its cell; the other rows are imported; exit 2', async () => {
    const dir = fresh();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(LEDGERS[0] as string);
    const meetings = book.getWorksheet('三会一课') as ExcelJS.Worksheet;
    meetings.getCell('E12').value = '2026/13/45';
    meetings.getCell('B13').value = '茶话会';
    const ledger = path.join(dir, '台账.xlsx');
    await book.xlsx.writeFile(ledger);
    const result = await runCli(['import', ledger, '--to', 'records'], dir, TODAY);
    expect(result.code).toBe(2);
    expect(result.err).toContain('台账.xlsx!三会一课!E12：实际会议时间：“2026/13/45”无法识别；应为：日期，如 2026-09-23、2026/9/23、2026.9.23、2026年9月23日 或 Excel 日期');
    expect(result.err).toContain('台账.xlsx!三会一课!B13：会议类型：“茶话会”无法识别；应为：支部党员大会、');
    const text = readFileSync(path.join(dir, 'records', 'pb-001.yaml'), 'utf8');
    expect((text.match(/- type:/g) ?? []).length).toBe(14 - 2);
  });

  test('CSV in UTF-8 with a BOM reads as the GBK one does', async () => {
    const dir = fresh();
    const gbk = readFileSync(LEDGERS[1] as string);
    const text = new TextDecoder('gb18030').decode(gbk);
    const utf8 = path.join(dir, 'utf8.csv');
    writeFileSync(utf8, `\uFEFF${text}`);
    cpSync(LEDGERS[0] as string, path.join(dir, '台账.xlsx'));
    const a = await runCli(['import', '台账.xlsx', 'utf8.csv', '--to', 'a'], dir, TODAY);
    const b = await runCli(['import', '台账.xlsx', LEDGERS[1] as string, '--to', 'b'], dir, TODAY);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(files(path.join(dir, 'a'))).toEqual(files(path.join(dir, 'b')));
  });
});

describe('the configuration', () => {
  test('header synonyms and extra columns under import:, branch ids and the organization', async () => {
    const dir = fresh();
    writeFileSync(
      path.join(dir, 'zhibu.config.yaml'),
      'import:\n  organization: { id: corp, name: 宏远公司党委 }\n  branches: { 机关党支部: jg }\n  headers: { 实际会议时间: [开会日子] }\n  columns: { 会议编号: x-meeting-no }\n',
    );
    writeFileSync(
      path.join(dir, '会议.csv'),
      '所在党支部,会议类型,会议名称,开会日子,主持人,参会人员,会议编号,备注\n机关党支部,支委会,研究工作,2026/7/3,张三,张三、李四、王五,HY-001,无\n',
    );
    writeFileSync(path.join(dir, '名册.csv'), '姓名,所在党支部,党员类别,党内职务\n张三,机关党支部,正式党员,书记\n李四,机关党支部,正式党员,委员\n王五,机关党支部,正式党员,委员\n');
    const result = await runCli(['import', '会议.csv', '名册.csv', '--to', 'records'], dir, TODAY);
    expect(result.err).toBe('');
    expect(result.out).toContain('会议.csv：三会一课/组织生活，1 行；未使用的列：备注');
    const branch = readFileSync(path.join(dir, 'records', 'jg.yaml'), 'utf8');
    expect(branch).toContain('  parent: corp\n  secretary: 张三\n  committee: [张三, 李四, 王五]\n');
    expect(branch).toMatch(/- type: 支部委员会会议\n {4}date: 2026-07-03\n[^]*x-meeting-no: HY-001\n/);
    expect(readFileSync(path.join(dir, 'records', 'organization.yaml'), 'utf8')).toContain('organization:\n  id: corp\n  name: 宏远公司党委\n');
  });

  test('a CSV whose headers are not recognised is an error naming it', async () => {
    const dir = fresh();
    writeFileSync(path.join(dir, 'x.csv'), '甲,乙\n1,2\n');
    const result = await runCli(['import', 'x.csv', '--to', 'records'], dir, TODAY);
    expect(result.code).toBe(2);
    expect(result.err).toContain('x.csv：表头无法识别');
  });
});

describe('a dues ledger alone', () => {
  test('adds months to the members the folder has; a name nobody has is an error at its cell', async () => {
    const dir = fresh();
    await runCli(['import', ...LEDGERS, '--to', 'records'], dir, TODAY);
    writeFileSync(path.join(dir, '10月党费.csv'), '姓名,所在党支部,2026年10月\n林海,第二项目部党支部,50\n路人甲,第二项目部党支部,50\n');
    const result = await runCli(['import', '10月党费.csv', '--to', 'records', '--update'], dir, TODAY);
    expect(result.code).toBe(2);
    expect(result.err).toContain('10月党费.csv!A3：党费台账中的“路人甲”不在第二项目部党支部的党员名册中');
    expect(result.err).not.toContain('书记');
    expect(result.out).toContain('records/pb-002.yaml：补入 党员 0 名、活动 0 条、党费月份 1 个、党小组 0 个');
    expect(readFileSync(path.join(dir, 'records', 'pb-002.yaml'), 'utf8')).toContain('- name: 林海\n    status: 正式党员\n    admitted: 2005-06-15\n    confirmed: 2006-06-15\n    dues: [2026-07, 2026-08, 2026-09, 2026-10]\n');
  });
});
