#!/usr/bin/env node
// npm run bench [-- --rounds 5 --branches 1000 --large 10000 --only python-anchors,json-line]
//
// What users meet: for each corpus of `--branches` branch-years (scripts/corpus-styles.mjs),
// the whole `zhibu check` process (bin/zhibu.js, JSON report to /dev/null) against a process
// that only reads and parses the same files with js-yaml (scripts/parse-only.mjs). The two
// run alternately, `--rounds` times, in the same run; the table gives each one's median and
// the median of the per-round ratios. Then: error-heavy files against their clean twins,
// `zhibu --version`, the large Python-written corpus (time and peak RSS), and an in-process
// breakdown of the generator corpus (parse / validate / rules / report).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { styles, writeStyledCorpus } from './corpus-styles.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
};
const branches = Number(arg('branches', 1000));
const large = Number(arg('large', 10000));
const rounds = Number(arg('rounds', 5));
const only = arg('only', null)?.split(',');
const bin = path.join(root, 'bin', 'zhibu.js');
const CHECK_ARGS = ['--as-of', '2026-12-31', '--period', '2026', '--format', 'json', '--output', '/dev/null', '--fail-on', 'never'];

/** A styled corpus under bench-out/, written once per style, size and generator version. */
function corpus(style, n) {
  const dir = path.join(root, 'bench-out', `${style}-${n}`);
  const stamp = path.join(dir, '.stamp');
  const version = readFileSync(path.join(root, 'scripts', 'corpus-styles.mjs'), 'utf8').length + readFileSync(path.join(root, 'scripts', 'gen-corpus.mjs'), 'utf8').length;
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== String(version)) {
    writeStyledCorpus(style, dir, n);
    writeFileSync(stamp, String(version));
  }
  return dir;
}

