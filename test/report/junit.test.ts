import { describe, expect, it } from 'vitest';
import { formatJunit, testcaseName, xmlAttr, xmlText } from '../../src/report/junit.js';
import { sampleReport } from './sample-report.js';

const attr = (xml: string, tag: string, name: string): string[] =>
  [...xml.matchAll(new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`, 'g'))].map((m) => m[1] as string);

describe('formatJunit', () => {
  it('matches the snapshot over the sample report', async () => {
    await expect(formatJunit(sampleReport(), { failOn: 'warning' })).toMatchFileSnapshot('__snapshots__/sample.junit.xml');
  });

  it('renders the English labels on request', async () => {
    await expect(formatJunit(sampleReport(), { lang: 'en', failOn: 'warning' })).toMatchFileSnapshot('__snapshots__/sample.en.junit.xml');
  });

  it('has a suite per branch and file, input errors first, and totals that add up', () => {
    const xml = formatJunit(sampleReport(), { failOn: 'warning' });
    expect(attr(xml, 'testsuite', 'name')).toEqual(['input-errors', 'org-001', 'pb-001', 'pb-002']);
    expect(attr(xml, 'testsuite', 'file')).toEqual(['records/org.yaml', 'records/pb-001.yaml', 'records/pb-002.yaml']);
    expect(attr(xml, 'testsuites', 'tests')).toEqual(['15']);
    expect(attr(xml, 'testsuites', 'failures')).toEqual(['9']);
    expect(attr(xml, 'testsuites', 'errors')).toEqual(['3']);
    expect(attr(xml, 'testsuites', 'skipped')).toEqual(['2']);
    expect(attr(xml, 'testsuite', 'tests')).toEqual(['3', '1', '5', '6']);
    expect(attr(xml, 'testsuite', 'skipped')).toEqual(['0', '0', '1', '1']);
    expect((xml.match(/<testcase\b/g) ?? []).length).toBe(15);
    expect((xml.match(/<skipped\b/g) ?? []).length).toBe(2);
    expect(attr(xml, 'failure', 'type')).toEqual(['error', 'error', 'warning', 'warning', 'warning', 'error', 'warning', 'warning', 'warning']);
  });

  it('names a testcase rule, period and subject and classes it by rule', () => {
    const xml = formatJunit(sampleReport(), { failOn: 'warning' });
    expect(xml).toContain('<testcase name="member.dues-monthly 2026-08 张三, &quot;小张&quot;" classname="member.dues-monthly" file="records/pb-001.yaml" line="15"');
    expect(xml).toContain('<testcase name="liaison.assigned 王五" classname="liaison.assigned"');
    expect(testcaseName({ rule: 'r.x', period: null, subject: null })).toBe('r.x');
  });

  it('puts basis, remedy and position in the failure body', () => {
    const xml = formatJunit(sampleReport(), { failOn: 'warning' });
    expect(xml).toContain('依据：《中国共产党支部工作条例（试行）》第十一条\n整改：及时召开支部党员大会，完整记录议题、到会情况和决议\n位置：records/pb-001.yaml:2:1</failure>');
  });

  it('escapes markup and keeps line breaks in attributes', () => {
    const xml = formatJunit(sampleReport(), { failOn: 'warning' });
    expect(xml).toContain('message="党员张三, &quot;小张&quot;2026年8月未交纳党费：已交 0%，&lt;未登记&gt; &amp; 待核实"');
    expect(xml).toContain('message="会议记录不完整：缺少 议题、记录人&#10;（&apos;主持人&apos; 写作 &lt;空&gt;）"');
    expect(xmlText('a\u0007b\uD800c')).toBe('a\uFFFDb\uFFFDc');
    expect(xmlAttr('x\ty\r\n')).toBe('x&#9;y&#13;&#10;');
  });

  it('fails only what fails the run: warnings and info pass (text in system-out) unless --fail-on warning', () => {
    const xml = formatJunit(sampleReport());
    expect(attr(xml, 'failure', 'type')).toEqual(['error', 'error', 'error']);
    expect(attr(xml, 'testsuites', 'failures')).toEqual(['3']);
    expect(xml).toContain('<system-out>warning: ');
    expect(attr(formatJunit(sampleReport(), { failOn: 'never' }), 'testsuites', 'failures')).toEqual(['0']);
  });

  it('has a passing testcase per rule evaluated with no finding, so a clean run is a green report', () => {
    const clean = { ...sampleReport(), findings: [], inputErrors: [] };
    const units = [
      { id: 'pb-009', name: '第九支部', file: 'records/pb-009.yaml', rules: ['meetings.general-quarterly', 'theme-day.monthly'] },
      { id: 'org-001', name: '公司党委', file: 'records/org.yaml', rules: ['org.unit-coverage'] },
    ];
    const xml = formatJunit(clean, { units });
    expect(attr(xml, 'testsuites', 'tests')).toEqual(['3']);
    expect(attr(xml, 'testsuites', 'failures')).toEqual(['0']);
    expect(attr(xml, 'testsuite', 'name')).toEqual(['pb-009', 'org-001']);
    expect(xml).toContain('<testcase name="theme-day.monthly" classname="theme-day.monthly" file="records/pb-009.yaml" time="0"/>');
    // A rule with a finding has its finding's case, not a passing one as well.
    const withFinding = formatJunit(sampleReport(), { units: [{ id: 'pb-001', name: '', file: 'records/pb-001.yaml', rules: ['meetings.general-quarterly', 'x.clean'] }] });
    expect(withFinding).not.toContain('<testcase name="meetings.general-quarterly" classname');
    expect(withFinding).toContain('<testcase name="x.clean" classname="x.clean" file="records/pb-001.yaml" time="0"/>');
  });

  it('is deterministic and well formed for an empty report', () => {
    const empty = { ...sampleReport(), findings: [], inputErrors: [] };
    const xml = formatJunit(empty);
    expect(xml).toBe(formatJunit(empty));
    expect(xml).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="zhibu" tests="0" failures="0" errors="0" skipped="0" time="0">\n</testsuites>\n');
  });
});
