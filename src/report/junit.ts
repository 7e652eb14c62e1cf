import type { Lang } from '../i18n/index.js';
import { ciLabels, labelled } from './labels.js';
import type { CheckedUnit, Report, ReportFinding, ReportInputError } from './report.js';

export interface JunitOptions {
  /** Language of the labels around each failure's text (messages come translated in the report). */
  lang?: Lang;
  /** Which violations fail the run: only those are failures; the others pass with their text in system-out. */
  failOn?: 'error' | 'warning' | 'never';
  /** Every branch and organization checked, with the rules evaluated for it: one passing case per rule with no finding. */
  units?: readonly CheckedUnit[];
}

// XML 1.0 cannot carry these at all, not even as character references.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text content. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes an attribute value; line breaks and tabs as references so parsers keep them. */
export function xmlAttr(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

const attrs = (pairs: [string, string | number][]): string => pairs.map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`).join('');

interface Suite {
  name: string;
  file: string | null;
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  cases: string[];
}

/** `rule period subject`, leaving out what is null. */
export function testcaseName(f: Pick<ReportFinding, 'rule' | 'period' | 'subject'>): string {
  return [f.rule, f.period, f.subject].filter((part): part is string => part !== null).join(' ');
}

/** Whether a violation fails the run at this `--fail-on` (pending and info never do). */
function fails(f: ReportFinding, failOn: JunitOptions['failOn']): boolean {
  if (f.status !== 'violation' || failOn === 'never') return false;
  return f.severity === 'error' || (f.severity === 'warning' && failOn === 'warning');
}

function findingCase(f: ReportFinding, lang: Lang, failing: boolean): string {
  const l = ciLabels(lang);
  const where = `${f.file}:${f.line}:${f.column}`;
  const head = `    <testcase${attrs([['name', testcaseName(f)], ['classname', f.rule], ['file', f.file], ['line', f.line], ['time', 0]])}>`;
  if (f.status === 'pending') return `${head}\n      <skipped${attrs([['message', f.message]])}/>\n    </testcase>`;
  const body = [f.message, labelled(lang, l.basis, f.basis), labelled(lang, l.remedy, f.remedy), labelled(lang, l.location, where)].join('\n');
  if (!failing) return `${head}\n      <system-out>${xmlText(`${f.severity}: ${body}`)}</system-out>\n    </testcase>`;
  return `${head}\n      <failure${attrs([['message', f.message], ['type', f.severity]])}>${xmlText(body)}</failure>\n    </testcase>`;
}

const passingCase = (rule: string, file: string) => `    <testcase${attrs([['name', rule], ['classname', rule], ['file', file], ['time', 0]])}/>`;

function inputErrorCase(e: ReportInputError): string {
  const where = `${e.file}:${e.line}:${e.column}`;
  return [
    `    <testcase${attrs([['name', where], ['classname', 'input-errors'], ['file', e.file], ['line', e.line], ['time', 0]])}>`,
    `      <error${attrs([['message', e.message], ['type', 'input-error']])}>${xmlText(`${where}\n${e.message}`)}</error>`,
    '    </testcase>',
  ].join('\n');
}

function renderSuite(s: Suite): string {
  const head = attrs([['name', s.name], ['tests', s.tests], ['failures', s.failures], ['errors', s.errors], ['skipped', s.skipped], ['time', 0], ...(s.file === null ? [] : ([['file', s.file]] as [string, string][]))]);
  return [`  <testsuite${head}>`, ...s.cases, '  </testsuite>'].join('\n');
}

/**
 * JUnit XML: a testsuite per branch and file; a testcase per finding (failing when it fails
 * the run at `failOn`, pending ones skipped) and a passing one per rule evaluated with no
 * finding, so a clean run is a green report; input errors as errors.
 */
export function formatJunit(report: Report, options: JunitOptions = {}): string {
  const lang = options.lang ?? 'zh';
  const failOn = options.failOn ?? 'error';
  const suites: Suite[] = [];
  if (report.inputErrors.length > 0) {
    suites.push({ name: 'input-errors', file: null, tests: report.inputErrors.length, failures: 0, errors: report.inputErrors.length, skipped: 0, cases: report.inputErrors.map(inputErrorCase) });
  }
  // Findings arrive sorted by file, so grouping by first appearance is deterministic.
  const byBranch = new Map<string, Suite & { rules: Set<string> }>();
  const suiteOf = (branch: string, file: string) => {
    const key = `${branch}\u0000${file}`;
    let suite = byBranch.get(key);
    if (!suite) {
      suite = { name: branch, file, tests: 0, failures: 0, errors: 0, skipped: 0, cases: [], rules: new Set() };
      byBranch.set(key, suite);
      suites.push(suite);
    }
    return suite;
  };
  for (const unit of options.units ?? []) suiteOf(unit.id, unit.file);
  for (const f of report.findings) {
    const suite = suiteOf(f.branch, f.file);
    const failing = fails(f, failOn);
    suite.tests++;
    suite.rules.add(f.rule);
    if (f.status === 'pending') suite.skipped++;
    else if (failing) suite.failures++;
    suite.cases.push(findingCase(f, lang, failing));
  }
  for (const unit of options.units ?? []) {
    const suite = suiteOf(unit.id, unit.file);
    for (const rule of unit.rules) {
      if (suite.rules.has(rule)) continue;
      suite.tests++;
      suite.cases.push(passingCase(rule, unit.file));
    }
  }
  const total = (k: 'tests' | 'failures' | 'errors' | 'skipped') => suites.reduce((n, s) => n + s[k], 0);
  const root = attrs([['name', 'zhibu'], ['tests', total('tests')], ['failures', total('failures')], ['errors', total('errors')], ['skipped', total('skipped')], ['time', 0]]);
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites${root}>`, ...suites.map(renderSuite), '</testsuites>', ''].join('\n');
}
