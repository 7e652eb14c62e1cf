import path from 'node:path';
import { readFileSync } from 'node:fs';
import { defaultWindow, parseWindow, type Window } from '../engine/periods.js';
import { configureRules, loadRules, parseConfig } from '../engine/ruleset.js';
import type { Rule } from '../engine/rules.js';
import { render, type Lang, type MessageId } from '../i18n/index.js';
import { builtinRulesDir, findConfig, ruleFiles } from '../load/files.js';
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
  /** Line and column of a path in the configuration file (1:1 without one). */
  locate: (path: PropertyKey[], key?: boolean) => { line: number; column: number };
}

/** Resolves dates, configuration and rules shared by check, rules and rectify. */
export function setup(options: CommonOptions, io: Io): Setup {
  const t = (id: MessageId, args = {}) => render(options.lang, id, args);
  if (options.asOf !== undefined && !isRealDate(options.asOf)) throw new UsageError(t('usage.bad-as-of', { value: options.asOf }));
  const asOf = options.asOf ?? io.today;
  let window = defaultWindow(asOf);
  if (options.period !== undefined) {
    const parsed = parseWindow(options.period);
    if (!parsed) throw new UsageError(t('usage.bad-period', { value: options.period }));
    window = parsed;
  }
  const configPath = options.config ? path.resolve(io.cwd, options.config) : findConfig(io.cwd);
  const errors: InputError[] = [];
  let config: ConfigFile | null = null;
  let locate = (_p: PropertyKey[], _k?: boolean) => ({ line: 1, column: 1 });
  const configShown = configPath ? path.relative(io.cwd, configPath).split(path.sep).join('/') || configPath : null;
  if (configPath) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(configPath);
    } catch (error) {
      throw new UsageError(`${configShown}: ${(error as Error).message}`);
    }
    const parsed = parseConfig(configShown as string, bytes);
    errors.push(...parsed.errors);
    config = parsed.config;
    locate = parsed.locate;
  }
  const dirs = [builtinRulesDir, ...(config?.ruleDirs ?? []).map((d) => path.resolve(path.dirname(configPath as string), d))];
  const sources = dirs.flatMap((dir) => {
    try {
      return ruleFiles(dir).map((file) => ({ file: path.relative(io.cwd, file).split(path.sep).join('/'), bytes: readFileSync(file) }));
    } catch (error) {
      throw new UsageError(`${dir}: ${(error as Error).message}`);
    }
  });
  const loaded = loadRules(sources);
  errors.push(...loaded.errors);
  const configured = configureRules(loaded.rules, config, configShown ?? '', locate);
  errors.push(...configured.errors);
  let rules = configured.rules;
  if (options.rule && options.rule.length > 0) {
    const known = new Set(loaded.rules.map((r) => r.id));
    for (const id of options.rule) if (!known.has(id)) throw new UsageError(render(options.lang, 'usage.unknown-rule', { rule: id }));
    rules = rules.filter((r) => options.rule?.includes(r.id));
  }
  const ruleSpec: RuleSpec = { sources, config, configFile: configShown ?? '', only: options.rule && options.rule.length > 0 ? options.rule : null };
  return { rules, ruleSpec, config, configFile: configShown, errors, asOf, window, today: options.asOf ? null : io.today, locate };
}
