import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, test } from 'vitest';
import { decodeUtf8 } from '../../src/load/decode.js';
import { parseFastYaml } from '../../src/load/fast-yaml.js';
import { Locator, MAX_ALIAS_NODES, parsePrecise, type ParsedYaml } from '../../src/load/yaml.js';
import { yamlFilesUnder } from '../support/engine.js';
import { root } from '../support/fixtures.js';
import { mulberry32, sameKeyOrder } from '../support/records.js';
import { styledSamples } from '../support/styles.js';

const parseFast = (text: string) => parseFastYaml(text, MAX_ALIAS_NODES);

/**
 * The contract of the fast parser: whenever it does not give up, its result is
 * eemeli/yaml's — no problems, the same documents with the same index, start,
 * root keys (in order), values (deep-strictly, in key order at every depth) and
 * list-item offsets for every root key holding a non-empty list — and its
 * locator finds every value and key path where eemeli/yaml's nodes are.
 * Returns what breaks it, or null (also when the fast parser gives up).
 */
function breach(text: string, fast: ParsedYaml | null = parseFast(text)): string | null {
  if (fast === null) return null;
  const precise = parsePrecise(text);
  if (precise.fatal !== null) return `eemeli/yaml fails: ${precise.fatal.code} at ${precise.fatal.offset}`;
  if (precise.documentProblems.length > 0) return `eemeli/yaml has document problems: ${precise.documentProblems.map((p) => p.problem.code).join(', ')}`;
  if (fast.fatal !== null || fast.documentProblems.length > 0) return 'the fast parser reports problems';
  if (fast.documents.length !== precise.documents.length) return `${fast.documents.length} documents, eemeli/yaml ${precise.documents.length}`;
  const fastLocator = new Locator(text);
  const preciseLocator = new Locator(text, false);
  for (let d = 0; d < fast.documents.length; d++) {
    const s = fast.documents[d] as ParsedYaml['documents'][number];
    const g = precise.documents[d] as ParsedYaml['documents'][number];
    const at = `document ${d}`;
    if (s.index !== g.index) return `${at}: index ${s.index}, eemeli/yaml ${g.index}`;
    if (s.start !== g.start) return `${at}: start ${s.start}, eemeli/yaml ${g.start}`;
    if (!isDeepStrictEqual([...s.keys], [...g.keys])) return `${at}: keys ${JSON.stringify([...s.keys])}, eemeli/yaml ${JSON.stringify([...g.keys])}`;
    if (!isDeepStrictEqual(s.value, g.value)) return `${at}: value ${show(s.value)}, eemeli/yaml ${show(g.value)}`;
    if (!sameKeyOrder(s.value, g.value)) return `${at}: key order differs`;
    for (const [key, value] of Object.entries(s.value as Record<string, unknown>)) {
      if (!Array.isArray(value) || value.length === 0) continue;
      if (!isDeepStrictEqual(s.items.get(key), g.items.get(key))) return `${at}: items of ${key} ${JSON.stringify(s.items.get(key))}, eemeli/yaml ${JSON.stringify(g.items.get(key))}`;
    }
    for (const [route, key] of paths(s.value)) {
      const mine = fastLocator.locate(s.index, route, key);
      const theirs = preciseLocator.locate(s.index, route, key);
      if (mine !== theirs) return `${at}: ${key ? 'key' : 'value'} ${JSON.stringify(route)} at ${mine}, eemeli/yaml ${theirs}`;
    }
  }
  return null;
}

/** Value paths of a document (and each mapping key's own path), the first few hundred. */
function paths(value: unknown): [PropertyKey[], boolean][] {
  const out: [PropertyKey[], boolean][] = [];
  const walk = (node: unknown, route: PropertyKey[]) => {
    if (out.length > 400 || route.length > 12) return;
    out.push([route, false]);
    if (Array.isArray(node)) node.forEach((child, i) => walk(child, [...route, i]));
    else if (node !== null && typeof node === 'object') {
      for (const [k, child] of Object.entries(node)) {
        out.push([[...route, k], true]);
        walk(child, [...route, k]);
      }
    }
  };
  walk(value, []);
  // A path that leaves the document: located at the last node it reached.
  out.push([['no such key', 0], false]);
  return out;
}

