import jsYaml from 'js-yaml';
import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node } from 'yaml';

/** One YAML document of a file: its value and the start offsets of its mappings and sequences. */
export interface YamlDocument {
  index: number;
  value: unknown;
  offsets: WeakMap<object, number>;
  /** Offset of the document's root node. */
  start: number;
  /** Offsets of the root mapping's keys (for `branch:` / `organization:` headers). */
  keys: Map<string, number>;
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

// Anchors or aliases send a file to the precise path, which bounds their expansion.
const ANCHOR_OR_ALIAS = /(?:^|[\s,[{])[&*][^\s,\]}]/m;

/**
 * Parses every document of a YAML text with the core schema (dates stay strings).
 * Clean files take the fast path (js-yaml, offsets captured by its listener);
 * anything unusual takes the precise path (eemeli/yaml), which reports exact errors.
 */
export function parseYaml(text: string): ParsedYaml {
  if (!ANCHOR_OR_ALIAS.test(text)) {
    const fast = parseFast(text);
    if (fast) return fast;
  }
  return parsePrecise(text);
}

function parseFast(text: string): ParsedYaml | null {
  const offsets = new WeakMap<object, number>();
  const stack: number[] = [];
  const starts: number[] = [];
  const keys: Map<string, number>[] = [];
  let values: unknown[];
  try {
    values = jsYaml.loadAll(text, undefined, {
      schema: jsYaml.CORE_SCHEMA,
      maxDepth: MAX_DEPTH,
      listener(event, state) {
        if (event === 'open') {
          if (stack.length === 0) {
            starts.push(state.position);
            keys.push(new Map());
          }
          stack.push(state.position);
          return;
        }
        const start = stack.pop() as number;
        const result: unknown = state.result;
        // Root keys are scalars one level down; the first sighting of a text is its key.
        if (stack.length === 1 && typeof result === 'string') {
          const rootKeys = keys[keys.length - 1] as Map<string, number>;
          if (!rootKeys.has(result)) rootKeys.set(result, start);
        }
        if (result !== null && typeof result === 'object' && !offsets.has(result)) offsets.set(result, start);
      },
    } as jsYaml.LoadOptions) as unknown[];
  } catch {
    return null;
  }
  const documents: YamlDocument[] = [];
  values.forEach((value, index) => {
    if (value === null || value === undefined) return;
    documents.push({ index, value, offsets, start: starts[index] ?? 0, keys: keys[index] ?? new Map() });
  });
  return { documents, documentProblems: [], fatal: null };
}

function problemOf(error: { code: string; message: string; pos: [number, number] }): YamlProblem {
  return { offset: error.pos[0], code: error.code, detail: error.message.split('\n')[0] ?? error.message };
}

function parsePrecise(text: string): ParsedYaml {
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
    else result.documents.push({ index, value: converted.value, offsets: converted.offsets, start: rangeStart(doc.contents), keys: rootKeys(doc) });
  }
  return result;
}

class ConversionError extends Error {
  constructor(readonly problem: YamlProblem) {
    super(problem.detail);
  }
}

/** Converts a document to plain values with offsets, expanding aliases within MAX_ALIAS_NODES. */
function convertDocument(doc: Document.Parsed): { value: unknown; offsets: WeakMap<object, number> } | { problem: YamlProblem } {
  const offsets = new WeakMap<object, number>();
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
      offsets.set(value, rangeStart(node));
      out = { value, size };
    } else if (isSeq(node)) {
      const value: unknown[] = [];
      let size = 1;
      for (const item of node.items) {
        const child = convert(item, depth + 1);
        value.push(child.value);
        size += child.size;
      }
      offsets.set(value, rangeStart(node));
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
    return { value: convert(doc.contents, 0).value, offsets };
  } catch (error) {
    if (error instanceof ConversionError) return { problem: error.problem };
    throw error;
  }
}

function rootKeys(doc: Document.Parsed): Map<string, number> {
  const keys = new Map<string, number>();
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && !keys.has(String(pair.key.value))) keys.set(String(pair.key.value), rangeStart(pair.key));
    }
  }
  return keys;
}

function rangeStart(node: unknown): number {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? range[0] : 0;
}

/** Where a value path of one document starts in the text; `key` asks for the last segment's key. */
export function locatePath(text: string, documentIndex: number, path: readonly PropertyKey[], key = false): number {
  const docs = parseAllDocuments(text, { schema: 'core', uniqueKeys: false, prettyErrors: false });
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
