#!/usr/bin/env node
// `zhibu --version` alone answers before the CLI (commander and some 20 modules) loads: it is what scripts call most.
if (process.argv.length === 3 && (process.argv[2] === '--version' || process.argv[2] === '-V')) {
  const { VERSION } = await import('../dist/version.js');
  process.stdout.write(`${VERSION}\n`);
} else {
  // dist/bundle/ is CommonJS, so that V8 can start it from the bytecode `npm run build` cached.
  const { main } = (await import('../dist/start.js')).start().cli;

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
