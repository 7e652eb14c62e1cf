import type { Evaluation } from '../../engine/finding.js';
import { escapeHtml, scriptJson } from '../../escape/html.js';
import type { BranchInfo } from '../../engine/run.js';
import { periodText } from '../../i18n/format.js';
import type { Lang } from '../../i18n/index.js';
import { scoredBranch, type ScoreReport } from '../../score/score.js';
import type { Report } from '../report.js';
import { client } from './client.js';
import { pageData } from './data.js';
import { families, familyPeriods, heatmapCells, windowMonths } from './heatmap.js';
import { style } from './style.js';

export interface HtmlInput {
  report: Report;
  scores: ScoreReport;
  /** Every evaluation of the run (the heatmap's cells). */
  evaluations: readonly Evaluation[];
  branches: readonly Pick<BranchInfo, 'id' | 'name' | 'file' | 'line'>[];
  liaisons: ReadonlyMap<string, ReadonlyMap<string, string | null>>;
  lang: Lang;
  /** Which command wrote the page (its title). */
  view: 'check' | 'score';
}

const labels = {
  zh: {
    titleCheck: '党支部标准化规范化建设检查报告', titleScore: '党支部考核评分', overview: '总览', heatmap: '热力图', findings: '问题清单', branchView: '支部', ranking: '排名',
    branches: '支部', average: '平均分', errors: '违规（错误）', warnings: '违规（警告）', pending: '待完成', exempted: '已豁免', inputErrors: '输入错误',
    gradeDistribution: '等级分布', categoryLosses: '各类别失分', rank: '名次', branch: '支部', total: '总分', grade: '等级', lost: '主要扣分', veto: '一票否决',
    more: '已显示 {shown} / {total}，显示更多', searchBranch: '搜索支部', searchFindings: '搜索问题', all: '全部', category: '类别', severityLabel: '严重程度', statusLabel: '状态',
    message: '问题', where: '位置', count: '共 {n} 项', daysLeft: '还剩{n}天', scoreSheet: '考核评分表', pendingItems: '待完成事项', none: '无', back: '返回总览', print: '打印本支部',
    printAll: '打印全部支部评分表', weight: '分值', item: '扣分项', times: '次数', points: '扣分', score: '得分',
    naHint: '不适用：支部尚未成立、规则未启用、已豁免或期间尚未开始',
    state: { met: '达标', unmet: '未达标', pending: '进行中', na: '不适用' },
    severity: { error: '错误', warning: '警告', info: '提示' },
    status: { violation: '违规', pending: '待完成' },
  },
  en: {
    titleCheck: 'Branch standardization check', titleScore: 'Branch assessment', overview: 'Overview', heatmap: 'Heatmap', findings: 'Findings', branchView: 'Branch', ranking: 'Ranking',
    branches: 'Branches', average: 'Average score', errors: 'Errors', warnings: 'Warnings', pending: 'Pending', exempted: 'Exempted', inputErrors: 'Input errors',
    gradeDistribution: 'Grades', categoryLosses: 'Points lost by category', rank: 'Rank', branch: 'Branch', total: 'Total', grade: 'Grade', lost: 'Points lost', veto: 'Veto',
    more: 'Showing {shown} of {total}; show more', searchBranch: 'Find a branch', searchFindings: 'Search findings', all: 'all', category: 'Category', severityLabel: 'Severity', statusLabel: 'Status',
    message: 'Finding', where: 'Where', count: '{n} findings', daysLeft: '{n} days left', scoreSheet: 'Score sheet', pendingItems: 'Still due', none: 'none', back: 'Back to the overview', print: 'Print this branch',
    printAll: 'Print every branch sheet', weight: 'Weight', item: 'Deduction', times: 'Count', points: 'Points', score: 'Score',
    naHint: 'Not applicable: branch not yet established, rule off, exempted, or the period has not started',
    state: { met: 'met', unmet: 'unmet', pending: 'pending', na: 'not applicable' },
    severity: { error: 'error', warning: 'warning', info: 'info' },
    status: { violation: 'violation', pending: 'pending' },
  },
};

/** A heatmap column's heading: 7月 / 07 within one year, 2026-07 when the window spans years; 第三季度 / Q3. */
function columnText(label: string, lang: Lang, manyYears: boolean): string {
  if (label.length === 7) return manyYears ? label : lang === 'zh' ? `${Number(label.slice(5))}月` : label.slice(5);
  return manyYears ? label : periodText(label, lang).replace(/^\d{4}年?\s?/, '');
}

/**
 * The inspection view as one self-contained HTML file (no network): overview tiles, grade
 * distribution, ranking, the branch × month heatmap per requirement family (from the
 * evaluations, never from the absence of findings), findings with filters, and a printable
 * page per branch. All record text goes in as JSON and is rendered with textContent.
 */
export function formatHtml(input: HtmlInput): string {
  const { report, scores, lang } = input;
  const l = labels[lang];
  const months = windowMonths(report.window);
  const manyYears = months.length > 0 && months[0]?.slice(0, 4) !== months[months.length - 1]?.slice(0, 4);
  const ids = input.branches.map((b) => b.id);
  const known = new Set(ids);
  const data = {
    lang,
    labels: l,
    summary: report.summary,
    grades: scores.grades,
    families: families.map((f) => ({ key: f.key, name: f.name[lang], rules: f.rules, periods: familyPeriods(f, months).map((p) => ({ ...p, text: columnText(p.label, lang, manyYears) })) })),
    ...pageData({
      findings: report.findings,
      scores,
      countsAgainst: report.findings.map((f) => scoredBranch(f, known, input.liaisons)),
      places: new Map(input.branches.map((b) => [b.id, b])),
      cells: heatmapCells(input.evaluations, ids, months),
    }),
  };
  const title = input.view === 'score' ? l.titleScore : l.titleCheck;
  const subtitle = lang === 'zh' ? `${periodText(report.window.label, 'zh')}（${report.window.from} 至 ${report.window.to}） · 检查日 ${report.asOf} · zhibu ${report.version}` : `${report.window.label} (${report.window.from} to ${report.window.to}) · checked on ${report.asOf} · zhibu ${report.version}`;
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="zhibu ${escapeHtml(report.version)}">
<title>${escapeHtml(`${title} ${report.window.label}`)}</title>
<style>${style}</style>
</head>
<body>
<header><h1>${escapeHtml(title)}</h1><p>${escapeHtml(subtitle)}</p></header>
<nav><a href="#overview">${escapeHtml(l.overview)}</a><a href="#heatmap">${escapeHtml(l.heatmap)}</a><a href="#findings">${escapeHtml(l.findings)}</a><button id="print-all-button" type="button">${escapeHtml(l.printAll)}</button></nav>
<main>
<div id="overview"></div>
<section id="heatmap"></section>
<section id="findings"></section>
<div id="branch-view"></div>
<div id="print-all"></div>
</main>
<div id="tip" role="tooltip"></div>
<script id="zhibu-data" type="application/json">${scriptJson(data)}</script>
<script>${client}</script>
</body>
</html>
`;
}
