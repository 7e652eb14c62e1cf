import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { Alias, isMap, isScalar, isSeq, parseDocument, visit, type Node } from 'yaml';
import { root } from '../support/fixtures.js';
import { styledSamples } from '../support/styles.js';

/** A record file the fuzzer starts from. */
export interface Seed {
  name: string;
  bytes: Buffer;
}

const read = (file: string): Seed => ({ name: file, bytes: readFileSync(path.join(root, file)) });
const fixtureDir = (dir: string) => ['fixtures', dir].join('/');

/**
 * What mutations start from: the demo, the plain and the broken fixtures, and a few files of every
 * bench corpus style (generator, PyYAML with anchors, flow at 80 columns, quoted, block scalars,
 * CRLF + BOM, Chinese labels, ten per file, JSON), cut short so a run stays fast.
 */
export function seeds(): Seed[] {
  const files = ['demo', 'valid', 'invalid', 'compliant'].flatMap((dir) => fixtureFiles(fixtureDir(dir)));
  const styled = styledSamples(2500)
    .filter((s) => s.text.length <= 4000)
    .map((s) => ({ name: `styles/${s.name}`, bytes: Buffer.from(s.text) }));
  return [...files.map(read), ...styled];
}

function fixtureFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir))
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => `${dir}/${name}`);
}

/** The valid files that sit beside a mutated one: their findings must not change. */
export const COMPANIONS = ['fixtures/demo/hy01-xm2.yaml', 'fixtures/demo/hy01-xm3.yaml', 'fixtures/compliant/hy03-xm2.yaml'] as const;

// ---- hostile values (the classes of issue 11) ----

/** Strings that attack where they are shown: terminal escapes, formulas, markup, names that collide. */
export const HOSTILE_STRINGS = [
  '\u001b[2J\u001b[H清屏',
  '\u001b]0;window title\u0007',
  '\u001b]8;;http://example.invalid/\u0007link\u001b]8;;\u0007',
  '\u009b31m C1 CSI',
  '\u202eevil\u202c name',
  '\u2066isolate\u2069',
  '李\u200b四',
  '李四 ',
  '\uF9E1四',
  'line\u2028break\u2029para\u0085',
  '=HYPERLINK("http://example.invalid","x")',
  '-2+3',
  '+1',
  '@SUM(A1)',
  '\t=1',
  '\r=1',
  '＝1+1',
  '－1',
  '<script>alert(1)</script>',
  '[x](javascript:alert(1))',
  'a\\|b|c',
  '# heading',
  '\uFFFE\uFFFF',
  '\ud800lone',
  'a/b',
  'a:b',
  'summary',
  'CON',
  'nul.txt',
  '.',
  '..',
  '../../etc/passwd',
  'a\u0000b',
  '"\'&<>',
  '%s%n%d',
  '',
  ' ',
];

const RAW_NUMBERS = ['1e308', '1.8e308', '-1e308', '.inf', '-.inf', '.nan', '9007199254740993', '123456789012345678901234567890', '-0', '0x7fffffff', '0o17', '1e-320', '-1', '0', '3.5', '1_000'];
const RAW_DATES = ['0000-01-01', '1920-12-31', '1921-01-01', '2200-12-31', '2201-01-01', '9999-12-31', '2026-02-29', '2024-02-29', '2026-13-01', '2026-04-31', '2026-00-10', '275760-09-13', '2026-10-08T25:00:00Z', '2026-10-08 12:00:00 +08:00', '2026-7-1', '2026-10'];
const RAW_OTHER = ['true', 'no', 'null', '~', '{}', '[]', '""', "''", '!!binary aGVsbG8=', '!custom x', '!!str 2026-10-08', '!!int "12"', '|\n  block\n', '>-\n  folded\n', '{ a: 1, a: 2 }', '[1, [2, [3]]]', '*undefined_alias', '&a x', '? complex\n: key'];

/** A value a node is replaced by. */
export type Replacement =
  | { kind: 'string'; value: string }
  | { kind: 'raw'; text: string }
  | { kind: 'long'; length: number; char: string }
  | { kind: 'deep'; depth: number; flow: boolean }
  | { kind: 'alias-bomb'; levels: number; width: number }
  | { kind: 'long-list'; items: number }
  | { kind: 'map' }
  | { kind: 'seq' }
  | { kind: 'drop' }
  | { kind: 'alias' }
  | { kind: 'proto-key'; key: string };

