import { UsageError } from '../io.js';

/** One job's part of a sharded run: `index` is 0-based, `count` is the number of shards. */
export interface Shard {
  index: number;
  count: number;
}

const utf8 = new TextEncoder();

/** 32-bit FNV-1a of a text's UTF-8 bytes: tiny, stable across platforms and Node versions. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of utf8.encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

function checkCount(n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`shard count must be a positive integer, got ${n}`);
}

/** The 0-based shard a branch belongs to among `n`. */
export function shardOf(branchId: string, n: number): number {
  checkCount(n);
  return fnv1a(branchId) % n;
}

/** The 0-based shard a record file belongs to among `n` (path as given, `/` separators). */
export function fileShard(file: string, n: number): number {
  checkCount(n);
  return fnv1a(file.replace(/\\/g, '/')) % n;
}

/** Parses `--shard i/n` (1-based i, as CI matrices count); anything else is a usage error. */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const i = m ? Number(m[1]) : NaN;
  const n = m ? Number(m[2]) : NaN;
  if (!m || n < 1 || i < 1 || i > n) {
    throw new UsageError(`--shard 应为 i/n，且 1 ≤ i ≤ n (--shard must be i/n with 1 ≤ i ≤ n): ${JSON.stringify(text)}`);
  }
  return { index: i - 1, count: n };
}