/** A value for messages: JSON that keeps -0, undefined and non-finite numbers visible. */
function show(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && (Object.is(v, -0) || !Number.isFinite(v)) ? `<${Object.is(v, -0) ? '-0' : String(v)}>` : v === undefined ? '<undefined>' : v)).slice(0, 400);
}

/** The text of a file as the loader sees it (strict UTF-8, BOM stripped); null when it is not UTF-8. */
function readText(file: string): string | null {
  const decoded = decodeUtf8(readFileSync(file));
  if (!decoded.ok) return null;
  return decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text;
}

const fixtures = yamlFilesUnder('fixtures').flatMap((name) => {
  const text = readText(path.join(root, name));
  return text === null ? [] : [{ name, text }];
});
/** Fixtures that are record YAML as people and exporters write it: the fast path must take every one. */
const PLAIN = /^fixtures\/(valid|demo|compliant|rules)\//;
const plainFixtures = fixtures.filter(({ name }) => PLAIN.test(name));
/** Seeds of the mutation fuzzer: the plain fixtures and the bench corpora's styles (PyYAML, JSON, flow, quoted, block scalars, CRLF). */
const seeds = [...plainFixtures, ...styledSamples(3000)];

describe('the fast YAML parser on the fixtures', () => {
  test('finds the fixtures', () => {
    expect(fixtures.length).toBeGreaterThan(100);
    expect(plainFixtures.length).toBeGreaterThan(80);
  });

  test('keeps the contract on every fixture', () => {
    const problems = fixtures.map(({ name, text }) => [name, breach(text)]).filter(([, problem]) => problem !== null);
    expect(problems).toEqual([]);
  });

  test('takes every valid, demo, compliant and rules fixture, and every style of the bench corpora', () => {
    const styled = styledSamples();
    expect([...plainFixtures, ...styled].filter(({ text }) => parseFast(text) === null).map(({ name }) => name)).toEqual([]);
    expect(styled.map(({ name, text }) => [name, breach(text)]).filter(([, problem]) => problem !== null)).toEqual([]);
  }, 120_000);
});

