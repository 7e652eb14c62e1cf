#!/usr/bin/env node
// The bench's yardstick: a process that only reads the same record files and parses them
// with js-yaml (core schema), as a minimal YAML tool would. `node scripts/parse-only.mjs DIR`
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import jsYaml from 'js-yaml';

const decoder = new TextDecoder('utf-8', { fatal: true });
let documents = 0;
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (/\.ya?ml$/i.test(entry.name)) {
      try {
        documents += jsYaml.loadAll(decoder.decode(readFileSync(full)), undefined, { schema: jsYaml.CORE_SCHEMA }).length;
      } catch {
        // a broken file counts as parsed: the yardstick only reads
      }
    }
  }
};
walk(process.argv[2] ?? '.');
process.stdout.write(`${documents}\n`);
