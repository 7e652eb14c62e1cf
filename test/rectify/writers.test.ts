import { describe, expect, it } from 'vitest';
import { csvField, formatRectificationCsv, formatSummaryCsv } from '../../src/rectify/csv.js';
import { formatRectificationJson, formatSummaryJson } from '../../src/rectify/json.js';
import { branchList, buildRectificationList } from '../../src/rectify/list.js';
import { formatRectificationMarkdown, formatSummaryMarkdown } from '../../src/rectify/markdown.js';
import { branches, dues, duesPending, generalQ3, organizations, report } from './fixture.js';
import { firstList, recheckList } from './sample.js';

describe('Markdown', () => {
  it('renders the first list: a title, a table per branch, the 提醒清单, the summary', () => {
    expect(formatRectificationMarkdown(firstList)).toMatchSnapshot();
  });

  it('renders a re-check with every status and its note', () => {
    expect(formatRectificationMarkdown(recheckList())).toMatchSnapshot();
  });

  it('renders in English', () => {
    const months = ['Jul', 'Aug', 'Sep'];
    const english = [
      { ...generalQ3, message: '2026 Q3: no general meeting (at least 1 required, 0 held)', remedy: 'Hold a general meeting and record topic, attendance and decisions' },
      ...[7, 8, 9].map((m) => ({ ...dues(m), message: `${months[m - 7]} 2026: member 王五 paid no dues`, remedy: 'Remind the member to pay and record each month\'s dues in the member roll' })),
      { ...duesPending, message: 'Oct 2026: member 孙七 has not yet paid dues (23 days left)', remedy: 'Remind the member to pay and record each month\'s dues in the member roll' },
    ];
    const list = buildRectificationList({ report: report(english), branches: branches(), organizations, asOf: '2026-10-08', policy: {}, includePending: true, lang: 'en' });
    expect(list.items.map((i) => i.problem)).toContain('Jul, Aug, Sep 2026: member 王五 paid no dues');
    expect(formatRectificationMarkdown(list)).toMatchSnapshot();
  });

  it('renders one branch’s file and the summary file of --split-by', () => {
    expect(formatRectificationMarkdown(branchList(firstList, 'pb-001'))).toMatchSnapshot();
    expect(formatSummaryMarkdown(firstList)).toMatchSnapshot();
  });

  it('escapes pipes and line breaks, and says when nothing is to be rectified', () => {
    const list = { ...firstList, items: [{ ...firstList.items[0]!, problem: 'a | b\nc' }] };
    expect(formatRectificationMarkdown(list)).toContain('| a \\| b<br>c |');
    const empty = buildRectificationList({ report: report([]), branches: branches(), organizations, asOf: '2026-10-08', policy: {}, includePending: false });
    expect(formatRectificationMarkdown(empty)).toContain('未发现需要整改的问题。');
  });
});

describe('CSV', () => {
  it('renders the re-check with BOM, CRLF and RFC 4180 quoting', () => {
    const text = formatRectificationCsv(recheckList());
    expect(text.startsWith('\uFEFF序号,支部,问题,依据,整改措施,责任人,整改时限,状态,复查情况,整改完成情况,备注,编号\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(text).toMatchSnapshot();
  });

  it('appends reminders with the status 提醒', () => {
    const lines = formatRectificationCsv(firstList).trimEnd().split('\r\n');
    expect(lines.at(-1)).toMatch(/^1,第一项目部党支部（pb-001）,2026年10月党员孙七尚未交纳党费（还剩23天）,.*,张三,2026-10-31,提醒,,,,member\.dues-monthly\|pb-001\|2026-10\|孙七$/);
  });

  it('quotes fields as RFC 4180 says and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField(3)).toBe('3');
  });

  it('writes the summary file', () => {
    expect(formatSummaryCsv(firstList)).toBe(
      '\uFEFF支部,错误,警告,提示,合计,新增,待整改,逾期,整改未到位,已整改,提醒\r\nXX公司党委（corp）,1,1,0,2,0,2,0,0,0,0\r\n第一项目部党支部（pb-001）,1,0,0,1,0,1,0,0,0,1\r\n第三项目部党支部（pb-003）,2,2,0,4,0,4,0,0,0,0\r\n合计,4,3,0,7,0,7,0,0,0,1\r\n',
    );
  });
});

describe('JSON', () => {
  it('keeps every underlying finding of a grouped row', () => {
    const json = JSON.parse(formatRectificationJson(firstList));
    const duesRow = json.items.find((i: { rule: string }) => i.rule === 'member.dues-monthly');
    expect(duesRow.findings).toHaveLength(3);
    expect(duesRow.findings.map((f: { period: string; message: string }) => f.period)).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(json).toMatchObject({ tool: 'zhibu', kind: 'rectification-list', asOf: '2026-10-08', window: { label: '2026Q3' } });
    expect(json.reminders).toHaveLength(1);
  });

  it('writes the summary file', () => {
    expect(JSON.parse(formatSummaryJson(firstList))).toMatchObject({ kind: 'rectification-summary', summary: [{ branch: { id: 'corp' }, total: 2 }, { branch: { id: 'pb-001' } }, { branch: { id: 'pb-003' } }] });
  });
});