/** One edit of a file. Positions are taken modulo the file's length, so every value fits any file. */
export type Mutation =
  | { level: 'byte'; op: 'flip'; at: number; bit: number }
  | { level: 'byte'; op: 'insert'; at: number; bytes: number[] }
  | { level: 'byte'; op: 'delete'; at: number; length: number }
  | { level: 'byte'; op: 'truncate'; at: number }
  | { level: 'byte'; op: 'duplicate'; at: number; length: number }
  | { level: 'byte'; op: 'prefix'; bytes: number[] }
  | { level: 'line'; op: 'duplicate' | 'delete' | 'indent' | 'dedent' | 'tab'; line: number }
  | { level: 'line'; op: 'swap'; line: number; other: number }
  | { level: 'line'; op: 'ending'; ending: '\r\n' | '\r' | '\n\n' }
  | { level: 'node'; at: number; replacement: Replacement; target: number }
  | { level: 'file'; hostile: number };

const INTERESTING_BYTES = [0x00, 0x07, 0x09, 0x0a, 0x0d, 0x1b, 0x20, 0x22, 0x23, 0x26, 0x27, 0x2a, 0x2c, 0x2d, 0x3a, 0x3e, 0x40, 0x5b, 0x5d, 0x7b, 0x7c, 0x7d, 0x7f, 0x80, 0xbf, 0xc0, 0xc3, 0xe2, 0xe4, 0xef, 0xfe, 0xff];
const byteValue = fc.oneof(fc.constantFrom(...INTERESTING_BYTES), fc.integer({ min: 0, max: 255 }));
const position = fc.nat({ max: 1 << 20 });
const PREFIXES = [
  [0xef, 0xbb, 0xbf],
  [0xff, 0xfe],
  [0xfe, 0xff],
  [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf],
  [0x00],
  [0xc0, 0xaf],
  [0x25, 0x59, 0x41, 0x4d, 0x4c, 0x20, 0x31, 0x2e, 0x31, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a], // %YAML 1.1\n---\n
  [0x2d, 0x2d, 0x2d, 0x0a, 0x2e, 0x2e, 0x2e, 0x0a], // ---\n...\n
];

/** Whole files of the hostile classes (a mutation names one by index, so a counterexample stays short): empty, only markers, binary, a long flow list, many documents. */
const HOSTILE_FILES = [
  '',
  '\n',
  '---\n',
  '...\n',
  '---\n---\n---\n',
  '%TAG ! tag:example.com,2000:\n--- !x\nbranch: 1\n',
  'branch: [',
  '\u0000\u0001\u0002',
  `members: [${Array.from({ length: 3000 }, (_, i) => `m${i}`).join(', ')}]\n`,
  Array.from({ length: 200 }, () => 'branch: { id: x }\n').join('---\n'),
  `a: &a [${'x, '.repeat(20)}x]\nb: &b [${'*a, '.repeat(20)}*a]\nc: &c [${'*b, '.repeat(20)}*b]\nd: [${'*c, '.repeat(20)}*c]\n`,
  '__proto__: { polluted: true }\nconstructor: { prototype: { polluted: true } }\n',
  'branch:\n  id: pb-1\n  <<: *missing\n',
  `${'['.repeat(5000)}${']'.repeat(5000)}\n`,
  `${Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} v\n`,
];

const replacement: fc.Arbitrary<Replacement> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HOSTILE_STRINGS).map((value) => ({ kind: 'string' as const, value })) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }).map((value) => ({ kind: 'string' as const, value })) },
  { weight: 4, arbitrary: fc.constantFrom(...RAW_NUMBERS, ...RAW_DATES, ...RAW_OTHER).map((text) => ({ kind: 'raw' as const, text })) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('long' as const), length: fc.constantFrom(300, 2000, 33000), char: fc.constantFrom('x', '党', 'a ', '\u001b', '|') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deep' as const), depth: fc.constantFrom(50, 500, 3000), flow: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('alias-bomb' as const), levels: fc.integer({ min: 2, max: 8 }), width: fc.integer({ min: 2, max: 12 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('long-list' as const), items: fc.constantFrom(1000, 20000) }) },
  { weight: 2, arbitrary: fc.constantFrom<Replacement>({ kind: 'map' }, { kind: 'seq' }, { kind: 'drop' }, { kind: 'alias' }) },
  { weight: 2, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'x-note', 'id', 'name').map((key) => ({ kind: 'proto-key' as const, key })) },
);

