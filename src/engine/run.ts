import type { BranchDigest, OrganizationScope, Participation } from '../checks/primitive.js';
import { liaisonTarget } from '../checks/liaison.js';
import { loadRecordFile, type LoadedFile } from '../load/records.js';
import { positionOf, type Branch, type Exemption, type InputError, type Organization, type Source } from '../model/types.js';
import { isExempted } from './exemptions.js';
import { compareFindings, type Emit, type Finding } from './finding.js';
import type { Window } from './periods.js';
import type { Rule } from './rules.js';
import { BranchScope } from './scope.js';

export interface CheckInput {
  /** Record files in the order given (display paths); they are checked in sorted order. */
  files: string[];
  /** Reads a file's bytes (the only I/O the engine does, passed in). */
  read: (file: string) => Uint8Array;
  rules: Rule[];
  asOf: string;
  window: Window;
  /** Today's date when --as-of was not given: later dated entries are input errors. */
  today: string | null;
  /** Only these branch ids (--branch); organization rules still see every branch. */
  branches?: ReadonlySet<string> | null;
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
  /** Every organization read: id, name, file. */
  organizationInfo: { id: string; name: string; file: string }[];
  inputErrors: InputError[];
  files: number;
  branches: number;
  exempted: number;
}

const PARTICIPATION_ROLES = ['attendees', 'guests', 'host', 'lecturer', 'with'] as const;

// A file can only hold an organization document if it says "organization" (or escapes it).
const ORGANIZATION_HINT = Buffer.from('organization');
const ESCAPE_HINT = Buffer.from('\\');
function mayHoldOrganization(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return buffer.includes(ORGANIZATION_HINT) || buffer.includes(ESCAPE_HINT);
}

/**
 * Checks every record file against the rules. Files stream through one at a time:
 * organization files are read first, so each branch is checked and reduced to a
 * small digest (what organization rules need) before the next file is read.
 */
export function check(input: CheckInput): CheckResult {
  const files = [...new Set(input.files)].sort();
  const result: CheckResult = { findings: [], branchInfo: [], organizationInfo: [], inputErrors: [], files: files.length, branches: 0, exempted: 0 };
  const load = (file: string): LoadedFile => loadRecordFile(file, input.read(file), { today: input.today });

  // Phase 1: organization files, so leaders are known before branches stream past.
  const early = new Map<string, LoadedFile>();
  for (const file of files) {
    const bytes = input.read(file);
    if (mayHoldOrganization(bytes)) early.set(file, loadRecordFile(file, bytes, { today: input.today }));
  }
  const organizations: Organization[] = [];
  const organizationFiles = new Map<string, string>();
  for (const file of files) {
    for (const org of early.get(file)?.organizations ?? []) {
      const first = organizationFiles.get(org.id);
      if (first) {
        result.inputErrors.push({ file, ...positionOf(org.source, org.at), id: 'organization.duplicate', args: { id: org.id, first } });
        continue;
      }
      organizationFiles.set(org.id, file);
      organizations.push(org);
      result.organizationInfo.push({ id: org.id, name: org.name, file });
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

  // Phase 2: every branch, in sorted path order (which decides duplicate ids).
  const branchRules = input.rules.filter((r) => r.primitive.scope === 'branch');
  const digests = new Map<string, BranchDigest>();
  const branchFiles = new Map<string, string>();
  files.forEach((file, done) => {
    const loaded = early.get(file) ?? load(file);
    result.inputErrors.push(...loaded.errors);
    for (const branch of loaded.branches) {
      const first = branchFiles.get(branch.id);
      if (first) {
        result.inputErrors.push({ file, ...positionOf(branch.source, branch.at), id: 'branch.duplicate', args: { id: branch.id, first } });
        continue;
      }
      branchFiles.set(branch.id, file);
      const scope = new BranchScope(branch, input.asOf, input.window);
      digests.set(branch.id, digest(scope, leadersByBranch.get(branch.id)));
      if (input.branches && !input.branches.has(branch.id)) continue;
      result.branches++;
      result.branchInfo.push(branchInfo(branch));
      for (const rule of branchRules) {
        if (!applies(rule, branch)) continue;
        (rule.primitive.run as (s: BranchScope, o: unknown, e: Emit) => void)(scope, rule.options, emitter(rule, branch.id, branch.source, branch.exemptions, input.asOf, result));
      }
    }
    input.onProgress?.(done + 1, files.length);
  });

  // Phase 3: organization rules over the digests of each organization's branches.
  const organizationRules = input.rules.filter((r) => r.primitive.scope === 'organization');
  for (const org of organizations) {
    if (input.branches && !input.branches.has(org.id)) continue;
    const branches = new Map([...digests].filter(([, d]) => d.parent === org.id || d.parent === null));
    const scope: OrganizationScope = { organization: org, branches, asOf: input.asOf, window: input.window };
    for (const rule of organizationRules) {
      (rule.primitive.run as (s: OrganizationScope, o: unknown, e: Emit) => void)(scope, rule.options, emitter(rule, org.id, org.source, org.exemptions, input.asOf, result));
    }
  }

  result.findings.sort(compareFindings);
  result.inputErrors.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  return result;
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

function emitter(rule: Rule, owner: string, source: Source, exemptions: readonly Exemption[], asOf: string, result: CheckResult): Emit {
  return (s) => {
    if (exemptions.length > 0 && isExempted(exemptions, rule.id, s.subject, s.period ?? s.date ?? asOf, asOf)) {
      result.exempted++;
      return;
    }
    result.findings.push({
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
    });
  };
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
