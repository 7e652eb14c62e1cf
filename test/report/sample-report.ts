import type { Report, ReportFinding } from '../../src/report/report.js';
import type { RuleMeta } from '../../src/report/sarif.js';

/**
 * One hand-built report every machine format renders in its snapshot: an organization and two
 * branches, errors, warnings, an info (theme-day.varied-forms configured down to info), two pending
 * findings, two members with one name, a setup error and two record-file input errors, and text
 * with characters each format must escape (< & " ' % : , and a line break).
 */

export const sampleRules: RuleMeta[] = [
  { id: 'lecture.secretary-yearly', category: '三会一课', severity: 'warning', title: '支部书记每年至少讲1次党课', basis: '通行做法（practice：书记讲党课）', remedy: '支部书记每年至少为党员讲一次党课' },
  { id: 'liaison.assigned', category: '联系基层', severity: 'error', title: '党员领导干部应联系一个基层党支部或党小组', basis: '企业党员领导干部联系基层党支部制度（practice）', remedy: '为该领导干部确定联系的党支部（或党小组），在 leaders[].liaison 中写明' },
  { id: 'life-meeting.yearly', category: '组织生活', severity: 'error', title: '每年至少召开1次组织生活会', basis: '《中国共产党支部工作条例（试行）》（组织生活会每年至少1次）', remedy: '每年召开组织生活会，开展批评和自我批评' },
  { id: 'meetings.general-quarterly', category: '三会一课', severity: 'error', title: '支部党员大会每季度至少召开1次', basis: '《中国共产党支部工作条例（试行）》第十一条', remedy: '及时召开支部党员大会，完整记录议题、到会情况和决议' },
  { id: 'meetings.record-complete', category: '三会一课', severity: 'warning', title: '会议记录应完整', basis: '《中国共产党支部工作条例（试行）》（会议记录）', remedy: '补全会议记录：议题、主持人、记录人、到会情况和会议内容' },
  { id: 'member.dues-monthly', category: '党员管理', severity: 'warning', title: '党员应按月交纳党费', basis: '《关于中国共产党党费收缴、使用和管理的规定》（按月交纳）', remedy: '督促党员按月交纳党费，并在 members[].dues 中登记' },
  { id: 'org.secretary', category: '组织设置', severity: 'error', title: '支部应有书记', basis: '《中国共产党支部工作条例（试行）》', remedy: '选举产生支部书记，在 branch.secretary 中写明' },
  { id: 'theme-day.varied-forms', category: '主题党日', severity: 'info', title: '主题党日形式应多样', basis: '通行做法（practice：形式多样，不能清一色到红色教育基地参观学习）', remedy: '结合实际安排专题学习、研究讨论、解决党员具体问题、志愿服务等不同形式' },
];

const meta = new Map(sampleRules.map((r) => [r.id, r]));

type Shortfall = Pick<ReportFinding, 'rule' | 'status' | 'branch' | 'period' | 'subject' | 'message' | 'file' | 'line' | 'column'> & { daysLeft?: number; path?: string };

/** The message id each sample rule's check gives (the sample's texts are its own: formats must escape them). */
const messageIds: Record<string, ReportFinding['messageId']> = {
  'lecture.secretary-yearly': 'count',
  'liaison.assigned': 'liaison-assigned',
  'life-meeting.yearly': 'count',
  'meetings.general-quarterly': 'count',
  'meetings.record-complete': 'fields.record',
  'member.dues-monthly': 'dues',
  'org.secretary': 'role',
  'theme-day.varied-forms': 'variety',
};

function finding(s: Shortfall): ReportFinding {
  const rule = meta.get(s.rule);
  if (!rule) throw new Error(`sample uses an unknown rule ${s.rule}`);
  const { daysLeft, path, ...rest } = s;
  return {
    rule: s.rule,
    severity: rule.severity,
    status: rest.status,
    branch: rest.branch,
    period: rest.period,
    subject: rest.subject,
    message: rest.message,
    messageId: messageIds[s.rule] ?? 'count',
    args: rest.period === null ? {} : { period: rest.period },
    basis: rule.basis,
    remedy: rule.remedy,
    file: rest.file,
    line: rest.line,
    column: rest.column,
    path: path ?? null,
    category: rule.category,
    title: rule.title,
    ...(daysLeft === undefined ? {} : { daysLeft }),
  };
}

const ORG = 'records/org.yaml';
const PB1 = 'records/pb-001.yaml';
const PB2 = 'records/pb-002.yaml';

