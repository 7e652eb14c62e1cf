import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument, type YAMLSeq } from 'yaml';
import { applyBaseline, parseBaseline, writeBaseline } from '../../src/ci/baseline.js';
import { fingerprint } from '../../src/engine/finding.js';
import { formatRectificationJson } from '../../src/rectify/json.js';
import { buildRectificationList, type RectificationList } from '../../src/rectify/list.js';
import { parsePreviousList, readPreviousXlsx } from '../../src/rectify/previous.js';
import { formatRectificationXlsx } from '../../src/rectify/xlsx.js';
import { buildReport, type Report } from '../../src/report/report.js';
import { builtinRules, checkTexts, root, windowOf, yamlFilesUnder } from '../support/engine.js';

/**
 * A finding's identity never depends on where its record stands (docs/report.md): inserting,
 * deleting or re-sorting unrelated activities changes no fingerprint, so baselines and
 * rectification lists written before the edit still match every problem after it.
 */
const PERIOD = '2026Q3';
const AS_OF = '2026-10-08';

function reportOf(texts: Record<string, string>): { report: Report; list: (previous?: RectificationList) => Promise<RectificationList> } {
  const result = checkTexts(texts, PERIOD, AS_OF);
  const report = buildReport(result, { version: '1.0.0', asOf: AS_OF, window: windowOf(PERIOD), lang: 'zh', rules: builtinRules().rules });
  const build = (previous?: RectificationList) =>
    buildRectificationList({
      report,
      branches: result.branchInfo,
      organizations: result.organizationInfo,
      asOf: AS_OF,
      policy: {},
      includePending: false,
      previous: previous ? parsePreviousList(formatRectificationJson(previous)) : undefined,
    });
  return { report, list: async (previous) => build(previous) };
}

/** Edits every branch file's activities with `edit` (through the YAML document, comments kept). */
function editActivities(texts: Record<string, string>, edit: (items: unknown[], doc: ReturnType<typeof parseDocument>) => unknown[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [file, text] of Object.entries(texts)) {
    const doc = parseDocument(text);
    const seq = doc.get('activities', true) as YAMLSeq | undefined;
    if (seq && doc.has('branch')) seq.items = edit(seq.items, doc) as YAMLSeq['items'];
    out[file] = doc.toString();
  }
  return out;
}

const unrelated = (doc: ReturnType<typeof parseDocument>, date: string) => doc.createNode({ type: 'other', date, topic: '无关的其他活动' });
const inserted = (texts: Record<string, string>) => editActivities(texts, (items, doc) => [unrelated(doc, '2026-07-02'), ...items.slice(0, 2), unrelated(doc, '2026-08-03'), ...items.slice(2)]);
const reversed = (texts: Record<string, string>) => editActivities(texts, (items) => [...items].reverse());
const deleted = (texts: Record<string, string>) => editActivities(inserted(texts), (items) => items.filter((item) => !String(item).includes('无关的其他活动')));

const identities = (report: Report) =>
  report.findings
    .filter((f) => !f.subject?.startsWith('other@'))
    .map(fingerprint)
    .sort();

type GenerateCorpus = (o: { dir: string; branches: number; seed: number }) => { files: string[] };
const { generateCorpus } = (await import(path.join(root, 'scripts/gen-corpus.mjs'))) as { generateCorpus: GenerateCorpus };

function corpus(): Record<string, string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'zhibu-identity-'));
  const { files } = generateCorpus({ dir, branches: 8, seed: 9 });
  return Object.fromEntries(files.map((file) => [path.relative(dir, file), readFileSync(file, 'utf8')]));
}

const demo = () => Object.fromEntries(yamlFilesUnder('fixtures/demo').map((f) => [f, readFileSync(path.join(root, f), 'utf8')]));

describe.each([
  ['the demo records', demo],
  ['a generated corpus', corpus],
])('record identity in %s', (_name, texts) => {
  const before = reportOf(texts());
  const edits = [
    ['inserting unrelated activities', inserted],
    ['re-sorting the activities', reversed],
    ['deleting the inserted activities again', deleted],
  ] as const;

  it('has record findings to keep track of', () => {
    expect(before.report.findings.filter((f) => f.path !== null).length).toBeGreaterThan(0);
  });

  it.each(edits)('%s changes no fingerprint', (_edit, edit) => {
    const after = reportOf(edit(texts()));
    expect(identities(after.report)).toEqual(identities(before.report));
  });

  it.each(edits)('after %s, a baseline written before reports nothing new and nothing fixed', (_edit, edit) => {
    const after = reportOf(edit(texts())).report;
    const baseline = parseBaseline(writeBaseline(before.report), 'baseline.json');
    const applied = applyBaseline({ ...after, findings: after.findings.filter((f) => !f.subject?.startsWith('other@')) }, baseline);
    expect(applied.report.findings.filter((f) => f.status === 'violation')).toEqual([]);
    expect(applied.fixed).toEqual([]);
  });

  it.each(edits)('after %s, rectify --previous (JSON and XLSX) keeps every item 待整改 with its original deadline', async (_edit, edit) => {
    const first = await before.list();
    expect(first.items.length).toBeGreaterThan(0);
    const deadlines = new Map(first.items.map((i) => [i.id, i.deadline]));
    const again = reportOf(edit(texts()));
    const fromJson = await again.list(first);
    const fromXlsx = await buildRectificationList({
      report: again.report,
      branches: [],
      organizations: [],
      asOf: AS_OF,
      policy: {},
      includePending: false,
      previous: await readPreviousXlsx(await formatRectificationXlsx(first)),
    });
    for (const list of [fromJson, fromXlsx]) {
      const items = list.items.filter((i) => !i.subject?.startsWith('other@'));
      expect(items.map((i) => [i.id, i.status, i.deadline]).sort()).toEqual(first.items.map((i) => [i.id, 'open', deadlines.get(i.id)]).sort());
    }
  });
});
