import { main } from '../../src/cli.js';

/** Runs the CLI in-process in `cwd` with colour off, capturing what it writes. */
export async function runCli(argv: string[], cwd: string, today: string) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main({
    argv,
    stdout: { write: (text: string) => stdout.push(text) },
    stderr: { write: (text: string) => stderr.push(text) },
    cwd,
    env: { NO_COLOR: '1' },
    today,
  });
  return { code, out: stdout.join(''), err: stderr.join('') };
}
