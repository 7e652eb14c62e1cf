import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import jsYaml from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { decodeUtf8 } from '../../src/load/decode.js';
import { needsPrecisePath, parseSimpleYaml } from '../../src/load/simple-yaml.js';
import { parseGeneral, type ParsedYaml } from '../../src/load/yaml.js';
import { yamlFilesUnder } from '../support/engine.js';
import { root } from '../support/fixtures.js';
import { mulberry32, sameKeyOrder } from '../support/records.js';

/**
 * The contract of the one-pass parser: whenever it does not give up, its result is
 * the general path's — no problems, the same documents with the same index, start,
 * root keys (in order), values (deep-strictly, in key order at every depth) and
 * list-item offsets for every root key holding a non-empty list. Returns what
 * breaks it, or null (also when the simple parser gives up).
 */
function breach(text: string, simple: ParsedYaml | null = parseSimpleYaml(text)): string | null {
  if (simple === null) return null;
  const general = parseGeneral(text);
  if (general.fatal !== null) return `the general path fails: ${general.fatal.code} at ${general.fatal.offset}`;
  if (general.documentProblems.length > 0) return `the general path has document problems: ${general.documentProblems.map((p) => p.problem.code).join(', ')}`;
  if (simple.fatal !== null || simple.documentProblems.length > 0) return 'the simple path reports problems';
  if (simple.documents.length !== general.documents.length) return `${simple.documents.length} documents, the general path ${general.documents.length}`;
  for (let d = 0; d < simple.documents.length; d++) {
    const s = simple.documents[d] as ParsedYaml['documents'][number];
    const g = general.documents[d] as ParsedYaml['documents'][number];
    const at = `document ${d}`;
    if (s.index !== g.index) return `${at}: index ${s.index}, general ${g.index}`;
    if (s.start !== g.start) return `${at}: start ${s.start}, general ${g.start}`;
    if (!isDeepStrictEqual([...s.keys], [...g.keys])) return `${at}: keys ${JSON.stringify([...s.keys])}, general ${JSON.stringify([...g.keys])}`;
    if (!isDeepStrictEqual(s.value, g.value)) return `${at}: value ${show(s.value)}, general ${show(g.value)}`;
    if (!sameKeyOrder(s.value, g.value)) return `${at}: key order differs`;
    for (const [key, value] of Object.entries(s.value as Record<string, unknown>)) {
      if (!Array.isArray(value) || value.length === 0) continue;
      if (!isDeepStrictEqual(s.items.get(key), g.items.get(key))) return `${at}: items of ${key} ${JSON.stringify(s.items.get(key))}, general ${JSON.stringify(g.items.get(key))}`;
    }
  }
  return null;
}

/**
 * The values-only contract (rule and configuration files): whenever `offsets: false` does not
 * give up, its documents' values are js-yaml's, deep-strictly and in key order.
 */
