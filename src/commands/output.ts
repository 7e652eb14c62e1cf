import { MAX_JSON_BYTES, readBounded } from '../load/files.js';
import path from 'node:path';
import { applyBaseline, parseBaseline, pruneBaseline, writeBaseline } from '../ci/baseline.js';
import { gateExitCode } from '../ci/gate.js';
import type { Rule } from '../engine/rules.js';
import type { Lang } from '../i18n/index.js';
import { UsageError, type Io } from '../io.js';
import { formatGithub } from '../report/github.js';
import { formatGitlab } from '../report/gitlab.js';
import { jsonChunks } from '../report/json.js';
import { formatJunit } from '../report/junit.js';
import type { Report } from '../report/report.js';
import { formatSarif } from '../report/sarif.js';
import { Outputs } from '../write/files.js';

import { FORMATS, type Format } from './formats.js';

export { FORMATS, type Format };

/** What check and merge do after the report exists: baseline, formats, exit code. */
export interface OutputOptions {
  lang: Lang;
  /** `fmt` or `fmt=file`, repeatable; none means terminal. */
  format?: string[];
  output?: string;
  color: boolean;
  failOn: 'error' | 'warning' | 'never';
  maxWarnings?: string;
  baseline?: string;
  writeBaseline?: string;
  pruneBaseline?: boolean;
}

/** Parses --format values: each `fmt` or `fmt=file`; at most one goes to stdout (or to --output). */
export function parseFormats(values: readonly string[] | undefined, output: string | undefined): { format: Format; file: string | null }[] {
  const specs = (values && values.length > 0 ? values : ['terminal']).map((value) => {
    const eq = value.indexOf('=');
    const format = (eq === -1 ? value : value.slice(0, eq)) as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`--format ${value}: 允许 allowed ${FORMATS.join(', ')}（可写 sarif=out.sarif）`);
    return { format, file: eq === -1 ? null : value.slice(eq + 1) };
  });
  const unnamed = specs.filter((s) => s.file === null);
  if (unnamed.length > 1) throw new UsageError('--format: 只能有一种格式写到标准输出，其余请写成 fmt=文件 (only one format may go to stdout; name files as fmt=file)');
  if (output && unnamed[0]) unnamed[0].file = output;
  return specs;
}

type Terminal = typeof import('../report/terminal.js');

function render(format: Format, report: Report, rules: readonly Rule[], options: OutputOptions, io: Io, toTerminal: boolean, terminal: Terminal | null, html?: (report: Report) => string): string | Iterable<string> {
  switch (format) {
    case 'html':
      if (!html) throw new UsageError('--format html: 只有 check 和 score 能写 HTML (only check and score write HTML)');
      return html(report);
    case 'json':
      return jsonChunks(report);
    case 'junit':
      return formatJunit(report, { lang: options.lang });
    case 'sarif': {
      const meta = rules.map((r) => (options.lang === 'en' && r.en ? { ...r, title: r.en.title, remedy: r.en.remedy } : r));
      return formatSarif(report, meta, { lang: options.lang });
    }
    case 'github':
      return formatGithub(report, { lang: options.lang });
    case 'gitlab':
      return formatGitlab(report);
    default:
      return (terminal as Terminal).formatTerminal(report, { lang: options.lang, color: options.color && toTerminal, width: io.stdout.columns });
  }
}

