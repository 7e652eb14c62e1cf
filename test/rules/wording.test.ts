import { describe, expect, it } from 'vitest';
import { builtinRules } from '../support/engine.js';

/**
 * 整改措施 and 依据 are read by branch secretaries in the rectification list: they are instructions
 * to a person, never the record format's field names. Chinese texts hold no English word (two or
 * more ASCII letters in a row; a lone letter as in "A4" or "B类" is allowed, digits always are);
 * English texts hold no field path (`members[].dues`, `probation_until`, `branch.elected`).
 */
const { rules } = builtinRules();
const zhTexts = rules.flatMap((r) => [
  { rule: r.id, key: 'basis', text: r.basis },
  { rule: r.id, key: 'remedy', text: r.remedy },
]);
const enTexts = rules.flatMap((r) => (r.en ? [{ rule: r.id, key: 'en.remedy', text: r.en.remedy }] : []));

/** A field path of the record format: `members[].dues`, `probation_until`, `branch.elected`. */
const fieldPath = /\[\]|\b[a-z]+_[a-z_]+\b|\b[a-z]+\.[a-z_]+\b/;

describe('rule wording reads as instructions to a person', () => {
  it('covers every built-in rule', () => {
    expect(zhTexts).toHaveLength(rules.length * 2);
    expect(enTexts.length).toBeGreaterThan(0);
  });

  it.each(zhTexts)('$rule $key (zh) has no English word or field name', ({ text }) => {
    expect(text).not.toMatch(/[A-Za-z]{2,}/);
    expect(text).not.toMatch(fieldPath);
  });

  it.each(enTexts)('$rule $key has no field path', ({ text }) => {
    expect(text).not.toMatch(fieldPath);
  });

  it('the checks catch what they are for', () => {
    for (const bad of ['补填 members[].probation_until', '记录在 activities 中', '通行做法（practice）', '在 branch.elected 中记录']) expect(/[A-Za-z]{2,}/.test(bad) || fieldPath.test(bad)).toBe(true);
    for (const good of ['在党员名册中补填该党员的预备期满日期', '按A4纸打印']) expect(/[A-Za-z]{2,}/.test(good) || fieldPath.test(good)).toBe(false);
  });
});
