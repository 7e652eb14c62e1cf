import { describe, expect, it } from 'vitest';
import { fileShard, fnv1a, parseShard, shardOf } from '../../src/ci/shard.js';
import { UsageError } from '../../src/io.js';

describe('shards', () => {
  it('hashes with 32-bit FNV-1a over UTF-8', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
    expect(fnv1a('第一党支部')).toBe(fnv1a('第一党支部'));
  });

  it('puts every branch in exactly one shard, the same one every time, spread evenly', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `pb-${String(i).padStart(4, '0')}`);
    for (const n of [1, 2, 3, 7]) {
      const sizes = new Array<number>(n).fill(0);
      for (const id of ids) {
        const s = shardOf(id, n);
        expect(s).toBe(shardOf(id, n));
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThan(n);
        sizes[s]!++;
      }
      for (const size of sizes) expect(Math.abs(size - ids.length / n)).toBeLessThan((ids.length / n) * 0.15);
    }
  });

  it('shards files by their path with / separators', () => {
    expect(fileShard('records\\2026\\pb-001.yaml', 5)).toBe(fileShard('records/2026/pb-001.yaml', 5));
    expect(() => fileShard('a', 0)).toThrow(RangeError);
    expect(() => shardOf('a', 1.5)).toThrow(RangeError);
  });

  it.each([
    ['1/1', { index: 0, count: 1 }],
    ['2/3', { index: 1, count: 3 }],
    [' 3 / 3 ', { index: 2, count: 3 }],
  ])('parses --shard %s', (text, shard) => {
    expect(parseShard(text)).toEqual(shard);
  });

  it.each(['0/3', '4/3', '1/0', '1', 'a/b', '-1/2', ''])('rejects --shard %j as a usage error', (text) => {
    expect(() => parseShard(text)).toThrow(UsageError);
  });
});
