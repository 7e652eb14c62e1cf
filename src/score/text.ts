import { markdownCell, markdownText } from '../escape/markdown.js';
import { visible } from '../escape/terminal.js';
import { csvField } from '../rectify/csv.js';
import { textWidth as displayWidth, wrapText } from '../report/wrap.js';

const wrapToWidth = (text: string, width: number) => wrapText(text, width).join('\n');
import { points, scoreLabels } from './labels.js';
import { categoryLosses, gradeCounts, type BranchScore, type ScoreReport } from './score.js';

/** What a branch lost, by category, most first: `三会一课 −8, 党员管理 −1.5`. */
export function lostText(b: BranchScore): string {
  return b.categories
    .filter((c) => c.score < c.weight)
    .sort((x, y) => y.weight - y.score - (x.weight - x.score))
    .map((c) => `${c.category} −${points(c.weight - c.score)}`)
    .join(', ');
}

/** `file:line` list, each file once: `a.yaml:3,73`, `b.yaml:5`. */
export function places(locations: readonly string[]): string[] {
  const byFile = new Map<string, string[]>();
  for (const place of locations) {
    const colon = place.lastIndexOf(':');
    const [file, line] = [place.slice(0, colon), place.slice(colon + 1)];
    const lines = byFile.get(file) ?? [];
    if (!lines.includes(line)) lines.push(line);
    byFile.set(file, lines);
  }
  return [...byFile].map(([file, lines]) => `${file}:${lines.join(',')}`);
}

const placesText = (locations: readonly string[]) => places(locations).join(' ');

const pad = (text: string, width: number, right = false) => {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
};

/** The ranking as a plain table that fits the terminal (80 columns at least), then each branch's deductions. */
export function formatScoreTerminal(report: ScoreReport, width = 80): string {
  const l = scoreLabels(report.lang);
  const cols = Math.max(80, Math.min(width, 160));
  const out = [l.title, l.window(report), ''];
  if (report.inputErrors.length > 0) {
    for (const e of report.inputErrors) out.push(`${e.file}:${e.line}:${e.column}: ${e.message}`);
    out.push('');
  }
  if (report.branches.length === 0) return `${[...out, l.noBranches].join('\n')}\n`;
  const nameWidth = Math.min(30, Math.max(displayWidth(l.branch), ...report.branches.map((b) => displayWidth(visible(b.name)))));
  const fixed = 4 + 2 + nameWidth + 2 + 6 + 2 + 8 + 2;
  const lostWidth = cols - fixed;
  out.push(`${pad(l.rank, 4, true)}  ${pad(l.branch, nameWidth)}  ${pad(l.total, 6, true)}  ${pad(l.grade, 8)}  ${l.lost}`);
  out.push('─'.repeat(Math.min(cols, fixed + displayWidth(l.lost) + 20)));
  for (const b of report.branches) {
    const shown = visible(b.name);
    const name = displayWidth(shown) > nameWidth ? wrapToWidth(shown, nameWidth - 1).split('\n')[0] + '…' : shown;
    const grade = b.veto ? `${b.grade}*` : b.grade;
    const lost = wrapToWidth(lostText(b) || '—', lostWidth).split('\n');
    out.push(`${pad(String(b.rank), 4, true)}  ${pad(name, nameWidth)}  ${pad(points(b.total), 6, true)}  ${pad(grade, 8)}  ${lost[0]}`);
    for (const more of lost.slice(1)) out.push(`${' '.repeat(fixed)}${more}`);
  }
  out.push('');
  out.push(`${l.gradeCounts}: ${gradeCounts(report).map(([g, n]) => `${g} ${n}`).join(', ')}`);
  if (report.branches.some((b) => b.veto)) out.push(`* ${l.veto}`);
  out.push('');
  out.push(`${l.details}:`);
  for (const b of report.branches) {
    const lines = b.categories.flatMap((c) => c.deductions.map((d) => `  −${points(d.points)}  ${d.rule} ×${d.count}  ${placesText(d.locations)}`));
    if (lines.length === 0) continue;
    out.push(`${b.branch} ${b.name}  ${points(b.total)}`);
    for (const line of lines) out.push(...wrapToWidth(line, cols).split('\n').map((part, i) => (i === 0 ? part : `      ${part}`)));
  }
  // Record text (names, paths) never reaches the terminal with its control characters.
  return `${visible(out.join('\n'), { lines: true })}\n`;
}

/** The score report as JSON (standards.md, Scoring), two-space indented. */
export function formatScoreJson(report: ScoreReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** One row per branch: rank, id, name, each category's score, total, grade, veto (UTF-8 with BOM, CRLF). */
export function formatScoreCsv(report: ScoreReport): string {
  const l = scoreLabels(report.lang);
  const categories = report.branches[0]?.categories.map((c) => `${c.category}(${c.weight})`) ?? [];
  const rows: (string | number)[][] = [[l.rank, l.branchId, l.name, ...categories, l.total, l.grade, l.veto]];
  for (const b of report.branches) rows.push([b.rank, b.branch, b.name, ...b.categories.map((c) => c.score), b.total, b.grade, b.veto?.join(' ') ?? '']);
  return `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

const row = (cells: (string | number)[]) => `| ${cells.map((c) => (typeof c === 'number' ? String(c) : markdownCell(c))).join(' | ')} |`;

/** A 通报-style summary: ranking, grade counts, the three categories losing most points, each branch's deductions. */
export function formatScoreMarkdown(report: ScoreReport): string {
  const l = scoreLabels(report.lang);
  const zh = report.lang === 'zh';
  const out = [`# ${report.window.label} ${l.notice}`, '', zh ? `${l.window(report)}；${l.branches(report.branches.length)}。` : `${l.window(report)}; ${l.branches(report.branches.length)}.`, ''];
  const counts = gradeCounts(report);
  out.push(`## ${l.gradeCounts}`, '', zh ? `${counts.map(([g, n]) => `${g} ${n} 个`).join('，')}。` : `${counts.map(([g, n]) => `${g}: ${n}`).join(', ')}.`, '');
  const losses = categoryLosses(report).slice(0, 3);
  out.push(`## ${l.topLosses}`, '');
  if (losses.length === 0) out.push(zh ? '各类别均未失分。' : 'No category lost points.');
  losses.forEach(([c, n], i) => out.push(`${i + 1}. ${c}：${zh ? `共失 ${points(n)} 分` : `${points(n)} points lost`}`));
  out.push('', `## ${l.rank}`, '', row([l.rank, l.branch, l.total, l.grade, l.lost]), '| ---: | --- | ---: | --- | --- |');
  for (const b of report.branches) out.push(row([b.rank, `${b.name}（${b.branch}）`, points(b.total), b.veto ? `${b.grade}（${l.veto}：${b.veto.join('、')}）` : b.grade, lostText(b) || '—']));
  out.push('', `## ${l.details}`);
  for (const b of report.branches) {
    const deductions = b.categories.flatMap((c) => c.deductions.map((d) => ({ c, d })));
    if (deductions.length === 0) continue;
    out.push('', `### ${markdownText(`${b.name}（${b.branch}）`)} ${points(b.total)} · ${markdownText(b.grade)}`, '', row([l.category, l.item, l.count, l.points, l.where]), '| --- | --- | ---: | ---: | --- |');
    for (const { c, d } of deductions) out.push(row([c.category, `${d.title}（${d.rule}）`, d.count, points(d.points), placesText(d.locations)]));
  }
  return `${out.join('\n')}\n`;
}
