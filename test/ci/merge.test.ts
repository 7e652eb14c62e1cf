import { describe, expect, it } from 'vitest';
import { mergeOrdered, mergeReports } from '../../src/ci/merge.js';
import { parseReport } from '../../src/ci/report-file.js';
import { fileShard } from '../../src/ci/shard.js';
import { UsageError } from '../../src/io.js';
import { formatJson } from '../../src/report/json.js';
import type { Report } from '../../src/report/report.js';
import { sampleFiles, sampleOrganization, sampleReport, sampleSetupFiles } from '../report/sample-report.js';

/**
 * What `--shard i/n` runs report: the record files of their shard, the organization's findings
 * (every shard evaluates organization rules, the organization file counts in its own shard only),
 * configuration errors first in every shard. Each shard goes through its JSON text.
 */
function split(report: Report, n: number): Report[] {
  return Array.from({ length: n }, (_, i) => {
    const mine = (file: string) => fileShard(file, n) === i;
    const findings = report.findings.filter((f) => f.branch === sampleOrganization || mine(f.file));
    const inputErrors = report.inputErrors.filter((e) => sampleSetupFiles.has(e.file) || mine(e.file));
    const files = sampleFiles.filter((f) => mine(f.file));
    const violations = { error: 0, warning: 0, info: 0 };
    for (const f of findings) if (f.status === 'violation') violations[f.severity]++;
    const shard: Report = {
      ...report,
      summary: {
        files: files.length,
        branches: files.reduce((s, f) => s + f.branches, 0),
        violations,
        pending: findings.filter((f) => f.status === 'pending').length,
        exempted: files.reduce((s, f) => s + f.exempted, 0),
        inputErrors: inputErrors.length,
      },
      findings,
      inputErrors,
    };
    return parseReport(formatJson(shard), `shard-${i + 1}.json`);
  });
}

describe('mergeReports', () => {
  it.each([1, 2, 3, 4])('rebuilds the unsharded report from %i shards', (n) => {
    const original = sampleReport();
    const shards = split(original, n);
    if (n > 1) expect(shards.filter((s) => s.findings.some((f) => f.branch !== sampleOrganization)).length).toBeGreaterThan(1);
    const merged = mergeReports(shards);
    expect(merged).toEqual(original);
    expect(formatJson(merged)).toBe(formatJson(original));
  });

  it('does not depend on the order of the shard reports', () => {
    const original = sampleReport();
    expect(mergeReports(split(original, 3).reverse())).toEqual(original);
  });

  it('keeps a finding a shard reports twice, but once what every shard reports', () => {
    const base = sampleReport();
    const twice = { ...base, findings: [base.findings[0]!, base.findings[0]!, base.findings[2]!] };
    const once = { ...base, findings: [base.findings[0]!] };
    expect(mergeReports([once, twice]).findings).toEqual([base.findings[0], base.findings[0], base.findings[2]]);
  });

  it.each([
    ['asOf', (r: Report) => ({ ...r, asOf: '2026-10-09' }), /^b\.json: asOf 2026-10-09, but a\.json has 2026-10-08/],
    ['version', (r: Report) => ({ ...r, version: '1.1.0' }), /^b\.json: version 1\.1\.0, but a\.json has 1\.0\.0/],
    ['window', (r: Report) => ({ ...r, window: { label: '2026Q4', from: '2026-10-01', to: '2026-12-31' } }), /^b\.json: window 2026Q4 2026-10-01\.\.2026-12-31, but a\.json has 2026Q3/],
    ['lang', (r: Report) => ({ ...r, lang: 'en' as const }), /^b\.json: lang en, but a\.json has zh/],
    ['rule set', (r: Report) => ({ ...r, rules: r.rules.filter((id) => id !== 'org.secretary') }), /^b\.json: rules 7 rules, but a\.json has 8 rules \(-org\.secretary\)/],
  ])('rejects shards of runs with a different %s, naming the file', (_, change, pattern) => {
    const [a, b] = split(sampleReport(), 2) as [Report, Report];
    expect(() => mergeReports([a, change(b)], ['a.json', 'b.json'])).toThrow(UsageError);
    expect(() => mergeReports([a, change(b)], ['a.json', 'b.json'])).toThrow(pattern);
  });

  it('rejects an empty list', () => {
    expect(() => mergeReports([])).toThrow(UsageError);
  });

  it('sums baselined counts when shards applied a baseline', () => {
    const [a, b] = split(sampleReport(), 2) as [Report, Report];
    a.summary.baselined = 2;
    b.summary.baselined = 3;
    expect(mergeReports([a, b]).summary.baselined).toBe(5);
    expect(mergeReports(split(sampleReport(), 2)).summary).not.toHaveProperty('baselined');
  });
});

describe('mergeOrdered', () => {
  const byValue = (a: { v: number }, b: { v: number }) => a.v - b.v;

  it('merges sorted lists and keeps shared items once, where every list has them', () => {
    const lists = [[{ v: 0 }, { v: 1 }, { v: 5 }], [{ v: 0 }, { v: 2 }, { v: 5 }, { v: 7 }]];
    expect(mergeOrdered(lists, byValue).map((x) => x.v)).toEqual([0, 1, 2, 5, 7]);
  });

  it('keeps a common prefix first even when the comparator would sort it later', () => {
    const lists = [[{ v: 9 }, { v: 1 }], [{ v: 9 }, { v: 2 }]];
    expect(mergeOrdered(lists, byValue).map((x) => x.v)).toEqual([9, 1, 2]);
  });

  it('lets every list move past a shared item before the next one is chosen', () => {
    const lists = [[{ v: 9 }, { v: 3 }], [{ v: 9 }], [{ v: 9 }, { v: 2 }]];
    expect(mergeOrdered(lists, byValue).map((x) => x.v)).toEqual([9, 2, 3]);
  });

  it('terminates on lists in contradictory order', () => {
    const lists = [[{ v: 1 }, { v: 2 }], [{ v: 2 }, { v: 1 }]];
    expect(mergeOrdered(lists, byValue).map((x) => x.v).sort()).toEqual([1, 2]);
  });
});