/** Nested block mappings, `levels` deep. */
const deepBlock = (levels: number) => Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}k${i}:${i === levels - 1 ? ' 1' : ''}`).join('\n') + '\n';

describe('the fast YAML parser gives up', () => {
  const cases: [string, string][] = [
    ['an alias', 'a: 1\nb: *a\n'],
    ['an alias in a flow list', 'a: [*a]\n'],
    ['a tag', 'a: !t x\n'],
    ['a standard tag', 'a: !!str 1\n'],
    ['a tab after a value', 'a: 1\t\n'],
    ['a tab inside a value', 'a: x\ty\n'],
    ['a tab in a comment', 'a: 1 # c\tc\n'],
    ['a tab as indentation', 'a:\n\tb: 1\n'],
    ['duplicate block keys', 'a: 1\nb: 2\na: 3\n'],
    ['duplicate nested block keys', 'a:\n  b: 1\n  b: 2\n'],
    ['duplicate flow keys', 'a: {b: 1, b: 2}\n'],
    ['duplicate keys that resolve alike', 'a: {1: x, 1.0: y}\n'],
    ['a __proto__ key', '__proto__: 1\n'],
    ['a nested __proto__ key', 'a: {__proto__: 1}\n'],
    ['a merge key', 'a: {b: 1}\nc:\n  <<: {d: 1}\n'],
    ['content after ...', 'a: 1\n...\nb: 2\n'],
    ['a document after ...', 'a: 1\n...\n---\nb: 2\n'],
    ['a control character', 'a: x\u0001y\n'],
    ['NEL (U+0085)', 'a: x\u0085y\n'],
    ['a line separator (U+2028)', 'a: x\u2028y\n'],
    ['a lone surrogate', 'a: x\ud800y\n'],
    ['a lone surrogate in a comment', 'a: 1 # \udc00\n'],
    ['a valid surrogate pair (left to the general path)', 'a: x😀y\n'],
    ['U+FEFF mid-text', 'a: x\ufeffy\n'],
    ['a non-character', 'a: x\uffffy\n'],
    ['a trailing comma in a flow list', 'a: [a, b,]\n'],
    ['a trailing comma in a flow mapping', 'a: {b: 1,}\n'],
    ['an empty flow entry', 'a: [a, , b]\n'],
    ['a leading comma in a flow list', 'a: [, a]\n'],
    ['a list on the key line', 'k: - a\n'],
    ['an explicit key', '? k\n: v\n'],
    ['a key-less value', ': v\n'],
    ['a root list', '- a\n- b\n'],
    ['a root flow list', '[a, b]\n'],
    ['a scalar root', 'hello\n'],
    ['a quoted scalar root', '"hello"\n'],
    ['a second document that is a list', 'a: 1\n---\n- b\n'],
    ['a compact mapping in a value', 'k: a: b\n'],
    ['a flow pair', 'k: [a: b]\n'],
    ['text after a flow list', 'k: [a]x\n'],
    ['text after a flow mapping', 'k: {a: 1} x\n'],
    ['text after a quoted scalar', "k: 'a' x\n"],
    ['a lone CR line break', 'a: 1\rb: 2\n'],
    ['a lone CR at the end', 'a: 1\r'],
    ['a comment without a space before it', 'a: [b]#c\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['a reserved indicator', 'a: @x\n'],
    ['a backquote', 'a: `x\n'],
    ['a question mark scalar', 'a: ?x\n'],
    ['a value more indented than its sibling key', 'a: 1\n  b: 2\n'],
    ['a list item less indented than the first', 'a:\n    - x\n  - y\n'],
    ['a nested list item on the dash line', 'a:\n  - - b\n'],
    ['a --- with text after it', '--- a\nb: 1\n'],
    ['block nesting deeper than 48', deepBlock(49)],
    ['flow nesting deeper than 48', `a: ${'['.repeat(50)}1${']'.repeat(50)}\n`],
    ['a very long key', `${'k'.repeat(1100)}: 1\n`],
    ['an alias to an unknown anchor', 'a: *x\n'],
    ['an alias as a root value', 'a: &x [1]\nb: *x\n'],
    ['an alias as a root value of a JSON-shaped document', '{"a": &x [1], "b": *x}\n'],
    ['an anchor on a compact mapping key', 'a:\n- &x k: v\n'],
    ['a block scalar with an indentation indicator', 'a: |2\n   x\n'],
    ['a keep-chomping block scalar', 'a: |+\n  x\n\n'],
    ['an empty block scalar', 'a: |\nb: 1\n'],
    ['a more-indented folded line', 'a: >\n  x\n   y\n'],
    ['a flow line not indented past its parent', 'a: [1,\n2]\n'],
    ['a quoted line not indented past its parent', 'a: "x\ny"\n'],
    ['a comment after a multi-line plain scalar', 'a: x\n  y # c\n'],
    ['a key in a plain continuation line', 'a: x\n  y: z\n'],
    ['aliases past the bound', `a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc:\n${'  - [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n'.repeat(12)}`],
    ['an invalid escape', 'a: "\\q"\n'],
  ];

  test.each(cases)('%s', (_name, text) => {
    expect(parseFast(text)).toBeNull();
  });
});

