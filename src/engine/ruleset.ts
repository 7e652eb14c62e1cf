import { closest } from '../load/closest.js';
import { formatPath } from '../load/records.js';
import { decodeUtf8 } from '../load/decode.js';
import { LineIndex } from '../load/position.js';
import { Locator, parseYaml } from '../load/yaml.js';
import type { InputError } from '../model/types.js';
import type { z as Zod } from 'zod';
import type { ConfigFile } from '../schema/config.js';
import { zod } from '../zod.js';
import { render, type Lang } from '../i18n/index.js';
import type { Severity } from './finding.js';
import { builtRules, loadRuleFile, withParams, type Rule } from './rules.js';

export interface RuleSource {
  file: string;
  bytes: Uint8Array;
}

/** Loads rule files; a later file with an id already loaded replaces it (local rule dirs override built-ins). */
export function loadRules(sources: readonly RuleSource[]): { rules: Rule[]; errors: InputError[] } {
  const byId = new Map<string, Rule>();
  const errors: InputError[] = [];
  const built = builtRules();
  for (const source of sources) {
    const loaded = loadRuleFile(source.file, source.bytes, built);
    errors.push(...loaded.errors);
    if (loaded.rule) byId.set(loaded.rule.id, loaded.rule);
  }
  return { rules: [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : 1)), errors };
}

type Locate = (path: PropertyKey[], key?: boolean) => { line: number; column: number };

/** zod's own wording in the chosen language (zh-CN locale for Chinese), so no English leaks into Chinese output. */
function zodErrors(lang: Lang): Zod.core.$ZodErrorMap | undefined {
  return lang === 'zh' ? (zhErrors ??= zod().z.locales.zhCN().localeError) : undefined;
}
let zhErrors: Zod.core.$ZodErrorMap | undefined;

/** A zod issue as one line: zod's localised text, with the allowed keys for an unknown key. */
function issueText(issue: Zod.core.$ZodIssue, lang: Lang, allowedKeys: () => readonly string[]): string {
  if (issue.code === 'unrecognized_keys') return render(lang, 'config.unknown-key', { key: issue.keys.join(', '), allowed: allowedKeys().join(', ') });
  return issue.message;
}

/** Parses zhibu.config.yaml; every error it has, each with its position, in the chosen language. */
export function parseConfig(file: string, bytes: Uint8Array, lang: Lang = 'en'): { config: ConfigFile | null; errors: InputError[]; locate: Locate } {
  const decoded = decodeUtf8(bytes);
  const text = decoded.ok ? decoded.text.replace(/^\uFEFF/, '') : '';
  const lines = new LineIndex(text);
  const locator = new Locator(text);
  const locate: Locate = (path, key = false) => lines.at(locator.locate(0, path, key));
  if (!decoded.ok) return { config: null, errors: [{ file, ...decoded.position, id: 'file.not-utf8', args: { byte: decoded.byte.toString(16) } }], locate };
  const parsed = parseYaml(text);
  const problem = parsed.fatal ?? parsed.documentProblems[0]?.problem;
  if (problem) return { config: null, errors: [{ file, ...lines.at(problem.offset), id: 'yaml.syntax', args: { code: problem.code, detail: problem.detail } }], locate };
  const second = parsed.documents[1];
  if (second) return { config: null, errors: [{ file, ...lines.at(second.start), id: 'config.multi-document', args: {} }], locate };
  const value = parsed.documents[0]?.value ?? {};
  const simple = simpleConfig(value);
  if (simple) return { config: simple, errors: [], locate };
  const { configFile, configKeys } = zod();
  const result = configFile.safeParse(value, { error: zodErrors(lang) });
  if (result.success) return { config: result.data, errors: [], locate };
  const errors = result.error.issues.map((i): InputError => {
      const unknownKey = i.code === 'unrecognized_keys';
      const where = unknownKey ? [...i.path, i.keys[0] as string] : i.path;
      return { file, ...locate(where, unknownKey), id: 'config.invalid', args: { path: formatPath(i.path), detail: issueText(i, lang, () => (i.path.length === 0 ? configKeys : [])) } };
    });
  // The rules part is still checked, so one run reports every error of the file.
  const rules = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as { rules?: unknown }).rules : undefined;
  const partial = typeof rules === 'object' && rules !== null && !Array.isArray(rules) ? ({ rules } as ConfigFile) : null;
  return { config: partial, errors, locate };
}

