// The HTML report's part of `npm run bench`: `zhibu score --format html` on a corpus (time and
// file size), then the page opened in headless Chromium (time until the heatmap is drawn).
import { execFileSync } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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
  console.log(`zhibu score --format html via the CLI, ${branches} branch-years (best of ${rounds}): ${Math.min(...times).toFixed(0)} ms, file ${(size / 1024 / 1024).toFixed(2)} MB`);

  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  try {
    // A blank page, opened alternately with the report: what opening any page costs on this machine now.
    const blank = path.join(root, 'bench-out', 'blank.html');
    writeFileSync(blank, '<!doctype html><body data-ready="true"><p>blank</p></body>');
    const blanks = [];
    const runs = [];
    for (let r = 0; r < rounds; r++) {
      const empty = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const t0 = performance.now();
      await empty.goto(`file://${blank}`);
      await empty.waitForSelector('body[data-ready]');
      await empty.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
      blanks.push(performance.now() - t0);
      await empty.close();
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const t = performance.now();
      await page.goto(`file://${out}`);
      await page.waitForSelector('body[data-ready]');
      // Until the page (heatmap included) is laid out and painted: two animation frames after the script.
      const painted = await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now()))))');
      const wall = performance.now() - t;
      const marks = await page.evaluate(`(() => {
        const m = Object.fromEntries(performance.getEntriesByType('mark').map((e) => [e.name, e.startTime]));
        const nav = performance.getEntriesByType('navigation')[0];
        return { ...m, read: nav.responseEnd, cells: document.querySelectorAll('#heatmap td.cell').length };
      })()`);
      runs.push({ wall, painted, ...marks });
      await page.close();
    }
    const best = runs.reduce((a, b) => (b.wall < a.wall ? b : a));
    const ms = (v) => `${v.toFixed(0)} ms`;
    console.log(`  page opened in headless Chromium until the heatmap is drawn (best of ${rounds}): ${ms(best.wall)} (target ≤ 2000 ms; a blank page: ${ms(Math.min(...blanks))}; load average ${loadavg()[0].toFixed(1)})`);
    console.log(`    in the page, from navigation start: file read ${ms(best.read)}, script starts ${ms(best['zhibu-script'])}, JSON.parse ${ms(best['zhibu-data'] - best['zhibu-script'])}, overview ${ms(best['zhibu-overview'] - best['zhibu-data'])}, heatmap ${ms(best['zhibu-heatmap'] - best['zhibu-overview'])} (${best.cells} cells in the DOM, off-screen rows drawn as the page scrolls), findings ${ms(best['zhibu-findings'] - best['zhibu-heatmap'])}, painted at ${ms(best.painted)}`);
  } finally {
    await browser.close();
  }
}

// `node scripts/bench-html.mjs [--branches 1000] [--rounds 3]` (after `npm run build`): this part alone.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { writeStyledCorpus } = await import('./corpus-styles.mjs');
  const arg = (name, fallback) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : fallback; };
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const branches = arg('branches', 1000);
  const dir = path.join(root, 'bench-out', `generator-${branches}`);
  if (!existsSync(dir)) writeStyledCorpus('generator', dir, branches);
  await benchHtml({ root, dir, branches, rounds: arg('rounds', 3) });
}