describe('the fast YAML parser reads as eemeli/yaml does', () => {
  const scalars = ['~', 'null', 'Null', 'NULL', 'true', 'True', 'False', 'FALSE', '0', '-0', '0x1F', '0o17', '017', '08', '.inf', '-.Inf', '.NaN', '-.5', '.5', '1.', '1e3', '1E+3', '-5', '+1', '+.5', '10:30', '1:2:3',
    'a#b', 'a]', 'a}b', 'a ,b', 'a,b', 'a:b', 'http://x', '-x', '.x', '~x', 'nullx', 'truex', '0x', '0o', '0xZ', '1.2.3', '2026-09-20', '2026-09', '2026-9-20', '2026-09-20T10:00:00Z', '20260920', '3.14', '-1.5e-3', 'y', 'n', 'yes', 'no', 'on', 'off'];
  const cases: [string, string][] = [
    ['CRLF lines', 'a: 1\r\nb: {l: [x, y]}\r\nc:\r\n  - d\r\n  - e: 1\r\n    f: g\r\n'],
    ['CRLF without a final line break', 'a: 1\r\nb: 2'],
    ['no final line break', 'a: 1\nb:\n  - x'],
    ['comments after values and on their own lines', '# head\na: 1 # one\n# own line\nb: x #c\nc: {l: [1, 2]} # list\nd: {e: f} # map\ng: \'q\' # quoted\nh:   # empty\n  # inside\n  - i # item\n'],
    ['a --- separator between documents', 'a: 1\n---\nb: 2\n'],
    ['a leading --- separator', '---\na: 1\n---\nb: 2\n'],
    ['a leading --- after comments', '# c\n---\na: 1\n'],
    ['--- with a comment', '--- # first\na: 1\n--- \nb: 2\n'],
    ['a final ...', 'a: 1\n...\n'],
    ['a final ... without a line break', '---\na: 1\n...'],
    ['a final ... with a comment', 'a: 1\n... # end\n'],
    ['quoted strings with doubled quotes', "a: 'it''s'\nb: ''''\nc: ''\nd: \"\"\ne: \"x 'y' # z\"\nf: '# not a comment'\n"],
    ['quoted scalars in flow', "a: {l: ['x, y', \"[z]\", '']}\nb: {k: 'v: w'}\n"],
    ['a nested flow mapping', 'a: {a: [1, 2]}\n'],
    ['nested flow collections', 'a: {l: [[1, [2]], {b: {c: [d]}}, []]}\n'],
    ['empty flow collections', 'a: []\nb: {}\nc: [ ]\nd: { }\n'],
    ['flow collections without spaces', 'a: {l: [1,2,3]}\nb: {c: 1,d: x}\n'],
    ['keys that look like other scalars', 'm:\n  null: 1\n  1.0: 2\n  key : 3\n  true: 4\n  0x10: 5\n  True x: 6\n  2026-09-20: 7\nkey : 8\nTrue x: 9\n2026-09-21: 10\n'],
    ['flow keys that look like other scalars', 'a: {null: 1, 1.0: 2, k : 3, false: 4}\n'],
    ['list items that are compact mappings', 'members:\n  - name: x\n    status: full\n  - name: y\n    status: probationary\n    dues: [2026-01, 2026-02]\n'],
    ['a compact mapping with a nested block', 'a:\n  - name: x\n    training:\n      - date: 2026-01-01\n        hours: 2\n    note: n\n'],
    ['a list at the same indent as its key', 'k:\n- a\n- b\nj: 1\n'],
    ['a nested list at the same indent as its key', 'a:\n  k:\n  - 1\n  - 2\n  j: 3\nb: 4\n'],
    ['flow lists as block list items', 'a:\n  - [1, 2]\n  - []\n  - {b: c}\n'],
    ['scalars', `${scalars.map((s, i) => `s${i}: ${s}`).join('\n')}\n`],
    ['scalars in a block list', `a:\n${scalars.map((s) => `  - ${s}`).join('\n')}\n`],
    ['scalars in a flow list', `a: {l: [${scalars.filter((s) => !/[,\]}]/.test(s) && !s.includes(':')).join(', ')}]}\n`],
    ['dates and months', 'a: 2026-09-20\nb: 2026-09\nc: {l: [2026-09-20, 2026-10]}\nd: {e: 2026-01-01}\n'],
    ['CJK text with U+3000', 'branch:\n  name: 第一　项目部党支部\n  secretary: 张伟\n名称: 第一项目部　党支部 # 注释\n列表: {l: [张伟, 李娜　王强]}\n'],
    ['an empty value followed by a deeper comment then a same-level key', 'a:\n    # deeper comment\nb: 1\n'],
    ['an empty nested value followed by a deeper comment', 'a:\n  b:\n      # deeper\n  c: 2\nd:\n'],
    ['empty values', 'a:\nb: ~\nc:\n  d:\n  e:\n'],
    ['trailing spaces after values', 'a: 1   \nb: x  \nc: {l: [1]}  \nd:  \n  - e  \n  - f: g   \n'],
    ['trailing spaces after keys and markers', 'a:   \n  b: 1\n---  \nc: 2\n...  \n'],
    ['blank lines with spaces', 'a: 1\n   \n\nb:\n\n  - 1\n  \n  - 2\n'],
    ['deep indentation', 'a:\n      b:\n            - 1\n            - c: 2\n              d: 3\n'],
    ['nesting 48 deep', deepBlock(48)],
    ['a flow pair without a space', 'k: [a:b]\n'],
    ['---x at the start of a line', 'a: 1\n---x: 1\n'],
    ['many documents with list items', 'branch: {id: a}\nmembers:\n  - {name: x}\n  - {name: y}\n---\norganization: {id: o}\nleaders:\n- name: z\n- name: w\n'],
    ['a dash inside a plain scalar', 'a: x - y\nb: -1-2\nc: a -\n'],
    ['a colon at the end of a flow scalar', 'a: x:y\n'],
    ['a key with inner spaces', 'a key: value with spaces\n'],
    ['an anchor', 'a: &x 1\nb: 2\n'],
    ['an anchor on a mapping', 'a: &x\n  b: 1\n'],
    ['a literal block scalar', 'a: |\n  x\n'],
    ['a folded block scalar', 'a: >\n  x\n'],
    ['a multi-line plain scalar', 'a: one\n  two\n'],
    ['a multi-line plain list item', 'a:\n  - one\n    two\n'],
    ['a double-quoted scalar with an escape', 'a: "x\\ny"\n'],
    ['a double-quoted scalar with an escaped quote', 'a: "x\\"y"\n'],
    ['a multi-line double-quoted scalar', 'a: "x\n  y"\n'],
    ['a multi-line single-quoted scalar', "a: 'x\n  y'\n"],
    ['an empty file', ''],
    ['a comments-only file', '# only a comment\n\n# another\n'],
    ['blank lines only', '\n  \n'],
    ['an empty document', 'a: 1\n---\n'],
    ['an empty first document', '---\n---\na: 1\n'],
    ['an empty document between two', 'a: 1\n---\n# nothing\n---\nb: 2\n'],
    ['a binary number', 'a: 0b101\n'],
    ['an underscored number', 'a: 1_000\n'],
    ['an underscored number in a flow list', 'a: [1, 1_000]\n'],
    ['a multi-line flow list', 'a: [b,\n  c]\n'],
    ['a multi-line flow mapping', 'a: {b: 1,\n  c: 2}\n'],
    ['a root flow mapping', '{a: 1}\n'],
    ['a quoted key', '"a": 1\n'],
    ['an empty list item', 'a:\n  -\n  - b\n'],
    ['anchors and aliases as PyYAML writes them', 'a:\n- attendees: &id001\n  - 张三\n  - 李四\n  date: 2026-01-05\n- attendees: *id001\n  date: 2026-02-05\n'],
    ['anchors in flow', 'm: {l: [&x a, *x, &y {k: v}, *y]}\n'],
    ['an anchored scalar and its alias in a list', 'a:\n  - &n 张三\n  - *n\n'],
    ['block scalars', 'a: |\n  line one\n    indented\n\n  after a blank\nb: >-\n  folded\n  text\n\n  para\nc:\n  - |-\n    item\n  - x\n'],
    ['a block scalar at the end of the text', 'a: |\n  x'],
    ['escapes', 'a: "\\u5F20\\t\\"\\\\\\/\\x41\\U0001F600\\n\\0"\n'],
    ['multi-line quoted scalars', 'a: "one\n  two\n\n  three \\\n  four"\nb: \'x\n\n  y\'\n'],
    ['a multi-line plain scalar in a list', 'a:\n- some long\n  text here\n- b\n'],
    ['flow collections over several lines', 'a:\n- {attendees: [张三, 李四,\n    王五], date: 2026-01-05,\n  topic: x}\n'],
    ['a JSON document', '{\n  "branch": {\n    "id": "pb-1",\n    "n": 1.5\n  },\n  "members": [\n    {"name": "a"},\n    {"name": "b"}\n  ]\n}\n'],
    ['a JSON document on one line', '{"branch":{"id":"pb-1"},"members":[{"name":"a"},{"name":"b"}],"e":[]}'],
    ['quoted keys everywhere', '"branch":\n  "id": "pb"\n"members":\n- "name": "张三"\n  "dues": ["2026-01"]\n'],
    ['an item on the line below its dash', 'a:\n-\n  b: 1\n- c\n'],
    ['an anchored list in a JSON-shaped document', '{"a": &x [1, 2], "b": 2}\n'],
    ['an anchor at the end of a line in flow', 'a: [&x\n  b, c]\nd: {k: &y\n    e}\n'],
  ];

  test.each(cases)('%s', (_name, text) => {
    const fast = parseFast(text);
    expect(fast).not.toBeNull();
    expect(breach(text, fast)).toBeNull();
  });
});

