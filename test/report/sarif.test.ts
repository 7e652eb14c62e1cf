import { readFileSync } from 'node:fs';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/engine/finding.js';
import { FINGERPRINT_KEY, fileUri, formatSarif, ruleName } from '../../src/report/sarif.js';
import { sampleReport, sampleRules } from './sample-report.js';

// The official OASIS SARIF 2.1.0 schema (errata01), vendored verbatim.
const schema = JSON.parse(readFileSync(new URL('../fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as object;
// Both are CommonJS modules that also export themselves as `default`, which is what NodeNext types see.
const ajv = new ajvDraft04.default({ allErrors: true, strict: false });
ajvFormats.default(ajv);
const validate = ajv.compile(schema);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const sarif = (text: string): Json => JSON.parse(text);

function expectValid(text: string): void {
  const ok = validate(JSON.parse(text));
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
}

describe('formatSarif', () => {
  it('matches the snapshot over the sample report', async () => {
    await expect(formatSarif(sampleReport(), sampleRules)).toMatchFileSnapshot('__snapshots__/sample.sarif.json');
  });

  it('is valid against the SARIF 2.1.0 schema, in both languages and for a clean run', () => {
    expectValid(formatSarif(sampleReport(), sampleRules));
    expectValid(formatSarif(sampleReport(), sampleRules, { lang: 'en' }));
    expectValid(formatSarif({ ...sampleReport(), findings: [], inputErrors: [] }, []));
    const chinesePaths = sampleReport();
    for (const f of chinesePaths.findings) f.file = `记录/第一 支部#${f.file}`;
    expectValid(formatSarif(chinesePaths, sampleRules));
  });

  it('rejects what the schema forbids (the validator is really checking)', () => {
    const log = sarif(formatSarif(sampleReport(), sampleRules));
    log.runs[0].results[0].level = 'fatal';
    expect(validate(log)).toBe(false);
  });

  it('describes the tool and every rule with title, basis and remedy', () => {
    const driver = sarif(formatSarif(sampleReport(), sampleRules)).runs[0].tool.driver;
    expect(driver).toMatchObject({ name: 'zhibu', version: '1.0.0', informationUri: expect.stringMatching(/^https:\/\//) });
    expect(driver.rules.map((r: Json) => r.id)).toEqual(sampleRules.map((r) => r.id).sort());
    const rule = driver.rules.find((r: Json) => r.id === 'meetings.general-quarterly');
    expect(rule).toMatchObject({
      name: 'MeetingsGeneralQuarterly',
      shortDescription: { text: '支部党员大会每季度至少召开1次' },
      defaultConfiguration: { level: 'error' },
      properties: { category: '三会一课' },
    });
    expect(rule.fullDescription.text).toContain('第十一条');
    expect(rule.help.text).toBe('依据：《中国共产党支部工作条例（试行）》第十一条\n整改：及时召开支部党员大会，完整记录议题、到会情况和决议');
    expect(rule.help.markdown).toContain('**整改**：');
    expect(driver.rules.find((r: Json) => r.id === 'member.dues-monthly').help.markdown).toContain('members\\[\\].dues');
    expect(driver.rules.find((r: Json) => r.id === 'theme-day.varied-forms').defaultConfiguration.level).toBe('note');
  });

  it('maps findings to results with level, location and the stable fingerprint', () => {
    const report = sampleReport();
    const run = sarif(formatSarif(report, sampleRules)).runs[0];
    expect(run.results).toHaveLength(report.findings.length);
    expect(run.results.map((r: Json) => r.level)).toEqual(['error', 'note', 'error', 'warning', 'warning', 'warning', 'note', 'error', 'note', 'warning', 'warning', 'warning']);
    const pending = run.results[1];
    expect(pending.properties).toMatchObject({ status: 'pending', daysLeft: 84 });
    expect(run.results[2].properties.status).toBe('violation');
    expect(run.results[3].locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'records/pb-001.yaml' }, region: { startLine: 15, startColumn: 7 } });
    expect(run.results[3].partialFingerprints[FINGERPRINT_KEY]).toBe(fingerprint(report.findings[3]!));
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
    const prints = run.results.map((r: Json) => r.partialFingerprints[FINGERPRINT_KEY]);
    expect(new Set(prints).size).toBe(prints.length);
    expect(prints.slice(-2)).toEqual(['member.dues-monthly|pb-002|2026-07|张伟', 'member.dues-monthly|pb-002|2026-07|张伟#2']);
  });

  it('reports input errors as tool execution notifications and marks the run unsuccessful', () => {
    const invocation = sarif(formatSarif(sampleReport(), sampleRules)).runs[0].invocations[0];
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications).toHaveLength(3);
    expect(invocation.toolExecutionNotifications[1]).toEqual({
      level: 'error',
      message: { text: 'activities[3].date: 2026-02-30 is not a real date' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'records/bad.yaml' }, region: { startLine: 14, startColumn: 7 } } }],
      descriptor: { id: 'input-error' },
    });
    const clean = sarif(formatSarif({ ...sampleReport(), inputErrors: [] }, sampleRules)).runs[0].invocations[0];
    expect(clean).toEqual({ executionSuccessful: true, toolExecutionNotifications: [] });
  });

  it('describes a rule missing from the list from its findings', () => {
    const driver = sarif(formatSarif(sampleReport(), [])).runs[0].tool.driver;
    expect(driver.rules.map((r: Json) => r.id)).toContain('liaison.assigned');
    expect(driver.rules.find((r: Json) => r.id === 'liaison.assigned').shortDescription.text).toBe('党员领导干部应联系一个基层党支部或党小组');
  });

  it('encodes file paths as URI references and names rules in SARIF style', () => {
    expect(fileUri('记录/第一 支部#1.yaml')).toBe('%E8%AE%B0%E5%BD%95/%E7%AC%AC%E4%B8%80%20%E6%94%AF%E9%83%A8%231.yaml');
    expect(ruleName('org.branch-min-members')).toBe('OrgBranchMinMembers');
  });
});
