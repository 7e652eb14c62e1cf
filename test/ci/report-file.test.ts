import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/ci/report-file.js';
import { UsageError } from '../../src/io.js';
import { formatJson } from '../../src/report/json.js';
import { sampleReport } from '../report/sample-report.js';

describe('parseReport', () => {
  it('reads back what --format json wrote, byte for byte', () => {
    const text = formatJson(sampleReport());
    expect(formatJson(parseReport(text, 'a.json'))).toBe(text);
  });

  it.each([
    ['not JSON', 'nope', /a\.json: .*not valid JSON/],
    ['a SARIF log', JSON.stringify({ version: '2.1.0', runs: [] }), /a\.json: .*not a zhibu JSON report.*tool/],
    ['a finding without a line', JSON.stringify({ ...sampleReport(), findings: [{ ...sampleReport().findings[0], line: 0 }] }), /findings\[0\]\.line/],
  ])('rejects %s with a usage error naming the file', (_, text, pattern) => {
    expect(() => parseReport(text, 'a.json')).toThrow(UsageError);
    expect(() => parseReport(text, 'a.json')).toThrow(pattern);
  });
});