/** Record files of the sample, with what each contributes to the summary (for splitting into shards). */
export const sampleFiles: { file: string; branches: number; exempted: number }[] = [
  { file: 'records/bad.yaml', branches: 0, exempted: 0 },
  { file: ORG, branches: 0, exempted: 1 },
  { file: PB1, branches: 1, exempted: 0 },
  { file: PB2, branches: 1, exempted: 0 },
];

/** The organization's id: its findings come from every shard. */
export const sampleOrganization = 'org-001';

/** Input errors that are not about a record file (configuration): every shard reports them first. */
export const sampleSetupFiles = new Set(['zhibu.config.yaml']);

const findings: ReportFinding[] = [
  finding({ rule: 'liaison.assigned', status: 'violation', branch: 'org-001', period: null, subject: '王五', message: '领导干部王五未确定联系的党支部（或党小组）', file: ORG, line: 12, column: 5 }),
  finding({ rule: 'lecture.secretary-yearly', status: 'pending', branch: 'pb-001', period: '2026', subject: null, message: '2026年尚未由书记讲党课（要求至少1次，目前0次，还剩84天）', file: PB1, line: 2, column: 1, daysLeft: 84 }),
  finding({ rule: 'meetings.general-quarterly', status: 'violation', branch: 'pb-001', period: '2026Q3', subject: null, message: '2026年第三季度未召开支部党员大会（要求至少1次，实际0次）', file: PB1, line: 2, column: 1 }),
  finding({ rule: 'member.dues-monthly', status: 'violation', branch: 'pb-001', period: '2026-08', subject: '张三, "小张"', message: '党员张三, "小张"2026年8月未交纳党费：已交 0%，<未登记> & 待核实', file: PB1, line: 15, column: 7 }),
  finding({ rule: 'member.dues-monthly', status: 'violation', branch: 'pb-001', period: '2026-09', subject: '张三, "小张"', message: '党员张三, "小张"2026年9月未交纳党费', file: PB1, line: 15, column: 7 }),
  finding({ rule: 'meetings.record-complete', status: 'violation', branch: 'pb-001', period: null, subject: 'general-meeting@2026-09-23', message: "会议记录不完整：缺少 议题、记录人\n（'主持人' 写作 <空>）", file: PB1, line: 40, column: 5, path: 'activities[3]' }),
  finding({ rule: 'life-meeting.yearly', status: 'pending', branch: 'pb-002', period: '2026', subject: null, message: '2026年尚未召开组织生活会（要求至少1次，目前0次，还剩84天）', file: PB2, line: 1, column: 1, daysLeft: 84 }),
  finding({ rule: 'meetings.general-quarterly', status: 'violation', branch: 'pb-002', period: '2026Q3', subject: null, message: '2026年第三季度未召开支部党员大会（要求至少1次，实际0次）', file: PB2, line: 1, column: 1 }),
  finding({ rule: 'theme-day.varied-forms', status: 'violation', branch: 'pb-002', period: '2026Q3', subject: null, message: '2026年第三季度主题党日形式单一（“参观学习”3次，共3次）', file: PB2, line: 1, column: 1 }),
  finding({ rule: 'member.dues-monthly', status: 'violation', branch: 'pb-002', period: '2026-07', subject: '李四', message: '党员李四2026年7月未交纳党费', file: PB2, line: 8, column: 7 }),
  finding({ rule: 'member.dues-monthly', status: 'violation', branch: 'pb-002', period: '2026-07', subject: '张伟', message: '党员张伟2026年7月未交纳党费', file: PB2, line: 20, column: 7 }),
  finding({ rule: 'member.dues-monthly', status: 'violation', branch: 'pb-002', period: '2026-07', subject: '张伟', message: '党员张伟2026年7月未交纳党费', file: PB2, line: 26, column: 7 }),
];

/** A fresh copy of the sample report (tests may change theirs). */
export function sampleReport(): Report {
  return structuredClone({
    tool: 'zhibu',
    version: '1.0.0',
    lang: 'zh',
    asOf: '2026-10-08',
    window: { label: '2026Q3', from: '2026-07-01', to: '2026-09-30' },
    rules: sampleRules.map((r) => r.id).sort(),
    summary: {
      files: 4,
      branches: 2,
      violations: { error: 3, warning: 6, info: 1 },
      pending: 2,
      exempted: 1,
      inputErrors: 3,
    },
    findings,
    inputErrors: [
      { file: 'zhibu.config.yaml', line: 3, column: 5, message: 'rules.member.dues-monthly.severity: "fatal" 不是 error、warning、info 之一' },
      { file: 'records/bad.yaml', line: 14, column: 7, message: 'activities[3].date: 2026-02-30 is not a real date' },
      { file: PB2, line: 30, column: 9, message: 'activities[0].attendees[2]: "张伟" 出现两次 & 无法区分' },
    ],
  } satisfies Report);
}
