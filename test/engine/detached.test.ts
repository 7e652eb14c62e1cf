import { describe, expect, it } from 'vitest';
import { detached, unshared } from '../../src/model/types.js';

describe('detached', () => {
  it('copies plain data to equal values, sharing no object, array or map', () => {
    const long = 'meetings.committee-monthly in a long file text'.slice(0, 26);
    const value = { a: [long, 'short', 1, null, true, { b: long }], m: new Map([[long, [{ c: 2 }]]]), u: undefined };
    const copy = detached(value);
    expect(copy).toEqual(value);
    expect(copy).not.toBe(value);
    expect(copy.a).not.toBe(value.a);
    expect(copy.a[5]).not.toBe(value.a[5]);
    expect(copy.m).not.toBe(value.m);
    expect(copy.m.get(long)).not.toBe(value.m.get(long));
    expect(Object.keys(copy)).toEqual(['a', 'm', 'u']);
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
  });
});
