import { periodText } from '../i18n/format.js';
import type { Lang } from '../i18n/index.js';
import type { ScoreReport } from './score.js';

const zh = {
  title: '考核评分表',
  notice: '党支部考核评分情况通报',
  summarySheet: '汇总',
  rank: '名次',
  branch: '支部',
  branchId: '支部编号',
  name: '支部名称',
  total: '总分',
  grade: '等级',
  veto: '一票否决',
  lost: '主要扣分',
  seq: '序号',
  category: '考核类别',
  weight: '分值',
  item: '扣分项',
  count: '次数',
  points: '扣分',
  where: '问题位置',
  selfScore: '自评分',
  assessed: '考核分',
  pending: '待完成事项',
  daysLeft: (n: number) => `还剩${n}天`,
  gradeCounts: '等级分布',
  topLosses: '失分最多的类别',
  window: (r: ScoreReport) => `检查期间：${periodText(r.window.label, 'zh') === r.window.label ? r.window.label : periodText(r.window.label, 'zh')}（${r.window.from} 至 ${r.window.to}），检查日：${r.asOf}`,
  branches: (n: number) => `共 ${n} 个支部`,
  none: '无',
  noBranches: '没有检查到支部。',
  details: '扣分明细',
  signature: '考核人：__________    支部书记：__________    日期：__________',
};

const en: typeof zh = {
  title: 'Assessment sheet',
  notice: 'Branch assessment notice',
  summarySheet: 'Summary',
  rank: 'Rank',
  branch: 'Branch',
  branchId: 'Branch id',
  name: 'Branch name',
  total: 'Total',
  grade: 'Grade',
  veto: 'Veto',
  lost: 'Points lost',
  seq: 'No.',
  category: 'Category',
  weight: 'Weight',
  item: 'Deduction',
  count: 'Count',
  points: 'Points',
  where: 'Where',
  selfScore: 'Self-assessed',
  assessed: 'Assessed',
  pending: 'Still due',
  daysLeft: (n: number) => `${n} days left`,
  gradeCounts: 'Grades',
  topLosses: 'Categories losing most points',
  window: (r: ScoreReport) => `Window: ${r.window.label} (${r.window.from} to ${r.window.to}), checked on ${r.asOf}`,
  branches: (n: number) => `${n} branches`,
  none: 'none',
  noBranches: 'No branch was checked.',
  details: 'Deductions',
  signature: 'Assessor: __________    Secretary: __________    Date: __________',
};

/** Words of the score reports in a language. */
export function scoreLabels(lang: Lang): typeof zh {
  return lang === 'en' ? en : zh;
}

/** A number as the sheets print it: 92.5, 26, 0.5. */
export const points = (n: number) => String(Math.round(n * 100) / 100);
