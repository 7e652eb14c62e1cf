import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub } from '../../src/report/github.js';
import { sampleReport } from './sample-report.js';

describe('formatGithub', () => {
  it('matches the snapshot over the sample report', async () => {
    await expect(formatGithub(sampleReport())).toMatchFileSnapshot('__snapshots__/sample.github.txt');
  });

  it('writes one command a line: input errors, then findings in report order', () => {
    const report = sampleReport();
    const lines = formatGithub(report).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(report.inputErrors.length + report.findings.length);
    expect(lines.map((l) => l.slice(0, l.indexOf(' ')))).toEqual([
      '::error', '::error', '::error', // input errors
      '::error', // organization liaison
      '::notice', // pending
      '::error', '::warning', '::warning', '::warning',
      '::notice', // pending
      '::error',
      '::notice', // info
      '::warning', '::warning', '::warning',
    ]);
  });

  it('puts file, line, column and the rule in the properties', () => {
    const lines = formatGithub(sampleReport()).split('\n');
    expect(lines[1]).toBe('::error file=records/bad.yaml,line=14,col=7,title=输入错误::activities[3].date: 2026-02-30 is not a real date');
    expect(lines[5]).toMatch(/^::error file=records\/pb-001\.yaml,line=2,col=1,title=meetings\.general-quarterly::2026年第三季度未召开支部党员大会（要求至少1次，实际0次）%0A整改：/);
  });

  it('escapes data and properties the way GitHub reads them back', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    const report = sampleReport();
    const first = report.findings[0]!;
    first.file = 'records/org:1,2%.yaml';
    first.message = '第一行\n第二行 50%';
    const line = formatGithub({ ...report, inputErrors: [], findings: [first] });
    expect(line).toBe(
      '::error file=records/org%3A1%2C2%25.yaml,line=12,col=5,title=liaison.assigned::第一行%0A第二行 50%25%0A整改：为该领导干部确定联系的党支部（或党小组），在 leaders[].liaison 中写明%0A依据：企业党员领导干部联系基层党支部制度（practice）\n',
    );
  });

  it('prints nothing for a clean report', () => {
    expect(formatGithub({ ...sampleReport(), findings: [], inputErrors: [] })).toBe('');
  });
});
