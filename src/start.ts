// What bin/zhibu.js does before it loads the CLI, and what `npm run build` does before it runs the CLI
// to write the code caches: the same V8 flags in both, or V8 would reject the caches.
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import vm from 'node:vm';
import type * as Cli from './cli.js';

type Compile = (this: Module, content: string, filename: string) => unknown;
const proto = Module.prototype as unknown as { _compile: Compile };

/** dist/bundle/: the CLI as CommonJS files, each with the bytecode V8 cached for it beside it. */
const bundleDir = fileURLToPath(new URL('bundle', import.meta.url));

/**
 * Sets the V8 flags of a run and loads the CLI from dist/bundle/, its CommonJS files started from the
 * bytecode cached beside each of them (`FILE.cache`, written by `npm run build`) instead of compiling
 * every function they run: some 35 ms of a check. A cache V8 rejects (another Node version, other
 * flags) or a missing one costs only the compile it would have saved. `uncached` holds the scripts
 * compiled without a cache, from which the build writes them.
 */
export function start(): { cli: typeof Cli; uncached: Map<string, vm.Script> } {
  // TurboFan inlines far less than its default (460 bytes of bytecode per callee): in a check each rule's
  // code runs about once per branch, and compiling large inlined graphs on background threads costs more
  // than the inlining saves. A check of many files raises it to 200 (commands/check.ts, MANY_FILES).
  setFlagsFromString('--max-inlined-bytecode-size=100');
  const uncached = new Map<string, vm.Script>();
  const compile = proto._compile;
  proto._compile = function (content, filename) {
    if (path.dirname(filename) !== bundleDir) return compile.call(this, content, filename);
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(`${filename}.cache`);
    } catch {
      // not built: compiled as Node would
    }
    const script = new vm.Script(Module.wrap(content), { filename, cachedData, importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER });
    if (cachedData === undefined || script.cachedDataRejected === true) uncached.set(filename, script);
    const wrapper = script.runInThisContext() as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, Module.createRequire(filename), this, filename, bundleDir);
  };
  return { cli: Module.createRequire(import.meta.url)(path.join(bundleDir, 'cli.js')) as typeof Cli, uncached };
}
