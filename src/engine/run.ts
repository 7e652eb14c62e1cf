import { liaisonTarget } from '../checks/liaison.js';
import { loadRecordFile, skippedDocument, type LoadedFile } from '../load/records.js';
import { ReadRefused } from '../load/files.js';
import { detached, positionOf, type Branch, type InputError, type Organization, type SkippedDocument } from '../model/types.js';
import { contentHash, type CacheFile, type FileStamp, type OutcomeCache } from './cache.js';
import { digestOf, type BranchDigest } from './digest.js';
import { duplicateDocument, duplicateError, evaluateBranch, newSink, organizationFindings } from './evaluate.js';
import { compareFindings, comparePositions, type Evaluation, type Finding } from './finding.js';
import type { BranchInfo, FileOutcome } from './outcome.js';
import type { Window } from './periods.js';
import type { Rule } from './rules.js';
import { BranchScope } from './scope.js';
import { ownedFiles, shardBranch, shardOrganization, type ShardData, type ShardSpec } from './shard.js';

// The pipeline: files → (cache | load → evaluate → digest) → assemble → organization rules
// (here, or in `zhibu merge` for shards). Worker threads run the same per-file stage (parallel.ts).

export type { BranchInfo } from './outcome.js';

/** What the per-file stage needs: the same in-process and in a worker. */
export interface FileStageInput {
  rules: Rule[];
  asOf: string;
  window: Window;
  /** Today's date when --as-of was not given: later dated entries are records.future-date findings. */
  today: string | null;
  /** Only these branch ids (--branch); organization rules still see every branch. */
  branches?: ReadonlySet<string> | null;
  /** Per branch id: names of leaders whose own or liaison branch it is. */
  leadersByBranch: ReadonlyMap<string, ReadonlySet<string>>;
  /** --shard: check only this part of the files; organization rules are left to `zhibu merge`. */
  shard?: ShardSpec | null;
  /** Also record every evaluation, passed ones included (`--evaluations`, the HTML report). */
  evaluations?: boolean;
}

export interface CheckInput extends Omit<FileStageInput, 'leadersByBranch'> {
  /** Outcomes of unchanged files from an earlier run (--cache); its key must cover every setting. */
  cache?: (leadersByBranch: ReadonlyMap<string, ReadonlySet<string>>) => OutcomeCache;
  /** With a cache: the earlier run's cache file and each record file's stamp now (null: not to be trusted), so unchanged files are not read. */
  stamps?: { file: CacheFile; of: (file: string) => FileStamp | null };
  /** Record files (display paths); they are checked in sorted order. */
  files: string[];
  /** Reads a file's bytes (the only I/O the engine does, passed in). */
  read: (file: string) => Uint8Array;
  onProgress?: (done: number, total: number) => void;
}

export interface CheckResult {
  findings: Finding[];
  /** Every branch checked, in file order. */
  branchInfo: BranchInfo[];
  /** Every organization read: id, name, file, and each leader's liaison (for scoring liaison findings). */
  organizationInfo: { id: string; name: string; file: string; liaisons?: Record<string, string | null> }[];
  inputErrors: InputError[];
  /** Documents skipped for input errors (a duplicated branch id included), by position. */
  skipped: SkippedDocument[];
  files: number;
  branches: number;
  /** Every branch id read, checked or not (for `--branch` "did you mean"). */
  branchIds: string[];
  exempted: number;
  /** With --shard: what `zhibu merge` needs to run the organization rules. */
  shard?: ShardData;
  /** Every evaluation, passed ones included, when asked for (`evaluations` in the input). */
  evaluations?: Evaluation[];
}

// A file can only hold an organization document if it says "organization" (or escapes it).
const ORGANIZATION_HINT = Buffer.from('organization');
const ESCAPE_HINT = Buffer.from('\\');
function mayHoldOrganization(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return buffer.includes(ORGANIZATION_HINT) || buffer.includes(ESCAPE_HINT);
}

/**
 * The bytes of the first pass kept for the second, at most this many in all: each file is
 * read once while the records fit (1,000 branch-years are about 30 MB), and memory stays
 * bounded beyond (later files are read again).
 */
export const KEPT_BYTES = 64 * 1024 * 1024;

/** What stage 1 keeps of the files it read: the bytes of `files`, up to `bytes` in all. */
interface KeepBytes {
  files: ReadonlySet<string>;
  bytes: number;
}