function timed(args) {
  const t = performance.now();
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  const ms = performance.now() - t;
  if (run.status !== 0 && run.status !== 2) throw new Error(`${args.join(' ')}: exit ${run.status}\n${run.stderr}`);
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const mb = (dir) => readdirSync(dir).reduce((sum, f) => sum + (f.startsWith('.') ? 0 : readFileSync(path.join(dir, f)).length), 0) / 1048576;

// ---- the check process against the parse process, per corpus ----
const names = Object.keys(styles).filter((s) => !only || only.includes(s));
const dirs = Object.fromEntries(names.map((s) => [s, corpus(s, branches)]));
const results = Object.fromEntries(names.map((s) => [s, { check: [], parse: [], ratio: [] }]));
for (let r = 0; r < rounds; r++) {
  for (const style of names) {
    const dir = dirs[style];
    // Alternate which one goes first, so neither always meets a warmer page cache.
    const first = r % 2 === 0;
    const a = first ? timed([bin, 'check', dir, ...CHECK_ARGS]) : null;
    const p = timed([path.join(root, 'scripts', 'parse-only.mjs'), dir]);
    const c = a ?? timed([bin, 'check', dir, ...CHECK_ARGS]);
    results[style].check.push(c);
    results[style].parse.push(p);
    results[style].ratio.push(c / p);
  }
}
console.log(`\n## zhibu check process vs js-yaml parse process (${branches} branch-years per corpus, median of ${rounds} alternating rounds)\n`);
console.log('| corpus | files | MB | zhibu check | parse only | ratio (median) | ≤ 1.5× |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | :---: |');
for (const style of names) {
  const { check, parse, ratio } = results[style];
  const files = readdirSync(dirs[style]).filter((f) => !f.startsWith('.')).length;
  const m = median(ratio);
  console.log(`| ${style} | ${files} | ${mb(dirs[style]).toFixed(1)} | ${median(check).toFixed(0)} ms | ${median(parse).toFixed(0)} ms | ${m.toFixed(2)}× | ${m <= 1.5 ? 'yes' : 'no'} |`);
}
if (results.errors && results['errors-clean']) {
  const ratio = results.errors.check.map((c, i) => c / results['errors-clean'].check[i]);
  console.log(`\nerror-heavy files (50 files, 20 input errors each) ÷ their clean twins, zhibu check: ${median(ratio).toFixed(2)}× (target ≤ 2×)`);
}

// ---- process start ----
const version = Array.from({ length: Math.max(rounds, 5) }, () => timed([bin, '--version']));
console.log(`zhibu --version: ${median(version).toFixed(0)} ms (median of ${version.length}; target < 250 ms)`);

// ---- the content cache (--cache): a cold run into an empty cache, then a warm re-run ----
if (!only || only.includes('generator')) {
  const location = path.join(root, 'bench-out', 'cache');
  const cold = [];
  const warm = [];
  for (let r = 0; r < rounds; r++) {
    rmSync(location, { recursive: true, force: true });
    cold.push(timed([bin, 'check', dirs.generator, ...CHECK_ARGS, '--cache', '--cache-location', location]));
    warm.push(timed([bin, 'check', dirs.generator, ...CHECK_ARGS, '--cache', '--cache-location', location]));
  }
  const ratio = warm.map((w, i) => w / cold[i]);
  console.log(`zhibu check --cache, generator corpus: cold ${median(cold).toFixed(0)} ms, warm ${median(warm).toFixed(0)} ms = ${median(ratio).toFixed(2)}× (median of ${rounds}; target ≤ 0.25×)`);
}

// ---- the large Python-written corpus: linear time, bounded memory ----
function cliWithRss(dir) {
  const script = path.join(root, 'bench-out', 'cli-rss.mjs');
  writeFileSync(
    script,
    `const { main } = await import(${JSON.stringify(path.join(root, 'dist/cli.js'))});
const sink = { write() { return true; } };
await main({ argv: ['check', ${JSON.stringify(dir)}, ...${JSON.stringify(CHECK_ARGS)}], stdout: sink, stderr: process.stderr, cwd: process.cwd(), env: {} });
console.log(process.resourceUsage().maxRSS / 1024);\n`,
  );
  const t = performance.now();
  const out = execFileSync(process.execPath, [script], { encoding: 'utf8' });
  return { ms: performance.now() - t, rss: Number(out.trim().split('\n').pop()) };
}
if (large > 0 && (!only || only.includes('python-anchors'))) {
  // One run each was too noisy to judge (6.8× and 10.3× the same morning): alternating pairs, median ratio.
  const pairs = Array.from({ length: Math.min(rounds, 3) }, () => [cliWithRss(corpus('python-anchors', branches)), cliWithRss(corpus('python-anchors', large))]);
  const small = pairs.map(([s]) => s);
  const big = pairs.map(([, b]) => b);
  const ms = (runs) => median(runs.map((r) => r.ms)).toFixed(0);
  const rss = (runs) => Math.max(...runs.map((r) => r.rss)).toFixed(0);
  const ratio = median(pairs.map(([s, b]) => b.ms / s.ms));
  console.log(`python-anchors, ${branches} → ${large} branch-years: ${ms(small)} ms → ${ms(big)} ms = ${ratio.toFixed(2)}× (median of ${pairs.length} pairs; target ≤ ${large / branches}×), peak RSS ${rss(small)} → ${rss(big)} MB (target < 1024 MB)`);
}

// ---- in-process breakdown of the generator corpus ----
{
  const { check } = await import(path.join(root, 'dist/engine/run.js'));
  const { setup } = await import(path.join(root, 'dist/commands/setup.js'));
  const { parseYaml } = await import(path.join(root, 'dist/load/yaml.js'));
  const { decodeUtf8 } = await import(path.join(root, 'dist/load/decode.js'));
  const { buildReport } = await import(path.join(root, 'dist/report/report.js'));
  const { formatJson } = await import(path.join(root, 'dist/report/json.js'));
  const { default: jsYaml } = await import('js-yaml');
  const dir = corpus('generator', branches);
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => path.join(dir, f));
  const io = { cwd: root, today: () => '2027-01-15', env: {}, stdout: process.stdout, stderr: process.stderr };
  const ready = setup({ lang: 'zh', asOf: '2026-12-31', period: '2026' }, io);
  const input = (rules) => ({ files, read: (f) => readFileSync(f), rules, asOf: ready.asOf, window: ready.window, today: null });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let result = null;
  const phases = {
    'js-yaml parse (read + decode + loadAll)': () => files.forEach((f) => jsYaml.loadAll(decoder.decode(readFileSync(f)), undefined, { schema: jsYaml.CORE_SCHEMA })),
    'zhibu parse (read + decode + parseYaml)': () => files.forEach((f) => parseYaml(decodeUtf8(readFileSync(f)).text)),
    'load + validate': () => check(input([])),
    'whole check (+ rules)': () => (result = check(input(ready.rules))),
    'report (build + JSON)': () => formatJson(buildReport(result, { version: '0', asOf: ready.asOf, window: ready.window, lang: 'zh', rules: ready.rules })),
  };
  const times = Object.fromEntries(Object.keys(phases).map((k) => [k, []]));
  for (let r = 0; r < rounds; r++) {
    for (const [name, run] of Object.entries(phases)) {
      globalThis.gc?.();
      const t = performance.now();
      run();
      times[name].push(performance.now() - t);
    }
  }
  const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
  const base = m['js-yaml parse (read + decode + loadAll)'];
  console.log(`\n## In-process breakdown, generator corpus (${files.length} files), median of ${rounds}\n`);
  console.log('| phase | time | ÷ js-yaml parse |');
  console.log('| --- | ---: | ---: |');
  const row = (name, ms) => console.log(`| ${name} | ${ms.toFixed(0)} ms | ${(ms / base).toFixed(2)}× |`);
  row('js-yaml parse (read + decode + loadAll)', base);
  row('zhibu parse (read + decode + parseYaml)', m['zhibu parse (read + decode + parseYaml)']);
  row('validate (load + validate − parse)', m['load + validate'] - m['zhibu parse (read + decode + parseYaml)']);
  row('rules (whole check − load + validate)', m['whole check (+ rules)'] - m['load + validate']);
  row('report (build + JSON)', m['report (build + JSON)']);
  row('whole check in process (+ report)', m['whole check (+ rules)'] + m['report (build + JSON)']);
}
await (await import('./bench-html.mjs')).benchHtml({ root, dir: corpus('generator', branches), branches, rounds });
