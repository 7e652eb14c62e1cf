import type { z as Zod } from 'zod';
import { readFileSync } from 'node:fs';
import { primitives } from '../checks/index.js';
import type { Primitive } from '../checks/primitive.js';
import { z } from '../checks/deferred-z.js';
import { decodeUtf8, type Decoded } from '../load/decode.js';
import { LineIndex } from '../load/position.js';
import { formatPath } from '../load/records.js';
import { Locator, parseYaml } from '../load/yaml.js';
import type { InputError } from '../model/types.js';
import type { Severity } from './finding.js';

export const severity = z.enum(['error', 'warning', 'info']);
const categories = ['组织设置', '三会一课', '主题党日', '组织生活', '党员管理', '联系基层', '活动载体与整改', '记录规范'] as const;

/** Identity and metadata of a rule file; every other key is an option of its check. */
const ruleMetaShape = {
  id: z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/),
  category: z.string().min(1),
  severity,
  title: z.string().min(1),
  basis: z.string().min(1),
  remedy: z.string().min(1),
  check: z.string(),
  when: z.strictObject({ committee: z.enum(['present', 'absent']).optional(), kind: z.array(z.enum(['branch', 'general-branch', 'joint-branch'])).optional() }).optional(),
  en: z.strictObject({ title: z.string(), remedy: z.string() }).optional(),
  /** The rule's own wording of its findings instead of its check's; `{period}`, `{name}`… are the finding's arguments. */
  message: z.strictObject({ zh: z.string().min(1), en: z.string().min(1) }).optional(),
  examples: z.strictObject({ pass: z.string(), fail: z.string() }).optional(),
};
export const ruleMeta = z.strictObject(ruleMetaShape);
const metaKeys = new Set(Object.keys(ruleMetaShape));

/** A loaded, validated rule ready to run. */
export interface Rule extends Omit<Zod.output<typeof ruleMeta>, 'severity'> {
  severity: Severity;
  primitive: Primitive;
  /** Check options as written (after configuration), for `rules show`. */
  params: Record<string, unknown>;
  /** Check options as validated by the primitive. */
  options: unknown;
  file: string;
}

export { categories };

/** A rule file as validated when zhibu was built: its metadata, options as written, options as validated. */
export interface BuiltRule {
  meta: Zod.output<typeof ruleMeta>;
  params: Record<string, unknown>;
  options: unknown;
}

/** Where `npm run build` writes the built-in rules it validated (scripts/build-data.mjs), by each file's text (`ruleText`). */
export const builtRulesFile = new URL('../built-in-rules.json', import.meta.url);

/** The rule files validated at build time; none when running the sources (tests) or before a build. */
export function builtRules(): Map<string, BuiltRule> {
  try {
    return new Map(Object.entries(JSON.parse(readFileSync(builtRulesFile, 'utf8')) as Record<string, BuiltRule>));
  } catch {
    return new Map();
  }
}

/** A rule file's text (UTF-8, byte-order mark dropped): all a loaded rule is made of, its file name aside. */
export function ruleText(bytes: Uint8Array): Decoded {
  const decoded = decodeUtf8(bytes);
  return decoded.ok ? { ok: true, text: decoded.text.replace(/^\uFEFF/, '') } : decoded;
}

/** Parses and validates one rule file; a bad rule becomes an input error with its position. */
export function loadRuleFile(file: string, bytes: Uint8Array, built?: Map<string, BuiltRule>): { rule: Rule | null; errors: InputError[] } {
  const decoded = ruleText(bytes);
  if (!decoded.ok) return { rule: null, errors: [{ file, ...decoded.position, id: 'file.not-utf8', args: { byte: decoded.byte.toString(16) } }] };
  const { text } = decoded;
  // A file with the very text validated at build time needs no second validation (nor zod).
  const known = built?.get(text);
  const builtPrimitive = known && primitives.get(known.meta.check);
  if (known && builtPrimitive) return { rule: { ...known.meta, primitive: builtPrimitive, params: known.params, options: known.options, file }, errors: [] };
  const lines = new LineIndex(text);
  const parsed = parseYaml(text);
  const problem = parsed.fatal ?? parsed.documentProblems[0]?.problem;
  if (problem) return { rule: null, errors: [{ file, ...lines.at(problem.offset), id: 'yaml.syntax', args: { code: problem.code, detail: problem.detail } }] };
  const doc = parsed.documents[0];
  const raw = doc?.value;
  if (!doc || typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { rule: null, errors: [{ file, line: 1, column: 1, id: 'rule.invalid', args: { path: '', detail: 'a rule file is one mapping' } }] };
  }
  const entries = Object.entries(raw as Record<string, unknown>);
  const meta = Object.fromEntries(entries.filter(([k]) => metaKeys.has(k)));
  const params = Object.fromEntries(entries.filter(([k]) => !metaKeys.has(k)));
  const locator = new Locator(text);
  const errorAt = (path: PropertyKey[], detail: string, key = false): InputError => ({
    file,
    ...lines.at(locator.locate(doc.index, path, key)),
    id: 'rule.invalid',
    args: { path: formatPath(path), detail },
  });
  const metaResult = ruleMeta.safeParse(meta);
  if (!metaResult.success) return { rule: null, errors: metaResult.error.issues.map((i) => errorAt(i.path, i.message)) };
  const primitive = primitives.get(metaResult.data.check);
  if (!primitive) return { rule: null, errors: [errorAt(['check'], `unknown check ${metaResult.data.check}; known: ${[...primitives.keys()].join(', ')}`)] };
  const options = primitive.options.safeParse(params);
  if (!options.success) {
    return { rule: null, errors: options.error.issues.map((i) => errorAt(i.code === 'unrecognized_keys' ? [...i.path, i.keys[0] as string] : i.path, describe(i), i.code === 'unrecognized_keys')) };
  }
  return { rule: { ...metaResult.data, primitive, params, options: options.data, file }, errors: [] };
}

function describe(issue: Zod.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown option ${issue.keys.join(', ')}`;
  return issue.message;
}

/** Re-validates a rule with configured parameter values; returns the issues when they do not fit (worded by `error`). */
export function withParams(rule: Rule, overrides: Record<string, unknown>, error?: Zod.core.$ZodErrorMap): Rule | Zod.core.$ZodIssue[] {
  const params = { ...rule.params, ...overrides };
  const options = rule.primitive.options.safeParse(params, { error });
  if (!options.success) return options.error.issues;
  return { ...rule, params, options: options.data };
}
