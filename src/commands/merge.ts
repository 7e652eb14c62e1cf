import { MAX_JSON_BYTES, readBounded } from '../load/files.js';
import path from 'node:path';
import { mergeReports, refuseCopies } from '../ci/merge.js';
import { parseReport } from '../ci/report-file.js';
import { duplicateDocument, duplicateError } from '../engine/evaluate.js';
import { organizationFindingsOfShards } from '../engine/shard.js';
import { UsageError, type Io } from '../io.js';
import { buildReport, type Report } from '../report/report.js';
import { VERSION } from './check.js';
import { claimOutputs, finish, type OutputOptions } from './output.js';
import { Outputs } from '../write/files.js';
import { setup, type CommonOptions } from './setup.js';

export type MergeOptions = Omit<CommonOptions, 'asOf' | 'period' | 'rule'> & OutputOptions;

/**
 * `zhibu merge`: combines the JSON reports of `check --shard i/n` jobs into the report
 * an unsharded run gives: organization rules run here, over every shard's branches.
 */
export async function runMerge(files: string[], options: MergeOptions, io: Io): Promise<number> {
  if (files.length === 0) throw new UsageError('请指定要合并的 JSON 报告，例如：zhibu merge shard-1.json shard-2.json');
  // The shard reports are inputs (and the configuration, which no zhibu output resembles).
  const outputs = new Outputs(io.cwd, options.lang, files);
  claimOutputs(options, outputs, io);
  const reports = files.map((file) => {
    let text: string;
    try {
      text = readBounded(path.resolve(io.cwd, file), MAX_JSON_BYTES).toString('utf8');
    } catch (error) {
      throw new UsageError(`${file}: ${(error as Error).message}`);
    }
    return parseReport(text, file);
  });
  const sharded = reports.filter((r) => r.shard);
  // Messages are in the reports' language: the merged report (and its terminal labels) keep it.
  const lang = reports[0]?.lang ?? options.lang;
  if (sharded.length === 0) return finish(mergeReports(reports, files), setup({ lang, config: options.config }, io).rules, { ...options, lang }, io, outputs);
  if (sharded.length !== reports.length) throw new UsageError('不能混合分片报告与完整报告 (shard reports cannot be merged with whole-run reports)');
  const shards = refuseCopies(reports, files);
  const first = reports[0] as Report;
  mergeReports(reports, files);
  const ready = setup({ lang, config: options.config, asOf: first.asOf, period: first.window.label, rule: first.rules }, io);
  const organization = organizationFindingsOfShards(shards, ready.rules, first.asOf, first.window);
  // A branch id that two shards both checked: the later file's copy is an input error, as unsharded.
  const parts = reports.map((r) => {
    const { shard: _shard, ...rest } = r;
    const dropped = organization.duplicates.filter((d) => r.findings.some((f) => f.branch === d.id && f.file === d.file) || (r.shard?.branches ?? []).some((b) => b.id === d.id && b.file === d.file));
    if (dropped.length === 0) return rest as Report;
    const findings = r.findings.filter((f) => !dropped.some((d) => f.branch === d.id && f.file === d.file));
    const exempted = dropped.reduce((n, d) => n + d.exempted, 0);
    return { ...rest, findings, summary: { ...rest.summary, branches: rest.summary.branches - dropped.length, exempted: rest.summary.exempted - exempted } } as Report;
  });
  const orgReport = buildReport(
    {
      findings: organization.findings,
      branchInfo: [],
      organizationInfo: [],
      inputErrors: organization.duplicates.map((d) => duplicateError(d.file, d, d.id, d.first)),
      skipped: organization.duplicates.map((d) => duplicateDocument(d.file, d, d.id, d.name, d.parent)),
      files: 0,
      branches: 0,
      branchIds: [],
      exempted: organization.exempted,
    },
    { version: VERSION, asOf: first.asOf, window: first.window, lang, rules: ready.rules },
  );
  return finish(mergeReports([...parts, orgReport], [...files, '(organization rules)']), ready.rules, { ...options, lang }, io, outputs);
}
