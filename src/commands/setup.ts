import path from 'node:path';
import { statSync } from 'node:fs';
import { closest } from '../load/closest.js';
import { defaultWindow, parseWindow, type Window } from '../engine/periods.js';
import { configureRules, DEFAULT_TIME_ZONE, loadRules, parseConfig } from '../engine/ruleset.js';
import type { Rule } from '../engine/rules.js';
import { render, type Lang, type MessageId } from '../i18n/index.js';
import { builtinRulesDir, findConfig, MAX_FILE_BYTES, readBounded, ruleFiles } from '../load/files.js';
import type { InputError } from '../model/types.js';
import { isRealDate } from '../schema/dates.js';
import { UsageError, type Io } from '../io.js';
import type { ConfigFile } from '../schema/config.js';
import type { RuleSpec } from '../engine/parallel.js';

export interface CommonOptions {
  lang: Lang;
  config?: string;
  rule?: string[];
  asOf?: string;
  period?: string;
  /** The name a record read from standard input (`-`) goes by. */
  stdinFilename?: string;
}

export interface Setup {
  rules: Rule[];
  /** What a worker thread needs to rebuild the same rules. */
  ruleSpec: RuleSpec;
  config: ConfigFile | null;
  configFile: string | null;
  errors: InputError[];
  asOf: string;
  window: Window;
  /** Set when --as-of was not given: later-dated entries are input errors. */
  today: string | null;
  /** The time zone today was taken in, when --as-of was not given. */
  timeZone: string | null;
  /** Line and column of a path in the configuration file (1:1 without one). */
  locate: (path: PropertyKey[], key?: boolean) => { line: number; column: number };
}

/** The folder to search for a configuration from, for a path given on the command line (a glob: its fixed part). */
function searchStart(given: string, cwd: string): string {
  const fixed = given.split(/[\\/]/).findIndex((part) => /[*?[\]{}]/.test(part));
  const base = path.resolve(cwd, fixed === -1 ? given : given.split(/[\\/]/).slice(0, fixed).join('/') || '.');
  try {
    return statSync(base).isDirectory() ? base : path.dirname(base);
  } catch {
    return path.dirname(base);
  }
}

/** The configuration file for a run: --config, else the one found upward from the checked paths (the working directory when none). */
function configFor(options: CommonOptions, io: Io, paths: readonly string[]): string | null {
  if (options.config) return path.resolve(io.cwd, options.config);
  const starts = paths.length > 0 ? paths.map((p) => (p === '-' ? searchStart(options.stdinFilename ?? '.', io.cwd) : searchStart(p, io.cwd))) : [io.cwd];
  const found = [...new Set(starts.map((start) => findConfig(start, io.env.HOME ?? io.env.USERPROFILE)))];
  if (found.length > 1) {
    const shown = found.map((f) => (f === null ? '-' : path.relative(io.cwd, f) || f)).join(', ');
    throw new UsageError(render(options.lang, 'config.conflict', { files: shown }));
  }
  return found[0] ?? null;
}

/** Resolves dates, configuration and rules shared by check, rules and rectify; `paths` are the checked paths as given. */
export function setup(options: CommonOptions, io: Io, paths: readonly string[] = []): Setup {
  const t = (id: MessageId, args = {}) => render(options.lang, id, args);
  if (options.asOf !== undefined && !isRealDate(options.asOf)) throw new UsageError(t('usage.bad-as-of', { value: options.asOf }));
  let window: Window | null = null;
  if (options.period !== undefined) {
    window = parseWindow(options.period);
    if (!window) throw new UsageError(t('usage.bad-period', { value: options.period }));
  }
  const configPath = configFor(options, io, paths);
  const errors: InputError[] = [];
  let config: ConfigFile | null = null;
  let locate = (_p: PropertyKey[], _k?: boolean) => ({ line: 1, column: 1 });
  const configShown = configPath ? path.relative(io.cwd, configPath).split(path.sep).join('/') || configPath : null;
  if (configPath) {
    let bytes: Uint8Array;
    try {
      bytes = readBounded(configPath, MAX_FILE_BYTES);
    } catch (error) {
      throw new UsageError(`${configShown}: ${(error as Error).message}`);
    }
    const parsed = parseConfig(configShown as string, bytes, options.lang);
    errors.push(...parsed.errors);
    config = parsed.config;
    locate = parsed.locate;
  }
  const dirs = [builtinRulesDir, ...(config?.ruleDirs ?? []).map((d) => path.resolve(path.dirname(configPath as string), d))];
  const sources = dirs.flatMap((dir) => {
    try {
      return ruleFiles(dir).map((file) => ({ file: path.relative(io.cwd, file).split(path.sep).join('/'), bytes: readBounded(file, MAX_FILE_BYTES) }));
    } catch (error) {
      throw new UsageError(`${dir}: ${(error as Error).message}`);
    }
  });
  const loaded = loadRules(sources);
  errors.push(...loaded.errors);
  const configured = configureRules(loaded.rules, config, configShown ?? '', locate, options.lang);
  errors.push(...configured.errors);
  let rules = configured.rules;
  if (options.rule && options.rule.length > 0) {
    const known = new Set(loaded.rules.map((r) => r.id));
    for (const id of options.rule) if (!known.has(id)) throw new UsageError(render(options.lang, 'usage.unknown-rule', { rule: id, suggestion: closest(id, [...known]) ?? '' }));
    rules = rules.filter((r) => options.rule?.includes(r.id));
  }
  // Today is the configured zone's date: a CI runner on UTC agrees with Beijing all day.
  const timeZone = config?.timezone ?? DEFAULT_TIME_ZONE;
  // Only without --as-of: the first time-zone formatter costs about 30 ms.
  const today = options.asOf === undefined ? io.today(timeZone) : null;
  if (today !== null && !isRealDate(today)) throw new UsageError(t('usage.bad-today', { value: today }));
  const asOf = options.asOf ?? (today as string);
  window ??= defaultWindow(asOf);
  const ruleSpec: RuleSpec = { sources, config, configFile: configShown ?? '', only: options.rule && options.rule.length > 0 ? options.rule : null };
  return { rules, ruleSpec, config, configFile: configShown, errors, asOf, window, today, timeZone: options.asOf ? null : timeZone, locate };
}
