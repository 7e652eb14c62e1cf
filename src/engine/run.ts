import type { BranchDigest, OrganizationScope, Participation } from '../checks/primitive.js';
import { liaisonTarget } from '../checks/liaison.js';
import { loadRecordFile, unreadDocument, type LoadedFile } from '../load/records.js';
import { ReadRefused } from '../load/files.js';
import { detached, positionOf, type Branch, type Exemption, type InputError, type Organization, type SkippedDocument, type Source } from '../model/types.js';
import type { Position } from '../load/position.js';
import { isExempted } from './exemptions.js';
import { compareFindings, comparePositions, type Emit, type Evaluation, type Finding } from './finding.js';
import type { Window } from './periods.js';
import type { Rule } from './rules.js';
import { BranchScope } from './scope.js';
import { contentHash, type OutcomeCache } from './cache.js';
import { shardOrganization, type ShardData, type ShardSpec } from './shard.js';
import { fileShard } from '../ci/shard.js';

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
  /** Record files (display paths); they are checked in sorted order. */
  files: string[];
  /** Reads a file's bytes (the only I/O the engine does, passed in). */
  read: (file: string) => Uint8Array;
  onProgress?: (done: number, total: number) => void;
}

/** What reporters beyond the findings need to know of a checked branch (rectification owners, carry-over). */
export interface BranchInfo {
  id: string;
  name: string;
  secretary: string;
  file: string;
  line: number;
  column: number;
  rectifications: { issue: string; rule: string | null; found: string | null; deadline: string | null; owner: string | null; status: 'open' | 'done'; done: string | null }[];
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

/** One branch after the per-file stage: its findings and digest, ready to assemble. */
export interface BranchOutcome {
  id: string;
  header: Position;
  checked: boolean;
  findings: Finding[];
  exempted: number;
  digest: BranchDigest;
  info: BranchInfo;
  /** When evaluations are collected. */
  evaluations?: Evaluation[];
}

/** One file after the per-file stage. */
export interface FileOutcome {
  file: string;
  errors: InputError[];
  skipped: SkippedDocument[];
  branches: BranchOutcome[];
}

const PARTICIPATION_ROLES = ['attendees', 'guests', 'host', 'lecturer', 'with'] as const;

// A file can only hold an organization document if it says "organization" (or escapes it).
const ORGANIZATION_HINT = Buffer.from('organization');
const ESCAPE_HINT = Buffer.from('\\');
function mayHoldOrganization(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return buffer.includes(ORGANIZATION_HINT) || buffer.includes(ESCAPE_HINT);
}

/** Stage 1: organization files first, so leaders are known before branches stream past. */
export function readOrganizations(files: readonly string[], read: (file: string) => Uint8Array, hashing = false) {
  const early = new Map<string, LoadedFile>();
  const hashes = new Map<string, string>();
  for (const file of files) {
    const bytes = safeRead(read, file);
    if (!(bytes instanceof Uint8Array)) continue;
    if (hashing) hashes.set(file, contentHash(bytes));
    if (mayHoldOrganization(bytes)) early.set(file, loadRecordFile(file, bytes));
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
  return { early, organizations, errors, leadersByBranch, hashes };
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
    if (!(bytes instanceof Uint8Array)) return { file, errors: [bytes], skipped: [unreadDocument(file, bytes)], branches: [] };
    loaded = loadRecordFile(file, bytes);
  }
  const branchRules = input.rules.filter((r) => r.primitive.scope === 'branch');
  const outcome: FileOutcome = { file, errors: detached(loaded.errors), skipped: detached(loaded.skipped), branches: [] };
  for (const branch of loaded.branches) {
    const scope = new BranchScope(branch, input.asOf, input.window, input.today);
    const checked = !input.branches || input.branches.has(branch.id);
    const sink: Sink = { findings: [], exempted: 0, evaluations: input.evaluations ? [] : undefined };
    if (checked) {
      for (const rule of branchRules) {
        if (!applies(rule, branch)) continue;
        (rule.primitive.run as (s: BranchScope, o: unknown, e: Emit) => void)(scope, rule.options, emitter(rule, branch.id, branch.source, branch.exemptions, input.asOf, sink));
      }
    }
    // What outlives the file is detached from its text, so the text can go.
    outcome.branches.push({
      id: detached(branch.id),
      header: positionOf(branch.source, branch.at),
      checked,
      findings: detached(sink.findings),
      exempted: sink.exempted,
      digest: detached(digest(scope, input.leadersByBranch.get(branch.id))),
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
  const branchFiles = new Map<string, string>();
  for (const outcome of outcomes) {
    result.inputErrors.push(...outcome.errors);
    result.skipped.push(...outcome.skipped);
    for (const b of outcome.branches) {
      const first = branchFiles.get(b.id);
      if (first) {
        result.inputErrors.push({ file: outcome.file, ...b.header, id: 'branch.duplicate', args: { id: b.id, first } });
        result.skipped.push(duplicateDocument(outcome.file, b.header, b.id, b.info.name, b.digest.parent));
        continue;
      }
      branchFiles.set(b.id, outcome.file);
      result.branchIds.push(b.id);
      digests.set(b.id, b.digest);
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
    result.shard = {
      ...input.shard,
      branches: outcomes.flatMap((o) =>
        o.branches.filter((b) => branchFiles.get(b.id) === o.file && digests.get(b.id) === b.digest).map((b) => ({ ...b.digest, participation: [...b.digest.participation], file: o.file, ...b.header, exempted: b.exempted, name: b.info.name })),
      ),
      organizations: organizations.map(shardOrganization),
      skipped: [...result.skipped],
    };
  } else {
    organizationFindings(organizations, digests, result.skipped, input.rules, input.asOf, input.window, input.branches ?? null, result);
  }
  result.findings.sort(compareFindings);
  result.inputErrors.sort(comparePositions);
  result.skipped.sort(comparePositions);
  return result;
}

/** The second document of a duplicated branch id, skipped. */
export function duplicateDocument(file: string, at: Position, id: string, name: string | null, parent: string | null): SkippedDocument {
  return { file, line: at.line, column: at.column, kind: 'branch', id, name, parent };
}

/**
 * Runs the organization rules over the digests of each organization's branches.
 * A skipped branch document is never guessed about: see `OrganizationScope.unread`.
 */
export function organizationFindings(
  organizations: readonly Organization[],
  digests: ReadonlyMap<string, BranchDigest>,
  skipped: readonly SkippedDocument[],
  rules: readonly Rule[],
  asOf: string,
  window: Window,
  only: ReadonlySet<string> | null,
  sink: Sink,
): void {
  const organizationRules = rules.filter((r) => r.primitive.scope === 'organization');
  for (const org of organizations) {
    if (only && !only.has(org.id)) continue;
    const branches = new Map([...digests].filter(([, d]) => d.parent === org.id || d.parent === null));
    const scope: OrganizationScope = { organization: org, branches, everyBranch: digests, unread: unreadBranches(org.id, skipped), asOf, window };
    for (const rule of organizationRules) {
      (rule.primitive.run as (s: OrganizationScope, o: unknown, e: Emit) => void)(scope, rule.options, emitter(rule, org.id, org.source, org.exemptions, asOf, sink));
    }
  }
}

/** The files a run checks: all, or its shard's part. */
export function ownedFiles(files: readonly string[], shard: ShardSpec | null | undefined): string[] {
  return shard ? files.filter((f) => fileShard(f, shard.count) === shard.index) : [...files];
}

/**
 * Checks every record file against the rules, in this process. Files stream through
 * one at a time: each branch is checked and reduced to a small digest (what
 * organization rules need) before the next file is read.
 */
export function check(input: CheckInput): CheckResult {
  const files = [...new Set(input.files)].sort();
  const stage = readOrganizations(files, input.read, !!input.cache);
  const fileInput: FileStageInput = { ...input, leadersByBranch: stage.leadersByBranch };
  const cache = input.cache?.(stage.leadersByBranch);
  const outcomes = ownedFiles(files, input.shard).map((file, i, owned) => {
    const hash = stage.hashes.get(file);
    let outcome = hash ? cache?.get(file, hash) : undefined;
    if (!outcome) {
      outcome = checkFile(file, input.read, fileInput, stage.early.get(file));
      if (hash) cache?.set(file, hash, outcome);
    }
    input.onProgress?.(i + 1, owned.length);
    return outcome;
  });
  return assemble(outcomes, stage.organizations, stage.errors, fileInput);
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

function applies(rule: Rule, branch: Branch): boolean {
  const when = rule.when;
  if (!when) return true;
  const hasCommittee = (branch.header.committee ?? []).length > 0;
  if (when.committee === 'present' && !hasCommittee) return false;
  if (when.committee === 'absent' && hasCommittee) return false;
  if (when.kind && !when.kind.includes(branch.header.kind ?? 'branch')) return false;
  return true;
}

/** Where rules' results go: findings, the count of exempted ones, and (when collected) every evaluation. */
interface Sink {
  findings: Finding[];
  exempted: number;
  evaluations?: Evaluation[];
}

function emitter(rule: Rule, owner: string, source: Source, exemptions: readonly Exemption[], asOf: string, sink: Sink): Emit {
  const evaluations = sink.evaluations;
  const emit: Emit = (s) => {
    if (exemptions.length > 0 && isExempted(exemptions, rule.id, s.subject, s.period ?? s.date ?? asOf, asOf)) {
      sink.exempted++;
      evaluations?.push({ rule: rule.id, branch: owner, period: s.period, subject: s.subject, outcome: 'exempted' });
      return;
    }
    evaluations?.push({ rule: rule.id, branch: owner, period: s.period, subject: s.subject, outcome: s.status === 'violation' ? 'unmet' : 'pending' });
    sink.findings.push({
      rule: rule.id,
      severity: rule.severity,
      status: s.status,
      branch: owner,
      period: s.period,
      subject: s.subject,
      messageId: s.messageId,
      args: s.args,
      file: source.file,
      ...positionOf(source, s.at),
      path: s.path ?? null,
    });
  };
  if (evaluations) emit.met = (period, subject) => evaluations.push({ rule: rule.id, branch: owner, period, subject, outcome: 'met' });
  return emit;
}

/** What organization rules need of a branch once the branch itself is gone. */
function digest(scope: BranchScope, leaders: ReadonlySet<string> | undefined): BranchDigest {
  const { header, groups } = scope.branch;
  const participation = new Map<string, Participation[]>();
  if (leaders) {
    for (const a of scope.activities) {
      for (const name of leaders) {
        const roles = PARTICIPATION_ROLES.filter((role) => {
          const v = a[role];
          return Array.isArray(v) ? v.includes(name) : v === name;
        });
        if (roles.length === 0) continue;
        let list = participation.get(name);
        if (!list) participation.set(name, (list = []));
        list.push({ type: a.type, date: a.date, group: a.group ?? null, roles });
      }
    }
  }
  return { id: scope.branch.id, parent: header.parent ?? null, units: header.units ?? [], groups: groups.map((g) => g.name), established: header.established ?? null, participation };
}

/** What organization rules must not guess about, for one organization (standards: skipped branches). */
function unreadBranches(organization: string, skipped: readonly SkippedDocument[]): OrganizationScope['unread'] {
  const ids = new Set<string>();
  let unknownId = false;
  let ofOrganization = false;
  for (const doc of skipped) {
    if (doc.kind === 'organization') continue;
    if (doc.id === null) unknownId = true;
    else ids.add(doc.id);
    // A branch with no (readable) parent belongs to every organization.
    if (doc.parent === null || doc.parent === organization) ofOrganization = true;
  }
  return { ids, unknownId, ofOrganization };
}
