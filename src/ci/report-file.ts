import { z } from 'zod';
import { UsageError } from '../io.js';
import { formatPath } from '../load/records.js';
import type { Report } from '../report/report.js';
import { isRealDate } from '../schema/dates.js';
import { shardProblem } from '../engine/shard.js';

const count = z.number().int().min(0);
const severity = z.enum(['error', 'warning', 'info']);
const date = z.string().refine(isRealDate, { message: 'expected a real date YYYY-MM-DD in the years 1921–2200' });

const reportShape = z.object({
  tool: z.literal('zhibu'),
  version: z.string(),
  lang: z.enum(['zh', 'en']),
  asOf: date,
  window: z.object({ label: z.string(), from: date, to: date }),
  rules: z.array(z.string()),
  summary: z.object({
    files: count,
    branches: count,
    violations: z.object({ error: count, warning: count, info: count }),
    pending: count,
    exempted: count,
    inputErrors: count,
    baselined: count.optional(),
  }),
  findings: z.array(
    z.object({
      rule: z.string(),
      severity,
      status: z.enum(['violation', 'pending']),
      branch: z.string(),
      period: z.string().nullable(),
      subject: z.string().nullable(),
      message: z.string(),
      messageId: z.string(),
      args: z.record(z.string(), z.unknown()),
      basis: z.string(),
      remedy: z.string(),
      file: z.string(),
      line: z.number().int().min(1),
      column: z.number().int().min(1),
      path: z.string().nullable(),
      category: z.string(),
      title: z.string(),
      daysLeft: z.number().optional(),
    }),
  ),
  inputErrors: z.array(z.object({ file: z.string(), line: z.number().int().min(1), column: z.number().int().min(1), message: z.string() })),
});

/** Reads a JSON report written by `--format json` (a shard's, for `zhibu merge`); anything else is a usage error. */
export function parseReport(text: string, file: string): Report {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(`${file}: 报告不是有效的 JSON (report is not valid JSON): ${(error as Error).message}`);
  }
  const parsed = reportShape.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((i) => `${formatPath(i.path) || '(root)'}: ${i.message}`);
    // A report without `lang` was written before findings carried their data: its run must be repeated.
    const old = raw !== null && typeof raw === 'object' && (raw as Record<string, unknown>).tool === 'zhibu' && !('lang' in raw);
    const hint = old ? '；该报告由旧版 zhibu 写出，请用当前版本重新运行 check (written by an older zhibu: run check again)' : '';
    throw new UsageError(`${file}: 不是 zhibu 的 JSON 报告 (not a zhibu JSON report): ${problems.join('; ')}${hint}`);
  }
  // A shard's digests feed the organization rules: checked before they are trusted.
  const shard = (raw as Report).shard;
  const problem = shard === undefined ? null : shardProblem(shard);
  if (problem) throw new UsageError(`${file}: 分片数据无效 (invalid shard data): ${problem}`);
  // The text as written, not zod's copy: unknown fields and key order survive a merge.
  return raw as Report;
}
