import type { Rule } from '../engine/rules.js';
import type { Lang } from '../i18n/index.js';
import { render } from '../i18n/index.js';
import { textWidth, wrapText } from '../report/wrap.js';
import { visible } from '../escape/terminal.js';

/** Lines of text wrapped to a width, continuation lines (and all, with `indent`) indented. */
function wrapped(text: string, width: number, indent = '', hanging = indent): string[] {
  const lines = wrapText(text, width - textWidth(hanging));
  return lines.map((line, i) => (i === 0 ? indent : hanging) + line);
}

/** `zhibu rules`: the rules by category, each as its id and severity, then its title and basis, laid out for the width. */
export function formatRuleList(rules: readonly Rule[], lang: Lang, width = 80): string {
  const out: string[] = [];
  const categories = [...new Set(rules.map((r) => r.category))];
  for (const category of categories) {
    if (out.length > 0) out.push('');
    out.push(...wrapped(`【${category}】`, width));
    for (const r of rules.filter((rule) => rule.category === category)) {
      out.push(...wrapped(`${r.id}  ${render(lang, `severity.${r.severity}` as const)}`, width));
      out.push(...wrapped(lang === 'en' ? (r.en?.title ?? r.title) : r.title, width, '    '));
      out.push(...wrapped(`${lang === 'zh' ? '依据：' : 'Basis: '}${r.basis}`, width, '    '));
    }
  }
  return visible(`${out.join('\n')}\n`, { lines: true });
}

/** `zhibu rules show ID`: what the rule checks, its parameters, basis, remedy and examples. */
export function formatRuleDetail(rule: Rule, lang: Lang, width = 80): string {
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
  // Text lines wrap with a hanging indent; example records wrap only where YAML allows it.
  const out = lines.flatMap((line) => (line.startsWith('    ') ? wrapYaml(line, width) : wrapped(line, width, '', line.startsWith('  ') ? '      ' : '    ')));
  return visible(`${out.join('\n')}\n`, { lines: true });
}

/**
 * A line of an example record within the width, still the same YAML: broken only at
 * spaces (a flow collection or plain scalar may go on, further indented, on the next
 * line); a comment goes on as a comment.
 */
function wrapYaml(line: string, width: number): string[] {
  if (textWidth(line) <= width) return [line];
  const lead = /^ */.exec(line)?.[0] ?? '';
  const comment = line.trimStart().startsWith('#');
  const hanging = comment ? `${lead}# ` : `${lead}    `;
  const out: string[] = [];
  let current = '';
  for (const word of line.trimStart().split(' ')) {
    const next = current === '' ? word : `${current} ${word}`;
    if (current !== '' && textWidth((out.length === 0 ? lead : hanging) + next) > width) {
      out.push((out.length === 0 ? lead : hanging) + current);
      current = word;
    } else {
      current = next;
    }
  }
  if (current !== '') out.push((out.length === 0 ? lead : hanging) + current);
  return out;
}

const indent = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
