import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { root } from './fixtures.js';

/**
 * The files of a built package's dist/bundle/ that V8 compiled without a code cache, in a process that
 * starts the CLI as bin/zhibu.js does and checks the demo records and the invalid ones (what the build's
 * own runs load). Empty when every cache was taken.
 */
export function uncachedAfterChecks(packageRoot: string): string[] {
  const script = `const { cli, uncached } = (await import(${JSON.stringify(path.join(packageRoot, 'dist/start.js'))})).start();
    const sink = { write: () => true };
    for (const argv of [['check', 'fixtures/demo', '--as-of', '2026-10-08'], ['check', 'fixtures/invalid', '--format', 'json']])
      await cli.main({ argv, stdout: sink, stderr: sink, cwd: process.cwd(), env: {} });
    process.stdout.write(JSON.stringify([...uncached.keys()]));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' })) as string[];
}
