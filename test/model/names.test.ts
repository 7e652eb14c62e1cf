import { describe, expect, test } from 'vitest';
import { normalizeName } from '../../src/model/names.js';

/** The characters normalizeName takes as normal without asking ICU. */
const plain = (c: number) => (c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff);

describe('normalizeName', () => {
  test('gives plain names (printable ASCII, CJK ideographs) as they are, and normalises the rest', () => {
    for (const name of ['张三', 'pb-00001', '第一项目部党支部', 'Zhang_San']) expect(normalizeName(name)).toBe(name);
    expect(normalizeName(' \u200B\uF9E1四\uFEFF\u3000')).toBe('李四');
    expect(normalizeName('Cafe\u0301')).toBe('Café');
  });

  test('no plain character is changed by NFC, nor composes with the one before it (all of Unicode checked)', () => {
    const changed: string[] = [];
    for (let c = 0; c <= 0x10ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const text = String.fromCodePoint(c);
      if (plain(c) && (text.normalize('NFC') !== text || text.normalize('NFD') !== text || /\s/.test(text))) changed.push(text);
      // A composition's second character is the second one of some canonical decomposition.
      const parts = [...text.normalize('NFD')];
      for (const part of parts.slice(1)) if (plain(part.codePointAt(0) as number)) changed.push(`${part} in ${text}`);
    }
    expect(changed).toEqual([]);
  });
});
