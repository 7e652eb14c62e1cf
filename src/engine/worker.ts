import { parentPort, workerData } from 'node:worker_threads';
import { readRelative } from '../load/files.js';
import type { WorkerJob } from './parallel.js';
import { configureRules, loadRules } from './ruleset.js';
import type { FileOutcome } from './outcome.js';
import { checkFile } from './run.js';

// A worker thread of checkParallel: checks its share of files and posts outcomes in batches.
const job = workerData as WorkerJob;
const loaded = loadRules(job.rules.sources);
let rules = configureRules(loaded.rules, job.rules.config, job.rules.configFile, () => ({ line: 1, column: 1 })).rules;
if (job.rules.only) rules = rules.filter((r) => job.rules.only?.includes(r.id));
const input = { rules, asOf: job.asOf, window: job.window, today: job.today, branches: job.branches ? new Set(job.branches) : null, leadersByBranch: job.leadersByBranch };
const read = (file: string) => readRelative(job.cwd, file);
let batch: FileOutcome[] = [];
for (const file of job.files) {
  batch.push(checkFile(file, read, input));
  if (batch.length === 25) {
    parentPort?.postMessage(batch);
    batch = [];
  }
}
if (batch.length > 0) parentPort?.postMessage(batch);
