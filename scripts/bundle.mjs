// Part of `npm run build`: dist/ as a few CommonJS files in dist/bundle/, what bin/zhibu.js loads. Node resolves,
// compiles and links the ~80 ES modules tsc writes for a check some 30 ms slower than these chunks as ES modules,
// and those some 30 ms slower than as CommonJS, which can also start from a code cache (scripts/code-cache.mjs).
// The command modules and report formats stay chunks of their own, loaded when used; packages but zod, chalk,
// string-width and commander stay in node_modules.
// The entries keep their names and dist/bundle/ is as deep as dist/engine/, so every file a module finds
// beside itself (../record-plan.json, ../built-in-rules.json, ./worker.js, ./schemas.js, ../..) is the same.
import { rmSync, writeFileSync } from 'node:fs';
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
  // zod is bundled, into a chunk that only modules loaded on demand import: it loads faster than its ~100 files in node_modules.
  // chalk and string-width are bundled because they are ES modules only, which the CommonJS chunks could only
  // require as a namespace, not as the default export that is imported; what they import is bundled with them.
  // commander is bundled so that it too starts from a code cache (~5 ms).
  external: (id, importer) => !id.startsWith('.') && !path.isAbsolute(id) && !/^(zod|chalk|string-width|commander)(\/|$)/.test(id) && !importer?.includes('/node_modules/'),
  // Of zod's 40-odd locales (~260 KB), only the two a run uses: English, zod's default, and Chinese, for configuration errors.
  plugins: [
    { name: 'zod-locales', load: (id) => (id.endsWith('/zod/v4/locales/index.js') ? "export { default as en } from './en.js';\nexport { default as zhCN } from './zh-CN.js';\n" : null) },
    // commander requires node:child_process (and with it node:net and node:dgram, ~5 ms) for executable
    // subcommands, which zhibu has none of: it is required when one would be spawned.
    {
      name: 'commander-spawn',
      transform: (code, id) =>
        id.endsWith('/commander/lib/command.js') ? code.replace("const childProcess = require('node:child_process');", "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };") : null,
    },
  ],
  logLevel: 'warn',
});
// `zhibu check` and every module it loads are one chunk (with what the CLI imports from them): Node
// resolves, reads and links each ES module on its own, about 1 ms apiece, and a check loaded 15.
// The other commands then load that chunk too; the report formats and commands stay lazy chunks.
await bundle.write({
  dir,
  format: 'cjs',
  entryFileNames: '[name].js',
  chunkFileNames: '[name]-[hash].js',
  codeSplitting: { groups: [{ name: 'check', test: /dist\/commands\/check\.js$/ }] },
});
writeFileSync(path.join(dir, 'package.json'), '{ "type": "commonjs" }\n');