function valuesBreach(text: string): string | null {
  const simple = parseSimpleYaml(text, { offsets: false });
  if (simple === null) return null;
  let expected: unknown[];
  try {
    expected = (jsYaml.loadAll(text, undefined, { schema: jsYaml.CORE_SCHEMA }) as unknown[]).filter((v) => v !== null && v !== undefined);
  } catch (error) {
    return `js-yaml fails: ${String(error).split('\n')[0]}`;
  }
  const values = simple.documents.map((d) => d.value);
  if (!isDeepStrictEqual(values, expected)) return `values ${show(values)}, js-yaml ${show(expected)}`;
  if (!sameKeyOrder(values, expected)) return 'key order differs';
  return null;
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
/** Fixtures that are plain record YAML: the simple path must take every one. */
const PLAIN = /^fixtures\/(valid|demo|compliant|rules)\//;
/** Root flow lists (`groups: [...]`): the general path reads this file with eemeli/yaml, so the simple path leaves it. */
const GENERAL_ONLY = new Set(['fixtures/valid/pb-102-flow-style-chinese-labels.yaml']);
const plainFixtures = fixtures.filter(({ name }) => PLAIN.test(name) && !GENERAL_ONLY.has(name));

describe('the simple YAML parser on the fixtures', () => {
  test('finds the fixtures', () => {
    expect(fixtures.length).toBeGreaterThan(100);
    expect(plainFixtures.length).toBeGreaterThan(80);
  });

  test('keeps the contract on every fixture', () => {
    const problems = fixtures.map(({ name, text }) => [name, breach(text)]).filter(([, problem]) => problem !== null);
    expect(problems).toEqual([]);
  });

  test('takes every valid, demo, compliant and rules fixture but those the general path reads with eemeli/yaml', () => {
    expect(plainFixtures.filter(({ text }) => parseSimpleYaml(text) === null).map(({ name }) => name)).toEqual([]);
    for (const name of GENERAL_ONLY) expect(parseSimpleYaml(fixtures.find((f) => f.name === name)?.text ?? '')).toBeNull();
  });
});

/** Nested block mappings, `levels` deep. */
const deepBlock = (levels: number) => Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}k${i}:${i === levels - 1 ? ' 1' : ''}`).join('\n') + '\n';

describe('the simple YAML parser gives up', () => {
  const cases: [string, string][] = [
    ['an anchor', 'a: &x 1\nb: 2\n'],
    ['an anchor on a mapping', 'a: &x\n  b: 1\n'],
    ['an alias', 'a: 1\nb: *a\n'],
    ['an alias in a flow list', 'a: [*a]\n'],
    ['a tag', 'a: !t x\n'],
    ['a standard tag', 'a: !!str 1\n'],
    ['a literal block scalar', 'a: |\n  x\n'],
    ['a folded block scalar', 'a: >\n  x\n'],
    ['a tab after a value', 'a: 1\t\n'],
    ['a tab inside a value', 'a: x\ty\n'],
    ['a tab in a comment', 'a: 1 # c\tc\n'],
    ['a tab as indentation', 'a:\n\tb: 1\n'],
    ['a multi-line plain scalar', 'a: one\n  two\n'],
    ['a multi-line plain list item', 'a:\n  - one\n    two\n'],
    ['a double-quoted scalar with an escape', 'a: "x\\ny"\n'],
    ['a double-quoted scalar with an escaped quote', 'a: "x\\"y"\n'],
    ['a multi-line double-quoted scalar', 'a: "x\n  y"\n'],
    ['a multi-line single-quoted scalar', "a: 'x\n  y'\n"],
    ['duplicate block keys', 'a: 1\nb: 2\na: 3\n'],
    ['duplicate nested block keys', 'a:\n  b: 1\n  b: 2\n'],
    ['duplicate flow keys', 'a: {b: 1, b: 2}\n'],
    ['duplicate keys that resolve alike', 'a: {1: x, 1.0: y}\n'],
    ['a __proto__ key', '__proto__: 1\n'],
    ['a nested __proto__ key', 'a: {__proto__: 1}\n'],
    ['a merge key', 'a: {b: 1}\nc:\n  <<: {d: 1}\n'],
    ['an empty file', ''],
    ['a comments-only file', '# only a comment\n\n# another\n'],
    ['blank lines only', '\n  \n'],
    ['an empty document', 'a: 1\n---\n'],
    ['an empty first document', '---\n---\na: 1\n'],
    ['an empty document between two', 'a: 1\n---\n# nothing\n---\nb: 2\n'],
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
    ['a binary number', 'a: 0b101\n'],
    ['an underscored number', 'a: 1_000\n'],
    ['an underscored number in a flow list', 'a: [1, 1_000]\n'],
    ['a trailing comma in a flow list', 'a: [a, b,]\n'],
    ['a trailing comma in a flow mapping', 'a: {b: 1,}\n'],
    ['an empty flow entry', 'a: [a, , b]\n'],
    ['a leading comma in a flow list', 'a: [, a]\n'],
    ['a multi-line flow list', 'a: [b,\n  c]\n'],
    ['a multi-line flow mapping', 'a: {b: 1,\n  c: 2}\n'],
    ['a list on the key line', 'k: - a\n'],
    ['an explicit key', '? k\n: v\n'],
    ['a key-less value', ': v\n'],
    ['a root list', '- a\n- b\n'],
    ['a root flow list', '[a, b]\n'],
    ['a root flow mapping', '{a: 1}\n'],
    ['a scalar root', 'hello\n'],
    ['a quoted scalar root', '"hello"\n'],
    ['a second document that is a list', 'a: 1\n---\n- b\n'],
    ['a compact mapping in a value', 'k: a: b\n'],
    ['a flow pair', 'k: [a: b]\n'],
    ['a flow pair without a space', 'k: [a:b]\n'],
    ['text after a flow list', 'k: [a]x\n'],
    ['text after a flow mapping', 'k: {a: 1} x\n'],
    ['text after a quoted scalar', "k: 'a' x\n"],
    ['a quoted key', '"a": 1\n'],
    ['a lone CR line break', 'a: 1\rb: 2\n'],
    ['a lone CR at the end', 'a: 1\r'],
    ['a comment without a space before it', 'a: [b]#c\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['a reserved indicator', 'a: @x\n'],
    ['a backquote', 'a: `x\n'],
    ['a question mark scalar', 'a: ?x\n'],
    ['a value more indented than its sibling key', 'a: 1\n  b: 2\n'],
    ['a list item less indented than the first', 'a:\n    - x\n  - y\n'],
    ['an empty list item', 'a:\n  -\n  - b\n'],
    ['a nested list item on the dash line', 'a:\n  - - b\n'],
    ['a --- with text after it', '--- a\nb: 1\n'],
    ['---x at the start of a line', 'a: 1\n---x: 1\n'],
    ['block nesting deeper than 32', deepBlock(33)],
    ['flow nesting deeper than 32', `a: ${'['.repeat(40)}1${']'.repeat(40)}\n`],
    ['a very long key', `${'k'.repeat(1100)}: 1\n`],
  ];

  test.each(cases)('%s', (_name, text) => {
    expect(parseSimpleYaml(text)).toBeNull();
  });
});

