import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Document, Node } from 'yaml';
import { parseFastYaml, type Offsets } from './fast-yaml.js';

const require = createRequire(import.meta.url);
let yamlModule: typeof Yaml | null = null;
/** eemeli/yaml takes about 35 ms to load, and most runs never leave the fast path: loaded when first needed. */
function eemeli(): typeof Yaml {
  return (yamlModule ??= require('yaml') as typeof Yaml);
}

/** One YAML document of a file: its value and where its top-level keys and list items start. */
export interface YamlDocument {
  index: number;
  value: unknown;
  /** Offset of the document's root node. */
  start: number;
  /** Offsets of the root mapping's keys (for `branch:` / `organization:` headers). */
  keys: Map<string, number>;
  /** Per top-level list key (members, activities, ...): the offset of each item. */
  items: Map<string, number[]>;
}

/** A problem found while parsing, at a character offset. */
export interface YamlProblem {
  offset: number;
  code: string;
  detail: string;
}

export interface ParsedYaml {
  documents: YamlDocument[];
  /** Errors confined to one document (duplicate key, too many aliases): that document is skipped. */
  documentProblems: { index: number; problem: YamlProblem }[];
  /** A syntax error: it and the rest of the file are one input error. */
  fatal: YamlProblem | null;
}

/** Aliases may expand to at most this many nodes per document (billion-laughs guard). */
export const MAX_ALIAS_NODES = 10_000;
const MAX_DEPTH = 64;

/**
 * Parses every document of a YAML text with the core schema (dates stay strings):
 * our one-pass parser (fast-yaml.ts) where it can, eemeli/yaml — which it equals —
 * where it gives up, and for every error's exact wording and position.
 */
export function parseYaml(text: string): ParsedYaml {
  return parseFastYaml(text, MAX_ALIAS_NODES) ?? parsePrecise(text);
}

function problemOf(error: { code: string; message: string; pos: [number, number] }, text: string): YamlProblem {
  // eemeli/yaml runs out of stack on deep nesting, where depends on the stack's size (a worker thread's is
  // smaller): point at the first bracket nested too deep instead, in words the user can act on.
  if (error.code === 'RESOURCE_EXHAUSTION' && /call stack/i.test(error.message)) return { offset: Math.max(0, firstTooDeep(text)), code: 'DEPTH', detail: `nesting deeper than ${MAX_DEPTH}` };
  return { offset: error.pos[0], code: error.code, detail: error.message.split('\n')[0] ?? error.message };
}

/** The offset of the first flow bracket nested deeper than MAX_DEPTH (quoted text and comments aside), or -1. */
function firstTooDeep(text: string): number {
  let depth = 0;
  // Brackets, quoted text (to its end, or the text's) and comments (to the line's end).
  for (const { 0: token, index } of text.matchAll(/"(?:[^"\\]|\\[\s\S])*"?|'[^']*'?|(?<=^|\s)#[^\n]*|[[\]{}]/g)) {
    if (token === '[' || token === '{') {
      if (++depth > MAX_DEPTH) return index;
    } else if (token === ']' || token === '}') depth = Math.max(0, depth - 1);
  }
  return -1;
}

/** eemeli/yaml: the exact path, and the contract the fast parser is held to; `where` as parseFastYaml's. */
export function parsePrecise(text: string, where = new WeakMap<object, Offsets>()): ParsedYaml {
  const { parseAllDocuments, isScalar } = eemeli();
  const result: ParsedYaml = { documents: [], documentProblems: [], fatal: null };
  for (const [index, doc] of parseAllDocuments(text, { schema: 'core', uniqueKeys: true, prettyErrors: false, strict: true }).entries()) {
    const syntax = doc.errors.find((e) => e.code !== 'DUPLICATE_KEY');
    if (syntax) {
      result.fatal = problemOf(syntax, text);
      break;
    }
    const duplicate = doc.errors[0];
    if (duplicate) {
      result.documentProblems.push({ index, problem: problemOf(duplicate, text) });
      continue;
    }
    if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) continue;
    try {
      const value = convertDocument(doc, where);
      result.documents.push({ index, value, start: rangeStart(doc.contents), ...rootLayout(value, where) });
    } catch (error) {
      if (!(error instanceof ConversionError)) throw error;
      result.documentProblems.push({ index, problem: error.problem });
    }
  }
  return result;
}

class ConversionError extends Error {
  constructor(readonly problem: YamlProblem) {
    super(problem.detail);
  }
}

function fail(node: unknown, code: string, detail: string): never {
  throw new ConversionError({ offset: rangeStart(node), code, detail });
}