describe('the fast YAML parser bounds aliases as eemeli/yaml does', () => {
  test('an alias adds its node count; past MAX_ALIAS_NODES the file goes to the exact error path', () => {
    const text = 'a: &a [1, 2, 3]\nb:\n  - *a\n  - *a\n';
    expect(parseFastYaml(text, 8)?.documents[0]?.value).toEqual({ a: [1, 2, 3], b: [[1, 2, 3], [1, 2, 3]] });
    expect(parseFastYaml(text, 7)).toBeNull();
  });
});

// ---- the mutation fuzzer ----

const SNIPPETS = [': ', '- ', '-', '#', ' #', '[', ']', '{', '}', ',', '"', "'", "''", '\n', '\r\n', '\r', ' ', '  ', '---\n', '...\n', '&a ', '*a', '&b ', '*b', '!t ', '|', '|-', '>', '>-', '|\n', '>\n  ', '?', ':', '~', 'null', 'true', '0b1', '1_0', '\t', '\u0085',
  '\ud800', '0x1F', '.5', '%', '@', '`', '__proto__: 1\n', '<<: x\n', 'x: ', 'a: [b, c]\n', '{ k: v }', '\\', '\\n', '\\u5F20', '\\x4', '"k": ', '{"a": 1}', '[\n', ',\n  ', '\n  ', '\n    ',
  '\u3000', '\u00a0', '-0', '-.5', 'a &b', ' 0b', 'x: [-0, +.5]\n'];