describe('the simple YAML parser takes plain record YAML as the general path reads it', () => {
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
    ['nesting 32 deep', deepBlock(32)],
    ['many documents with list items', 'branch: {id: a}\nmembers:\n  - {name: x}\n  - {name: y}\n---\norganization: {id: o}\nleaders:\n- name: z\n- name: w\n'],
    ['a dash inside a plain scalar', 'a: x - y\nb: -1-2\nc: a -\n'],
    ['a colon at the end of a flow scalar', 'a: x:y\n'],
    ['a key with inner spaces', 'a key: value with spaces\n'],
  ];

  test.each(cases)('%s', (_name, text) => {
    const simple = parseSimpleYaml(text);
    expect(simple).not.toBeNull();
    expect(breach(text, simple)).toBeNull();
  });
});

describe('the simple YAML parser leaves to the general path what it reads with eemeli/yaml', () => {
  // The general path reads a file with js-yaml only when its line scan sees every root key and
  // list item and no anchor-like or binary-like text is about; otherwise eemeli/yaml reads it,
  // with its own readings of some numbers (-.5, -0) and with list items at their nodes. The
  // simple parser reads as js-yaml does, so it gives up on all of these.
  const cases: [string, string, string][] = [
    ['a non-empty root flow list', 'a: [-.5, -0, +.5, -0x1F, 0o17, 1e400]\nb:\n  -   x\n  - y: -0\n', 'b'],
    ['an ampersand in a comment', '# see &ref\na:\n  - -0\n  - -.5\n', 'a'],
    ['an asterisk in a quoted string', "n: 'a *b'\na:\n  - +.5\n", 'a'],
    ['a binary-looking word in text', 'n: call 0b1 now\na:\n  - -0\n', 'a'],
    ['an underscored number in a comment', '# 1_000\na:\n  - -.5\n', 'a'],
    ['a root key that resolves to other text', '1.0:\n  - -.5\n', '1'],
    ['a root key ending in U+3000', '名称\u3000:\n  - -0\n', '名称\u3000'],
    ['a root key starting with U+00A0', '\u00a0k:\n  - -.5\n', '\u00a0k'],
    ['a root key with a colon', 'a:b:\n  - -.5\n', 'a:b'],
    ['a root key with a hash', 'a#b:\n  - -.5\n', 'a#b'],
    ['a root key starting with a dash', '-k:\n  - -.5\n', '-k'],
    ['a root key the line scan cuts off', `${'k'.repeat(200)}:\n  - -.5\n`, 'k'.repeat(200)],
  ];

  test.each(cases)('%s', (_name, text) => {
    expect(parseSimpleYaml(text)).toBeNull();
    expect(parseGeneral(text).documents.length).toBe(1);
  });

  test('a root key the line scan still reads keeps the js-yaml reading', () => {
    const text = `${'k'.repeat(199)}:\n  - -.5\n`;
    const simple = parseSimpleYaml(text);
    expect(breach(text, simple)).toBeNull();
    expect(simple?.documents[0]?.value).toEqual({ ['k'.repeat(199)]: ['-.5'] });
    expect(simple?.documents[0]?.items.get('k'.repeat(199))).toEqual([204]);
  });
});

// ---- the mutation fuzzer ----


