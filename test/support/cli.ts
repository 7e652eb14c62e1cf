import { main } from '../../src/cli.js';

export interface RunOptions {
  /** Run as if at a terminal this many columns wide (stdout and stderr are then TTYs). */
  columns?: number;
  /** Environment variables besides NO_COLOR=1 (colour off unless a test asks). */
  env?: Record<string, string | undefined>;
  /** What standard input holds. */
  stdin?: string;
}

/** Runs the CLI in-process in `cwd` with colour off, capturing what it writes. */
export async function runCli(argv: string[], cwd: string, today: string, options: RunOptions = {}) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const tty = options.columns !== undefined;
  const code = await main({
    argv,
    stdout: { write: (text: string) => stdout.push(text), isTTY: tty, columns: options.columns },
    stderr: { write: (text: string) => stderr.push(text), isTTY: tty },
    stdin: options.stdin === undefined ? undefined : (async function* (text: string) { yield Buffer.from(text); })(options.stdin),
    cwd,
    env: { NO_COLOR: '1', ...options.env },
    today,
  });
  return { code, out: stdout.join(''), err: stderr.join('') };
}