/** One random mutation of the text; returns the new text, what was done and where. */
function mutate(text: string, random: () => number): { text: string; what: string; at: number } {
  const int = (n: number) => Math.floor(random() * n);
  const lines = () => {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1 && i + 1 < text.length; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  };
  const lineEnd = (start: number) => {
    const end = text.indexOf('\n', start);
    return end === -1 ? text.length : end + 1;
  };
  switch (int(5)) {
    case 0: {
      const at = int(text.length + 1);
      const snippet = SNIPPETS[int(SNIPPETS.length)] as string;
      return { text: text.slice(0, at) + snippet + text.slice(at), what: `insert ${JSON.stringify(snippet)}`, at };
    }
    case 1: {
      const at = int(text.length + 1);
      const length = 1 + int(20);
      return { text: text.slice(0, at) + text.slice(at + length), what: `delete ${length}`, at };
    }
    case 2: {
      const starts = lines();
      const at = starts[int(starts.length)] as number;
      const line = text.slice(at, lineEnd(at));
      return { text: text.slice(0, at) + (line.endsWith('\n') ? line : `${line}\n`) + text.slice(at), what: 'duplicate line', at };
    }
    case 3: {
      const starts = lines();
      const at = starts[int(starts.length)] as number;
      const shift = [-2, -1, 1, 2][int(4)] as number;
      if (shift > 0) return { text: text.slice(0, at) + ' '.repeat(shift) + text.slice(at), what: `indent ${shift}`, at };
      let cut = 0;
      while (cut < -shift && text.charCodeAt(at + cut) === 0x20) cut++;
      return { text: text.slice(0, at) + text.slice(at + cut), what: `dedent ${cut}`, at };
    }
    default: {
      const starts = lines();
      const i = int(Math.max(starts.length - 1, 1));
      const at = starts[i] as number;
      const next = starts[i + 1];
      if (next === undefined) return { text, what: 'swap (one line)', at };
      const first = text.slice(at, next);
      const second = text.slice(next, lineEnd(next));
      const swapped = second.endsWith('\n') ? second + first : `${second}\n${first.slice(0, -1)}`;
      return { text: text.slice(0, at) + swapped + text.slice(next + second.length), what: 'swap lines', at };
    }
  }
}

