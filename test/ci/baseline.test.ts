import { describe, expect, it } from 'vitest';
import { applyBaseline, parseBaseline, pruneBaseline, writeBaseline } from '../../src/ci/baseline.js';
import { UsageError } from '../../src/io.js';
import type { Report } from '../../src/report/report.js';
import { sampleReport } from '../report/sample-report.js';

const drop = (report: Report, ...indexes: number[]): Report => {
  const findings = report.findings.filter((_, i) => !indexes.includes(i));
  return { ...report, findings };
};

describe('writeBaseline', () => {
  it('matches the snapshot: violations only, sorted, with the stable fingerprint', async () => {
    await expect(writeBaseline(sampleReport())).toMatchFileSnapshot('__snapshots__/sample.baseline.json');
  });

  it('records every violation and no pending finding', () => {
    const baseline = parseBaseline(writeBaseline(sampleReport()), 'b.json');
    expect(baseline).toMatchObject({ tool: 'zhibu', version: '1.0.0', created: '2026-10-08' });
    expect(baseline.entries).toHaveLength(10);
    expect(baseline.entries.map((e) => e.rule)).not.toContain('lecture.secretary-yearly');
    expect(baseline.entries[0]).toEqual({ fingerprint: 'liaison.assigned|org-001||王五', rule: 'liaison.assigned', branch: 'org-001', period: null, subject: '王五', path: null, messageId: 'liaison-assigned', args: {} });
  });

  it('does not depend on the order of findings', () => {
    const shuffled = sampleReport();
    shuffled.findings.reverse();
    expect(writeBaseline(shuffled)).toBe(writeBaseline(sampleReport()));
  });
});

describe('applyBaseline', () => {
  const baseline = parseBaseline(writeBaseline(sampleReport()), 'b.json');

  it('knows every violation of the run that wrote it: only pending findings remain', () => {
    const { report, known, fixed } = applyBaseline(sampleReport(), baseline);
    expect(known).toBe(10);
    expect(fixed).toEqual([]);
    expect(report.findings.map((f) => f.status)).toEqual(['pending', 'pending']);
    expect(report.summary).toMatchObject({ violations: { error: 0, warning: 0, info: 0 }, pending: 2, baselined: 10 });
    expect(report.inputErrors).toHaveLength(3);
  });

  it('keeps new violations and reports entries no longer found as fixed', () => {
    const later = sampleReport();
    // pb-001's general meeting was held (fixed); a new member misses dues (new).
    later.findings.splice(2, 1);
    later.findings.push({ ...later.findings[8]!, subject: '赵六', message: '党员赵六2026年7月未交纳党费', line: 33 });
    const { report, known, fixed } = applyBaseline(later, baseline);
    expect(known).toBe(9);
    expect(fixed.map((e) => e.fingerprint)).toEqual(['meetings.general-quarterly|pb-001|2026Q3|']);
    expect(report.findings.filter((f) => f.status === 'violation').map((f) => f.subject)).toEqual(['赵六']);
    expect(report.summary.violations).toEqual({ error: 0, warning: 1, info: 0 });
    expect(report.summary.baselined).toBe(9);
  });

  it('matches one entry per violation: a second member with the same name is new', () => {
    const one = parseBaseline(writeBaseline(drop(sampleReport(), 11)), 'b.json');
    const { report, known } = applyBaseline(sampleReport(), one);
    expect(known).toBe(9);
    expect(report.findings.filter((f) => f.status === 'violation').map((f) => `${f.subject}@${f.line}`)).toEqual(['张伟@26']);
  });

  it('never baselines a pending finding, even with a matching entry', () => {
    const pendingAsViolation = sampleReport();
    pendingAsViolation.findings[1]!.status = 'violation';
    const withPending = parseBaseline(writeBaseline(pendingAsViolation), 'b.json');
    const { report, fixed } = applyBaseline(sampleReport(), withPending);
    expect(report.findings.map((f) => f.rule)).toContain('lecture.secretary-yearly');
    expect(fixed.map((e) => e.rule)).toEqual(['lecture.secretary-yearly']);
  });
});

describe('pruneBaseline', () => {
  it('drops the entries no longer found and keeps the rest as written', () => {
    const text = writeBaseline(sampleReport());
    const later = drop(sampleReport(), 2, 10);
    const pruned = parseBaseline(pruneBaseline(parseBaseline(text, 'b.json'), later), 'b.json');
    expect(pruned.entries).toHaveLength(8);
    expect(pruned.created).toBe('2026-10-08');
    expect(pruned.entries.map((e) => e.fingerprint)).not.toContain('meetings.general-quarterly|pb-001|2026Q3|');
    expect(pruned.entries.filter((e) => e.subject === '张伟')).toHaveLength(1);
    // Nothing to prune: the same text back.
    expect(pruneBaseline(parseBaseline(text, 'b.json'), sampleReport())).toBe(text);
  });

  it('does not add new violations', () => {
    const small = parseBaseline(writeBaseline(drop(sampleReport(), 0)), 'b.json');
    const pruned = parseBaseline(pruneBaseline(small, sampleReport()), 'b.json');
    expect(pruned.entries).toHaveLength(9);
  });
});

describe('parseBaseline', () => {
  it.each([
    ['not JSON', '{', /b\.json: .*not valid JSON/],
    ['another tool', JSON.stringify({ tool: 'eslint', version: '1', created: '2026-10-08', entries: [] }), /b\.json: .*not a zhibu baseline.*tool/],
    ['a bad date', JSON.stringify({ tool: 'zhibu', version: '1', created: '8/10/2026', entries: [] }), /created: expected a date YYYY-MM-DD/],
    ['a bad entry', JSON.stringify({ tool: 'zhibu', version: '1', created: '2026-10-08', entries: [{ fingerprint: 'x', rule: 3, branch: 'b', period: null, subject: null, message: '' }] }), /entries\[0\]\.rule/],
  ])('rejects %s with a usage error naming the file and field', (_, text, pattern) => {
    expect(() => parseBaseline(text, 'b.json')).toThrow(UsageError);
    expect(() => parseBaseline(text, 'b.json')).toThrow(pattern);
  });

  it('accepts a byte order mark and unknown fields', () => {
    const text = `\uFEFF${JSON.stringify({ tool: 'zhibu', version: '1.0.0', created: '2026-10-08', note: 'x', entries: [] })}`;
    expect(parseBaseline(text, 'b.json').entries).toEqual([]);
  });
});

describe('baselines written by an older zhibu', () => {
  const old = JSON.stringify({
    tool: 'zhibu',
    version: '1.0.0',
    created: '2026-10-08',
    entries: [
      { fingerprint: 'meetings.general-quarterly|pb-001|2026Q3|', rule: 'meetings.general-quarterly', branch: 'pb-001', period: '2026Q3', subject: null, message: '2026年第三季度未召开支部党员大会' },
      { fingerprint: 'meetings.record-complete|pb-001||activities[3]', rule: 'meetings.record-complete', branch: 'pb-001', period: null, subject: 'activities[3]', message: '会议记录不完整' },
    ],
  });

  it('are read; entries naming a record by position match nothing and are reported apart, not as fixed', () => {
    const applied = applyBaseline(sampleReport(), parseBaseline(old, 'old.json'));
    expect(applied.known).toBe(1);
    expect(applied.legacy.map((e) => e.subject)).toEqual(['activities[3]']);
    expect(applied.fixed).toEqual([]);
    expect(applied.report.findings.some((f) => f.subject === 'general-meeting@2026-09-23')).toBe(true);
  });
});
