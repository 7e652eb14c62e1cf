import { describe, expect, it } from 'vitest';
import { detached, unshared } from '../../src/model/types.js';

describe('detached', () => {
  it('keeps plain data equal and in place, rebuilding maps', () => {
    const long = 'meetings.committee-monthly in a long file text'.slice(0, 26);
    const a = [long, 'short', 1, null, true, { b: long }];
    const value = { a, m: new Map([[long, [{ c: 2 }]]]), u: undefined };
    const [before, m] = [structuredClone(value), value.m];
    const out = detached(value);
    expect(out).toBe(value);
    expect(out.a).toBe(a);
    expect(out).toEqual(before);
    expect(out.m).not.toBe(m);
    expect(Object.keys(out)).toEqual(['a', 'm', 'u']);
  });

  it('keeps strings of every length unchanged', () => {
    for (const s of ['', 'x', '第一项目部', 'a'.repeat(12), 'a'.repeat(13), '党支部'.repeat(10)]) expect(detached(s)).toBe(s);
  });
});

describe('unshared', () => {
  it('copies plain data to equal values, and an object reached twice to two objects', () => {
    const shared = { name: '张三', dues: ['2026-01'] };
    const value = { members: [shared, shared], n: -0, x: Infinity, 'x-note': null };
    const copy = unshared(value) as typeof value;
    expect(copy).toStrictEqual(value);
    expect(copy.members[0]).not.toBe(shared);
    expect(copy.members[1]).not.toBe(copy.members[0]);
    expect(copy.members[1]?.dues).not.toBe(copy.members[0]?.dues);
    const proto = JSON.parse('{"a":{"__proto__":{"b":1}}}') as { a: object };
    expect(Object.getPrototypeOf((unshared(proto) as typeof proto).a)).toBe(Object.prototype);
    expect(unshared(proto)).toStrictEqual(proto);
  });
});
