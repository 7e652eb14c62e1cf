import { yearOutOfRange as outOfRange } from '../schema/dates.js';
import { activityText as activity, formText as form, listText, localText, periodArg, text as s } from './format.js';
import { systemReason } from './system.js';
import type { Args, Message } from './types.js';

const typeNames: Record<string, string> = { string: '文本', number: '数字', int: '整数', array: '列表', object: '映射（键: 值）', boolean: 'true 或 false', text: '文本', date: '日期' };
const at = (a: Args) => (a.path ? `${String(a.path)}：` : '');

const fileKindsZh: Record<string, string> = { directory: '目录', FIFO: '命名管道', socket: '套接字', device: '设备文件', other: '特殊文件' };
const period = (a: Args) => periodArg(a.period, 'zh');
const what = (a: Args) => localText(a.what, 'zh');
const pending = (a: Args) => a.status === 'pending';
const fieldZh: Record<string, string> = {
  topic: '议题', host: '主持人', recorder: '记录人', 'attendees/present': '到会情况', minutes: '会议记录', owner: '责任人', goals: '目标', elected: '本届选举日期', 'indicators.target': '有目标值的“双提升”指标',
};
const fieldsZh = (v: unknown) => (Array.isArray(v) ? v.map((f) => fieldZh[String(f)] ?? String(f)).join('、') : s(v));
const ratioZh = (r: string) => (r === '1/2' ? '半数' : r === '4/5' ? '五分之四' : r === '2/3' ? '三分之二' : r);
const daysLeft = (a: Args) => `还剩${s(a.daysLeft)}天`;
const keyFieldZh: Record<string, string> = { type: '类型', date: '日期', group: '党小组', topic: '议题', host: '主持人', with: '谈话对象', member: '预备党员' };
/** The key fields a duplicate shares (older findings carry none: type and date). */
const keyFieldsZh = (v: unknown) => (Array.isArray(v) ? v : ['type', 'date']).map((f) => keyFieldZh[String(f)] ?? String(f)).join('、');
const roleZh = (r: unknown) => (r === 'committee' ? '支部委员' : r === 'deputy_secretaries' ? '副书记' : '书记');

