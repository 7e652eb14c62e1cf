import jsYaml from 'js-yaml';
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Document, Node } from 'yaml';
import { needsPrecisePath, parseSimpleYaml } from './simple-yaml.js';

const require = createRequire(import.meta.url);
let yamlModule: typeof Yaml | null = null;
/** eemeli/yaml takes about 35 ms to load, and most runs never leave the fast paths: loaded when first needed. */
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
 * Parses every document of a YAML text with the core schema (dates stay strings).
 * Plain record files take our own one-pass parser (simple-yaml.ts); what it
 * leaves takes the general path.
 */
export function parseYaml(text: string): ParsedYaml {
  return parseSimpleYaml(text) ?? parseGeneral(text);
}

/** For files whose values alone matter (rules, configuration): root offsets are not kept in step with the line scan. */
export function parseYamlValues(text: string): ParsedYaml {
  return parseSimpleYaml(text, { offsets: false }) ?? parseGeneral(text);
}

/**
 * The general path: clean files go to js-yaml with root offsets from a line
 * scan; anything unusual to eemeli/yaml, which reports exact errors.
 */
export function parseGeneral(text: string): ParsedYaml {
  if (!needsPrecisePath(text)) {
    const fast = parseFast(text);
    if (fast) return fast;
  }
  return parsePrecise(text);
}

function parseFast(text: string): ParsedYaml | null {
  let values: unknown[];
  try {
    values = jsYaml.loadAll(text, undefined, { schema: jsYaml.CORE_SCHEMA, maxDepth: MAX_DEPTH } as jsYaml.LoadOptions) as unknown[];
  } catch {
    return null;
  }
  const segments = scanDocuments(text);
  if (segments.length !== values.length) return null;
  const documents: YamlDocument[] = [];
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (value === null || value === undefined) continue;
    const segment = segments[index] as ScannedDocument;
    // The scan must agree with the parse, item for item; otherwise take the precise path.
    if (typeof value !== 'object' || Array.isArray(value)) return null;
    for (const [key, list] of Object.entries(value as Record<string, unknown>)) {
      if (Array.isArray(list) && list.length > 0 && segment.items.get(key)?.length !== list.length) return null;
      if (!segment.keys.has(key)) return null;
    }
    documents.push({ index, value, start: segment.start, keys: segment.keys, items: segment.items });
  }
  return { documents, documentProblems: [], fatal: null };
}

interface ScannedDocument {
  start: number;
  keys: Map<string, number>;
  items: Map<string, number[]>;
}

