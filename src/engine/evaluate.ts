import type { OrganizationScope } from '../checks/primitive.js';
import type { Position } from '../load/position.js';
import { positionOf, type Branch, type Exemption, type InputError, type Organization, type SkippedDocument, type Source } from '../model/types.js';
import type { BranchDigest } from './digest.js';
import { isExempted } from './exemptions.js';
import type { Emit, Evaluation, Finding } from './finding.js';
import type { Window } from './periods.js';
import type { Rule } from './rules.js';
import type { BranchScope } from './scope.js';

// Evaluation: rules × scope → findings. Pure: no files, no cache, no shards.

/** Where rules' results go: findings, the count of exempted ones, and (when collected) every evaluation. */
export interface Sink {
  findings: Finding[];
  exempted: number;
  evaluations?: Evaluation[];
}

/** An empty sink; `evaluations` also collects every evaluation, passed ones included. */
export function newSink(evaluations = false): Sink {
  return { findings: [], exempted: 0, ...(evaluations ? { evaluations: [] } : {}) };
}

/** Runs the branch rules (those whose `when` fits the branch) over one branch's scope. */
export function evaluateBranch(scope: BranchScope, rules: readonly Rule[], sink: Sink): void {
  const branch = scope.branch;
  const to = new Emitter(branch.id, branch.source, branch.exemptions, scope.asOf, sink);
  for (const rule of rules) {
    if (rule.primitive.scope !== 'branch' || !applies(rule, branch)) continue;
    to.rule = rule;
    rule.primitive.run(scope, rule.options as never, to.emit);
  }
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
    const to = new Emitter(org.id, org.source, org.exemptions, asOf, sink);
    for (const rule of organizationRules) {
      to.rule = rule;
      (rule.primitive.run as (s: OrganizationScope, o: unknown, e: Emit) => void)(scope, rule.options, to.emit);
    }
  }
}

/** The input error of a branch id already read in an earlier file (which wins). */
export function duplicateError(file: string, at: Position, id: string, first: string): InputError {
  return { file, line: at.line, column: at.column, id: 'branch.duplicate', args: { id, first } };
}

/** The second document of a duplicated branch id, skipped. */
export function duplicateDocument(file: string, at: Position, id: string, name: string | null, parent: string | null): SkippedDocument {
  return { file, line: at.line, column: at.column, kind: 'branch', id, name, parent };
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

/** The `emit` of one branch or organization, for each of its rules in turn (`rule`): one per owner, not one per rule and owner (measured). */
class Emitter {
  rule!: Rule;
  readonly emit: Emit;

  constructor(owner: string, source: Source, exemptions: readonly Exemption[], asOf: string, sink: Sink) {
    const evaluations = sink.evaluations;
    this.emit = (s) => {
      const rule = this.rule;
      if (exemptions.length > 0 && isExempted(exemptions, rule.id, s.subject, s.period ?? s.date ?? asOf, asOf)) {
        sink.exempted++;
        evaluations?.push({ rule: rule.id, branch: owner, period: s.period, subject: s.subject, outcome: 'exempted' });
        return;
      }
      evaluations?.push({ rule: rule.id, branch: owner, period: s.period, subject: s.subject, outcome: s.status === 'violation' ? 'unmet' : 'pending' });
      const position = positionOf(source, s.at);
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
        line: position.line,
        column: position.column,
        path: s.path ?? null,
      });
    };
    if (evaluations) this.emit.met = (period, subject) => evaluations.push({ rule: this.rule.id, branch: owner, period, subject, outcome: 'met' });
  }
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
