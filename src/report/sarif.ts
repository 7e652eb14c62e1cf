import type { Severity } from '../engine/finding.js';
import type { Lang } from '../i18n/index.js';
import { uniqueFingerprints } from '../ci/fingerprints.js';
import { ciLabels, labelled } from './labels.js';
import type { Report, ReportFinding } from './report.js';

/** What SARIF needs of a rule: a structural subset of the engine's `Rule`. */
export interface RuleMeta {
  id: string;
  title: string;
  basis: string;
  remedy: string;
  severity: Severity;
  category: string;
}

export interface SarifOptions {
  /** Language of the labels and of `run.language`; pass rules with titles in the same language. */
  lang?: Lang;
}

const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const ZHIBU_INFORMATION_URI = 'https://www.npmjs.com/package/zhibu';
/** The key of zhibu's stable identity (rule|branch|period|subject) in `partialFingerprints`. */
export const FINGERPRINT_KEY = 'zhibu/v1';

type Level = 'error' | 'warning' | 'note';
const levels: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'note' };

/** `meetings.general-quarterly` → `MeetingsGeneralQuarterly`, SARIF's style for a rule name. */
export function ruleName(id: string): string {
  return id
    .split(/[.\-_]/)
    .filter((part) => part.length > 0)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

// Markdown punctuation that could change how basis or remedy text renders.
const markdownText = (text: string): string => text.replace(/[\\`*_{}[\]()<>#+!|~]/g, '\\$&');

/** A file path as given on the command line, as a relative URI reference. */
export function fileUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function descriptor(rule: RuleMeta, lang: Lang) {
  const l = ciLabels(lang);
  return {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: lang === 'zh' ? `${rule.title}（${labelled(lang, l.basis, rule.basis)}）` : `${rule.title} (${labelled(lang, l.basis, rule.basis)})` },
    help: {
      text: `${labelled(lang, l.basis, rule.basis)}\n${labelled(lang, l.remedy, rule.remedy)}`,
      markdown: `${labelled(lang, `**${l.basis}**`, markdownText(rule.basis))}\n\n${labelled(lang, `**${l.remedy}**`, markdownText(rule.remedy))}`,
    },
    defaultConfiguration: { level: levels[rule.severity] },
    properties: { category: rule.category, tags: [rule.category] },
  };
}

const location = (file: string, line: number, column: number) => ({
  physicalLocation: { artifactLocation: { uri: fileUri(file) }, region: { startLine: line, startColumn: column } },
});

/** SARIF 2.1.0: every rule with its title, basis and remedy; findings as results; input errors as tool notifications. */
export function formatSarif(report: Report, rules: readonly RuleMeta[], options: SarifOptions = {}): string {
  const lang = options.lang ?? 'zh';
  const known = new Map(rules.map((r) => [r.id, r]));
  // A finding whose rule is not among `rules` still gets a descriptor, built from the finding.
  for (const f of report.findings) {
    if (!known.has(f.rule)) known.set(f.rule, { id: f.rule, title: f.title, basis: f.basis, remedy: f.remedy, severity: f.severity, category: f.category });
  }
  const sorted = [...known.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index = new Map(sorted.map((r, i) => [r.id, i]));
  const fingerprints = uniqueFingerprints(report.findings);
  const results = report.findings.map((f: ReportFinding, i) => ({
    ruleId: f.rule,
    ruleIndex: index.get(f.rule) as number,
    level: f.status === 'pending' ? 'note' : levels[f.severity],
    message: { text: f.message },
    locations: [location(f.file, f.line, f.column)],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprints[i] as string },
    properties: { status: f.status, severity: f.severity, branch: f.branch, period: f.period, subject: f.subject, ...(f.daysLeft === undefined ? {} : { daysLeft: f.daysLeft }) },
  }));
  const notifications = report.inputErrors.map((e) => ({
    level: 'error',
    message: { text: e.message },
    locations: [location(e.file, e.line, e.column)],
    descriptor: { id: 'input-error' },
  }));
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'zhibu',
            version: report.version,
            semanticVersion: report.version,
            informationUri: ZHIBU_INFORMATION_URI,
            rules: sorted.map((r) => descriptor(r, lang)),
          },
        },
        invocations: [{ executionSuccessful: report.inputErrors.length === 0, toolExecutionNotifications: notifications }],
        language: lang === 'zh' ? 'zh-CN' : 'en-US',
        // Columns count UTF-16 code units: offsets in JavaScript strings.
        columnKind: 'utf16CodeUnits',
        results,
        properties: { asOf: report.asOf, window: report.window, summary: report.summary },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
