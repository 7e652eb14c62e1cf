import { closest } from '../load/closest.js';
import { formatPath } from '../load/records.js';
import { decodeUtf8 } from '../load/decode.js';
import { LineIndex } from '../load/position.js';
import { Locator, parseYaml } from '../load/yaml.js';
import type { InputError } from '../model/types.js';
import { configFile, type ConfigFile } from '../schema/config.js';
import { loadRuleFile, withParams, type Rule } from './rules.js';

export interface RuleSource {
  file: string;
  bytes: Uint8Array;
}

/** Loads rule files; a later file with an id already loaded replaces it (local rule dirs override built-ins). */
export function loadRules(sources: readonly RuleSource[]): { rules: Rule[]; errors: InputError[] } {
  const byId = new Map<string, Rule>();
  const errors: InputError[] = [];
  for (const source of sources) {
    const loaded = loadRuleFile(source.file, source.bytes);
    errors.push(...loaded.errors);
    if (loaded.rule) byId.set(loaded.rule.id, loaded.rule);
  }
  return { rules: [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : 1)), errors };
}

/** Parses zhibu.config.yaml with positions for every error. */
export function parseConfig(file: string, bytes: Uint8Array): { config: ConfigFile | null; errors: InputError[]; locate: (path: PropertyKey[], key?: boolean) => { line: number; column: number } } {
  const decoded = decodeUtf8(bytes);
  const text = decoded.ok ? decoded.text.replace(/^\uFEFF/, '') : '';
  const lines = new LineIndex(text);
  const locator = new Locator(text);
  const locate = (path: PropertyKey[], key = false) => lines.at(locator.locate(0, path, key));
  if (!decoded.ok) return { config: null, errors: [{ file, ...decoded.position, id: 'file.not-utf8', args: { byte: decoded.byte.toString(16) } }], locate };
  const parsed = parseYaml(text);
  const problem = parsed.fatal ?? parsed.documentProblems[0]?.problem;
  if (problem) return { config: null, errors: [{ file, ...lines.at(problem.offset), id: 'yaml.syntax', args: { code: problem.code, detail: problem.detail } }], locate };
  const result = configFile.safeParse(parsed.documents[0]?.value ?? {});
  if (!result.success) {
    return {
      config: null,
      errors: result.error.issues.map((i) => ({
        file,
        ...locate(i.code === 'unrecognized_keys' ? [...i.path, i.keys[0] as string] : i.path, i.code === 'unrecognized_keys'),
        id: 'config.invalid',
        args: { path: formatPath(i.path), detail: i.code === 'unrecognized_keys' ? `unknown key ${i.keys.join(', ')}; allowed: rules, ruleDirs, rectify, score, import` : i.message },
      })),
      locate,
    };
  }
  return { config: result.data, errors: [], locate };
}

/** Applies the configuration's per-rule settings: off, severity, parameters. */
export function configureRules(rules: readonly Rule[], config: ConfigFile | null, file: string, locate: (path: PropertyKey[], key?: boolean) => { line: number; column: number }): { rules: Rule[]; errors: InputError[] } {
  const settings = config?.rules ?? {};
  const errors: InputError[] = [];
  const ids = rules.map((r) => r.id);
  for (const id of Object.keys(settings)) {
    if (!ids.includes(id)) {
      errors.push({ file, ...locate(['rules', id], true), id: 'config.unknown-rule', args: { rule: id, suggestion: closest(id, ids) ?? '' } });
    }
  }
  const out: Rule[] = [];
  for (const rule of rules) {
    const setting = settings[rule.id];
    if (setting === undefined) {
      out.push(rule);
    } else if (setting === 'off' || setting === false) {
      continue;
    } else if (typeof setting === 'string') {
      out.push({ ...rule, severity: setting });
    } else {
      const { severity, off, ...params } = setting;
      if (off) continue;
      const configured = withParams(rule, params);
      if (typeof configured === 'string') {
        errors.push({ file, ...locate(['rules', rule.id]), id: 'config.invalid', args: { path: `rules.${rule.id}`, detail: configured } });
        out.push(rule);
      } else {
        out.push(severity ? { ...configured, severity } : configured);
      }
    }
  }
  return { rules: out, errors };
}