/** One mutation at byte, line, YAML-node or whole-file level. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ level: fc.constant('byte' as const), op: fc.constant('flip' as const), at: position, bit: fc.integer({ min: 0, max: 7 }) }) },
  { weight: 2, arbitrary: fc.record({ level: fc.constant('byte' as const), op: fc.constant('insert' as const), at: position, bytes: fc.array(byteValue, { minLength: 1, maxLength: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ level: fc.constant('byte' as const), op: fc.constantFrom('delete' as const, 'duplicate' as const), at: position, length: fc.integer({ min: 1, max: 64 }) }) },
  { weight: 1, arbitrary: fc.record({ level: fc.constant('byte' as const), op: fc.constant('truncate' as const), at: position }) },
  { weight: 1, arbitrary: fc.record({ level: fc.constant('byte' as const), op: fc.constant('prefix' as const), bytes: fc.constantFrom(...PREFIXES) }) },
  { weight: 3, arbitrary: fc.record({ level: fc.constant('line' as const), op: fc.constantFrom('duplicate' as const, 'delete' as const, 'indent' as const, 'dedent' as const, 'tab' as const), line: position }) },
  { weight: 1, arbitrary: fc.record({ level: fc.constant('line' as const), op: fc.constant('swap' as const), line: position, other: position }) },
  { weight: 1, arbitrary: fc.record({ level: fc.constant('line' as const), op: fc.constant('ending' as const), ending: fc.constantFrom('\r\n' as const, '\r' as const, '\n\n' as const) }) },
  { weight: 8, arbitrary: fc.record({ level: fc.constant('node' as const), at: position, replacement, target: position }) },
  { weight: 1, arbitrary: fc.nat({ max: HOSTILE_FILES.length - 1 }).map((hostile) => ({ level: 'file' as const, hostile })) },
);

/** Applies mutations in turn. */
export function mutate(bytes: Buffer, mutations: readonly Mutation[]): Buffer {
  return mutations.reduce(applyOne, bytes);
}

function applyOne(bytes: Buffer, m: Mutation): Buffer {
  const at = (n: number, room = 0) => (bytes.length + room === 0 ? 0 : n % (bytes.length + room));
  switch (m.level) {
    case 'file':
      return Buffer.from(HOSTILE_FILES[m.hostile] as string);
    case 'byte':
      switch (m.op) {
        case 'flip': {
          if (bytes.length === 0) return bytes;
          const copy = Buffer.from(bytes);
          const i = at(m.at);
          copy[i] = (copy[i] as number) ^ (1 << m.bit);
          return copy;
        }
        case 'insert': {
          const i = at(m.at, 1);
          return Buffer.concat([bytes.subarray(0, i), Buffer.from(m.bytes), bytes.subarray(i)]);
        }
        case 'delete': {
          const i = at(m.at);
          return Buffer.concat([bytes.subarray(0, i), bytes.subarray(i + m.length)]);
        }
        case 'duplicate': {
          const i = at(m.at);
          return Buffer.concat([bytes.subarray(0, i + m.length), bytes.subarray(i)]);
        }
        case 'truncate':
          return bytes.subarray(0, at(m.at));
        case 'prefix':
          return Buffer.concat([Buffer.from(m.bytes), bytes]);
      }
      break;
    case 'line':
      return Buffer.from(mutateLines(bytes.toString('latin1'), m), 'latin1');
    case 'node':
      return mutateNode(bytes, m);
  }
  return bytes;
}

// Lines are edited in latin1 so that bytes which are not UTF-8 survive the edit unchanged.
function mutateLines(text: string, m: Extract<Mutation, { level: 'line' }>): string {
  if (m.op === 'ending') return text.replace(/\r?\n/g, m.ending);
  const lines = text.split('\n');
  const i = m.line % lines.length;
  const line = lines[i] as string;
  switch (m.op) {
    case 'duplicate':
      lines.splice(i, 0, line);
      break;
    case 'delete':
      lines.splice(i, 1);
      break;
    case 'indent':
      lines[i] = `  ${line}`;
      break;
    case 'dedent':
      lines[i] = line.replace(/^ {1,2}/, '');
      break;
    case 'tab':
      lines[i] = line.replace(/^ {2}/, '\t');
      break;
    case 'swap': {
      const j = m.other % lines.length;
      lines[i] = lines[j] as string;
      lines[j] = line;
      break;
    }
  }
  return lines.join('\n');
}

const RAW_MARK = 'zhibu-fuzz-raw-value';