/** Stage 1: organization files first, so leaders are known before branches stream past. */
export function readOrganizations(files: readonly string[], read: (file: string) => Uint8Array, options: { hashing?: boolean; keep?: KeepBytes; stamps?: CheckInput['stamps'] } = {}) {
  const early = new Map<string, LoadedFile>();
  const hashes = new Map<string, string>();
  /** Stamps of the files without an organization document, to keep with their outcomes. */
  const stamps = new Map<string, FileStamp>();
  const kept = new Map<string, Uint8Array>();
  let room = options.keep?.bytes ?? 0;
  for (const file of files) {
    const stamp = options.hashing ? (options.stamps?.of(file) ?? null) : null;
    const known = stamp && options.stamps?.file.hashOf(file, stamp);
    if (stamp && known) {
      // Unchanged since a run hashed it, and no organization file (only those are stamped): not read.
      hashes.set(file, known);
      stamps.set(file, stamp);
      continue;
    }
    const bytes = safeRead(read, file);
    if (!(bytes instanceof Uint8Array)) continue;
    if (options.hashing) hashes.set(file, contentHash(bytes));
    if (mayHoldOrganization(bytes)) {
      early.set(file, loadRecordFile(file, bytes));
      continue;
    }
    if (stamp) stamps.set(file, stamp);
    if (bytes.byteLength <= room && options.keep?.files.has(file)) {
      kept.set(file, bytes);
      room -= bytes.byteLength;
    }
  }
  const organizations: Organization[] = [];
  const errors: InputError[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    for (const org of early.get(file)?.organizations ?? []) {
      const first = seen.get(org.id);
      if (first) {
        errors.push({ file, ...positionOf(org.source, org.at), id: 'organization.duplicate', args: { id: org.id, first } });
        continue;
      }
      seen.set(org.id, file);
      organizations.push(org);
    }
  }
  const leadersByBranch = new Map<string, Set<string>>();
  for (const org of organizations) {
    for (const leader of org.leaders) {
      for (const id of [leader.branch, liaisonTarget(leader.liaison)?.branch]) {
        if (!id) continue;
        let set = leadersByBranch.get(id);
        if (!set) leadersByBranch.set(id, (set = new Set()));
        set.add(leader.name);
      }
    }
  }
  return { early, kept, organizations, errors, leadersByBranch, hashes, stamps };
}

function safeRead(read: (file: string) => Uint8Array, file: string): Uint8Array | InputError {
  try {
    return read(file);
  } catch (error) {
    if (error instanceof ReadRefused) return { file, line: 1, column: 1, id: error.id, args: error.args };
    return { file, line: 1, column: 1, id: 'file.unreadable', args: { reason: (error as NodeJS.ErrnoException).code ?? String(error) } };
  }
}

/** Stage 2, for one file: load it and check each branch; pure but for `read`. */
export function checkFile(file: string, read: (file: string) => Uint8Array, input: FileStageInput, loaded?: LoadedFile): FileOutcome {
  if (!loaded) {
    const bytes = safeRead(read, file);
    if (!(bytes instanceof Uint8Array)) return { file, errors: [bytes], skipped: [skippedDocument(file, bytes)], branches: [] };
    loaded = loadRecordFile(file, bytes);
  }
  const outcome: FileOutcome = { file, errors: detached(loaded.errors), skipped: detached(loaded.skipped), branches: [] };
  for (const branch of loaded.branches) {
    const scope = new BranchScope(branch, input.asOf, input.window, input.today);
    const checked = !input.branches || input.branches.has(branch.id);
    const sink = newSink(input.evaluations);
    if (checked) evaluateBranch(scope, input.rules, sink);
    // What outlives the file is detached from its text, so the text can go.
    outcome.branches.push({
      id: detached(branch.id),
      header: positionOf(branch.source, branch.at),
      checked,
      findings: detached(sink.findings),
      exempted: sink.exempted,
      digest: detached(digestOf(scope, input.leadersByBranch.get(branch.id))),
      info: detached(branchInfo(branch)),
      ...(sink.evaluations ? { evaluations: sink.evaluations } : {}),
    });
  }
  return outcome;
}