// Longer or other runs: FAST_YAML_FUZZ_CASES=200000 FAST_YAML_FUZZ_SEED=7 npx vitest run test/load/fast-yaml.test.ts
const FUZZ_SEED = Number(process.env.FAST_YAML_FUZZ_SEED ?? 0x51a91e);
const FUZZ_CASES = Number(process.env.FAST_YAML_FUZZ_CASES ?? 4000);

describe('the fast YAML parser under mutation', () => {
  test(`keeps the contract on ${FUZZ_CASES} seeded mutations of the fixtures and styles`, () => {
    const random = mulberry32(FUZZ_SEED);
    const failures: string[] = [];
    let fast = 0;
    for (let n = 0; n < FUZZ_CASES; n++) {
      const base = seeds[int(seeds.length)] as (typeof seeds)[number];
      let text = base.text;
      const steps: string[] = [];
      let at = 0;
      for (let m = 1 + int(3); m > 0; m--) {
        const mutation = mutate(text, random);
        text = mutation.text;
        at = mutation.at;
        steps.push(`${mutation.what} at ${mutation.at}`);
      }
      const parsed = parseFast(text);
      if (parsed === null) continue;
      fast++;
      const problem = breach(text, parsed);
      if (problem) failures.push(`case ${n} (seed ${FUZZ_SEED}) ${base.name}: ${steps.join(', ')}: ${problem}\n  near ${JSON.stringify(text.slice(Math.max(0, at - 60), at + 60))}`);
    }
    if (process.env.FAST_YAML_FUZZ_STATS) console.log(`fast ${fast} of ${FUZZ_CASES}`);
    expect({ failures: failures.length, first: failures.slice(0, 10) }).toEqual({ failures: 0, first: [] });
    // Not vacuous: at least 20% of the cases take the fast path and at least 20% give up.
    expect(fast).toBeGreaterThanOrEqual(FUZZ_CASES * 0.2);
    expect(FUZZ_CASES - fast).toBeGreaterThanOrEqual(FUZZ_CASES * 0.2);

    function int(n: number): number {
      return Math.floor(random() * n);
    }
  }, 300_000);
});
