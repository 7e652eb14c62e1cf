import { z } from 'zod';
import { activityTypes, branchKinds, extraLabels, memberStatuses, onMapping, projectStatuses, recordProblems, rectificationStatuses, themeDayForms } from './enums.js';
import { about, count, date, enumOf, hours, month, names, optionalDate, optionalText, periodRef, record, text } from './fields.js';

/** Every record refinement, by schema (its name in recordProblems): validate.ts plans a record only with its refinement listed here. */
export const refinements = new Map<z.ZodType, keyof typeof recordProblems>();

/** A record with a refinement written as data (its issues, enums.ts), so the fast validator needs no copy of it. */
function refined<T extends z.ZodType>(schema: T, name: keyof typeof recordProblems, options?: { when: (payload: { value: unknown }) => boolean }): T {
  const out = schema.superRefine((value, ctx) => {
    for (const issue of recordProblems[name](value as Record<string, unknown>)) ctx.addIssue(issue as Parameters<typeof ctx.addIssue>[0]);
  }, options) as unknown as T;
  refinements.set(out, name);
  return out;
}

const training = record({
  date: about(date, '培训日期', 'Date of the training'),
  hours: about(hours, '学时', 'Hours'),
  title: about(optionalText, '培训名称', 'Title'),
});
const indicator = record({
  name: about(optionalText, '指标名称', 'Indicator name'),
  target: about(z.union([z.string(), z.number()]).nullish(), '目标值', 'Target'),
  actual: about(z.union([z.string(), z.number()]).nullish(), '完成值', 'Actual value'),
});

export const member = record({
  name: about(text, '姓名，在本文件中唯一', 'Name, unique in the file'),
  status: about(enumOf(memberStatuses), '党员类别：full 正式党员、probationary 预备党员', 'full (正式党员) or probationary (预备党员)'),
  admitted: about(optionalDate, '入党时间（接收为预备党员的日期）', 'Date admitted as a probationary member'),
  confirmed: about(optionalDate, '转正时间', 'Date converted to full member'),
  since: about(optionalDate, '组织关系转入本支部的日期；省略表示一直在本支部', 'Date joined this branch; absent = before any period'),
  until: about(optionalDate, '组织关系转出（或去世）的日期；省略表示仍在本支部', 'Date left this branch; absent = still a member'),
  group: about(optionalText, '所在党小组名称', 'The 党小组 the member belongs to'),
  leader: about(z.boolean().nullish(), '是否党员领导干部（true/false）', 'true for a leading cadre (党员领导干部)'),
  excused: about(z.boolean().nullish(), '因年老体弱、长期病休、出国等长期不能参加组织生活（true 时不计入到会基数和“不参加组织生活”）', 'true when long-term unable to attend (illness, abroad): not counted for quorum or inactivity'),
  probation_until: about(optionalDate, '延长预备期的截止日期', 'End of an extended probation'),
  dues: about(z.array(month).nullish(), '已交党费的月份列表（YYYY-MM）', 'Months (YYYY-MM) whose party dues are paid'),
  training: about(z.array(training).nullish(), '个人参加的支部活动以外的学习培训', 'Individual training outside branch activities'),
  indicators: about(z.array(indicator).nullish(), '党员双提升指标', 'Performance indicators (党员双提升)'),
});

export const group = record({
  name: about(text, '党小组名称', 'Group name'),
  leader: about(optionalText, '党小组组长姓名', 'Group leader'),
});

const absentee = record({
  name: about(text, '缺席党员姓名', 'Name of the absent member'),
  reason: about(optionalText, '缺席原因', 'Reason'),
});

