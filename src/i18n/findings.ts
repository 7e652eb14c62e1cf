import type { Finding } from '../engine/finding.js';
import { activityTypes, themeDayForms } from '../schema/enums.js';
import type { Args, Lang } from './index.js';

type Render = (a: Args, f: Finding, title: string) => string;
const s = (v: unknown) => String(v ?? '');
const cnNumerals = ['', '一', '二', '三', '四'];
const monthsEn = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The part of a quarter or month label below the year: 第三季度 / Q3, 8月 / Aug. */
export function periodPart(label: string, lang: Lang): string {
  if (label[4] === 'Q') return lang === 'zh' ? `第${cnNumerals[Number(label[5])]}季度` : `Q${label[5]}`;
  return lang === 'zh' ? `${Number(label.slice(5))}月` : (monthsEn[Number(label.slice(5)) - 1] ?? label);
}

/** A period label (2026-08, 2026Q3, 2026) in words. */
export function periodText(label: string, lang: Lang): string {
  const year = label.slice(0, 4);
  if (label.length === 4) return lang === 'zh' ? `${year}年` : year;
  if (label[4] === 'Q') return lang === 'zh' ? `${year}年${periodPart(label, lang)}` : `${year} ${periodPart(label, lang)}`;
  if (label.length === 7) return lang === 'zh' ? `${year}年${periodPart(label, lang)}` : `${periodPart(label, lang)} ${year}`;
  return label;
}

const local = (v: unknown, lang: Lang) => (typeof v === 'string' ? v : v && typeof v === 'object' ? s((v as Record<string, unknown>)[lang]) : '');
const fieldZh: Record<string, string> = {
  topic: '议题', host: '主持人', recorder: '记录人', 'attendees/present': '到会情况', minutes: '会议记录', owner: '责任人', goals: '目标', elected: '本届选举日期', 'indicators.target': '有目标值的“双提升”指标',
};
const ratioZh = (r: string) => (r === '1/2' ? '半数' : r === '4/5' ? '五分之四' : r === '2/3' ? '三分之二' : r);
const typeZh = (t: unknown) => activityTypes[s(t) as keyof typeof activityTypes] ?? s(t);
const formZh = (t: unknown) => themeDayForms[s(t) as keyof typeof themeDayForms] ?? s(t);
const list = (v: unknown, sep: string) => (Array.isArray(v) ? v.map(String).join(sep) : s(v));

