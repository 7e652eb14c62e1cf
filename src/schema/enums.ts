import type { z } from 'zod';

/** Enumerations of docs/records.md: English token → Chinese label (extra aliases map to a token too). */
export const activityTypes = {
  'general-meeting': '支部党员大会',
  'committee-meeting': '支部委员会会议',
  'group-meeting': '党小组会',
  'party-lecture': '党课',
  'theme-day': '主题党日',
  'life-meeting': '组织生活会',
  'democratic-review': '民主评议党员',
  'heart-to-heart': '谈心谈话',
  training: '集中学习培训',
  election: '换届选举',
  'probation-review': '预备党员转正讨论',
  other: '其他',
} as const;

export const themeDayForms = {
  study: '专题学习',
  discussion: '研究讨论',
  'problem-solving': '解决党员具体问题',
  ideological: '思想政治工作',
  excellence: '创先争优',
  volunteer: '志愿服务',
  'red-education': '红色教育基地参观学习',
  entertainment: '娱乐',
  other: '其他',
} as const;

export const branchKinds = { branch: '党支部', 'general-branch': '党总支', 'joint-branch': '联合党支部' } as const;
export const memberStatuses = { full: '正式党员', probationary: '预备党员' } as const;
export const projectStatuses = { ongoing: '进行中', done: '已完成' } as const;
export const rectificationStatuses = { open: '待整改', done: '已整改' } as const;

/** Labels accepted besides the table's own: 旅游 is entertainment (docs/records.md). */
export const extraLabels: Record<string, Record<string, string>> = {
  themeDayForms: { 旅游: 'entertainment' },
};

export type ActivityType = keyof typeof activityTypes;

/** Message ids carried by custom issues; the loader turns them into input errors. */
export const issueIds = {
  date: 'date.invalid',
  month: 'month.invalid',
  period: 'period.invalid',
  unknownKey: 'key.unknown',
  required: 'field.required',
  duplicateName: 'name.duplicate',
} as const;

/** When record()'s unknown-key check runs: on any mapping, even when its fields failed. */
export const onMapping = (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value);

/** docs/records.md: a field is missing when absent, null, '' or [] (and `minutes: false`). */
export function isMissing(value: unknown): boolean {
  return value === undefined || value === null || value === '' || value === false || (Array.isArray(value) && value.length === 0);
}

const NOTHING: readonly string[] = [];

/** Fields each activity type must carry (docs/records.md, "Activity types"). */
export const requiredByType: Partial<Record<ActivityType, readonly string[]>> = {
  'group-meeting': ['group'],
  'party-lecture': ['lecturer'],
  'theme-day': ['form'],
  'heart-to-heart': ['host', 'with'],
  training: ['hours'],
  election: ['eligible', 'present'],
  'probation-review': ['member'],
};

function uniqueNames(list: unknown, at: string): z.core.$ZodRawIssue[] {
  if (!Array.isArray(list)) return [];
  const seen = new Map<string, number>();
  const issues: z.core.$ZodRawIssue[] = [];
  list.forEach((entry: unknown, index) => {
    // Runs even when other fields failed (all of a document's errors in one run): skip malformed entries.
    const name = entry !== null && typeof entry === 'object' ? (entry as { name?: unknown }).name : undefined;
    if (typeof name !== 'string' || name === '') return;
    const first = seen.get(name);
    if (first === undefined) seen.set(name, index);
    else issues.push({ code: 'custom', message: issueIds.duplicateName, path: [at, index, 'name'], params: { name, first }, input: name });
  });
  return issues;
}

/** record()'s own check (fields.ts): each key neither `known` nor `x-`, in the mapping's order. */
export function unknownKeys(value: Record<string, unknown>, known: ReadonlySet<string>): z.core.$ZodRawIssue[] {
  const issues: z.core.$ZodRawIssue[] = [];
  for (const key of Object.keys(value)) {
    if (!known.has(key) && !key.startsWith('x-')) issues.push({ code: 'custom', message: issueIds.unknownKey, path: [key], params: { key, known: [...known] }, input: value });
  }
  return issues;
}

/** The records' refinements as plain functions (their issues), by name: zod runs them, and so does the fast validator. */
export const recordProblems: Record<'activity' | 'branchDocument' | 'organizationDocument', (value: Record<string, unknown>) => z.core.$ZodRawIssue[]> = {
  // Run on every activity by the fast validator: a plain loop, without the filter and map arrays and closures of each call.
  activity: (value) => {
    const issues: z.core.$ZodRawIssue[] = [];
    for (const field of requiredByType[value.type as ActivityType] ?? NOTHING) if (isMissing(value[field])) issues.push({ code: 'custom', message: issueIds.required, path: [field], params: { field, type: value.type }, input: value });
    return issues;
  },
  branchDocument: (doc) => [...uniqueNames(doc.members, 'members'), ...uniqueNames(doc.groups, 'groups')],
  organizationDocument: (doc) => uniqueNames(doc.leaders, 'leaders'),
};