/** zh-CN messages: the default language; its keys are the message ids. */
export const zh = {
  'file.too-large': (a) => `文件过大（${Math.round(Number(a.size) / 1048576)} MB），上限为 ${Math.round(Number(a.limit) / 1048576)} MB；请按支部拆分为多个文件`,
  'file.not-utf8': (a) => `文件不是 UTF-8 编码（此处字节 0x${String(a.byte)}）；如为 GBK，请先转换：iconv -f GBK -t UTF-8 原文件 > 新文件`,
  'file.not-regular': (a) => `不是普通文件（${fileKindsZh[String(a.kind)] ?? String(a.kind)}），不予读取；请指定记录文件本身`,
  'document.too-complex': (a) => `第 ${String(a.document)} 个文档的错误太多，无法逐项列出（例如一个列表有几十万个错误的项）；请检查生成它的程序，或拆分文件`,
  'list.too-long': (a) => `${at(a)}列表有 ${String(a.count)} 项，超过上限 ${String(a.limit)} 项；请检查生成它的程序，或拆分文件`,
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
  'field.required-for-type': (a) => `${at(a)}${activity(a.type, 'zh')}（${String(a.type)}）记录必须填写 ${String(a.field)}`,
  'date.invalid': (a) => `${at(a)}${String(a.value)} ${outOfRange(a.value) ? '超出 1921–2200 年' : '不是有效日期'}；日期须为真实存在的日期，格式 YYYY-MM-DD`,
  'month.invalid': (a) => `${at(a)}${String(a.value)} 不是有效月份；格式 YYYY-MM${outOfRange(a.value) ? '，年份 1921–2200' : ''}`,
  'period.invalid': (a) => `${at(a)}${String(a.value)} 不是有效期间；允许 2026-02（月）、2026Q1（季度）、2026（年）${outOfRange(a.value) ? '，年份 1921–2200' : ''}`,
  'type.invalid': (a) => `${at(a)}应为${typeNames[String(a.expected)] ?? String(a.expected)}${a.value ? `，实际为 ${String(a.value)}` : ''}`,
  'type.quoted-number': (a) => `${at(a)}应为数字，实际为带引号的文本 ${String(a.value)}；数字不要加引号`,
  'number.negative': (a) => `${at(a)}${String(a.value)} 不能为负数`,
  'enum.invalid': (a) => `${at(a)}${String(a.value)} 不是允许的值；允许：${listText(a.allowed, 'zh')}`,
  // Usage and configuration.
  'usage.no-paths': () => '请指定要检查的记录文件或目录，例如：zhibu check records/',
  'notice.cache-dropped': (a) => `缓存 ${String(a.cache)} 中有 ${String(a.count)} 项无效（${String(a.entry)}：${String(a.problem)}），已丢弃并重新检查`,
  'usage.no-records': (a) => `${String(a.paths)} 下没有记录文件（*.yaml、*.yml）；请检查路径`,
  'usage.bad-today': (a) => `系统时钟的日期 ${String(a.value)} 超出 1921–2200 年；请检查时钟，或用 --as-of 指定检查日`,
  'usage.bad-as-of': (a) => `--as-of ${String(a.value)} 不是有效日期（格式 YYYY-MM-DD，年份 1921–2200）`,
  'usage.bad-period': (a) => `--period ${String(a.value)} 无效；允许 2026Q3、2026-07、2026 或 2026-07-01..2026-09-30，年份 1921–2200`,
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
    `检查 ${String(a.files)} 个文件、${String(a.branches)} 个支部，期间 ${String(a.window)}（${String(a.from)} 至 ${String(a.to)}），检查日 ${String(a.asOf)}${a.timeZone ? `，即 ${String(a.timeZone)} 的今天` : ''}：违规 ${String(a.errors)} 项错误、${String(a.warnings)} 项警告；待办 ${String(a.pending)} 项；豁免 ${String(a.exempted)} 项；输入错误 ${String(a.inputErrors)} 项`,
  'report.clean': () => '全部符合要求。',
  'report.input-errors': (a) => `输入错误（${String(a.count)}）`,
  'report.input-error': () => '输入错误',
  'report.branch': (a) => `${String(a.branch)}：违规 ${String(a.violations)} 项，待办 ${String(a.pending)} 项`,
  'report.branch-clean': (a) => `${String(a.branch)}：全部符合要求`,
  'report.skipped': (a) => `以下记录有输入错误，未检查（共 ${String(a.count)} 份，本次结果不完整）：`,
  'report.skipped.document': (a) =>
    a.kind === 'organization'
      ? `组织 ${String(a.id ?? '')}${a.name ? ` ${String(a.name)}` : ''}`
      : a.id
        ? `支部 ${String(a.id)}${a.name ? ` ${String(a.name)}` : ''}`
        : '无法识别的文档（可能是支部记录）',
  'severity.error': () => '错误',
  'severity.warning': () => '警告',
  'severity.info': () => '提示',
  'status.violation': () => '违规',
  'status.pending': () => '待办',
  'progress.checking': (a) => `已检查 ${String(a.done)}/${String(a.total)} 个文件`,
  'progress.writing': (a) => `正在写出 ${String(a.what)}……`,
  'label.activity': (a) => activity(a.type, 'zh'),
  'label.form': (a) => form(a.form, 'zh'),
  // Findings: `status` and `title` (the rule's) come with the finding's own arguments.
  count: (a) => {
    const p = period(a) + s(a.subject);
    if (pending(a)) return `${p}尚未${what(a)}（要求至少${s(a.min)}次，目前${s(a.actual)}次，${daysLeft(a)}）`;
    return Number(a.actual) === 0 ? `${p}未${what(a)}（要求至少${s(a.min)}次，实际0次）` : `${p}${what(a)}次数不足（要求至少${s(a.min)}次，实际${s(a.actual)}次）`;
  },
  quorum: (a) =>
    a.base === 'committee'
      ? `${s(a.date)} ${activity(a.type, 'zh')}到会委员${s(a.present)}人，委员共${s(a.expected)}人，未超过${ratioZh(s(a.ratio))}`
      : `${s(a.date)} ${activity(a.type, 'zh')}到会${s(a.present)}人，应到${s(a.expected)}人，未超过${ratioZh(s(a.ratio))}`,
  'fields.record': (a) => `${s(a.date)} ${activity(a.type, 'zh')}记录不完整，缺少：${fieldsZh(a.fields)}`,
  'fields.member': (a) => `党员${s(a.name)}缺少：${fieldsZh(a.fields)}`,
  'fields.project': (a) => `项目“${s(a.name)}”缺少：${fieldsZh(a.fields)}`,
  'fields.branch': (a) => `支部缺少：${fieldsZh(a.fields)}`,
  size: (a) => {
    const of = a.of === 'committee' ? '支部委员' : a.of === 'members' ? '党员' : '正式党员';
    const bound = a.bound === 'below' ? '少于' : a.bound === 'above' ? '多于' : '达到';
    return `${of}${s(a.count)}人，${bound}${s(a.limit)}人，不符合“${s(a.title)}”`;
  },
  role: (a) =>
    `${roleZh(a.role)}${s(a.name)}${a.problem === 'not-member' ? '不在本支部党员名单中' : a.problem === 'inactive' ? '已不在本支部（组织关系已转出）' : '不是正式党员（预备党员没有被选举权）'}`,
  deadline: (a) => {
    const late = !pending(a);
    if (a.target === 'branch') return late ? `本届支部委员会（书记）任期已于${s(a.due)}届满，逾期${s(a.overdue)}天未换届` : `本届支部委员会（书记）任期将于${s(a.due)}届满（${daysLeft(a)}），请及时启动换届`;
    if (a.target === 'probationary-members') return late ? `预备党员${s(a.subject)}预备期已于${s(a.due)}期满，逾期${s(a.overdue)}天未讨论转正` : `预备党员${s(a.subject)}预备期将于${s(a.due)}期满（${daysLeft(a)}），请及时讨论转正`;
    return late ? `整改事项“${s(a.subject)}”时限为${s(a.due)}，已逾期${s(a.overdue)}天未完成` : `整改事项“${s(a.subject)}”时限为${s(a.due)}（${daysLeft(a)}）`;
  },
  extension: (a) =>
    a.target === 'probationary-members'
      ? `预备党员${s(a.subject)}的预备期延长至${s(a.extended)}，超过预备期满（${s(a.due)}）后${s(a.maxYears)}年（${s(a.limit)}）；延长预备期不能超过一年`
      : `“${s(a.subject)}”延期至${s(a.extended)}，超过原期限（${s(a.due)}）后${s(a.maxYears)}年（${s(a.limit)}）`,
  reference: (a) => (a.value ? `党员${s(a.name)}所在党小组“${s(a.value)}”不存在（现有：${listText(a.known, 'zh')}）` : `党员${s(a.name)}未编入党小组`),
  variety: (a) => `${period(a)}${pending(a) ? '目前' : ''}${what(a)}${s(a.count)}次，形式均为“${form(a.form, 'zh')}”${pending(a) ? `（${daysLeft(a)}，可安排其他形式）` : ''}`,
  forbid: (a) => `${s(a.date)} ${activity(a.type, 'zh')}形式为“${form(a.form, 'zh')}”${a.topic ? `（${s(a.topic)}）` : ''}`,
  participation: (a) =>
    pending(a)
      ? `${period(a)}党员${s(a.name)}尚未参加${what(a)}（要求至少${s(a.min)}次，${daysLeft(a)}）`
      : `${period(a)}党员${s(a.name)}未参加${what(a)}（要求至少${s(a.min)}次，实际${s(a.actual)}次）`,
  dues: (a) => (pending(a) ? `${period(a)}党员${s(a.name)}尚未交纳党费（${daysLeft(a)}）` : `${period(a)}党员${s(a.name)}未交纳党费`),
  run: (a) => {
    const months = Array.isArray(a.months) ? a.months : [];
    return `党员${s(a.name)}连续${months.length}个月${a.lacking === 'dues' ? '未交纳党费' : '未参加组织生活'}（${listText(months, 'zh')}）`;
  },
  sum: (a) =>
    `${period(a)}党员${s(a.name)}学习培训${pending(a) ? '目前' : ''}${s(a.total)}学时，${pending(a) ? '尚' : ''}不足${s(a.min)}学时${a.cadre ? '（支委标准）' : ''}${pending(a) ? `（${daysLeft(a)}）` : ''}`,
  names: (a) => `${s(a.date)} ${activity(a.type, 'zh')}记录中的${listText(a.names, 'zh')}不是本支部党员（非党员请列为列席人员）`,
  conflict: (a) => `${s(a.date)} ${activity(a.type, 'zh')}：${listText(a.names, 'zh')}同时出现在到会和缺席名单中`,
  duplicate: (a) => `${s(a.date)} ${activity(a.type, 'zh')}与第${Number(a.first) + 1}条活动记录重复（${keyFieldsZh(a.fields)}相同）`,
  'future-dated': (a) =>
    a.kind === 'activities'
      ? `${activity(a.type, 'zh')}日期 ${s(a.date)} 晚于今天（${s(a.today)}），疑为录入错误或提前登记，未计入检查`
      : `${a.kind === 'training' ? '个人学习培训' : '项目进展'}（${s(a.subject)}）日期 ${s(a.date)} 晚于今天（${s(a.today)}），疑为录入错误或提前登记，未计入检查`,
  progress: (a) => `${period(a)}项目“${s(a.name)}”${pending(a) ? `尚无进展记录（${daysLeft(a)}）` : '没有进展记录'}`,
  coverage: (a) => `单位“${s(a.unit)}”有党员${s(a.members)}人，${Number(a.members) >= Number(a.branchAt) ? '未被任何党支部覆盖' : '未建立党支部或党小组'}`,
  'liaison-assigned': (a) => (a.liaison ? `领导干部${s(a.name)}的联系点“${s(a.liaison)}”不存在` : `领导干部${s(a.name)}未确定联系点`),
  'leader-participation': (a) => {
    const where = `${s(a.branch)}${a.group ? `/${s(a.group)}` : ''}`;
    const p = `${period(a)}领导干部${s(a.name)}`;
    return pending(a) ? `${p}尚未${what(a)}（${where}，要求至少${s(a.min)}次，${daysLeft(a)}）` : `${p}未${what(a)}（${where}，要求至少${s(a.min)}次，实际${s(a.actual)}次）`;
  },
} satisfies Record<string, Message>;
