import { UsageError } from '../io.js';
import type { ShardSpec } from '../engine/shard.js';

export { fileShard, fnv1a, shardOf, type ShardSpec as Shard } from '../engine/shard.js';

/** Parses `--shard i/n` (1-based i, as CI matrices count); anything else is a usage error. */
export function parseShard(text: string): ShardSpec {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const i = m ? Number(m[1]) : NaN;
  const n = m ? Number(m[2]) : NaN;
  if (!m || n < 1 || i < 1 || i > n) {
    throw new UsageError(`--shard 应为 i/n，且 1 ≤ i ≤ n (--shard must be i/n with 1 ≤ i ≤ n): ${JSON.stringify(text)}`);
  }
  return { index: i - 1, count: n };
}
