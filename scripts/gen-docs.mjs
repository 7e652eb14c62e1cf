// Regenerates the generated parts of docs/ (the rule reference and the record key table)
// from rules/*.yaml and the descriptions of src/schema/records.ts. Run: npm run docs
// test/docs/docs.test.ts fails when a committed file differs from what this writes.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const { generatedDocs } = await import(path.join(root, 'dist/docs/reference.js'));
const { loadRules } = await import(path.join(root, 'dist/engine/ruleset.js'));
const { builtinRulesDir, ruleFiles } = await import(path.join(root, 'dist/load/files.js'));

const sources = ruleFiles(builtinRulesDir).map((file) => ({ file: `rules/${path.basename(file)}`, bytes: readFileSync(file) }));
const { rules, errors } = loadRules(sources);
if (errors.length > 0) {
  console.error(errors);
  process.exit(2);
}
for (const [file, text] of Object.entries(generatedDocs(rules))) {
  const full = path.join(root, file);
  if (existsSync(full) && readFileSync(full, 'utf8') === text) continue;
  writeFileSync(full, text);
  console.log(`wrote ${file}`);
}
