import Table from 'cli-table3';
import type { Rule } from '../engine/rules.js';
import type { Lang } from '../i18n/index.js';
import { render } from '../i18n/index.js';
import { visible } from '../escape/terminal.js';

/** `zhibu rules`: one line per rule. */
export function formatRuleList(rules: readonly Rule[], lang: Lang): string {
  const table = new Table({
    head: lang === 'zh' ? ['规则', '类别', '级别', '标题', '依据'] : ['Rule', 'Category', 'Severity', 'Title', 'Basis'],
    style: { head: [], border: [] },
    colWidths: [34, 16, 8, 40, 50],
    wordWrap: true,
    wrapOnWordBoundary: false,
  });
  for (const r of rules) table.push([r.id, r.category, render(lang, `severity.${r.severity}` as const), lang === 'en' ? (r.en?.title ?? r.title) : r.title, r.basis]);
  return visible(`${table.toString()}\n`, { lines: true });
}

/** `zhibu rules show ID`: what the rule checks, its parameters, basis, remedy and examples. */
export function formatRuleDetail(rule: Rule, lang: Lang): string {
  const zh = lang === 'zh';
  const lines = [
    `${rule.id}  ${zh ? rule.title : (rule.en?.title ?? rule.title)}`,
    '',
    `${zh ? '类别' : 'Category'}: ${rule.category}`,
    `${zh ? '级别' : 'Severity'}: ${render(lang, `severity.${rule.severity}` as const)}`,
    `${zh ? '检查方式' : 'Check'}: ${rule.check}${rule.when ? `  (${zh ? '适用条件' : 'applies when'}: ${JSON.stringify(rule.when)})` : ''}`,
    `${zh ? '参数（当前值，可在 zhibu.config.yaml 的 rules 下修改）' : 'Parameters (current values; change them under rules: in zhibu.config.yaml)'}:`,
    ...Object.entries(rule.params)
      .filter(([k]) => k !== 'what')
      .map(([k, v]) => `  ${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`),
    `${zh ? '依据' : 'Basis'}: ${rule.basis}`,
    `${zh ? '整改措施' : 'Remedy'}: ${zh ? rule.remedy : (rule.en?.remedy ?? rule.remedy)}`,
    `${zh ? '规则文件' : 'Rule file'}: ${rule.file}`,
  ];
  if (rule.examples) {
    lines.push('', zh ? '符合的记录示例：' : 'A record that passes:', indent(rule.examples.pass), '', zh ? '不符合的记录示例：' : 'A record that fails:', indent(rule.examples.fail));
  }
  return visible(`${lines.join('\n')}\n`, { lines: true });
}

const indent = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
