import { describe, expect, test } from 'vitest';
import { formatJson, jsonChunks } from '../../src/report/json.js';
import type { Report } from '../../src/report/report.js';
import { sampleReport } from './sample-report.js';

const stringify = (report: unknown) => `${JSON.stringify(report, null, 2)}\n`;

describe('the JSON report is written in pieces', () => {
  test('the pieces make exactly the text of JSON.stringify', () => {
    const report = sampleReport();
    expect(formatJson(report)).toBe(stringify(report));
    const odd = { ...report, timeZone: undefined, findings: [], inputErrors: [], shard: { index: 0, count: 2, branches: [{ id: 'a', participation: [['张三', [{ roles: ['host'] }]]], nested: { deep: { deeper: [1, { x: '\n"' }] } } }], organizations: [] } } as unknown as Report;
    expect(formatJson(odd)).toBe(stringify(odd));
  });

  test('100,000 findings never make one long string (JSON.stringify ran out of string length)', () => {
    const base = sampleReport();
    const finding = base.findings[0] as Report['findings'][number];
    const findings = Array.from({ length: 100_000 }, (_, i) => ({ ...finding, line: i + 1 }));
    const report = { ...base, findings };
    let longest = 0;
    let total = 0;
    let count = 0;
    for (const chunk of jsonChunks(report)) {
      longest = Math.max(longest, chunk.length);
      total += chunk.length;
      count++;
    }
    // Pieces of at most 256 findings: far below the longest string V8 allows, and a small part of the whole.
    expect(longest).toBeLessThan(total / 300);
    expect(count).toBeGreaterThan(100);
    expect(total).toBe(stringify(report).length);
  });
});