const zh: Record<string, Render> = {
  count: (a) => {
    const p = periodText(s(a.period), 'zh') + (a.subject ? s(a.subject) : '');
    const what = local(a.what, 'zh');
    if (a.status === 'pending') return `${p}尚未${what}（要求至少${s(a.min)}次，目前${s(a.actual)}次，还剩${s(a.daysLeft)}天）`;
    return Number(a.actual) === 0 ? `${p}未${what}（要求至少${s(a.min)}次，实际0次）` : `${p}${what}次数不足（要求至少${s(a.min)}次，实际${s(a.actual)}次）`;
  },
  quorum: (a) =>
    a.base === 'committee'
      ? `${s(a.date)} ${typeZh(a.type)}到会委员${s(a.present)}人，委员共${s(a.expected)}人，未超过${ratioZh(s(a.ratio))}`
      : `${s(a.date)} ${typeZh(a.type)}到会${s(a.present)}人，应到${s(a.expected)}人，未超过${ratioZh(s(a.ratio))}`,
  'fields.record': (a) => `${s(a.date)} ${typeZh(a.type)}记录不完整，缺少：${(a.fields as string[]).map((f) => fieldZh[f] ?? f).join('、')}`,
  'fields.member': (a) => `党员${s(a.name)}缺少：${(a.fields as string[]).map((f) => fieldZh[f] ?? f).join('、')}`,
  'fields.project': (a) => `项目“${s(a.name)}”缺少：${(a.fields as string[]).map((f) => fieldZh[f] ?? f).join('、')}`,
  'fields.branch': (a) => `支部缺少：${(a.fields as string[]).map((f) => fieldZh[f] ?? f).join('、')}`,
  size: (a, _f, title) => {
    const of = a.of === 'committee' ? '支部委员' : a.of === 'members' ? '党员' : '正式党员';
    const bound = a.bound === 'below' ? '少于' : a.bound === 'above' ? '多于' : '达到';
    return `${of}${s(a.count)}人，${bound}${s(a.limit)}人，不符合“${title}”`;
  },
  role: (a) =>
    `书记${s(a.name)}${a.problem === 'not-member' ? '不在本支部党员名单中' : a.problem === 'inactive' ? '已不在本支部（组织关系已转出）' : '不是正式党员（预备党员没有被选举权）'}`,
  deadline: (a, f) => {
    const late = f.status === 'violation';
    if (a.target === 'branch') return late ? `本届支部委员会（书记）任期已于${s(a.due)}届满，逾期${s(a.overdue)}天未换届` : `本届支部委员会（书记）任期将于${s(a.due)}届满（还剩${s(a.daysLeft)}天），请及时启动换届`;
    if (a.target === 'probationary-members') return late ? `预备党员${s(a.subject)}预备期已于${s(a.due)}期满，逾期${s(a.overdue)}天未讨论转正` : `预备党员${s(a.subject)}预备期将于${s(a.due)}期满（还剩${s(a.daysLeft)}天），请及时讨论转正`;
    return late ? `整改事项“${s(a.subject)}”时限为${s(a.due)}，已逾期${s(a.overdue)}天未完成` : `整改事项“${s(a.subject)}”时限为${s(a.due)}（还剩${s(a.daysLeft)}天）`;
  },
  reference: (a) => (a.value ? `党员${s(a.name)}所在党小组“${s(a.value)}”不存在（现有：${list(a.known, '、')}）` : `党员${s(a.name)}未编入党小组`),
  variety: (a, f) => `${periodText(s(a.period), 'zh')}${f.status === 'pending' ? '目前' : ''}${local(a.what, 'zh')}${s(a.count)}次，形式均为“${formZh(a.form)}”${f.status === 'pending' ? `（还剩${s(a.daysLeft)}天，可安排其他形式）` : ''}`,
  forbid: (a) => `${s(a.date)} ${typeZh(a.type)}形式为“${formZh(a.form)}”${a.topic ? `（${s(a.topic)}）` : ''}`,
  participation: (a, f) =>
    f.status === 'pending'
      ? `${periodText(s(a.period), 'zh')}党员${s(a.name)}尚未参加${local(a.what, 'zh')}（要求至少${s(a.min)}次，还剩${s(a.daysLeft)}天）`
      : `${periodText(s(a.period), 'zh')}党员${s(a.name)}未参加${local(a.what, 'zh')}（要求至少${s(a.min)}次，实际${s(a.actual)}次）`,
  dues: (a, f) => (f.status === 'pending' ? `${periodText(s(a.period), 'zh')}党员${s(a.name)}尚未交纳党费（还剩${s(a.daysLeft)}天）` : `${periodText(s(a.period), 'zh')}党员${s(a.name)}未交纳党费`),
  run: (a) => {
    const months = a.months as string[];
    return `党员${s(a.name)}连续${months.length}个月${a.lacking === 'dues' ? '未交纳党费' : '未参加组织生活'}（${months.join('、')}）`;
  },
  sum: (a, f) =>
    `${periodText(s(a.period), 'zh')}党员${s(a.name)}学习培训${f.status === 'pending' ? '目前' : ''}${s(a.total)}学时，${f.status === 'pending' ? '尚' : ''}不足${s(a.min)}学时${a.cadre ? '（支委标准）' : ''}${f.status === 'pending' ? `（还剩${s(a.daysLeft)}天）` : ''}`,
  names: (a) => `${s(a.date)} ${typeZh(a.type)}记录中的${list(a.names, '、')}不是本支部党员（非党员请列入 guests）`,
  conflict: (a) => `${s(a.date)} ${typeZh(a.type)}：${list(a.names, '、')}同时出现在到会和缺席名单中`,
  duplicate: (a) => `${s(a.date)} ${typeZh(a.type)}与 activities[${s(a.first)}] 重复（类型、日期、党小组相同）`,
  'future-dated': (a) =>
    a.kind === 'activities'
      ? `${typeZh(a.type)}日期 ${s(a.date)} 晚于今天（${s(a.today)}），疑为录入错误或提前登记，未计入检查`
      : `${a.kind === 'training' ? '个人学习培训' : '项目进展'}（${s(a.subject)}）日期 ${s(a.date)} 晚于今天（${s(a.today)}），疑为录入错误或提前登记，未计入检查`,
  progress: (a, f) => `${periodText(s(a.period), 'zh')}项目“${s(a.name)}”${f.status === 'pending' ? `尚无进展记录（还剩${s(a.daysLeft)}天）` : '没有进展记录'}`,
  coverage: (a) => `单位“${s(a.unit)}”有党员${s(a.members)}人，${Number(a.members) >= Number(a.branchAt) ? '未被任何党支部覆盖' : '未建立党支部或党小组'}`,
  'liaison-assigned': (a) => (a.liaison ? `领导干部${s(a.name)}的联系点“${s(a.liaison)}”不存在` : `领导干部${s(a.name)}未确定联系点`),
  'leader-participation': (a, f) => {
    const where = `${s(a.branch)}${a.group ? `/${s(a.group)}` : ''}`;
    const p = `${periodText(s(a.period), 'zh')}领导干部${s(a.name)}`;
    return f.status === 'pending'
      ? `${p}尚未${local(a.what, 'zh')}（${where}，要求至少${s(a.min)}次，还剩${s(a.daysLeft)}天）`
      : `${p}未${local(a.what, 'zh')}（${where}，要求至少${s(a.min)}次，实际${s(a.actual)}次）`;
  },
};

