import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Evaluation } from '../../src/engine/finding.js';
import { formatHtml } from '../../src/report/html/page.js';
import type { Report } from '../../src/report/report.js';
import { scoreSheet } from '../../src/score/policy.js';
import { scoreBranches, type ScoreReport } from '../../src/score/score.js';
import { runCli } from '../support/cli.js';
import { root } from '../support/engine.js';

// A real browser: Debian's chromium (.ci/run installs it). Missing, the test fails: it never skips.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const run = ['fixtures/demo', '--period', '2026', '--as-of', '2026-11-15'];
const dir = mkdtempSync(path.join(tmpdir(), 'zhibu-html-'));
const families: Record<string, { rule: string; per: 'month' | 'quarter' }> = {
  committee: { rule: 'meetings.committee-monthly', per: 'month' },
  group: { rule: 'meetings.group-monthly', per: 'month' },
  general: { rule: 'meetings.general-quarterly', per: 'quarter' },
  lecture: { rule: 'lecture.quarterly', per: 'quarter' },
  'theme-day': { rule: 'theme-day.monthly', per: 'month' },
  dues: { rule: 'member.dues-monthly', per: 'month' },
};

let browser: Browser;
let page: Page;
let report: Report;
let scores: ScoreReport;

beforeAll(async () => {
  expect(existsSync(executablePath), `no Chromium at ${executablePath}: apt-get install -y chromium (or set CHROMIUM_PATH)`).toBe(true);
  const html = await runCli(['score', ...run, '--format', 'html', '-o', path.join(dir, 'score.html')], root, '2026-11-15');
  expect(html.code).toBe(0);
  const json = await runCli(['check', ...run, '--format', 'json', '--evaluations', '--fail-on', 'never'], root, '2026-11-15');
  report = JSON.parse(json.out) as Report;
  scores = JSON.parse((await runCli(['score', ...run, '--format', 'json'], root, '2026-11-15')).out) as ScoreReport;
  browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(`file://${path.join(dir, 'score.html')}`);
  await page.waitForSelector('body[data-ready]');
  expect(errors).toEqual([]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

/** The state a cell must show, worked out here from the JSON evaluations alone. */
function expectedState(evaluations: readonly Evaluation[], rule: string, branch: string, period: string): string {
  const outcomes = evaluations.filter((e) => e.rule === rule && e.branch === branch && e.period === period).map((e) => e.outcome);
  if (outcomes.includes('unmet')) return 'unmet';
  if (outcomes.includes('pending')) return 'pending';
  if (outcomes.includes('met')) return 'met';
  return 'na';
}

describe('the HTML report in headless Chromium', () => {
  it('draws one heatmap cell per branch, family and period of the window, each in the state of the JSON evaluations', async () => {
    // Page code is given as text: the tests are type-checked without the DOM library.
    const cells = (await page.evaluate(`[...document.querySelectorAll('#heatmap td.cell')].map((td) => ({ family: td.dataset.family, branch: td.dataset.branch, period: td.dataset.period, state: td.dataset.state }))`)) as Record<string, string>[];
    const evaluations = report.evaluations ?? [];
    const branches = [...new Set(report.findings.map((f) => f.branch))].filter((b) => b.startsWith('hy01-'));
    expect(branches.length).toBe(4);
    const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
    const quarters = ['2026Q1', '2026Q2', '2026Q3', '2026Q4'];
    const expected = Object.entries(families).flatMap(([family, f]) => ['hy01-jg', 'hy01-xm1', 'hy01-xm2', 'hy01-xm3'].flatMap((branch) => (f.per === 'month' ? months : quarters).map((period) => ({ family, branch, period, state: expectedState(evaluations, f.rule, branch, period) }))));
    expect(cells.length).toBe(4 * (4 * 12 + 2 * 4));
    expect(cells).toEqual(expect.arrayContaining(expected));
    expect(expected).toEqual(expect.arrayContaining(cells));
    const states = new Set(cells.map((c) => c.state));
    expect([...states].sort()).toEqual(['met', 'na', 'pending', 'unmet']);
  });

  it('names the finding in the tooltip of an unmet cell', async () => {
    const finding = report.findings.find((f) => f.rule === 'meetings.committee-monthly' && f.status === 'violation');
    expect(finding).toBeDefined();
    const cell = page.locator(`#heatmap td.cell[data-family="committee"][data-branch="${finding?.branch}"][data-period="${finding?.period}"]`);
    await expect(cell.getAttribute('data-state')).resolves.toBe('unmet');
    await cell.hover();
    const tip = page.locator('#tip');
    await expect(tip.isVisible()).resolves.toBe(true);
    const text = await tip.textContent();
    expect(text).toContain(finding?.message);
    expect(text).toContain(`${finding?.file}:${finding?.line}`);
  });

  it('opens a branch: its score sheet, its findings with file:line, its pending items with days left', async () => {
    await page.click('#ranking a.branch[data-branch="hy01-xm2"]');
    await page.waitForSelector('#branch-view .branch-page[data-branch="hy01-xm2"]');
    const view = await page.locator('#branch-view').innerText();
    expect(view).toContain('第二项目部党支部');
    expect(view).toMatch(/fixtures\/demo\/hy01-xm2\.yaml:\d+/);
    expect(view).toMatch(/还剩\d+天/);
    // The score sheet: every category's score and every deduction with its points and its findings' places, as in score --format json.
    const sheet = await page.locator('#branch-view table.sheet').innerText();
    const xm2 = scores.branches.find((b) => b.branch === 'hy01-xm2');
    const deductions = xm2?.categories.flatMap((c) => c.deductions) ?? [];
    expect(deductions.length).toBeGreaterThan(1);
    for (const d of deductions) expect(sheet).toContain(`${d.rule} · ${d.locations.join(' ')}`);
    for (const c of xm2?.categories ?? []) expect(sheet).toContain(`${c.category}\t${c.weight}`);
    // Its pending items: the branch's pending findings, each with its place.
    const pending = await page.locator('#branch-view ul.pending li').allInnerTexts();
    expect(pending.length).toBe(xm2?.pending.length);
    expect(pending.length).toBeGreaterThan(0);
    for (const [i, p] of (xm2?.pending ?? []).entries()) expect(pending[i]?.replace(/\s+/g, ' ')).toBe(`${p.message} ${p.file}:${p.line}`);
    await expect(page.locator('#overview').isVisible()).resolves.toBe(false);
    const rows = await page.locator('#branch-view table.findings tbody tr').count();
    expect(rows).toBe(report.findings.filter((f) => f.branch === 'hy01-xm2').length);
    await page.selectOption('#branch-view select[data-filter="severity"]', 'error');
    const errors = await page.locator('#branch-view table.findings tbody tr').count();
    expect(errors).toBe(report.findings.filter((f) => f.branch === 'hy01-xm2' && f.severity === 'error').length);
    expect(errors).toBeLessThan(rows);
    await page.selectOption('#branch-view select[data-filter="severity"]', '');
  });

  it('renders a screenshot that is not blank', async () => {
    await page.goto(`file://${path.join(dir, 'score.html')}#overview`);
    await page.waitForSelector('body[data-ready]');
    const file = path.join(dir, 'overview.png');
    await page.screenshot({ path: file, fullPage: true });
    // Decode the PNG in the page itself and count its colours: a blank page has one or two.
    const colours = (await page.evaluate(`(async () => {
      const image = new Image();
      image.src = 'data:image/png;base64,${readFileSync(file).toString('base64')}';
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      const data = context.getImageData(0, 0, image.width, image.height).data;
      const seen = new Set();
      for (let i = 0; i < data.length; i += 4 * 7) seen.add(data[i] * 65536 + data[i + 1] * 256 + data[i + 2]);
      return { size: [image.width, image.height], count: seen.size };
    })()`)) as { size: [number, number]; count: number };
    expect(colours.size[0]).toBe(1280);
    expect(colours.size[1]).toBeGreaterThan(900);
    expect(colours.count).toBeGreaterThan(20);
  });

  it('shows record text as text: markup in a branch name and a message neither runs nor ends the data', async () => {
    const evil = '</script><img src=x onerror="window.hit=1">第一支部';
    const findings = report.findings.map((f, i) => (i === 0 ? { ...f, message: `<b>${f.message}</b>` } : f));
    const scores = scoreBranches({ findings, branches: [{ id: 'hy01-jg', name: evil }], liaisons: new Map(), sheet: scoreSheet(undefined, 'zh'), version: 't', lang: 'zh', asOf: report.asOf, window: report.window });
    const html = formatHtml({ report: { ...report, findings }, scores, evaluations: report.evaluations ?? [], branches: [{ id: 'hy01-jg', name: evil, file: 'a.yaml', line: 1 }], liaisons: new Map(), lang: 'zh', view: 'check' });
    expect(html.match(/<\/script>/g)?.length).toBe(2);
    const file = path.join(dir, 'evil.html');
    writeFileSync(file, html);
    await page.goto(`file://${file}`);
    await page.waitForSelector('body[data-ready]');
    await expect(page.locator('#ranking a.branch').first().textContent()).resolves.toBe(evil);
    await expect(page.locator('img').count()).resolves.toBe(0);
    await expect(page.locator('#findings b').count()).resolves.toBe(0);
    await expect(page.evaluate('window.hit')).resolves.toBeUndefined();
  });
});
