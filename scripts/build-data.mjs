// Part of `npm run build`: what a check would otherwise derive with zod at each start, derived once.
// - dist/built-in-rules.json: each built-in rule file's text (ruleText) → its metadata and options
//   as loadRuleFile() validated them. A file changed since is not found there and is validated as
//   any user rule is (engine/rules.ts): this file can be unused, never stale.
// - dist/record-plan.json: the fast record validator's plan, read from the zod schemas
//   (schema/validate.ts); test/schema/fast-parity.test.ts fails when it differs from the sources'.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtRulesFile, loadRuleFile, ruleText } from '../dist/engine/rules.js';
import { planFile, recordPlans } from '../dist/schema/validate.js';

const dir = fileURLToPath(new URL('../rules/', import.meta.url));
const rules = {};
for (const name of readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort()) {
  const bytes = readFileSync(path.join(dir, name));
  const { rule, errors } = loadRuleFile(`rules/${name}`, bytes);
  if (!rule) throw new Error(`rules/${name}: ${JSON.stringify(errors)}`);
  const { params, options } = rule;
  const meta = Object.fromEntries(Object.entries(rule).filter(([key]) => !['primitive', 'params', 'options', 'file'].includes(key)));
  rules[ruleText(bytes).text] = { meta, params, options };
}
writeFileSync(builtRulesFile, `${JSON.stringify(rules)}\n`);
writeFileSync(planFile, `${JSON.stringify(recordPlans())}\n`);
