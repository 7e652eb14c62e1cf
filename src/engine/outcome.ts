import type { Position } from '../load/position.js';
import type { InputError, SkippedDocument } from '../model/types.js';
import { decodeDigest, encodeDigest, type BranchDigest, type DigestJson } from './digest.js';
import type { Evaluation, Finding } from './finding.js';

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

/** A file outcome as plain JSON (the cache's entries): the file path once, the digest in its JSON form. */
export interface OutcomeJson {
  file: string;
  errors: InputError[];
  skipped: SkippedDocument[];
  branches: {
    id: string;
    header: Position;
    checked: boolean;
    findings: Omit<Finding, 'file'>[];
    exempted: number;
    digest: DigestJson;
    info: Omit<BranchInfo, 'file'>;
  }[];
}

/** The outcome as plain JSON: every finding and the branch info name the outcome's own file, so it is stored once. */
export function encodeOutcome(outcome: FileOutcome): OutcomeJson {
  return {
    file: outcome.file,
    errors: outcome.errors,
    skipped: outcome.skipped,
    branches: outcome.branches.map((b) => ({
      id: b.id,
      header: b.header,
      checked: b.checked,
      findings: b.findings.map(({ file: _file, ...rest }) => rest),
      exempted: b.exempted,
      digest: encodeDigest(b.digest),
      info: { id: b.info.id, name: b.info.name, secretary: b.info.secretary, line: b.info.line, column: b.info.column, rectifications: b.info.rectifications },
    })),
  };
}

/** The outcome of its JSON form, in the usual key order, so a cached outcome is indistinguishable from a fresh one. */
export function decodeOutcome(json: OutcomeJson): FileOutcome {
  const file = json.file;
  return {
    file,
    errors: json.errors,
    skipped: json.skipped,
    branches: json.branches.map((b) => ({
      id: b.id,
      header: b.header,
      checked: b.checked,
      findings: b.findings.map(({ rule, severity, status, branch, period, subject, messageId, args, line, column, path }) => ({ rule, severity, status, branch, period, subject, messageId, args, file, line, column, path })),
      exempted: b.exempted,
      digest: decodeDigest(b.digest),
      info: { id: b.info.id, name: b.info.name, secretary: b.info.secretary, file, line: b.info.line, column: b.info.column, rectifications: b.info.rectifications },
    })),
  };
}
