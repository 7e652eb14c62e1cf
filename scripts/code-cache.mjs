// Part of `npm run build`, after scripts/bundle.mjs: runs the CLI of dist/bundle/ as bin/zhibu.js starts it, on
// the bundled fixtures (a report of findings, one of input errors), then writes beside each CommonJS file it
// loaded the bytecode V8 compiled for it, FILE.cache. A run starts from that instead of compiling the ~7,000
// lines a check runs. V8 takes a cache only from the same V8 version and flags, so the caches are written here,
// by the Node that builds, and a Node that differs compiles as it would without them.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { start } from '../dist/start.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const { cli, uncached } = start();
const sink = { write: () => true };
const runs = [
  ['check', 'fixtures/demo', '--period', '2026Q3', '--as-of', '2026-10-08'],
  ['check', 'fixtures/demo', '--period', '2026Q3', '--as-of', '2026-10-08', '--format', 'json'],
  ['check', 'fixtures/invalid', '--as-of', '2026-10-08'],
];
for (const argv of runs) await cli.main({ argv, stdout: sink, stderr: sink, cwd: root, env: {} });
for (const [file, script] of uncached) writeFileSync(`${file}.cache`, script.createCachedData());
