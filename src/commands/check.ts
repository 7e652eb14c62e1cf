import { existsSync, statSync } from 'node:fs';
import { CacheFile, FileCache, settingsKey, type FileStamp } from '../engine/cache.js';
import path from 'node:path';
import { check, type CheckInput, type CheckResult } from '../engine/run.js';
import { canRunParallel, checkParallel } from '../engine/parallel.js';
import { render } from '../i18n/index.js';
import { collectFiles, displayPath, MAX_JSON_BYTES, readBounded, readRelative } from '../load/files.js';
import { buildReport, type Report } from '../report/report.js';
import { claimOutputs, finish, parseFormats, type Checked, type OutputOptions } from './output.js';
import { progress } from './progress.js';
import { closest } from '../load/closest.js';
import type { Rule } from '../engine/rules.js';
import { parseShard } from '../ci/shard.js';
import { UsageError, type Io } from '../io.js';
import { setup, type CommonOptions, type Setup } from './setup.js';
import type { InputError } from '../model/types.js';
import { Outputs } from '../write/files.js';
import { visible } from '../escape/terminal.js';

import { VERSION } from '../version.js';

export { VERSION };

export interface CheckOptions extends CommonOptions, OutputOptions {
  branch?: string[];
  /** --shard i/n (1-based i). */
  shard?: string;
  /** --cache: reuse outcomes of unchanged files; --cache-location: where (file or directory). */
  cache?: boolean;
  cacheLocation?: string;
  /** --evaluations: the JSON report lists every evaluation, passed ones included. */
  evaluations?: boolean;
}

/** The cache file for --cache-location (a directory, or a file path), default .zhibu-cache/check.json. */
function cachePath(cwd: string, location: string | undefined): string {
  const given = path.resolve(cwd, location ?? '.zhibu-cache');
  if (location && !location.endsWith('/') && !existsSync(given) && path.extname(given) !== '') return given;
  if (location && existsSync(given) && !statSync(given).isDirectory()) return given;
  return path.join(given, 'check.json');
}

/** The cache file's text, or null when there is none (or it is not a regular file, or too large: then it is rebuilt). */
function readCache(file: string): Buffer | null {
  try {
    return readBounded(file, MAX_JSON_BYTES);
  } catch {
    return null;
  }
}

/** From this many files, a check inlines more (see where it is used): the two settings measured even at about 300. */
const MANY_FILES = 300;

/** A file changed within this many milliseconds of a run is read again by the next: a change in the same clock tick would not show in its stamp. */
const SETTLED_MS = 2000;

/** A record file's stamp for the cache, or null when it is not a regular file or not yet settled. */
function stampOf(cwd: string, file: string): FileStamp | null {
  try {
    const stat = statSync(path.resolve(cwd, file));
    return stat.isFile() && Date.now() - Math.max(stat.mtimeMs, stat.ctimeMs) > SETTLED_MS ? [stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino] : null;
  } catch {
    return null;
  }
}

/**
 * Loads and checks record files: the pipeline shared by check, rectify and the CI formats.
 * `claim` names the command's outputs once the inputs are known and before the checking starts,
 * so that an output over a record fails at once; `outputs` then writes them.
 */
