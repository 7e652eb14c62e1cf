import { describe, expect, it } from 'vitest';
import { compareFindings, type Finding } from '../../src/engine/finding.js';
import { buildReport } from '../../src/report/report.js';
import { builtinRules, checkFiles, checkTexts, rulesById, windowOf, yamlFilesUnder } from '../support/engine.js';

const demo = yamlFilesUnder('fixtures/demo');

/** output.md order, written independently of the implementation: code points, null first. */
function byCodePoint(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  const x = [...a].map((c) => c.codePointAt(0) as number);
  const y = [...b].map((c) => c.codePointAt(0) as number);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
  return x.length - y.length;
}
const reportOrder = (a: Finding, b: Finding) =>
  byCodePoint(a.file, b.file) || a.line - b.line || byCodePoint(a.rule, b.rule) || byCodePoint(a.period, b.period) || byCodePoint(a.subject, b.subject);

describe('determinism over fixtures/demo', () => {
  it('two runs give deep-equal results', () => {
    const first = checkFiles(demo, '2026', '2027-01-15');
    const second = checkFiles(demo, '2026', '2027-01-15');
    expect(first.findings.length).toBeGreaterThan(0);
    expect(second).toEqual(first);
  });

  it('the order files are given in does not matter', () => {
    const forward = checkFiles(demo, '2026', '2027-01-15');
    const backward = checkFiles([...demo].reverse(), '2026', '2027-01-15');
    expect(backward.findings).toEqual(forward.findings);
    expect(backward.exempted).toBe(forward.exempted);
  });

  it('two reports are byte-identical', () => {
    const report = () =>
      JSON.stringify(buildReport(checkFiles(demo, '2026', '2027-01-15'), { version: 'test', asOf: '2027-01-15', window: windowOf('2026'), lang: 'zh', rules: builtinRules().rules }));
    expect(report()).toBe(report());
  });

  it.each([
    ['2026', '2027-01-15'],
    ['2026Q3', '2026-10-08'],
    ['2026-08', '2026-08-20'],
  ])('findings for %s as of %s are sorted by file, line, rule, period, subject', (period, asOf) => {
    const findings = checkFiles(demo, period, asOf).findings;
    expect(findings.length).toBeGreaterThan(1);
    expect(findings).toEqual([...findings].sort(reportOrder));
  });
});

describe('sort order details', () => {
  const finding = (fields: Partial<Finding>): Finding => ({
    rule: 'meetings.general-quarterly',
    severity: 'error',
    status: 'violation',
    branch: 'pb-001',
    period: '2026Q3',
    subject: null,
    messageId: 'count',
    args: {},
    file: 'a.yaml',
    line: 10,
    column: 3,
    path: null,
    ...fields,
  });

  it.each<[string, Partial<Finding>, Partial<Finding>]>([
    ['file first', { file: 'a.yaml', line: 90 }, { file: 'b.yaml', line: 1 }],
    ['then line', { line: 2, rule: 'z.z' }, { line: 10, rule: 'a.a' }],
    ['then rule', { rule: 'lecture.quarterly', period: '2026Q4' }, { rule: 'meetings.general-quarterly', period: '2026Q1' }],
    ['then period, null first', { period: null }, { period: '2026' }],
    ['then period by text', { period: '2026-07' }, { period: '2026Q3' }],
    ['then subject, null first', { subject: null }, { subject: '张伟' }],
    ['then subject by code point', { subject: '李娜' }, { subject: '王强' }],
    // U+FA11 﨑 sorts before U+20BB7 𠮷 by code point, though not by UTF-16 unit.
    ['code point, not UTF-16 unit', { subject: '山﨑' }, { subject: '山𠮷' }],
    ['a prefix first', { subject: '山' }, { subject: '山𠮷' }],
    ['subject before column', { subject: 'a', column: 40 }, { subject: 'b', column: 1 }],
  ])('%s', (_what, earlier, later) => {
    const a = finding(earlier);
    const b = finding(later);
    expect(compareFindings(a, b)).toBeLessThan(0);
    expect(compareFindings(b, a)).toBeGreaterThan(0);
    expect([b, a].sort(compareFindings)).toEqual([a, b]);
  });

  it('orders members on one line by subject code point, whatever their column', () => {
    const text = `branch:
  id: pb-001
  name: 第一项目部党支部
  secretary: 山﨑
members: [{ name: 山𠮷, status: full }, { name: 山﨑, status: full }, { name: 山田, status: full }]
`;
    const result = checkTexts({ 'pb-001.yaml': text }, '2026-08', '2026-09-15', rulesById('member.dues-monthly'));
    expect(result.inputErrors).toEqual([]);
    expect(result.findings.map((f) => [f.line, f.subject])).toEqual([
      [5, '山田'],
      [5, '山﨑'],
      [5, '山𠮷'],
    ]);
  });
});
