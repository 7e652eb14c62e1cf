import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleFile } from '../../src/engine/rules.js';
import { en } from '../../src/i18n/en.js';
import { messageIds, render } from '../../src/i18n/index.js';
import { zh } from '../../src/i18n/zh.js';
import { buildReport } from '../../src/report/report.js';
import { builtinRules, checkFiles, root, windowOf, yamlFilesUnder } from '../support/engine.js';

describe('one catalog per language', () => {
  it('has the same message ids in zh and en (tsc checks it too: satisfies Record<MessageId, …>)', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it.each(messageIds())('%s renders in both languages without throwing, even without arguments', (id) => {
    for (const lang of ['zh', 'en'] as const) expect(typeof render(lang, id, {})).toBe('string');
  });

  it('renders every finding of the demo and the rule fixtures without holes, in both languages', () => {
    const files = [...yamlFilesUnder('fixtures/demo'), ...yamlFilesUnder('fixtures/rules').filter((f) => f.endsWith('fires.yaml') && !f.includes('organization'))];
    const ids = new Set<string>();
    for (const lang of ['zh', 'en'] as const) {
      for (const file of files) {
        const result = checkFiles([file], '2026', '2026-12-31');
        const report = buildReport(result, { version: '1', asOf: '2026-12-31', window: windowOf('2026'), lang, rules: builtinRules().rules });
        for (const f of report.findings) {
          ids.add(f.messageId);
          expect(f.message, `${file} ${f.rule}`).not.toMatch(/undefined|\[object Object\]|NaN|\{\w+\}/);
        }
      }
    }
    expect(ids.size).toBeGreaterThan(10);
  });
});

describe('a rule words its findings itself with message: { zh, en }', () => {
  const text = readFileSync(path.join(root, 'rules', 'member.dues-monthly.yaml'), 'utf8');
  const own = `${text}\nmessage:\n  zh: "{period}，{name}同志的党费未按月交纳"\n  en: "{period}: {name} has not paid dues"\n`;

  it('loads and renders its template, periods in words, in each language', () => {
    const loaded = loadRuleFile('rules/member.dues-monthly.yaml', Buffer.from(own));
    expect(loaded.errors).toEqual([]);
    const rule = loaded.rule!;
    const result = checkFiles(['fixtures/rules/member.dues-monthly/fires.yaml'], '2026Q3', '2026-10-08', [rule]);
    const finding = result.findings[0]!;
    const zhReport = buildReport(result, { version: '1', asOf: '2026-10-08', window: windowOf('2026Q3'), lang: 'zh', rules: [rule] });
    const enReport = buildReport(result, { version: '1', asOf: '2026-10-08', window: windowOf('2026Q3'), lang: 'en', rules: [rule] });
    expect(zhReport.findings[0]?.message).toMatch(new RegExp(`^2026年\\d+月，${finding.subject}同志的党费未按月交纳$`));
    expect(enReport.findings[0]?.message).toMatch(new RegExp(`^[A-Z][a-z]{2} 2026: ${finding.subject} has not paid dues$`));
    expect(zhReport.findings[0]?.messageId).toBe('dues');
  });

  it('must give both languages', () => {
    const loaded = loadRuleFile('rules/x.yaml', Buffer.from(`${text}\nmessage: { zh: 只有中文 }\n`));
    expect(loaded.rule).toBeNull();
    expect(loaded.errors[0]?.args.path).toMatch(/^message/);
  });
});
