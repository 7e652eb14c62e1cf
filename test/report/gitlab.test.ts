import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/engine/finding.js';
import { formatGitlab, sha256, type CodeQualityIssue } from '../../src/report/gitlab.js';
import { sampleReport } from './sample-report.js';

const issues = (text: string) => JSON.parse(text) as CodeQualityIssue[];

describe('formatGitlab', () => {
  it('matches the snapshot over the sample report', async () => {
    await expect(formatGitlab(sampleReport())).toMatchFileSnapshot('__snapshots__/sample.gitlab.json');
  });

  it('has the fields GitLab requires, with mapped severities', () => {
    const report = sampleReport();
    const list = issues(formatGitlab(report));
    expect(list).toHaveLength(report.inputErrors.length + report.findings.length);
    for (const issue of list) {
      expect(Object.keys(issue).sort()).toEqual(['check_name', 'description', 'fingerprint', 'location', 'severity']);
      expect(issue.location.lines.begin).toBeGreaterThanOrEqual(1);
    }
    expect(list.map((i) => i.severity)).toEqual(['blocker', 'blocker', 'blocker', 'major', 'info', 'major', 'minor', 'minor', 'minor', 'info', 'major', 'info', 'minor', 'minor', 'minor']);
    expect(list[4]).toMatchObject({ check_name: 'lecture.secretary-yearly', location: { path: 'records/pb-001.yaml', lines: { begin: 2 } } });
    expect(list[0]).toMatchObject({ check_name: 'zhibu.input-error', location: { path: 'zhibu.config.yaml', lines: { begin: 3 } } });
  });

  it('gives every issue a unique, stable hex fingerprint built from rule, branch, period and subject', () => {
    const report = sampleReport();
    const prints = issues(formatGitlab(report)).map((i) => i.fingerprint);
    expect(new Set(prints).size).toBe(prints.length);
    for (const p of prints) expect(p).toMatch(/^[0-9a-f]{64}$/);
    expect(prints[3]).toBe(sha256(fingerprint(report.findings[0]!)));
    // Moving a finding to another line or rewording it keeps its fingerprint.
    const moved = sampleReport();
    moved.findings[0]!.line = 99;
    moved.findings[0]!.message = 'reworded';
    expect(issues(formatGitlab(moved))[3]!.fingerprint).toBe(prints[3]);
    // Two members with one name: the second gets its own.
    expect(prints[14]).toBe(sha256(`${fingerprint(report.findings[11]!)}#2`));
    expect(formatGitlab(sampleReport())).toBe(formatGitlab(report));
  });

  it('writes an empty array for a clean report', () => {
    expect(formatGitlab({ ...sampleReport(), findings: [], inputErrors: [] })).toBe('[]\n');
  });
});
