import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Primitive } from '../../src/checks/primitive.js';
import type { Finding, Shortfall } from '../../src/engine/finding.js';
import { parseWindow, type Window } from '../../src/engine/periods.js';
import type { Rule } from '../../src/engine/rules.js';
import { loadRules } from '../../src/engine/ruleset.js';
import { check, type CheckResult } from '../../src/engine/run.js';
import { BranchScope } from '../../src/engine/scope.js';
import { loadRecordFile } from '../../src/load/records.js';
import type { Branch, InputError } from '../../src/model/types.js';

/** The repository root (tests read rules/, fixtures/ and README.md from it). */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const rulesDir = path.join(root, 'rules');

/** File names in rules/, sorted. */
export function ruleFileNames(): string[] {
  return readdirSync(rulesDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
}

let builtin: { rules: Rule[]; errors: InputError[] } | null = null;

/** The built-in rules, loaded once from every file in rules/. */
export function builtinRules(): { rules: Rule[]; errors: InputError[] } {
  builtin ??= loadRules(ruleFileNames().map((f) => ({ file: `rules/${f}`, bytes: readFileSync(path.join(rulesDir, f)) })));
  return builtin;
}

/** Only the built-in rules with these ids. */
export function rulesById(...ids: string[]): Rule[] {
  const rules = builtinRules().rules.filter((r) => ids.includes(r.id));
  if (rules.length !== ids.length) throw new Error(`unknown rule among ${ids.join(', ')}`);
  return rules;
}

/** A --period value as a Window; throws on a malformed one (a bug in the test). */
export function windowOf(period: string): Window {
  const window = parseWindow(period);
  if (!window) throw new Error(`bad period ${period}`);
  return window;
}

/** Every *.yaml under a folder of the repository, as root-relative display paths. */
export function yamlFilesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(root, rel)).sort()) {
      const child = `${rel}/${name}`;
      if (statSync(path.join(root, child)).isDirectory()) walk(child);
      else if (/\.ya?ml$/.test(name)) out.push(child);
    }
  };
  walk(dir);
  return out;
}

/** Runs check() over repository files (root-relative paths), reading them with fs; `today` as when no --as-of is given. */
export function checkFiles(files: string[], period: string, asOf: string, rules: Rule[] = builtinRules().rules, today: string | null = null): CheckResult {
  for (const f of files) if (!existsSync(path.join(root, f))) throw new Error(`missing fixture ${f}`);
  return check({ files, read: (f) => readFileSync(path.join(root, f)), rules, asOf, window: windowOf(period), today });
}

/** Runs check() over in-memory record files. */
export function checkTexts(texts: Record<string, string>, period: string, asOf: string, rules: Rule[] = builtinRules().rules): CheckResult {
  const read = (f: string) => {
    const text = texts[f];
    if (text === undefined) throw new Error(`no text for ${f}`);
    return Buffer.from(text);
  };
  return check({ files: Object.keys(texts), read, rules, asOf, window: windowOf(period), today: null });
}

export type Tuple = [branch: string, period: string | null, subject: string | null, status: Finding['status']];

/** The (branch, period, subject, status) of a rule's findings, in report order. */
export function tuplesOf(findings: readonly Finding[], rule: string): Tuple[] {
  return findings.filter((f) => f.rule === rule).map((f) => [f.branch, f.period, f.subject, f.status]);
}

/** Sorts tuples so sets can be compared with toEqual. */
export function sorted(tuples: Tuple[]): Tuple[] {
  return [...tuples].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
}

/** One branch document from YAML text; fails loudly on input errors. */
export function branchFrom(yaml: string): Branch {
  const loaded = loadRecordFile('x.yaml', Buffer.from(yaml));
  if (loaded.errors.length > 0) throw new Error(`input errors: ${JSON.stringify(loaded.errors)}`);
  const branch = loaded.branches[0];
  if (!branch) throw new Error('no branch document');
  return branch;
}

/**
 * What a primitive emits for a branch: (period, subject, status) of each shortfall, plus the raw
 * shortfalls. A record finding shows its path (`activities[1]`) for its subject: primitive tables
 * name records by place; their keys are asserted by the rule fixtures and the key tests.
 */
export function runPrimitive(primitive: Primitive, options: unknown, yaml: string, asOf: string, period: string): { found: [string | null, string | null, string][]; shortfalls: Shortfall[] } {
  if (primitive.scope !== 'branch') throw new Error(`${primitive.name} is an organization primitive`);
  const scope = new BranchScope(branchFrom(yaml), asOf, windowOf(period));
  const shortfalls: Shortfall[] = [];
  primitive.run(scope, primitive.options.parse(options), (s) => shortfalls.push(s));
  return { found: shortfalls.map((s) => [s.period, s.path ?? s.subject, s.status]), shortfalls };
}
