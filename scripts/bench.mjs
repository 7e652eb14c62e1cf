#!/usr/bin/env node
// npm run bench [-- --branches 1000 --large 10000 --rounds 3]
// Generates synthetic branch-years, then times in one process: a bare js-yaml parse of
// the files (read + decode + loadAll), zhibu's loading + validation (no rules), and the
// whole check; then the whole check of the large corpus in a child process, for the
// 1k-vs-10k scaling and peak memory (max RSS).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import jsYaml from 'js-yaml';
import { generateCorpus } from './gen-corpus.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const branches = arg('branches', 1000);
const large = arg('large', 10000);
const rounds = arg('rounds', 3);

function corpus(n) {
  const dir = path.join(root, 'bench-out', `corpus-${n}`);
  if (!existsSync(path.join(dir, 'organization.yaml'))) generateCorpus({ dir, branches: n });
  return dir;
}

const { check } = await import(path.join(root, 'dist/engine/run.js'));
const { checkParallel } = await import(path.join(root, 'dist/engine/parallel.js'));
const { setup } = await import(path.join(root, 'dist/commands/setup.js'));

const dir = corpus(branches);
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => path.join(dir, f));
const bytes = files.reduce((sum, f) => sum + readFileSync(f).length, 0);
const io = { cwd: root, today: '2027-01-15', env: {}, stdout: process.stdout, stderr: process.stderr };
const ready = setup({ lang: 'zh', asOf: '2026-12-31', period: '2026' }, io);
const decoder = new TextDecoder('utf-8', { fatal: true });

function bareParse() {
  for (const f of files) jsYaml.loadAll(decoder.decode(readFileSync(f)), undefined, { schema: jsYaml.CORE_SCHEMA });
}
const input = (rules, extra = {}) => ({ files, read: (f) => readFileSync(f), rules, asOf: ready.asOf, window: ready.window, today: null, ...extra });
const spec = (only) => ({ ...ready.ruleSpec, only });
const runs = {
  'bare js-yaml parse': async () => bareParse(),
  'load + validate (1 thread)': async () => check(input([])),
  'load + validate (workers)': async () => checkParallel({ ...input([]), cwd: root, ruleSpec: spec(['-none-']) }),
  'whole check (1 thread)': async () => check(input(ready.rules)),
  'whole check (workers)': async () => checkParallel({ ...input(ready.rules), cwd: root, ruleSpec: ready.ruleSpec }),
};
const best = {};
// The single-thread runs first, the worker runs after them: a worker run leaves threads
// winding down and their garbage behind, which would weigh on whatever ran next.
const phases = [Object.keys(runs).filter((name) => !name.includes('workers')), Object.keys(runs).filter((name) => name.includes('workers'))];
for (const names of phases) {
  for (let r = 0; r < rounds; r++) {
    for (const name of names) {
      globalThis.gc?.();
      const t = performance.now();
      await runs[name]();
      const ms = performance.now() - t;
      best[name] = Math.min(best[name] ?? Infinity, ms);
    }
  }
}
const base = best['bare js-yaml parse'];
console.log(`corpus: ${files.length} files (${branches} branch-years), ${(bytes / 1048576).toFixed(1)} MB; best of ${rounds} rounds`);
for (const [name, ms] of Object.entries(best)) console.log(`  ${name.padEnd(28)} ${ms.toFixed(0).padStart(6)} ms   ${(ms / base).toFixed(2)}× the bare parse`);
console.log(`  targets: loading + validation ≤ 1.3×, whole check ≤ 1.5×`);

// Rendering: the terminal report against the JSON report of the same check, alternating;
// then one finding whose message holds a 2,000-character name (linear wrapping, no table).
{
  const { buildReport } = await import(path.join(root, 'dist/report/report.js'));
  const { formatTerminal } = await import(path.join(root, 'dist/report/terminal.js'));
  const { formatJson } = await import(path.join(root, 'dist/report/json.js'));
  const result = check(input(ready.rules));
  const report = buildReport(result, { version: '1.0.0', asOf: ready.asOf, window: ready.window, lang: 'zh', rules: ready.rules });
  const units = result.branchInfo.map((b) => ({ id: b.id, name: b.name, file: b.file, rules: [] }));
  const times = { terminal: Infinity, json: Infinity };
  let lines = 0;
  for (let r = 0; r < rounds; r++) {
    let t = performance.now();
    lines = formatTerminal(report, { lang: 'zh', color: 0, width: 80, units }).split('\n').length;
    times.terminal = Math.min(times.terminal, performance.now() - t);
    t = performance.now();
    formatJson(report);
    times.json = Math.min(times.json, performance.now() - t);
  }
  console.log(`rendering ${report.findings.length} findings of ${branches} branch-years (best of ${rounds}): terminal ${times.terminal.toFixed(0)} ms (${lines} lines at 80 columns), JSON ${times.json.toFixed(0)} ms = ${(times.terminal / times.json).toFixed(2)}×`);
  const name = '张'.repeat(1000) + 'x'.repeat(1000);
  const one = { ...report, findings: [{ ...report.findings[0], message: `党员${name}未交纳党费`, file: `records/${name}.yaml` }] };
  const t = performance.now();
  formatTerminal(one, { lang: 'zh', color: 0, width: 80, units: [] });
  console.log(`a finding with a 2,000-character name and file name: ${(performance.now() - t).toFixed(0)} ms`);
}

function cli(n, extra = []) {
  const target = corpus(n);
  const t = performance.now();
  const script = path.join(root, 'bench-out', 'cli-run.mjs');
  writeFileSync(script, `
    const { main } = await import(${JSON.stringify(path.join(root, 'dist/cli.js'))});
    const sink = { write() { return true; } };
    const code = await main({ argv: ['check', ${JSON.stringify(target)}, '--as-of', '2026-12-31', '--period', '2026', '--format', 'json', '--output', '/dev/null', ...${JSON.stringify(extra)}], stdout: sink, stderr: sink, cwd: process.cwd(), env: {} });
    console.log(JSON.stringify({ code, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
  `);
  const out = execFileSync(process.execPath, [script], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return { ms: performance.now() - t, ...JSON.parse(out.trim().split('\n').pop()) };
}
// The content cache (--cache): a cold run into an empty cache, then a warm re-run of the same files.
{
  const location = path.join(root, 'bench-out', 'cache');
  const cold = [];
  const warm = [];
  for (let r = 0; r < rounds; r++) {
    rmSync(location, { recursive: true, force: true });
    cold.push(cli(branches, ['--cache', '--cache-location', location]).ms);
    warm.push(cli(branches, ['--cache', '--cache-location', location]).ms);
  }
  const [c, w] = [Math.min(...cold), Math.min(...warm)];
  console.log(`zhibu check --cache via the CLI, ${branches} branch-years (best of ${rounds}): cold ${c.toFixed(0)} ms, warm ${w.toFixed(0)} ms = ${(w / c).toFixed(2)}× (target ≤ 0.25×)`);
}
if (large > 0) {
  const small = cli(branches);
  const big = cli(large);
  console.log(`zhibu check via the CLI (child process, JSON to /dev/null):`);
  console.log(`  ${branches} branch-years: ${small.ms.toFixed(0)} ms, peak RSS ${small.maxRssMB.toFixed(0)} MB (main thread)`);
  console.log(`  ${large} branch-years: ${big.ms.toFixed(0)} ms, peak RSS ${big.maxRssMB.toFixed(0)} MB (main thread)`);
  console.log(`  scaling ${large}/${branches}: ${(big.ms / small.ms).toFixed(2)}× time for ${(large / branches).toFixed(0)}× branches`);
}
