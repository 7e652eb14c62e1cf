// The HTML report's part of `npm run bench`: `zhibu score --format html` on a corpus (time and
// file size), then the page opened in headless Chromium (time until the heatmap is drawn).
import { execFileSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Times `score --format html` over `dir` and the page's opening in Chromium; prints the figures. */
export async function benchHtml({ root, dir, branches, rounds }) {
  const out = path.join(root, 'bench-out', 'score.html');
  const script = path.join(root, 'bench-out', 'score-html-run.mjs');
  writeFileSync(script, `
    const { main } = await import(${JSON.stringify(path.join(root, 'dist/cli.js'))});
    const sink = { write() { return true; } };
    const code = await main({ argv: ['score', ${JSON.stringify(dir)}, '--as-of', '2026-12-31', '--period', '2026', '--format', 'html', '--output', ${JSON.stringify(out)}], stdout: sink, stderr: sink, cwd: process.cwd(), env: {} });
    process.exitCode = code;
  `);
  const times = [];
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    execFileSync(process.execPath, [script], { stdio: 'inherit' });
    times.push(performance.now() - t);
  }
  const size = statSync(out).size;
  console.log(`zhibu score --format html via the CLI, ${branches} branch-years (best of ${rounds}): ${Math.min(...times).toFixed(0)} ms, ${(size / 1024 / 1024).toFixed(2)} MB`);

  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  try {
    const opened = [];
    let cells = 0;
    let marks = {};
    for (let r = 0; r < rounds; r++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const t = performance.now();
      await page.goto(`file://${out}`);
      await page.waitForSelector('body[data-ready]');
      // Until the heatmap's cells are laid out and painted.
      cells = await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(document.querySelectorAll("#heatmap td.cell").length))))');
      opened.push(performance.now() - t);
      marks = await page.evaluate("Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]))");
      await page.close();
    }
    console.log(`  opened in headless Chromium until the heatmap is drawn (best of ${rounds}): ${Math.min(...opened).toFixed(0)} ms (${cells} cells drawn at first, more as the page scrolls; target ≤ 2000 ms)`);
    const step = (from, to) => (marks[to] - marks[from]).toFixed(0);
    console.log(`  of which, last run: reading the page up to its script ${marks['zhibu-script'].toFixed(0)} ms, JSON.parse ${step('zhibu-script', 'zhibu-data')} ms, overview ${step('zhibu-data', 'zhibu-overview')} ms, heatmap ${step('zhibu-overview', 'zhibu-heatmap')} ms, findings ${step('zhibu-heatmap', 'zhibu-findings')} ms`);
  } finally {
    await browser.close();
  }
}
