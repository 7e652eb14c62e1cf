import { isMessageId } from '../i18n/index.js';
import type { Position } from '../load/position.js';
import type { InputError, SkippedDocument } from '../model/types.js';
import { decodeDigest, digestShape, encodeDigest, type BranchDigest, type DigestJson } from './digest.js';
import type { Evaluation, Finding } from './finding.js';
import { anything, bool, dictionary, list, nullable, object, oneOf, position, problemAt, text, whole, type Shape } from './json-shape.js';

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

const messageId: Shape = (v) => (typeof v === 'string' && isMessageId(v) ? null : ': expected a message id of this zhibu');
const args = dictionary(anything);
const line = whole(1);

/** A skipped document as JSON (cache entries and shard reports carry them). */
export const skippedShape = object({ file: text, line, column: line, kind: oneOf('branch', 'organization', null), id: nullable(text), name: nullable(text), parent: nullable(text) });

/** The JSON form of a file outcome, as `decodeOutcome` needs it. */
export const outcomeShape: Shape = object({
  file: text,
  errors: list(object({ file: text, line, column: line, id: messageId, args })),
  skipped: list(skippedShape),
  branches: list(
    object({
      id: text,
      header: position,
      checked: bool,
      findings: list(
        object({
          rule: text,
          severity: oneOf('error', 'warning', 'info'),
          status: oneOf('violation', 'pending'),
          branch: text,
          period: nullable(text),
          subject: nullable(text),
          messageId,
          args,
          line,
          column: line,
          path: nullable(text),
        }),
      ),
      exempted: whole(),
      digest: digestShape,
      info: object({
        id: text,
        name: text,
        secretary: text,
        line,
        column: line,
        rectifications: list(object({ issue: text, rule: nullable(text), found: nullable(text), deadline: nullable(text), owner: nullable(text), status: oneOf('open', 'done'), done: nullable(text) })),
      }),
    }),
  ),
});

/**
 * What is wrong with a stored outcome of `file`, or null: its shape, and that it is about
 * that file and each branch's findings, digest and info about that branch.
 */
export function outcomeProblem(json: unknown, file: string): string | null {
  const problem = problemAt('', outcomeShape(json));
  if (problem) return problem;
  const outcome = json as OutcomeJson;
  if (outcome.file !== file) return `file: expected ${JSON.stringify(file)}`;
  for (const [i, b] of outcome.branches.entries()) {
    if (b.digest.id !== b.id) return `branches[${i}].digest.id: expected ${JSON.stringify(b.id)}`;
    if (b.info.id !== b.id) return `branches[${i}].info.id: expected ${JSON.stringify(b.id)}`;
    const other = b.findings.findIndex((f) => f.branch !== b.id);
    if (other !== -1) return `branches[${i}].findings[${other}].branch: expected ${JSON.stringify(b.id)}`;
  }
  return null;
}
