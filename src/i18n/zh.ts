import { activityTypes, themeDayForms } from '../schema/enums.js';
import type { Args, Catalog } from './index.js';
import { systemReason } from './system.js';

const typeNames: Record<string, string> = { string: '文本', number: '数字', int: '整数', array: '列表', object: '映射（键: 值）', boolean: 'true 或 false', text: '文本', date: '日期' };
const at = (a: Args) => (a.path ? `${String(a.path)}：` : '');
const label = (table: Record<string, string>, token: unknown) => table[String(token)] ?? String(token);
const list = (v: unknown) => (Array.isArray(v) ? v.join('、') : String(v));

/** zh-CN messages: the default language. */
export const zh: Catalog = {
  'file.too-large': (a) => `文件过大（${Math.round(Number(a.size) / 1048576)} MB），上限为 ${Math.round(Number(a.limit) / 1048576)} MB；请按支部拆分为多个文件`,
  'file.not-utf8': (a) => `文件不是 UTF-8 编码（此处字节 0x${String(a.byte)}）；如为 GBK，请先转换：iconv -f GBK -t UTF-8 原文件 > 新文件`,
  'file.unreadable': (a) => `无法读取：${String(a.reason)}`,
  'path.missing': () => '路径不存在',
  'yaml.syntax': (a) => `YAML 语法错误（${String(a.code)}：${String(a.detail)}），此处及文件其余部分未读取`,
  'yaml.document': (a) =>
    a.code === 'DUPLICATE_KEY'
      ? '重复的键：同一映射中同一个键出现了两次，本文档未读取'
      : a.code === 'ALIAS_LIMIT'
        ? `别名展开过多（超过 ${String(a.detail)} 个节点），疑似“billion laughs”攻击，本文档未读取`
        : `YAML 错误（${String(a.code)}：${String(a.detail)}），本文档未读取`,
  'document.neither': (a) => `第 ${String(a.document)} 个文档既没有 branch: 也没有 organization:，无法识别为支部文件或组织文件`,
  'document.both': (a) => `第 ${String(a.document)} 个文档同时有 branch: 和 organization:，一个文档只能是其中一种`,
  'branch.duplicate': (a) => `支部 id ${String(a.id)} 重复：已在 ${String(a.first)} 中定义，本文档未读取`,
  'organization.duplicate': (a) => `组织 id ${String(a.id)} 重复：已在 ${String(a.first)} 中定义，本文档未读取`,
  'key.unknown': (a) =>
    `${at(a)}未知字段 ${String(a.key)}${a.suggestion ? `（是否应为 ${String(a.suggestion)}？）` : ''}；允许的字段：${String(a.known)}；自定义字段请以 x- 开头`,
  'name.duplicate': (a) => `${at(a)}姓名 ${String(a.name)} 重复（与第 ${Number(a.first) + 1} 项相同）；同一支部内姓名必须唯一，同名请加区分，如“张三（大）”`,
  'field.required': (a) => `${at(a)}缺少必填字段`,
  'field.required-for-type': (a) => `${at(a)}${label(activityTypes, a.type)}（${String(a.type)}）记录必须填写 ${String(a.field)}`,
  'date.invalid': (a) => `${at(a)}${String(a.value)} 不是有效日期；日期须为真实存在的日期，格式 YYYY-MM-DD`,
  'month.invalid': (a) => `${at(a)}${String(a.value)} 不是有效月份；格式 YYYY-MM`,
  'period.invalid': (a) => `${at(a)}${String(a.value)} 不是有效期间；允许 2026-02（月）、2026Q1（季度）、2026（年）`,
  'type.invalid': (a) => `${at(a)}应为${typeNames[String(a.expected)] ?? String(a.expected)}${a.value ? `，实际为 ${String(a.value)}` : ''}`,
  'type.quoted-number': (a) => `${at(a)}应为数字，实际为带引号的文本 ${String(a.value)}；数字不要加引号`,
  'number.negative': (a) => `${at(a)}${String(a.value)} 不能为负数`,
  'enum.invalid': (a) => `${at(a)}${String(a.value)} 不是允许的值；允许：${list(a.allowed)}`,
  // Usage and configuration.
  'usage.no-paths': () => '请指定要检查的记录文件或目录，例如：zhibu check records/',
  'usage.bad-as-of': (a) => `--as-of ${String(a.value)} 不是有效日期（格式 YYYY-MM-DD）`,
  'usage.bad-period': (a) => `--period ${String(a.value)} 无效；允许 2026Q3、2026-07、2026 或 2026-07-01..2026-09-30`,
  'usage.no-files': () => '给定路径下没有找到 .yaml/.yml 记录文件',
  'usage.bad-extension': (a) => `输出文件 ${String(a.file)} 的扩展名与格式 ${String(a.format)} 不符；各格式及其扩展名：${String(a.formats)}`,
  'usage.unknown-branch': (a) => `没有支部 ${String(a.branch)}${a.suggestion ? `（是否应为 ${String(a.suggestion)}？）` : ''}；已读取的支部：${String(a.known)}`,
  'usage.unknown-rule': (a) => `没有规则 ${String(a.rule)}${a.suggestion ? `（是否应为 ${String(a.suggestion)}？）` : ''}；用 zhibu rules 查看全部规则`,
  // Writing outputs, and failures that are not findings.
  'output.input': (a) => `${String(a.file)} 是本次读取的输入文件，zhibu 不会覆盖它；请换一个输出文件名`,
  'output.foreign': (a) => `${String(a.file)} 已存在，且不是 zhibu 写出的文件（例如记录文件、配置文件或他人的表格），zhibu 不会覆盖它；请换一个文件名，或确认无用后自行删除`,
  'output.directory': (a) => `${String(a.file)} 是一个目录；请写出文件名，例如 ${String(a.file).replace(/\/+$/, '')}/${String(a.example)}`,
  'output.twice': (a) => `${String(a.first)} 和 ${String(a.second)} 写入同一个文件 ${String(a.file)}；请为每项输出指定不同的文件`,
  'output.failed': (a) => `无法写入 ${String(a.file)}：${systemReason.zh[String(a.code)] ?? String(a.detail)}`,
  'error.system': (a) => `${String(a.file)}：${systemReason.zh[String(a.code)] ?? String(a.detail)}`,
  'error.internal': (a) => `内部错误：${String(a.detail)}。这是 zhibu 的缺陷，不是记录的问题；请加 --debug 重新运行，并把输出报告给维护者`,
  'rule.invalid': (a) => `规则文件有误：${at(a)}${String(a.detail)}`,
  'config.invalid': (a) => `配置有误：${at(a)}${String(a.detail)}`,
  'config.unknown-key': (a) => `未知的键 ${String(a.key)}${a.allowed ? `；允许：${String(a.allowed)}` : ''}`,
  'config.bad-setting': (a) => `${String(a.value)} 不是有效的规则设置；允许：${String(a.allowed)}，或写参数映射（如 { severity: warn, min: 2 }）`,
  'config.bad-severity': (a) => `级别 ${String(a.value)} 无效；允许：${String(a.allowed)}`,
  'config.bad-off': (a) => `off 应为 true 或 false，实际为 ${String(a.value)}`,
  'config.multi-document': () => '配置文件只能有一个 YAML 文档（此处的 --- 开始了第二个）',
  'config.conflict': (a) => `所查路径使用不同的配置文件（${String(a.files)}）；请分开检查，或用 --config 指定一个`,
  'config.unknown-rule': (a) => `配置中的规则 ${String(a.rule)} 不存在${a.suggestion ? `（是否应为 ${String(a.suggestion)}？）` : ''}`,
  // Terminal report.
  'report.summary': (a) =>
    `检查 ${String(a.files)} 个文件、${String(a.branches)} 个支部，期间 ${String(a.window)}（${String(a.from)} 至 ${String(a.to)}），检查日 ${String(a.asOf)}：违规 ${String(a.errors)} 项错误、${String(a.warnings)} 项警告；待办 ${String(a.pending)} 项；豁免 ${String(a.exempted)} 项；输入错误 ${String(a.inputErrors)} 项`,
  'report.clean': () => '全部符合要求。',
  'report.input-errors': (a) => `输入错误（${String(a.count)}）`,
  'report.input-error': () => '输入错误',
  'report.branch': (a) => `${String(a.branch)}：违规 ${String(a.violations)} 项，待办 ${String(a.pending)} 项`,
  'report.branch-clean': (a) => `${String(a.branch)}：全部符合要求`,
  'severity.error': () => '错误',
  'severity.warning': () => '警告',
  'severity.info': () => '提示',
  'status.violation': () => '违规',
  'status.pending': () => '待办',
  'progress.loading': (a) => `已读取 ${String(a.done)}/${String(a.total)} 个文件`,
  'progress.checking': (a) => `已检查 ${String(a.done)}/${String(a.total)} 个文件`,
  'progress.writing': (a) => `正在写出 ${String(a.what)}……`,
  'label.activity': (a) => label(activityTypes, a.type),
  'label.form': (a) => label(themeDayForms, a.form),
};
