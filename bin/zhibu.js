#!/usr/bin/env node
// `zhibu --version` alone answers before the CLI (commander and some 20 modules) loads: it is what scripts call most.
if (process.argv.length === 3 && (process.argv[2] === '--version' || process.argv[2] === '-V')) {
  const { VERSION } = await import('../dist/version.js');
  process.stdout.write(`${VERSION}\n`);
} else {
  // TurboFan inlines less than its default (460 bytes of bytecode per callee): in a check each rule's
  // code runs about once per branch, and compiling its large inlined graphs on background threads
  // cost more CPU than the inlining saved (whole check, generator and JSON corpora: 0.84-0.95x CPU).
  (await import('node:v8')).setFlagsFromString('--max-inlined-bytecode-size=200');
  const { main } = await import('../dist/bundle/cli.js');

  // A reader that stopped reading (`zhibu check records/ | head`) ends the run quietly.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }

  process.exitCode = await main({
    argv: process.argv.slice(2),
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    cwd: process.cwd(),
    env: process.env,
  });
}
