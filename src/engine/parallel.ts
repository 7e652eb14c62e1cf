import type { ConfigFile } from '../schema/config.js';
import type { FileOutcome } from './outcome.js';
import { assemble, checkFile, prepare, type CheckInput, type CheckResult, type FileStageInput } from './run.js';
import type { RuleSource } from './ruleset.js';

/** How a worker rebuilds the rule set: rule files, configuration, --rule filter. */
export interface RuleSpec {
  sources: RuleSource[];
  config: ConfigFile | null;
  configFile: string;
  only: string[] | null;
}

export interface WorkerJob {
  files: string[];
  cwd: string;
  rules: RuleSpec;
  asOf: string;
  window: FileStageInput['window'];
  today: string | null;
  branches: string[] | null;
  leadersByBranch: Map<string, Set<string>>;
}

/** Below this many files, threads cost more than they save. */
const PARALLEL_THRESHOLD = 64;
const workerUrl = new URL('./worker.js', import.meta.url);

/** Fewer cores than this and threads lose: measured on 2 vCPUs, a whole check was ~20% slower with them. */
const PARALLEL_MIN_CORES = 4;

// node:os and node:worker_threads load only for a run that may use threads.
const cpus = () => process.getBuiltinModule('node:os').availableParallelism();

/** Worker threads are used from the built JavaScript only (tests run the TypeScript in-process). */
export function canRunParallel(files: number, cores?: number): boolean {
  return files >= PARALLEL_THRESHOLD && (cores ?? cpus()) >= PARALLEL_MIN_CORES && import.meta.url.endsWith('.js');
}

/**
 * Like `check`, but loads and checks files on worker threads (one per core, up to 4):
 * organization files and the assembly stay on this thread, so results are identical.
 */
export async function checkParallel(input: CheckInput & { cwd: string; ruleSpec: RuleSpec }): Promise<CheckResult> {
  const run = prepare(input, 0);
  const { stage, owned } = run;
  const outcomes = new Map<string, FileOutcome>();
  for (const file of owned) {
    const cached = run.cached(file);
    if (cached) outcomes.set(file, cached);
  }
  const isOwned = new Set(owned);
  for (const [file, loaded] of stage.early) {
    if (outcomes.has(file) || !isOwned.has(file)) continue;
    const outcome = checkFile(file, input.read, run.fileInput, loaded);
    outcomes.set(file, outcome);
    run.store(outcome);
  }
  const rest = owned.filter((f) => !outcomes.has(f));
  const threads = Math.max(1, Math.min(cpus(), 4, Math.ceil(rest.length / 16)));
  let done = outcomes.size;
  if (rest.length > 0) await Promise.all(
    Array.from({ length: threads }, (_, k) => {
      const job: WorkerJob = {
        files: rest.filter((_, i) => i % threads === k),
        cwd: input.cwd,
        rules: input.ruleSpec,
        asOf: input.asOf,
        window: input.window,
        today: input.today,
        branches: input.branches ? [...input.branches] : null,
        leadersByBranch: stage.leadersByBranch,
      };
      return new Promise<void>((resolve, reject) => {
        const worker = new (process.getBuiltinModule('node:worker_threads').Worker)(workerUrl, { workerData: job, execArgv: [] });
        worker.on('message', (batch: FileOutcome[]) => {
          for (const outcome of batch) {
            outcomes.set(outcome.file, outcome);
            run.store(outcome);
          }
          done += batch.length;
          input.onProgress?.(done, owned.length);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited with code ${code}`))));
      });
    }),
  );
  return assemble(
    owned.map((f) => outcomes.get(f) as FileOutcome),
    stage.organizations,
    stage.errors,
    run.fileInput,
  );
}
