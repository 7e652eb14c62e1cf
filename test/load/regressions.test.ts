import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../src/load/decode.js';
import { LineIndex } from '../../src/load/position.js';
import { closest } from '../../src/load/closest.js';
import { loadRecordFile } from '../../src/load/records.js';
import { MAX_LIST_ITEMS } from '../../src/schema/validate.js';

const load = (text: string) => loadRecordFile('r.yaml', Buffer.from(text));
const header = 'branch: {id: a, name: A, secretary: x}\n';

describe('loader regressions', () => {
  it('bounds aliases written straight after a colon in flow mappings', () => {
    const levels = ['x-a: {"k":&a [1,2,3,4,5,6,7,8,9]}'];
    for (let i = 1; i <= 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const next = String.fromCharCode(97 + i);
      levels.push(`x-${next}: {"k":&${next} [${Array(10).fill(`*${prev}`).join(',')}]}`);
    }
    const loaded = load(`${header}${levels.join('\n')}\n`);
    expect(loaded.branches).toHaveLength(0);
    expect(loaded.errors.map((e) => [e.id, e.args.code])).toEqual([['yaml.document', 'ALIAS_LIMIT']]);
  });

  it('refuses a list of MAX_LIST_ITEMS + 1 items in as few characters as YAML allows (the loader looks for long lists only in texts that long)', () => {
    for (const list of [`[${'1,'.repeat(MAX_LIST_ITEMS)}1]`, `\n${'-\n'.repeat(MAX_LIST_ITEMS)}-`]) {
      const loaded = load(`${header}x-log: ${list}`);
      expect(loaded.errors.map((e) => [e.id, e.args.path, e.args.count])).toEqual([['list.too-long', 'x-log', MAX_LIST_ITEMS + 1]]);
    }
  });

  it('reads a binary-looking number the same way whichever parser runs', () => {
    const plain = load(`${header}activities:\n  - {type: general-meeting, date: 2026-07-01, expected: 0b11}\n`);
    const precise = load(`# &x\n${header}activities:\n  - {type: general-meeting, date: 2026-07-01, expected: 0b11}\n`);
    expect(plain.errors.map((e) => e.id)).toEqual(precise.errors.map((e) => e.id));
    expect(plain.errors).toHaveLength(1);
  });

  it('reports an empty required enum as a missing field', () => {
    const loaded = load(`${header}members:\n  - {name: 张三, status: }\n`);
    expect(loaded.errors.map((e) => [e.id, e.args.path])).toEqual([['field.required', 'members[0].status']]);
  });

  it('does not suggest a two-letter key for any two-letter typo', () => {
    expect(closest('名称', ['id', 'name', 'secretary'])).toBeNull();
    expect(closest('committe', ['committee', 'name'])).toBe('committee');
  });

  it('counts columns in UTF-16 units in both position helpers', () => {
    const text = 'a: 𠮷\xff';
    const bytes = Buffer.concat([Buffer.from('a: 𠮷'), Buffer.from([0xff])]);
    const decoded = decodeUtf8(bytes);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.position).toEqual(new LineIndex(text).at(text.indexOf('\xff')));
  });
});

describe('__proto__ keys', () => {
  it.each([
    ['at the top level', `${header}__proto__: { x: 1 }\n`, '__proto__', 2],
    ['in a member', `${header}members:\n  - name: 张三\n    status: full\n    __proto__: { x: 1 }\n`, 'members[0].__proto__', 5],
  ])('is an unknown key %s', (_where, text, path, line) => {
    const loaded = load(text);
    expect(loaded.branches).toHaveLength(0);
    expect(loaded.errors.map((e) => [e.id, e.args.path, e.line])).toEqual([['key.unknown', path, line]]);
  });
});