export async function checkPaths(
  paths: string[],
  options: Omit<CheckOptions, Exclude<keyof OutputOptions, 'progress'>> & { lang: CheckOptions['lang'] },
  io: Io,
  claim: (outputs: Outputs) => void = () => {},
): Promise<{ report: Report; result: CheckResult; setup: Setup; outputs: Outputs; checked: Checked }> {
  if (paths.length === 0) throw new UsageError(render(options.lang, 'usage.no-paths'));
  const ready = setup(options, io, paths);
  const shard = options.shard ? parseShard(options.shard) : null;
  const stdinName = options.stdinFilename ? displayPath(options.stdinFilename) : '<stdin>';
  const { files, missing } = collectFiles(paths, io.cwd, { stdinName });
  // Nothing to check is not "all compliant": an empty folder or a path that matches no record is a usage error.
  if (files.length === 0 && missing.length === 0) throw new UsageError(render(options.lang, 'usage.no-records', { paths: paths.join(' ') }));
  const outputs = new Outputs(io.cwd, options.lang, [...files, ...ready.ruleSpec.sources.map((s) => s.file), ...(ready.configFile ? [ready.configFile] : [])]);
  const stdin = paths.includes('-') ? await readStdin(io) : null;
  const pathErrors: InputError[] = missing.map((m) => ({ file: m.path, line: 1, column: 1, id: m.reason === 'ENOENT' ? 'path.missing' : 'file.unreadable', args: { reason: m.reason } }));
  const shown = progress(io, options.progress !== false);
  let lastShown = 0;
  const checkInput: CheckInput = {
    files,
    read: (file) => (stdin && file === stdinName ? stdin : readRelative(io.cwd, file)),
    rules: ready.rules,
    asOf: ready.asOf,
    window: ready.window,
    today: ready.today,
    branches: options.branch && options.branch.length > 0 ? new Set(options.branch) : null,
    shard,
    evaluations: options.evaluations === true,
    onProgress: (done, total) => {
      const now = Date.now();
      if (now - lastShown < 100 && done !== total) return;
      lastShown = now;
      shown.update(render(options.lang, 'progress.checking', { done, total }));
    },
  };
  // Evaluations are not cached: a run that collects them checks every file.
  const cacheFile = (options.cache || options.cacheLocation) && !options.evaluations ? cachePath(io.cwd, options.cacheLocation) : null;
  if (cacheFile) outputs.claim(path.relative(io.cwd, cacheFile) || cacheFile, '--cache-location', { owns: true, example: 'check.json' });
  claim(outputs);
  // Made when the organizations are read (the key covers their leaders).
  let cache = null as FileCache | null;
  if (cacheFile) {
    const settings = { version: VERSION, rules: ready.ruleSpec, asOf: ready.asOf, window: ready.window, today: ready.today, branches: options.branch ?? null, shard: options.shard ?? null };
    const stored = new CacheFile(readCache(cacheFile));
    checkInput.stamps = { file: stored, of: (file) => (stdin && file === stdinName ? null : stampOf(io.cwd, file)) };
    checkInput.cache = (leadersByBranch) => {
      cache = new FileCache(settingsKey({ ...settings, leadersByBranch }), stored);
      return cache;
    };
  }
  // Started inlining little (src/start.ts), which pays while the code is cold; over many files, inlining more
  // pays (median wall: 50 files 542 -> 505 ms, 100 files 707 -> 678; 1,000 files about 6% slower with 100 throughout, as fast with
  // 200 from here). Files of dist/bundle/ loaded after this compile without their code caches (other flags).
  if (files.length >= MANY_FILES) process.getBuiltinModule('node:v8').setFlagsFromString('--max-inlined-bytecode-size=200');
  const threads = io.env.ZHIBU_THREADS;
  // Worker threads read their files themselves: standard input stays in this thread.
  const parallel = stdin === null && !options.evaluations && (threads !== undefined && threads !== '' ? Number(threads) > 0 && files.length > 1 : canRunParallel(files.length));
  const result = parallel ? await checkParallel({ ...checkInput, cwd: io.cwd, ruleSpec: ready.ruleSpec }) : check(checkInput);
  if (cacheFile && cache && !cache.unchanged(files)) outputs.write(cacheFile, '--cache-location', cache.serialise(files));
  shown.clear();
  // Entries not trusted were checked again: said once, naming the first.
  const [dropped] = cache?.dropped ?? [];
  if (cacheFile && cache && dropped) io.stderr.write(`${visible(render(options.lang, 'notice.cache-dropped', { cache: path.relative(io.cwd, cacheFile) || cacheFile, count: cache.dropped.length, ...dropped }))}\n`);
  if (options.branch && options.branch.length > 0 && !shard) {
    const known = [...result.branchIds].sort();
    for (const id of options.branch) {
      if (known.includes(id)) continue;
      const shownIds = known.length > 10 ? `${known.slice(0, 10).join(', ')}, …` : known.join(', ');
      throw new UsageError(render(options.lang, 'usage.unknown-branch', { branch: id, suggestion: closest(id, known) ?? '', known: shownIds || '-' }));
    }
  }
  result.inputErrors.unshift(...ready.errors, ...pathErrors);
  const report = buildReport(result, { version: VERSION, asOf: ready.asOf, window: ready.window, lang: options.lang, rules: ready.rules, config: ready.configFile, timeZone: ready.timeZone });
  return { report, result, setup: ready, outputs, checked: checkedUnits(result, ready.rules) };
}

/** Every branch and organization checked, with the rules evaluated for it. */
function checkedUnits(result: CheckResult, rules: readonly Rule[]): Checked {
  const of = (scope: 'branch' | 'organization') => rules.filter((r) => r.primitive.scope === scope).map((r) => r.id);
  const branchRules = of('branch');
  const organizationRules = of('organization');
  return {
    units: [
      ...result.branchInfo.map((b) => ({ id: b.id, name: b.name, file: b.file, rules: branchRules })),
      ...result.organizationInfo.map((o) => ({ id: o.id, name: o.name, file: o.file, rules: organizationRules })),
    ],
  };
}

/** All of standard input, for `-`. */
async function readStdin(io: Io): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin ?? []) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** `zhibu check`: checks, writes the chosen formats; returns the report and the exit code of docs/report.md. */
export async function runCheck(paths: string[], options: CheckOptions, io: Io): Promise<{ report: Report; code: number }> {
  const html = parseFormats(options.format, options.output).some((f) => f.format === 'html');
  const { report, result, setup: ready, outputs, checked } = await checkPaths(paths, { ...options, evaluations: options.evaluations || html }, io, (claimed) => claimOutputs(options, claimed, io));
  if (options.evaluations) report.evaluations = result.evaluations ?? [];
  const page = html ? await htmlPage(result, ready, options.lang) : undefined;
  return { report, code: await finish(report, ready.rules, options, io, outputs, checked, page) };
}

/** The HTML page of a check: the inspection view, scored with the configuration's `score:` sheet. */
async function htmlPage(result: CheckResult, ready: Setup, lang: CheckOptions['lang']): Promise<(report: Report) => string> {
  const [{ formatHtml }, { scoreOf, liaisonsOf }, { scoreSheet }] = await Promise.all([import('../report/html/page.js'), import('./score.js'), import('../score/policy.js')]);
  return (report) => formatHtml({ report, scores: scoreOf(report, result, scoreSheet(ready.config?.score, lang), lang), evaluations: result.evaluations ?? [], branches: result.branchInfo, liaisons: liaisonsOf(result), lang, view: 'check' });
}