export const activity = refined(record({
  type: about(enumOf(activityTypes), '活动类型：支部党员大会、支部委员会会议、党小组会、党课、主题党日、组织生活会、民主评议党员、谈心谈话、集中学习培训、换届选举、预备党员转正讨论、其他（或对应英文）', 'Activity type: general-meeting, committee-meeting, group-meeting, party-lecture, theme-day, life-meeting, democratic-review, heart-to-heart, training, election, probation-review, other (or the Chinese label)'),
  date: about(date, '实际举行日期', 'Date held'),
  topic: about(optionalText, '议题或主题', 'Topic'),
  host: about(optionalText, '主持人（谈心谈话：谈话人）', 'Who chaired it (heart-to-heart: who led the talk)'),
  recorder: about(optionalText, '记录人', 'Who took the minutes'),
  attendees: about(names, '参会党员姓名列表（本支部党员）', 'Members present (names of this branch\'s members)'),
  expected: about(count, '应到人数（导出数据只有人数、没有名单时使用）', 'Expected count, for exports with counts instead of names'),
  present: about(count, '实到人数（换届选举：到会有选举权的党员数）', 'Present count (election: voters present)'),
  absentees: about(z.array(absentee).nullish(), '缺席党员及原因', 'Members absent, with the reason'),
  guests: about(names, '列席人员（联系领导、入党积极分子、群众等非本支部党员）', 'Non-members present (liaison leaders, activists, others)'),
  minutes: about(z.union([z.string(), z.boolean()]).nullish(), '会议记录内容；纸质记录写 true', 'Minutes (text), or true when kept on paper'),
  group: about(optionalText, '党小组会：哪个党小组（必填）', 'group-meeting only (required): which 党小组'),
  lecturer: about(optionalText, '党课：授课人（必填）', 'party-lecture only (required): the lecturer'),
  form: about(enumOf(themeDayForms, extraLabels.themeDayForms).nullish(), '主题党日：活动形式（必填）：专题学习、研究讨论、解决党员具体问题、思想政治工作、创先争优、志愿服务、红色教育基地参观学习、娱乐、其他', 'theme-day only (required): study, discussion, problem-solving, ideological, excellence, volunteer, red-education, entertainment, other'),
  hours: about(hours.nullish(), '计入每名参加者的学时（集中学习培训必填）', 'Study hours credited to every attendee (required for training)'),
  with: about(names, '谈心谈话：谈话对象（必填）', 'heart-to-heart only (required): who the talk was with'),
  member: about(optionalText, '预备党员转正讨论：讨论谁的转正（必填）', 'probation-review only (required): whose conversion was discussed'),
  eligible: about(count, '换届选举：有选举权的党员数（必填）', 'election only (required): members with the right to vote'),
  address: about(optionalText, '会议地点', 'Place'),
  decision: about(optionalText, '会议决议', 'Decision'),
}), 'activity');

const progress = record({
  date: about(date, '进展日期', 'Date'),
  note: about(optionalText, '进展说明', 'Note'),
});

export const project = record({
  name: about(text, '项目名称', 'Project name'),
  approved: about(optionalDate, '立项日期', 'Date approved'),
  owner: about(optionalText, '责任人', 'Owner'),
  goals: about(z.array(z.string()).nullish(), '目标列表', 'Goals'),
  status: about(enumOf(projectStatuses).nullish(), '状态：ongoing 进行中（默认）、done 已完成', 'ongoing (default) or done'),
  progress: about(z.array(progress).nullish(), '进展记录', 'Progress entries'),
});

export const rectification = record({
  issue: about(text, '问题描述', 'The problem'),
  rule: about(optionalText, '发现该问题的规则 id（可选）', 'The rule that found it (optional)'),
  found: about(optionalDate, '发现日期', 'Date found'),
  deadline: about(optionalDate, '整改时限', 'Deadline'),
  owner: about(optionalText, '整改责任人', 'Owner'),
  status: about(enumOf(rectificationStatuses).nullish(), '状态：open 待整改（默认）、done 已整改', 'open (default) or done'),
  done: about(optionalDate, '整改完成日期（status 为 done 时）', 'Date done (when status is done)'),
});

export const exemption = record({
  rule: about(text, '豁免的规则 id', 'The rule waived'),
  subject: about(optionalText, '只豁免关于此对象（党员、党小组、项目……）的问题', 'Only findings about this subject (member, group, project …)'),
  period: about(periodRef.nullish(), '豁免期间：月 2026-02、季度 2026Q1 或年 2026；省略表示任何期间', 'A month (2026-02), quarter (2026Q1) or year (2026); absent = any period'),
  reason: about(text, '豁免理由', 'Reason'),
  approved_by: about(optionalText, '批准单位或人', 'Approved by'),
  expires: about(optionalDate, '失效日期；过期后不再豁免', 'Expiry date; an expired waiver no longer applies'),
});

