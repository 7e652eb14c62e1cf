import fc from 'fast-check';

/**
 * How much to fuzz. `npm test` runs a fixed seed, so CI is reproducible; `npm run fuzz` (scripts/fuzz.mjs)
 * sets a random seed, many runs and a time limit. A failure prints its seed and path: rerun it with
 * `ZHIBU_FUZZ_SEED=<seed> ZHIBU_FUZZ_PATH=<path> npx vitest run test/fuzz`.
 */
export const FUZZ = {
  seed: Number(process.env.ZHIBU_FUZZ_SEED ?? 20261008),
  path: process.env.ZHIBU_FUZZ_PATH,
  /** Cases per property, scaled by each property's share; the default is what `npm test` runs. */
  scale: Number(process.env.ZHIBU_FUZZ_SCALE ?? 1),
  /** Stop each property after this many milliseconds (the long run); none in `npm test`. */
  timeLimit: process.env.ZHIBU_FUZZ_MINUTES ? Number(process.env.ZHIBU_FUZZ_MINUTES) * 60_000 : undefined,
  long: process.env.ZHIBU_FUZZ_SCALE !== undefined,
};

/** A vitest timeout for a property of `runs` cases: generous, so only a hang trips it. */
export function timeoutFor(runs: number, perCaseMs: number): number {
  return FUZZ.timeLimit !== undefined ? FUZZ.timeLimit + 600_000 : Math.max(60_000, runs * FUZZ.scale * perCaseMs * 20);
}

/** Runs a property; on failure throws fast-check's report (seed, path, shrunk counterexample). Returns the cases tried. */
export async function fuzz<T>(name: string, arbitrary: fc.Arbitrary<T>, property: (value: T) => Promise<void>, runs: number): Promise<number> {
  const numRuns = Math.max(1, Math.round(runs * FUZZ.scale));
  const details = await fc.check(fc.asyncProperty(arbitrary, property), {
    seed: FUZZ.seed,
    path: FUZZ.path,
    numRuns,
    interruptAfterTimeLimit: FUZZ.timeLimit,
    endOnFailure: FUZZ.long, // the long run reports the first failure as found; npm test shrinks it
  });
  if (FUZZ.long) process.stdout.write(`fuzz ${name}: ${details.numRuns} cases, seed ${FUZZ.seed}${details.interrupted ? ' (time limit)' : ''}${details.failed ? ', FAILED' : ''}\n`);
  if (details.failed) throw new Error(`${name}: ${fc.defaultReportMessage(details) ?? 'failed'}\n${errorText(details.errorInstance)}\nRerun: ZHIBU_FUZZ_SEED=${FUZZ.seed} ZHIBU_FUZZ_PATH=${details.counterexamplePath ?? ''} npx vitest run test/fuzz`);
  return details.numRuns;
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
}
