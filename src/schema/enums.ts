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
export type ThemeDayForm = keyof typeof themeDayForms;