export const branchHeader = record({
  id: about(text, '支部编号，所有文件中唯一，如 pb-003', 'Branch id, unique across all files, e.g. pb-003'),
  name: about(text, '支部名称，如 第三项目部党支部', 'Branch name'),
  kind: about(enumOf(branchKinds).nullish(), '组织类型：branch 党支部（默认）、general-branch 党总支、joint-branch 联合党支部', 'Kind: branch (default), general-branch (党总支) or joint-branch (联合党支部)'),
  parent: about(optionalText, '上级党组织编号（组织文件的 organization.id）', 'Id of the organization above it (organization.id of an organization file)'),
  units: about(names, '本支部覆盖的行政单位或项目（支部建在项目上）', 'Administrative units or projects the branch covers'),
  established: about(optionalDate, '成立日期；成立前开始的期间不检查', 'Date established; periods that began before it are not checked'),
  secretary: about(text, '支部书记姓名（须为本支部正式党员）', 'Secretary: a full member of this branch'),
  deputy_secretaries: about(names, '副书记姓名列表', 'Deputy secretaries'),
  committee: about(names, '支部委员会委员姓名列表；不设支委会则省略', 'Committee members (支部委员会); absent or empty = no committee'),
  elected: about(optionalDate, '本届支部委员会（或书记）选举日期，任期 3 年从此起算', 'Date the current committee (or secretary) was elected; the 3-year term counts from it'),
});

/** Both files' waivers. */
const exemptions = about(z.array(exemption).nullish(), '经批准的豁免（如春节停工期间不开支委会）', 'Approved waivers');

/** Lets a document-level check run when fields failed, so all its errors come in one run. */
const evenWithErrors = { when: (payload: { value: unknown }) => onMapping(payload) };

/** A branch file document (docs/records.md, "Branch file"). */
export const branchDocument = refined(record({
  branch: about(branchHeader, '党支部基本信息（支部文件的第一个键）', 'The branch header (the first key of a branch file)'),
  members: about(z.array(member).nullish(), '党员名册', 'Members (党员)'),
  groups: about(z.array(group).nullish(), '党小组', 'Party groups (党小组)'),
  activities: about(z.array(activity).nullish(), '三会一课、主题党日等全部有日期的活动记录，顺序不限', 'Every dated activity (meetings, lectures, theme days …), in any order'),
  projects: about(z.array(project).nullish(), '两带两创等活动载体项目', 'Activity projects (两带两创 and similar)'),
  rectifications: about(z.array(rectification).nullish(), '以前发现的问题及整改情况', 'Problems found earlier and their rectification'),
  exemptions,
}), 'branchDocument', evenWithErrors);

export const leader = record({
  name: about(text, '姓名', 'Name'),
  title: about(optionalText, '职务', 'Title'),
  branch: about(optionalText, '本人所在支部编号（双重组织生活）', 'The branch the leader is a member of (dual organizational life)'),
  liaison: about(optionalText, '联系点：支部编号，或 支部编号/党小组名称', 'Liaison: a branch id, or branch-id/group name'),
});
export const unit = record({
  name: about(text, '单位或项目名称', 'Unit or project name'),
  party_members: about(z.number().int().min(0), '在该单位工作的正式党员人数', 'Full party members working there'),
});

/** An organization file document (docs/records.md, "Organization file"). */
export const organizationDocument = refined(record({
  organization: about(record({
    id: about(text, '党组织编号，支部的 branch.parent 指向它', 'Organization id, referred to by branch.parent'),
    name: about(text, '党组织名称，如 XX公司党委', 'Organization name'),
  }), '上级党组织（党委）基本信息（组织文件的第一个键）', 'The organization header (the first key of an organization file)'),
  leaders: about(z.array(leader).nullish(), '党员领导干部及其联系点', 'Leading cadres and the branch each liaises with'),
  units: about(z.array(unit).nullish(), '行政单位和项目（检查支部是否建在项目上）', 'Administrative units and projects (is every one covered by a branch?)'),
  exemptions,
}), 'organizationDocument', evenWithErrors);

export type BranchDocument = z.output<typeof branchDocument>;
export type OrganizationDocument = z.output<typeof organizationDocument>;