const formatOption = (format: Format, file: string, options: OutputOptions) => (file === options.output ? '--output' : `--format ${format}=${file}`);
const sameFile = (io: Io, a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && path.resolve(io.cwd, a) === path.resolve(io.cwd, b);

/** Claims every file check or merge will write (before the work starts): a usage error for one that must not be written. */
export function claimOutputs(options: OutputOptions, outputs: Outputs, io: Io): void {
  if (options.baseline) outputs.protect([options.baseline]);
  // The baseline is an input only its own writers may replace.
  if (options.pruneBaseline && options.baseline) outputs.claim(options.baseline, '--prune-baseline', { owns: true, example: 'zhibu-baseline.json' });
  if (options.writeBaseline) outputs.claim(options.writeBaseline, '--write-baseline', { owns: sameFile(io, options.writeBaseline, options.baseline), example: 'zhibu-baseline.json' });
  for (const { format, file } of parseFormats(options.format, options.output)) {
    if (file) outputs.claim(file, formatOption(format, file, options));
  }
}

/** Applies baselines, writes every requested format, and returns the exit code (docs/report.md, plus --max-warnings). */
export async function finish(raw: Report, rules: readonly Rule[], options: OutputOptions, io: Io, outputs: Outputs, html?: (report: Report) => string): Promise<number> {
  const formats = parseFormats(options.format, options.output);
  // The terminal report (chalk, cli-table3) is loaded only when asked for: CI runs writing JSON or SARIF start faster.
  const terminal = formats.some((f) => f.format === 'terminal') ? await import('../report/terminal.js') : null;
  let maxWarnings: number | null = null;
  if (options.maxWarnings !== undefined) {
    maxWarnings = Number(options.maxWarnings);
    if (!/^\d+$/.test(options.maxWarnings)) throw new UsageError(`--max-warnings ${options.maxWarnings}: 应为非负整数 (a whole number ≥ 0)`);
  }
  if (options.pruneBaseline && !options.baseline) throw new UsageError('--prune-baseline 需要 --baseline FILE (needs --baseline)');
  const resolve = (file: string) => path.resolve(io.cwd, file);
  let report = raw;
  if (options.baseline) {
    let text: string;
    try {
      text = readBounded(resolve(options.baseline), MAX_JSON_BYTES).toString('utf8');
    } catch (error) {
      throw new UsageError(`${options.baseline}: ${(error as Error).message}`);
    }
    const baseline = parseBaseline(text, options.baseline);
    const applied = applyBaseline(raw, baseline);
    report = applied.report;
    const zh = options.lang === 'zh';
    io.stderr.write(
      zh
        ? `基线 ${options.baseline}：已知问题 ${applied.known} 项未计入；${applied.fixed.length} 项已不再出现${applied.fixed.length > 0 && !options.pruneBaseline ? '（可用 --prune-baseline 删除）' : ''}\n`
        : `baseline ${options.baseline}: ${applied.known} known violations left out; ${applied.fixed.length} entries no longer found${applied.fixed.length > 0 && !options.pruneBaseline ? ' (drop them with --prune-baseline)' : ''}\n`,
    );
    if (applied.legacy.length > 0) {
      io.stderr.write(
        zh
          ? `基线 ${options.baseline}：有 ${applied.legacy.length} 项按记录在文件中的位置（如 activities[3]）标识，由旧版 zhibu 写出，无法与本次结果对照，本次未计入；请用 --write-baseline 重新生成基线\n`
          : `baseline ${options.baseline}: ${applied.legacy.length} entries name a record by its position in the file (such as activities[3]), written by an older zhibu; they cannot be matched and were not applied: write the baseline again with --write-baseline\n`,
      );
    }
    if (options.pruneBaseline) outputs.write(options.baseline, '--prune-baseline', pruneBaseline(baseline, raw), { owns: true });
  }
  if (options.writeBaseline) outputs.write(options.writeBaseline, '--write-baseline', writeBaseline(raw), { owns: sameFile(io, options.writeBaseline, options.baseline) });
  for (const { format, file } of formats) {
    const text = render(format, report, rules, options, io, file === null && io.stdout.isTTY === true, terminal, html);
    if (file) outputs.write(file, formatOption(format, file, options), text);
    else if (typeof text === 'string') io.stdout.write(text);
    else for (const chunk of text) io.stdout.write(chunk);
  }
  // Writing a baseline records today's backlog: that run passes unless the input is broken.
  if (options.writeBaseline && !options.baseline) return report.inputErrors.length > 0 ? 2 : 0;
  return gateExitCode(report, { failOn: options.failOn, maxWarnings });
}