const SNIPPETS = [': ', '- ', '-', '#', ' #', '[', ']', '{', '}', ',', '"', "'", "''", '\n', '\r\n', '\r', ' ', '  ', '---\n', '...\n', '&a ', '*a', '!t ', '|', '>', '?', ':', '~', 'null', 'true', '0b1', '1_0', '\t', '\u0085',
  '\ud800', '0x1F', '.5', '%', '@', '`', '__proto__: 1\n', '<<: x\n', 'x: ', 'a: [b, c]\n', '{ k: v }',
  // Beyond YAML's own syntax: whitespace only JavaScript sees as such, and text that sends the general path to eemeli/yaml.
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

// Longer or other runs: SIMPLE_YAML_FUZZ_CASES=200000 SIMPLE_YAML_FUZZ_SEED=7 npx vitest run test/load/simple-yaml.test.ts
const FUZZ_SEED = Number(process.env.SIMPLE_YAML_FUZZ_SEED ?? 0x51a91e);
const FUZZ_CASES = Number(process.env.SIMPLE_YAML_FUZZ_CASES ?? 20000);

describe('the simple YAML parser for values only (rules, configuration)', () => {
  const ruleFiles = yamlFilesUnder('rules').map((name) => readText(path.join(root, name)) as string);

  test('reads every built-in rule file, as js-yaml does', () => {
    expect(ruleFiles.length).toBeGreaterThan(40);
    expect(ruleFiles.filter((text) => parseSimpleYaml(text, { offsets: false }) === null)).toEqual([]);
    expect(ruleFiles.map(valuesBreach).filter((problem) => problem !== null)).toEqual([]);
  });

  test('takes root flow lists and scalar-looking root keys, which record files leave to the general path', () => {
    const text = 'key: [type, date, group]\n1.0: x\nroles: [attendees, -.5]\n';
    expect(parseSimpleYaml(text)).toBeNull();
    expect(parseSimpleYaml(text, { offsets: false })?.documents[0]?.value).toEqual({ key: ['type', 'date', 'group'], 1: 'x', roles: ['attendees', '-.5'] });
    expect(valuesBreach(text)).toBeNull();
  });

  test('still gives up on anchors, aliases and binary or underscored numbers', () => {
    for (const text of ['a: &x 1\nb: *x\n', 'a: [0b1]\n', 'a: [1_0]\n']) expect(parseSimpleYaml(text, { offsets: false })).toBeNull();
  });
});

describe('needsPrecisePath', () => {
  // The general path's routing, written as the regular expressions it stands for.
  const ANCHOR_OR_ALIAS = /(?:^|[\s,[{:])[&*][^\s,\]}]/m;
  const PARSERS_DIFFER = /(?:^|[\s,[{:])[-+]?(?:0b|\d[\d_]*_)/m;
  const ALPHABET = [' ', '\n', '\r', '\t', ',', '[', '{', ':', ']', '}', '&', '*', '0', '1', 'b', '_', '-', '+', 'x', '\u3000', '\u00a0', '\u2028'];

  test('agrees with the patterns on 50,000 seeded random strings', () => {
    const random = mulberry32(0x0b5e);
    const differ: string[] = [];
    for (let n = 0; n < 50_000; n++) {
      let text = '';
      for (let length = 1 + Math.floor(random() * 12); length > 0; length--) text += ALPHABET[Math.floor(random() * ALPHABET.length)];
      if (needsPrecisePath(text) !== (ANCHOR_OR_ALIAS.test(text) || PARSERS_DIFFER.test(text))) differ.push(JSON.stringify(text));
    }
    expect(differ.slice(0, 10)).toEqual([]);
  });
});

describe('the simple YAML parser under mutation', () => {
  test(`keeps the contract on ${FUZZ_CASES} seeded mutations of the plain fixtures`, () => {
    const random = mulberry32(FUZZ_SEED);
    const failures: string[] = [];
    let simple = 0;
    for (let n = 0; n < FUZZ_CASES; n++) {
      const base = plainFixtures[int(plainFixtures.length)] as (typeof plainFixtures)[number];
      let text = base.text;
      const steps: string[] = [];
      let at = 0;
      for (let m = 1 + int(3); m > 0; m--) {
        const mutation = mutate(text, random);
        text = mutation.text;
        at = mutation.at;
        steps.push(`${mutation.what} at ${mutation.at}`);
      }
      const valuesProblem = valuesBreach(text);
      if (valuesProblem) failures.push(`case ${n} (seed ${FUZZ_SEED}) ${base.name}, values only: ${steps.join(', ')}: ${valuesProblem}`);
      const parsed = parseSimpleYaml(text);
      if (parsed === null) continue;
      simple++;
      const problem = breach(text, parsed);
      if (problem) failures.push(`case ${n} (seed ${FUZZ_SEED}) ${base.name}: ${steps.join(', ')}: ${problem}\n  near ${JSON.stringify(text.slice(Math.max(0, at - 60), at + 60))}`);
    }
    if (process.env.SIMPLE_YAML_FUZZ_STATS) console.log(`simple ${simple} of ${FUZZ_CASES}`);
    expect({ failures: failures.length, first: failures.slice(0, 10) }).toEqual({ failures: 0, first: [] });
    // Not vacuous: at least 20% of the cases take the simple path and at least 20% give up
    // (with the default seed about 32% take it and 68% give up).
    expect(simple).toBeGreaterThanOrEqual(FUZZ_CASES * 0.2);
    expect(FUZZ_CASES - simple).toBeGreaterThanOrEqual(FUZZ_CASES * 0.2);

    function int(n: number): number {
      return Math.floor(random() * n);
    }
  });
});