/** Stage 3: files in sorted order (which decides duplicate ids), then organization rules. */
export function assemble(outcomes: readonly FileOutcome[], organizations: readonly Organization[], stageErrors: readonly InputError[], input: FileStageInput): CheckResult {
  const result: CheckResult = { findings: [], branchInfo: [], organizationInfo: [], inputErrors: [...stageErrors], skipped: [], files: outcomes.length, branches: 0, branchIds: [], exempted: 0, ...(input.evaluations ? { evaluations: [] } : {}) };
  const digests = new Map<string, BranchDigest>();
  const shardBranches: ShardData['branches'] = [];
  const branchFiles = new Map<string, string>();
  for (const outcome of outcomes) {
    result.inputErrors.push(...outcome.errors);
    result.skipped.push(...outcome.skipped);
    for (const b of outcome.branches) {
      const first = branchFiles.get(b.id);
      if (first) {
        result.inputErrors.push(duplicateError(outcome.file, b.header, b.id, first));
        result.skipped.push(duplicateDocument(outcome.file, b.header, b.id, b.info.name, b.digest.parent));
        continue;
      }
      branchFiles.set(b.id, outcome.file);
      result.branchIds.push(b.id);
      digests.set(b.id, b.digest);
      if (input.shard) shardBranches.push(shardBranch(outcome.file, b));
      if (!b.checked) continue;
      result.branches++;
      result.branchInfo.push(b.info);
      result.findings.push(...b.findings);
      result.exempted += b.exempted;
      if (b.evaluations) result.evaluations?.push(...b.evaluations);
    }
  }
  for (const org of organizations) result.organizationInfo.push({ id: org.id, name: org.name, file: org.source.file, liaisons: Object.fromEntries(org.leaders.map((l) => [l.name, l.liaison ?? null])) });
  if (input.shard) {
    result.shard = { ...input.shard, branches: shardBranches, organizations: organizations.map(shardOrganization), skipped: [...result.skipped] };
  } else {
    organizationFindings(organizations, digests, result.skipped, input.rules, input.asOf, input.window, input.branches ?? null, result);
  }
  result.findings.sort(compareFindings);
  result.inputErrors.sort(comparePositions);
  result.skipped.sort(comparePositions);
  return result;
}

/**
 * Stage 1 and the cache, as both pipelines use them. `keep` bytes of the first pass are kept
 * for `check` (worker threads read their files themselves). Not with a cache: a warm run checks
 * nothing, and holding its bytes made it slower (measured), so only a changed file is read again.
 */
export function prepare(input: CheckInput, keep = input.cache ? 0 : KEPT_BYTES) {
  const files = [...new Set(input.files)].sort();
  const owned = ownedFiles(files, input.shard);
  const stage = readOrganizations(files, input.read, { hashing: !!input.cache, keep: { files: new Set(owned), bytes: keep }, stamps: input.stamps });
  const fileInput: FileStageInput = { ...input, leadersByBranch: stage.leadersByBranch };
  const cache = input.cache?.(stage.leadersByBranch);
  return {
    stage,
    fileInput,
    owned,
    /** A file's bytes: those stage 1 kept (handed over once, then let go), else read again. */
    read(file: string): Uint8Array {
      const bytes = stage.kept.get(file);
      if (!bytes) return input.read(file);
      stage.kept.delete(file);
      return bytes;
    },
    /** An unchanged file's outcome from the cache. */
    cached(file: string): FileOutcome | undefined {
      const hash = stage.hashes.get(file);
      return hash ? cache?.get(file, hash, stage.stamps.get(file)) : undefined;
    },
    /** Keeps a fresh outcome in the cache. */
    store(outcome: FileOutcome): void {
      const hash = stage.hashes.get(outcome.file);
      if (hash) cache?.set(outcome.file, hash, outcome, stage.stamps.get(outcome.file));
    },
  };
}

/**
 * Checks every record file against the rules, in this process. Files stream through
 * one at a time: each branch is checked and reduced to a small digest (what
 * organization rules need) before the next file is read.
 */
export function check(input: CheckInput): CheckResult {
  const run = prepare(input);
  const outcomes = run.owned.map((file, i, owned) => {
    let outcome = run.cached(file);
    if (!outcome) {
      outcome = checkFile(file, run.read, run.fileInput, run.stage.early.get(file));
      run.store(outcome);
    }
    input.onProgress?.(i + 1, owned.length);
    return outcome;
  });
  return assemble(outcomes, run.stage.organizations, run.stage.errors, run.fileInput);
}

function branchInfo(branch: Branch): BranchInfo {
  return {
    id: branch.id,
    name: branch.header.name,
    secretary: branch.header.secretary,
    file: branch.source.file,
    ...positionOf(branch.source, branch.at),
    rectifications: branch.rectifications.map((r) => ({
      issue: r.issue,
      rule: r.rule ?? null,
      found: r.found ?? null,
      deadline: r.deadline ?? null,
      owner: r.owner ?? null,
      status: r.status ?? 'open',
      done: r.done ?? null,
    })),
  };
}