/** Replaces the `at`-th node of the parsed file (nothing when the file does not parse). */
function mutateNode(bytes: Buffer, m: Extract<Mutation, { level: 'node' }>): Buffer {
  const doc = parseDocument(bytes.toString('utf8'), { uniqueKeys: false });
  if (doc.errors.length > 0 || !doc.contents) return bytes;
  const nodes: Node[] = [];
  visit(doc, {
    Map: (_, node) => void nodes.push(node),
    Seq: (_, node) => void nodes.push(node),
    Scalar: (_, node) => void nodes.push(node),
  });
  const target = nodes[m.at % nodes.length];
  if (!target) return bytes;
  const r = m.replacement;
  let raw: string | null = null;
  let replace: Node | typeof visit.REMOVE | null = null;
  switch (r.kind) {
    case 'string':
      replace = doc.createNode(r.value);
      break;
    case 'raw':
      raw = r.text;
      break;
    case 'long':
      replace = doc.createNode(r.char.repeat(Math.ceil(r.length / r.char.length)));
      break;
    case 'deep':
      raw = r.flow ? `${'['.repeat(r.depth)}1${']'.repeat(r.depth)}` : `${'{a: '.repeat(r.depth)}1${'}'.repeat(r.depth)}`;
      break;
    case 'alias-bomb': {
      const level = (n: number) => `[${Array.from({ length: r.width }, () => (n === 0 ? 'lol' : `*b${n - 1}`)).join(', ')}]`;
      raw = Array.from({ length: r.levels }, (_, n) => `&b${n} ${level(n)}`).reduceRight((inner, anchored) => `[${anchored}, ${inner}]`, `*b${r.levels - 1}`);
      break;
    }
    case 'long-list':
      raw = `[${Array.from({ length: r.items }, (_, i) => `2026-${String((i % 12) + 1).padStart(2, '0')}`).join(', ')}]`;
      break;
    case 'map':
      replace = doc.createNode({ a: 1, b: [1, 2] });
      break;
    case 'seq':
      replace = doc.createNode(['x', 1, null]);
      break;
    case 'drop':
      replace = visit.REMOVE;
      break;
    case 'alias': {
      // An alias to another node: forward, backward or into itself (a cycle) as it falls.
      const other = nodes[m.target % nodes.length];
      if (!other || other === target) return bytes;
      other.anchor ??= 'fz';
      replace = new Alias(other.anchor);
      break;
    }
    case 'proto-key': {
      // Pushed, not added: a key the map already has makes a duplicate key, which is a case too.
      if (isMap(target)) target.items.push(doc.createPair(r.key, { polluted: true }));
      else if (isSeq(target)) target.items.push(doc.createNode({ [r.key]: 'x' }));
      else if (isScalar(target)) target.value = r.key;
      return serialise(bytes, doc, null);
    }
  }
  if (raw !== null) replace = doc.createNode(RAW_MARK);
  let seen = 0;
  const swap = (_: unknown, node: Node) => (node === target && seen++ === 0 ? (replace ?? undefined) : undefined);
  visit(doc, { Map: swap, Seq: swap, Scalar: swap });
  return serialise(bytes, doc, raw);
}

function serialise(original: Buffer, doc: ReturnType<typeof parseDocument>, raw: string | null): Buffer {
  let text: string;
  try {
    text = doc.toString({ lineWidth: 0 });
  } catch {
    return original; // a cycle the writer refuses: keep the file as it was
  }
  return Buffer.from(raw === null ? text : text.replace(RAW_MARK, raw));
}

/** File names the mutated file may have: plain, Chinese with a space, and names that attack where they are shown. */
export const MUTANT_NAMES = ['m.yaml', '记录 第二支部.yaml', 'a,b;"c".yaml', 'x|y [z](w).yaml', '<b>&amp;.yaml', 'e\u001b[31mred.yaml', 'd\u202eyaml.txt.yaml', 'M.YML', "o'q=1.yaml"];

/** `--as-of` and `--period` pairs: mostly the demo's quarter, sometimes a whole year or the edges of the allowed range. */
export const WINDOWS: readonly (readonly string[])[] = [
  ['--as-of', '2026-10-08', '--period', '2026Q3'],
  ['--as-of', '2026-10-08', '--period', '2026Q3'],
  ['--as-of', '2027-01-15', '--period', '2026'],
  ['--as-of', '2026-08-20', '--period', '2026-07..2026Q4'],
  ['--as-of', '2200-12-31', '--period', '2200'],
  ['--as-of', '1921-07-01', '--period', '1921'],
];
