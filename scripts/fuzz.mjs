#!/usr/bin/env node
// The long fuzz run (npm run fuzz): the fuzz suite of test/fuzz with a random seed, many more
// cases and a time limit per property. It prints the seed first and the cases each property
// tried; a failure prints the counterexample and the command that replays it.
//
//   npm run fuzz                                  random seed, 10 minutes per property
//   ZHIBU_FUZZ_MINUTES=30 npm run fuzz            longer
//   ZHIBU_FUZZ_SEED=123 npm run fuzz              a given seed
//   ZHIBU_FUZZ_SCALE=100 npm run fuzz             cases = 100 × those of npm test (the time limit still applies)

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { randomInt } from 'node:crypto';

const seed = process.env.ZHIBU_FUZZ_SEED ?? String(randomInt(2 ** 31));
const minutes = process.env.ZHIBU_FUZZ_MINUTES ?? '10';
const scale = process.env.ZHIBU_FUZZ_SCALE ?? '1000';
process.stdout.write(`zhibu fuzz: seed ${seed}, up to ${minutes} minutes per property, ${scale} × the cases of npm test\n`);
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
const result = spawnSync(process.execPath, [vitest, 'run', 'test/fuzz/cli.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, ZHIBU_FUZZ_SEED: seed, ZHIBU_FUZZ_MINUTES: minutes, ZHIBU_FUZZ_SCALE: scale },
});
process.exit(result.status ?? 1);
