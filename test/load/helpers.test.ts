import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeUtf8 } from '../../src/load/decode.js';
import { LineIndex } from '../../src/load/position.js';
import { closest } from '../../src/load/closest.js';
import { formatPath } from '../../src/load/records.js';

describe('formatPath', () => {
  test.each([
    [[], ''],
    [['branch'], 'branch'],
    [['branch', 'committe'], 'branch.committe'],
    [['activities', 3, 'date'], 'activities[3].date'],
    [['members', 0, 'dues', 11], 'members[0].dues[11]'],
    [['members', 0, 'training', 2, 'hours'], 'members[0].training[2].hours'],
    [[0, 'name'], '[0].name'],
    [['x-注释', 'a'], 'x-注释.a'],
  ] as [PropertyKey[], string][])('%j → %s', (path, shown) => {
    expect(formatPath(path)).toBe(shown);
  });
});

describe('closest', () => {
  const header = ['id', 'name', 'kind', 'parent', 'units', 'established', 'secretary', 'deputy_secretaries', 'committee', 'elected'];
  const activity = ['type', 'date', 'topic', 'host', 'recorder', 'attendees', 'expected', 'present', 'absentees', 'guests', 'minutes'];
  test.each([
    ['committe', header, 'committee'],
    ['Committee', header, 'committee'],
    ['secretery', header, 'secretary'],
    ['deputy_secretary', header, 'deputy_secretaries'],
    ['establish', header, 'established'],
    ['attendee', activity, 'attendees'],
    ['absentee', activity, 'absentees'],
    ['minute', activity, 'minutes'],
    ['meetings.general-quartely', ['meetings.general-quarterly', 'meetings.committee-monthly'], 'meetings.general-quarterly'],
    // Too far from every candidate: no hint rather than a wrong one.
    ['members_list', ['members', 'groups'], null],
    ['participants', activity, null],
    ['姓名', ['name', 'status', 'group'], null],
    ['anything', [], null],
  ] as [string, string[], string | null][])('%s → %s', (word, candidates, expected) => {
    expect(closest(word, candidates)).toBe(expected);
  });
});

describe('decodeUtf8', () => {
  const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

  test.each([
    ['ASCII', bytes('branch:\n  id: a\n'), 'branch:\n  id: a\n'],
    ['Chinese', bytes('name: 第一党支部\n'), 'name: 第一党支部\n'],
    ['a BOM, stripped', bytes([0xef, 0xbb, 0xbf], 'a: 1\r\n'), 'a: 1\r\n'],
    ['empty', bytes(), ''],
  ])('decodes %s', (_, input, text) => {
    expect(decodeUtf8(input)).toEqual({ ok: true, text });
  });

  test.each([
    // GBK 第一党支部 starts with b5, never a UTF-8 lead byte.
    ['GBK at the start', bytes([0xb5, 0xda, 0xd2, 0xbb]), 1, 1, 0xb5],
    ['GBK after a line', bytes('branch:\n  name: ', [0xb5, 0xda]), 2, 9, 0xb5],
    ['after Chinese text (columns count characters)', bytes('名称: ', [0xff]), 1, 5, 0xff],
    ['after CRLF', bytes('a: 1\r\nb: ', [0xc0, 0x80]), 2, 4, 0xc0],
    ['after a BOM (not counted)', bytes([0xef, 0xbb, 0xbf], 'a', [0xff]), 1, 2, 0xff],
    ['a truncated sequence at the end', bytes('a', [0xe4, 0xb8]), 1, 2, 0xe4],
    ['a lead byte without continuation', bytes('ab', [0xe4, 0x41, 0x42]), 1, 3, 0xe4],
    ['an overlong two-byte form', bytes([0xc1, 0xbf]), 1, 1, 0xc1],
    ['an overlong three-byte form', bytes('x', [0xe0, 0x80, 0xaf]), 1, 2, 0xe0],
    ['a UTF-16 surrogate', bytes([0xed, 0xa0, 0x80]), 1, 1, 0xed],
    ['beyond U+10FFFF', bytes([0xf4, 0x90, 0x80, 0x80]), 1, 1, 0xf4],
    ['a byte never used in UTF-8', bytes('ok\n', [0xf5, 0x80]), 2, 1, 0xf5],
    // GBK 粘支部: d5 b3 and d6 a7 happen to be well-formed UTF-8, so b2 is the first bad byte.
    ['GBK that starts like UTF-8', bytes([0xd5, 0xb3, 0xd6, 0xa7, 0xb2, 0xbf]), 1, 3, 0xb2],
  ])('refuses %s, at the first invalid byte', (_, input, line, column, byte) => {
    expect(decodeUtf8(input)).toEqual({ ok: false, position: { line, column }, byte });
  });

  test('accepts and decodes exactly what a fatal TextDecoder does (one BOM stripped, a view of a larger buffer read as itself)', () => {
    const reference = new TextDecoder('utf-8', { fatal: true });
    const expected = (input: Uint8Array) => {
      try {
        return reference.decode(input);
      } catch {
        return null;
      }
    };
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 12 }), fc.string({ unit: 'binary' }).map((text) => new TextEncoder().encode(text))), fc.nat(2), (body, boms) => {
        const framed = Buffer.concat([Buffer.from('xy'), ...Array.from({ length: boms }, () => Buffer.from([0xef, 0xbb, 0xbf])), body, Buffer.from('z')]);
        const input = framed.subarray(2, framed.length - 1);
        const decoded = decodeUtf8(input);
        expect(decoded.ok ? decoded.text : null).toBe(expected(input));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('LineIndex', () => {
  const text = 'branch:\n  id: a\r\n\n# note\n- x';
  const lines = new LineIndex(text);

  test.each([
    [0, 1, 1],
    [6, 1, 7], // the colon
    [7, 1, 8], // the line break belongs to its line
    [8, 2, 1],
    [12, 2, 5],
    [15, 2, 8], // \r is a character of its line
    [17, 3, 1],
    [18, 4, 1],
    [25, 5, 1],
    [27, 5, 3],
    [99, 5, 75], // past the end: still the last line
  ])('at(%i) is %i:%i', (offset, line, column) => {
    expect(lines.at(offset)).toEqual({ line, column });
  });

  test('an empty text is one line', () => {
    expect(new LineIndex('').at(0)).toEqual({ line: 1, column: 1 });
  });

  test.each([
    ['a node starts where it is', 'a: 1', 0, 0],
    ['skips blanks and tabs', '  \t a', 0, 4],
    ['skips line breaks, CRLF included', '\r\n\n  - a', 0, 5],
    ['skips comments to the end of their line', '# c\n  # d\r\nb', 0, 11],
    ['stops at a dash', '   - name: a', 1, 3],
    ['stops at the end of the text', '  # only a comment', 0, 18],
  ])('nodeStart %s', (_, input, from, expected) => {
    expect(new LineIndex(input).nodeStart(from)).toBe(expected);
  });
});
