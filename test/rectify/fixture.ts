import type { BranchInfo } from '../../src/engine/run.js';
import type { Report, ReportFinding } from '../../src/report/report.js';

const meta: Record<string, Pick<ReportFinding, 'severity' | 'category' | 'title' | 'basis' | 'remedy'>> = {
  'meetings.general-quarterly': { severity: 'error', category: '三会一课', title: '支部党员大会每季度至少召开1次', basis: '《中国共产党支部工作条例（试行）》第十一条', remedy: '及时召开支部党员大会，完整记录议题、到会情况和决议' },
  'meetings.group-monthly': { severity: 'error', category: '三会一课', title: '党小组会每月至少召开1次', basis: '《中国共产党支部工作条例（试行）》第十三条', remedy: '各党小组每月召开党小组会，会议记录中写明是哪个党小组' },
  'meetings.record-complete': { severity: 'warning', category: '三会一课', title: '会议记录应完整', basis: '《中国共产党支部工作条例（试行）》', remedy: '补全会议记录：议题、主持人、记录人、到会情况、会议记录' },
  'member.dues-monthly': { severity: 'warning', category: '党员管理', title: '党员应按月交纳党费', basis: '《关于中国共产党党费收缴、使用和管理的规定》（按月交纳）', remedy: '督促党员按月交纳党费，并在党员名册中逐月登记交纳情况' },
  'theme-day.monthly': { severity: 'error', category: '主题党日', title: '每月开展主题党日', basis: '《中国共产党支部工作条例（试行）》', remedy: '每月开展主题党日，记录形式和内容' },
  'liaison.participation-quarterly': { severity: 'warning', category: '联系基层', title: '党员领导干部每季度至少参加1次联系点活动', basis: '企业党员领导干部联系基层党支部制度', remedy: '安排该领导干部参加联系党支部（党小组）的组织生活或活动' },
  'org.unit-coverage': { severity: 'error', category: '组织设置', title: '党员3人以上的单位应建立党支部', basis: '《中国共产党支部工作条例（试行）》（支部建在项目上）', remedy: '在该单位（项目）成立党支部，或党员不足3人时设立党小组、联合党支部' },
  'records.unknown-person': { severity: 'warning', category: '记录质量', title: '记录中的人员应为本支部党员', basis: '通行做法', remedy: '核对姓名：本支部党员应列入党员名册，非党员或外单位人员登记为列席人员' },
};

const messageIds: Record<string, ReportFinding['messageId']> = {
  'meetings.general-quarterly': 'count',
  'meetings.group-monthly': 'count',
  'meetings.record-complete': 'fields.record',
  'member.dues-monthly': 'dues',
  'theme-day.monthly': 'count',
  'liaison.participation-quarterly': 'leader-participation',
  'org.unit-coverage': 'coverage',
  'records.unknown-person': 'names',
};

const files: Record<string, string> = { corp: 'records/organization.yaml', 'pb-001': 'records/pb-001.yaml', 'pb-003': 'records/pb-003.yaml' };

/** A report finding with the rule's metadata filled in. */
export function finding(rule: string, branch: string, period: string | null, subject: string | null, message: string, extra: Partial<ReportFinding> = {}): ReportFinding {
  const m = meta[rule];
  if (!m) throw new Error(`no metadata for ${rule}`);
  const messageId = messageIds[rule] ?? 'count';
  return { rule, ...m, status: 'violation', branch, period, subject, message, messageId, args: { period }, file: files[branch] ?? `records/${branch}.yaml`, line: 1, column: 1, path: null, ...extra };
}

export const generalQ3 = finding('meetings.general-quarterly', 'pb-003', '2026Q3', null, '2026年第三季度未召开支部党员大会（要求至少1次，实际0次）');
export const dues = (month: number) => finding('member.dues-monthly', 'pb-003', `2026-0${month}`, '王五', `2026年${month}月党员王五未交纳党费`, { line: 30, args: { period: `2026-0${month}`, name: '王五' } });
const groupWhat = { zh: '召开党小组会', en: 'group meeting' };
export const group = (month: number) =>
  finding('meetings.group-monthly', 'pb-003', `2026-0${month}`, '第一党小组', `2026年${month}月第一党小组未召开党小组会（要求至少1次，实际0次）`, {
    line: 12,
    args: { period: `2026-0${month}`, what: groupWhat, min: 1, actual: 0, subject: '第一党小组' },
  });
export const recordIncomplete = finding('meetings.record-complete', 'pb-003', null, 'general-meeting@2026-07-08', '2026-07-08 支部党员大会记录不完整，缺少：会议记录', {
  line: 50,
  path: 'activities[2]',
  args: { date: '2026-07-08', type: 'general-meeting', fields: ['minutes'] },
});
export const liaison = finding('liaison.participation-quarterly', 'corp', '2026Q3', '赵六', '2026年第三季度领导干部赵六未参加联系点活动（pb-003，要求至少1次，实际0次）', {
  line: 5,
  args: { period: '2026Q3', name: '赵六', what: { zh: '参加联系点活动', en: 'activity at the liaison branch' }, branch: 'pb-003', min: 1, actual: 0 },
});
export const coverage = finding('org.unit-coverage', 'corp', null, '第五项目部', '单位“第五项目部”有党员2人，未建立党支部或党小组', { line: 12 });
export const themeDay = finding('theme-day.monthly', 'pb-001', '2026-09', null, '2026年9月未开展主题党日（要求至少1次，实际0次）');
export const duesPending = finding('member.dues-monthly', 'pb-001', '2026-10', '孙七', '2026年10月党员孙七尚未交纳党费（还剩23天）', { status: 'pending', daysLeft: 23, line: 40 });

export const q3 = { label: '2026Q3', from: '2026-07-01', to: '2026-09-30' };

/** A report as `zhibu check` builds it, sorted by file and line. */
export function report(findings: ReportFinding[], asOf = '2026-10-08', window = q3): Report {
  const sorted = [...findings].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  const violations = { error: 0, warning: 0, info: 0 };
  for (const f of sorted) if (f.status === 'violation') violations[f.severity]++;
  return {
    tool: 'zhibu',
    version: '1.0.0',
    lang: 'zh',
    asOf,
    window,
    rules: Object.keys(meta).sort(),
    summary: { files: 3, branches: 2, violations, pending: sorted.filter((f) => f.status === 'pending').length, exempted: 0, inputErrors: 0 },
    findings: sorted,
    inputErrors: [],
  };
}

export const q3Findings = [generalQ3, dues(7), dues(8), dues(9), group(7), group(8), recordIncomplete, liaison, coverage, themeDay, duesPending];

export const organizations = [{ id: 'corp', name: 'XX公司党委', file: 'records/organization.yaml' }];

/** The checked branches; `rectifications` are the branch's own records. */
export function branches(rectifications: BranchInfo['rectifications'] = []): BranchInfo[] {
  return [
    { id: 'pb-001', name: '第一项目部党支部', secretary: '张三', file: 'records/pb-001.yaml', line: 1, column: 1, rectifications: [] },
    { id: 'pb-003', name: '第三项目部党支部', secretary: '李四', file: 'records/pb-003.yaml', line: 1, column: 1, rectifications },
  ];
}