/** Converts a document to plain values, expanding aliases within MAX_ALIAS_NODES, and notes each container's offsets in `where`. */
function convertDocument(doc: Document.Parsed, where: WeakMap<object, Offsets>): unknown {
  const { isAlias, isMap, isScalar, isSeq } = eemeli();
  // Anchors seen so far, in document order: an alias refers to the latest one before it (no walk of the document per alias).
  const anchors = new Map<string, { value: unknown; size: number }>();
  let aliasNodes = 0;

  const convert = (node: unknown, depth: number): { value: unknown; size: number } => {
    if (depth > MAX_DEPTH) fail(node, 'DEPTH', `nesting deeper than ${MAX_DEPTH}`);
    if (isAlias(node)) {
      const target = anchors.get(node.source) ?? fail(node, 'BAD_ALIAS', `unresolved alias *${node.source}`);
      aliasNodes += target.size;
      if (aliasNodes > MAX_ALIAS_NODES) fail(node, 'ALIAS_LIMIT', String(MAX_ALIAS_NODES));
      return target;
    }
    let out: { value: unknown; size: number };
    if (isMap(node)) {
      const value: Record<string, unknown> = {};
      const offsets = new Map<string, readonly [number, number]>();
      where.set(value, offsets);
      let size = 1;
      for (const { key, value: item } of node.items) {
        if (!isScalar(key) || (key.value !== null && typeof key.value === 'object')) fail(key, 'COMPLEX_KEY', 'mapping keys must be plain text');
        const name = String(key.value);
        const child = item === null ? { value: null, size: 1 } : convert(item, depth + 1);
        Object.defineProperty(value, name, { value: child.value, enumerable: true, writable: true, configurable: true });
        if (!offsets.has(name)) offsets.set(name, [rangeStart(key), rangeStart(item ?? key)]);
        size += child.size + 1;
      }
      out = { value, size };
    } else if (isSeq(node)) {
      const value: unknown[] = [];
      where.set(value, node.items.map(rangeStart));
      let size = 1;
      for (const item of node.items) {
        const child = convert(item, depth + 1);
        value.push(child.value);
        size += child.size;
      }
      out = { value, size };
    } else {
      out = { value: isScalar(node) ? node.value : null, size: 1 };
    }
    const anchor = (node as Node | null)?.anchor;
    if (anchor) anchors.set(anchor, out);
    return out;
  };

  return convert(doc.contents, 0).value;
}

/** The root keys' offsets and the item offsets of each root list (aliased ones too), from the offsets noted while converting. */
function rootLayout(root: unknown, where: WeakMap<object, Offsets>): Pick<YamlDocument, 'keys' | 'items'> {
  const layout = { keys: new Map<string, number>(), items: new Map<string, number[]>() };
  const offsets = where.get(root as object);
  if (!(offsets instanceof Map)) return layout;
  for (const [key, [at]] of offsets) {
    layout.keys.set(key, at);
    const value = (root as Record<string, unknown>)[key];
    if (Array.isArray(value)) layout.items.set(key, where.get(value) as number[]);
  }
  return layout;
}

function rangeStart(node: unknown): number {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? range[0] : 0;
}

/**
 * Where value paths of a text's documents start: one parse with offsets, made when
 * first asked (on the first error) and kept for every later one.
 */
export class Locator {
  private documents: { root: unknown; start: number }[] | null = null;
  private readonly offsets = new WeakMap<object, Offsets>();

  /** `fast` false locates with eemeli/yaml alone (the contract the fast parser's offsets are tested against). */
  constructor(private readonly text: string, private readonly fast = true) {}

  /** The offset of a value path of one document; `key` asks for the last segment's key. */
  locate(documentIndex: number, path: readonly PropertyKey[], key = false): number {
    if (this.documents === null) {
      const parsed = (this.fast ? parseFastYaml(this.text, MAX_ALIAS_NODES, this.offsets) : null) ?? parsePrecise(this.text, this.offsets);
      this.documents = [];
      for (const doc of parsed.documents) this.documents[doc.index] = { root: doc.value, start: doc.start };
    }
    const doc = this.documents[documentIndex];
    if (!doc) return 0;
    let node = doc.root;
    let offset = doc.start;
    for (let i = 0; i < path.length; i++) {
      const where = node !== null && typeof node === 'object' ? this.offsets.get(node) : undefined;
      const segment = path[i] as PropertyKey;
      if (where instanceof Map) {
        const pair = where.get(String(segment));
        if (!pair) return offset;
        if (key && i === path.length - 1) return pair[0];
        offset = pair[1];
        node = (node as Record<string, unknown>)[String(segment)];
      } else if (Array.isArray(where) && typeof segment === 'number' && segment < where.length) {
        offset = where[segment] as number;
        node = (node as unknown[])[segment];
      } else {
        return offset;
      }
    }
    return offset;
  }
}