/** A severity as a configuration may write it: ESLint's `warn` is accepted for `warning`. */
export const SEVERITY_WORDS = ['error', 'warning', 'warn', 'info'] as const;
const SETTING_WORDS = ['off', ...SEVERITY_WORDS];

/** The time zone "today" is taken in when --as-of is not given (records.md). */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** True for an IANA time zone name this Node knows (Asia/Shanghai, UTC, Europe/Berlin …). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const isMapping = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/**
 * A configuration of only a time zone and rule settings, as the schema would give it back, without
 * loading zod; null for anything else. Each rule's setting is checked when the rules are configured.
 */
function simpleConfig(value: unknown): ConfigFile | null {
  if (!isMapping(value) || !Object.keys(value).every((key) => key === 'timezone' || key === 'rules')) return null;
  const { timezone, rules } = value;
  if (timezone !== undefined && (typeof timezone !== 'string' || !isTimeZone(timezone))) return null;
  if (rules !== undefined && (!isMapping(rules) || Object.hasOwn(rules, '__proto__'))) return null;
  return { ...(timezone !== undefined && { timezone }), ...(rules !== undefined && { rules: { ...rules } }) };
}

/** A configured severity word as a severity (`warn` is `warning`). */
function severityOf(word: unknown): Severity | null {
  if (word === 'warn') return 'warning';
  return word === 'error' || word === 'warning' || word === 'info' ? word : null;
}

/** Applies the configuration's per-rule settings: off, a severity, or parameters (checked against the rule's own schema). */
export function configureRules(rules: readonly Rule[], config: ConfigFile | null, file: string, locate: Locate, lang: Lang = 'en'): { rules: Rule[]; errors: InputError[] } {
  const settings = config?.rules ?? {};
  const errors: InputError[] = [];
  const ids = rules.map((r) => r.id);
  const bad = (path: PropertyKey[], detail: string, key = false) => errors.push({ file, ...locate(path, key), id: 'config.invalid', args: { path: formatPath(path), detail } });
  for (const id of Object.keys(settings)) {
    if (!ids.includes(id)) errors.push({ file, ...locate(['rules', id], true), id: 'config.unknown-rule', args: { rule: id, suggestion: closest(id, ids) ?? '' } });
  }
  const out: Rule[] = [];
  for (const rule of rules) {
    const setting = settings[rule.id];
    const at = ['rules', rule.id];
    if (setting === undefined || setting === null) {
      out.push(rule);
    } else if (setting === 'off' || setting === false) {
      continue;
    } else if (typeof setting !== 'object' || Array.isArray(setting)) {
      const severity = severityOf(setting);
      if (severity) out.push({ ...rule, severity });
      else {
        bad(at, render(lang, 'config.bad-setting', { value: JSON.stringify(setting), allowed: SETTING_WORDS.join(', ') }));
        out.push(rule);
      }
    } else {
      const { severity: word, off, ...params } = setting as Record<string, unknown>;
      if (off !== undefined && typeof off !== 'boolean') bad([...at, 'off'], render(lang, 'config.bad-off', { value: JSON.stringify(off) }));
      if (off === true) continue;
      const severity = word === undefined ? rule.severity : severityOf(word);
      if (!severity) bad([...at, 'severity'], render(lang, 'config.bad-severity', { value: JSON.stringify(word), allowed: SEVERITY_WORDS.join(', ') }));
      const configured = Object.keys(params).length === 0 ? rule : withParams(rule, params, zodErrors(lang));
      if (Array.isArray(configured)) {
        for (const issue of configured) {
          const unknownKey = issue.code === 'unrecognized_keys';
          bad([...at, ...issue.path, ...(unknownKey ? [issue.keys[0] as string] : [])], issueText(issue, lang, () => Object.keys(rule.params).filter((k) => k !== 'what')), unknownKey);
        }
        out.push(rule);
      } else {
        out.push({ ...configured, severity: severity ?? rule.severity });
      }
    }
  }
  return { rules: out, errors };
}