const ROOT_KEY = /^(?:"([^"\\]*)"|'([^']*)'|([^\s#'"\-?:,[\]{}&*!|>%@`][^:#]*?|-[^\s:#][^:#]*?))\s*:(?:\s|$)/;

/**
 * Finds, line by line, where each document's top-level keys and block-list items
 * start. Cheap and exact for block style; anything it cannot see (flow-style lists,
 * odd layouts) shows as a count mismatch and sends the file to the precise path.
 */
function scanDocuments(text: string): ScannedDocument[] {
  const documents: ScannedDocument[] = [];
  let current: ScannedDocument | null = null;
  let listKey: string | null = null;
  let itemIndent = -1;
  let explicitStart = false;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const first = text.charCodeAt(lineStart);
    if (first === 0x2d && text.startsWith('---', lineStart) && /^---(?:\s|$)/.test(text.slice(lineStart, lineStart + 4))) {
      // `---` opens a document; a first `---` after nothing but comments opens the first one.
      if (current || explicitStart) documents.push(current ?? { start: lineStart, keys: new Map(), items: new Map() });
      current = null;
      explicitStart = true;
      listKey = null;
    } else if (first === 0x2e && text.startsWith('...', lineStart)) {
      if (current) documents.push(current);
      current = null;
      explicitStart = false;
      listKey = null;
    } else if (first === 0x25 /* % */ && !current) {
      // directive line
    } else {
      let indent = 0;
      while (text.charCodeAt(lineStart + indent) === 0x20) indent++;
      const c = text.charCodeAt(lineStart + indent);
      const blank = lineStart + indent >= lineEnd || c === 0x23 /* # */ || c === 0x0d;
      if (!blank) {
        if (!current) current = { start: lineStart, keys: new Map(), items: new Map() };
        if (indent === 0 && c !== 0x2d) {
          const match = ROOT_KEY.exec(text.slice(lineStart, Math.min(lineEnd, lineStart + 200)));
          const key = match ? (match[1] ?? match[2] ?? (match[3] as string).trimEnd()) : null;
          if (key !== null && !current.keys.has(key)) current.keys.set(key, lineStart);
          listKey = key;
          itemIndent = -1;
        } else if (listKey !== null && c === 0x2d && /[\s]/.test(text[lineStart + indent + 1] ?? ' ')) {
          if (itemIndent === -1) itemIndent = indent;
          if (indent === itemIndent) {
            let list = current.items.get(listKey);
            if (!list) current.items.set(listKey, (list = []));
            list.push(lineStart + indent + 1);
          }
        }
      }
    }
    lineStart = lineEnd + 1;
  }
  if (current || explicitStart) documents.push(current ?? { start: text.length, keys: new Map(), items: new Map() });
  return documents;
}

function problemOf(error: { code: string; message: string; pos: [number, number] }): YamlProblem {
  return { offset: error.pos[0], code: error.code, detail: error.message.split('\n')[0] ?? error.message };
}

function parsePrecise(text: string): ParsedYaml {
  const { parseAllDocuments, isScalar } = eemeli();
  const result: ParsedYaml = { documents: [], documentProblems: [], fatal: null };
  const docs = parseAllDocuments(text, { schema: 'core', uniqueKeys: true, prettyErrors: false, strict: true });
  const list = Array.isArray(docs) ? docs : [];
  for (let index = 0; index < list.length; index++) {
    const doc = list[index] as Document.Parsed;
    const syntax = doc.errors.find((e) => e.code !== 'DUPLICATE_KEY');
    if (syntax) {
      result.fatal = problemOf(syntax);
      break;
    }
    const duplicate = doc.errors[0];
    if (duplicate) {
      result.documentProblems.push({ index, problem: problemOf(duplicate) });
      continue;
    }
    if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) continue;
    const converted = convertDocument(doc);
    if ('problem' in converted) result.documentProblems.push({ index, problem: converted.problem });
    else result.documents.push({ index, value: converted.value, start: rangeStart(doc.contents), ...rootLayout(doc) });
  }
  return result;
}

class ConversionError extends Error {
  constructor(readonly problem: YamlProblem) {
    super(problem.detail);
  }
}

/** Converts a document to plain values, expanding aliases within MAX_ALIAS_NODES. */
function convertDocument(doc: Document.Parsed): { value: unknown } | { problem: YamlProblem } {
  const { isAlias, isMap, isPair, isScalar, isSeq } = eemeli();
  const sizes = new Map<Node, number>();
  const converted = new Map<Node, unknown>();
  let aliasNodes = 0;

  const convert = (node: unknown, depth: number): { value: unknown; size: number } => {
    if (depth > MAX_DEPTH) throw new ConversionError({ offset: rangeStart(node), code: 'DEPTH', detail: `nesting deeper than ${MAX_DEPTH}` });
    if (isAlias(node)) {
      const target = node.resolve(doc) as Node | undefined;
      if (!target) throw new ConversionError({ offset: rangeStart(node), code: 'BAD_ALIAS', detail: `unresolved alias *${node.source}` });
      const size = sizes.get(target) ?? 1;
      aliasNodes += size;
      if (aliasNodes > MAX_ALIAS_NODES) {
        throw new ConversionError({ offset: rangeStart(node), code: 'ALIAS_LIMIT', detail: String(MAX_ALIAS_NODES) });
      }
      return { value: converted.get(target), size };
    }
    let out: { value: unknown; size: number };
    if (isMap(node)) {
      const value: Record<string, unknown> = {};
      let size = 1;
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key;
        if (!isScalar(key) || (key.value !== null && typeof key.value === 'object')) {
          throw new ConversionError({ offset: rangeStart(key), code: 'COMPLEX_KEY', detail: 'mapping keys must be plain text' });
        }
        const child = pair.value === null ? { value: null, size: 1 } : convert(pair.value, depth + 1);
        Object.defineProperty(value, String(key.value), { value: child.value, enumerable: true, writable: true, configurable: true });
        size += child.size + 1;
      }
      out = { value, size };
    } else if (isSeq(node)) {
      const value: unknown[] = [];
      let size = 1;
      for (const item of node.items) {
        const child = convert(item, depth + 1);
        value.push(child.value);
        size += child.size;
      }
      out = { value, size };
    } else if (isScalar(node)) {
      out = { value: node.value, size: 1 };
    } else {
      out = { value: null, size: 1 };
    }
    if (node && (node as Node).anchor) {
      sizes.set(node as Node, out.size);
      converted.set(node as Node, out.value);
    }
    return out;
  };

  try {
    return { value: convert(doc.contents, 0).value };
  } catch (error) {
    if (error instanceof ConversionError) return { problem: error.problem };
    throw error;
  }
}

function rootLayout(doc: Document.Parsed): { keys: Map<string, number>; items: Map<string, number[]> } {
  const { isAlias, isMap, isScalar, isSeq } = eemeli();
  const keys = new Map<string, number>();
  const items = new Map<string, number[]>();
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (!isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      if (!keys.has(key)) keys.set(key, rangeStart(pair.key));
      let value: unknown = pair.value;
      if (isAlias(value)) value = value.resolve(doc);
      if (isSeq(value)) items.set(key, value.items.map((item) => rangeStart(isAlias(item) ? item : item)));
    }
  }
  return { keys, items };
}

function rangeStart(node: unknown): number {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? range[0] : 0;
}

/** Where a value path of one document starts in the text; `key` asks for the last segment's key. */
export function locatePath(text: string, documentIndex: number, path: readonly PropertyKey[], key = false): number {
  return pathLocator(text)(documentIndex, path, key);
}

/** locatePath for many paths of one text: the text is parsed once, when the first path is asked for. */
export function pathLocator(text: string): (documentIndex: number, path: readonly PropertyKey[], key?: boolean) => number {
  let docs: ReturnType<typeof Yaml.parseAllDocuments> | null = null;
  return (documentIndex, path, key = false) => {
    docs ??= eemeli().parseAllDocuments(text, { schema: 'core', uniqueKeys: false, prettyErrors: false });
    return locateIn(docs, documentIndex, path, key);
  };
}

function locateIn(docs: ReturnType<typeof Yaml.parseAllDocuments>, documentIndex: number, path: readonly PropertyKey[], key: boolean): number {
  const { isAlias, isMap, isScalar, isSeq } = eemeli();
  const doc = (Array.isArray(docs) ? docs : [])[documentIndex];
  if (!doc) return 0;
  let node: unknown = doc.contents;
  let offset = rangeStart(node);
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return offset;
      if (key && i === path.length - 1) return rangeStart(pair.key);
      node = pair.value;
      offset = pair.value ? rangeStart(pair.value) : rangeStart(pair.key);
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
      node = node.items[segment];
      offset = rangeStart(node);
    } else {
      return offset;
    }
  }
  return offset;
}
