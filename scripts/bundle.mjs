// Part of `npm run build`: dist/ as a few ES modules in dist/bundle/, what bin/zhibu.js loads. Node resolves,
// compiles and links the ~80 files tsc writes for a check some 30 ms slower than these chunks; the command
// modules and report formats stay chunks of their own, loaded when used, and packages stay in node_modules.
// The entries keep their names and dist/bundle/ is as deep as dist/engine/, so every file a module finds
// beside itself (../record-plan.json, ../built-in-rules.json, ./worker.js, ./schemas.js, ../..) is the same.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = path.join(root, 'dist/bundle');
rmSync(dir, { recursive: true, force: true });
const bundle = await rolldown({
  input: { cli: 'dist/cli.js', worker: 'dist/engine/worker.js', schemas: 'dist/schemas.js' },
  cwd: root,
  platform: 'node',
  external: (id) => !id.startsWith('.') && !path.isAbsolute(id),
  logLevel: 'warn',
});
await bundle.write({ dir, format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' });