const en: Record<string, Render> = {
  count: (a) => {
    const p = periodText(s(a.period), 'en') + (a.subject ? `, ${s(a.subject)}` : '');
    const what = local(a.what, 'en');
    if (a.status === 'pending') return `${p}: ${what} not yet held (at least ${s(a.min)} required, ${s(a.actual)} so far, ${s(a.daysLeft)} days left)`;
    return `${p}: ${Number(a.actual) === 0 ? 'no' : 'too few:'} ${what} (at least ${s(a.min)} required, ${s(a.actual)} held)`;
  },
  quorum: (a) => `${s(a.date)} ${s(a.type)}: ${s(a.present)} present of ${s(a.expected)} ${a.base === 'committee' ? 'committee members' : 'expected'}, not more than ${s(a.ratio)}`,
  'fields.record': (a) => `${s(a.date)} ${s(a.type)} record is incomplete, missing: ${list(a.fields, ', ')}`,
  'fields.member': (a) => `member ${s(a.name)} is missing: ${list(a.fields, ', ')}`,
  'fields.project': (a) => `project "${s(a.name)}" is missing: ${list(a.fields, ', ')}`,
  'fields.branch': (a) => `branch is missing: ${list(a.fields, ', ')}`,
  size: (a, _f, title) => `${s(a.count)} ${a.of === 'committee' ? 'committee members' : a.of === 'members' ? 'members' : 'full members'}, ${a.bound === 'below' ? 'fewer than' : a.bound === 'above' ? 'more than' : 'at least'} ${s(a.limit)}: ${title}`,
  role: (a) => `secretary ${s(a.name)} ${a.problem === 'not-member' ? 'is not among the members' : a.problem === 'inactive' ? 'has left the branch' : 'is not a full member'}`,
  deadline: (a, f) => {
    const late = f.status === 'violation';
    const what = a.target === 'branch' ? 'the committee term' : a.target === 'probationary-members' ? `the probation of ${s(a.subject)}` : `rectification "${s(a.subject)}"`;
    return late ? `${what} was due ${s(a.due)}, ${s(a.overdue)} days overdue` : `${what} is due ${s(a.due)} (${s(a.daysLeft)} days left)`;
  },
  reference: (a) => (a.value ? `member ${s(a.name)}: group "${s(a.value)}" does not exist (groups: ${list(a.known, ', ')})` : `member ${s(a.name)} is in no group`),
  variety: (a, f) => `${periodText(s(a.period), 'en')}: all ${s(a.count)} ${local(a.what, 'en')} ${f.status === 'pending' ? 'so far have' : 'had'} the form ${s(a.form)}${f.status === 'pending' ? ` (${s(a.daysLeft)} days left to vary it)` : ''}`,
  forbid: (a) => `${s(a.date)} ${s(a.type)} has the form ${s(a.form)}${a.topic ? ` (${s(a.topic)})` : ''}`,
  participation: (a, f) => `${periodText(s(a.period), 'en')}: member ${s(a.name)} ${f.status === 'pending' ? 'has not yet had' : 'had no'} ${local(a.what, 'en')} (at least ${s(a.min)} required${f.status === 'pending' ? `, ${s(a.daysLeft)} days left` : ''})`,
  dues: (a, f) => `${periodText(s(a.period), 'en')}: member ${s(a.name)} ${f.status === 'pending' ? `has not yet paid dues (${s(a.daysLeft)} days left)` : 'paid no dues'}`,
  run: (a) => `member ${s(a.name)} ${a.lacking === 'dues' ? 'paid no dues' : 'took part in no organisational life'} for ${(a.months as string[]).length} consecutive months (${list(a.months, ', ')})`,
  sum: (a, f) => `${periodText(s(a.period), 'en')}: member ${s(a.name)} has ${s(a.total)} training hours, ${f.status === 'pending' ? 'not yet ' : 'fewer than '}${s(a.min)}${a.cadre ? ' (committee standard)' : ''}${f.status === 'pending' ? ` (${s(a.daysLeft)} days left)` : ''}`,
  names: (a) => `${s(a.date)} ${s(a.type)}: ${list(a.names, ', ')} not a member of the branch (list non-members under guests)`,
  conflict: (a) => `${s(a.date)} ${s(a.type)}: ${list(a.names, ', ')} both present and absent`,
  duplicate: (a) => `${s(a.date)} ${s(a.type)} duplicates activities[${s(a.first)}] (same type, date and group)`,
  'future-dated': (a) =>
    `${a.kind === 'activities' ? s(a.type) : a.kind === 'training' ? 'training entry' : 'progress entry'} ${s(a.subject)} is dated ${s(a.date)}, after today (${s(a.today)}): a typing mistake, or recorded before it happened; not counted`,
  progress: (a, f) => `${periodText(s(a.period), 'en')}: project "${s(a.name)}" has ${f.status === 'pending' ? `no progress yet (${s(a.daysLeft)} days left)` : 'no progress recorded'}`,
  coverage: (a) => `unit "${s(a.unit)}" has ${s(a.members)} party members and is covered by no ${Number(a.members) >= Number(a.branchAt) ? 'branch' : 'branch or group'}`,
  'liaison-assigned': (a) => (a.liaison ? `leader ${s(a.name)}: liaison "${s(a.liaison)}" does not exist` : `leader ${s(a.name)} has no liaison branch`),
  'leader-participation': (a, f) =>
    `${periodText(s(a.period), 'en')}: leader ${s(a.name)} ${f.status === 'pending' ? 'has not yet had' : 'had no'} ${local(a.what, 'en')} (${s(a.branch)}${a.group ? `/${s(a.group)}` : ''}; at least ${s(a.min)} required${f.status === 'pending' ? `, ${s(a.daysLeft)} days left` : ''})`,
};

/** The message of a finding in a language; `title` is the rule's title in that language. */
export function findingMessage(finding: Finding, lang: Lang, title: string): string {
  const render = (lang === 'zh' ? zh : en)[finding.messageId];
  const args = { ...finding.args, status: finding.status };
  return render ? render(args, finding, title) : `${finding.messageId} ${JSON.stringify(finding.args)}`;
}

/** Message ids each language can render (tests check both cover every primitive). */
export const findingMessageIds = { zh: Object.keys(zh).sort(), en: Object.keys(en).sort() };
