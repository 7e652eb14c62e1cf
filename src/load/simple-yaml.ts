import jsYaml from 'js-yaml';
import type { ParsedYaml, YamlDocument } from './yaml.js';

/**
 * A parser for the plain YAML that record files are made of — block mappings and
 * lists, one-line flow lists and mappings, plain and simple quoted scalars,
 * comments, `---` between documents — that records root key and list-item
 * offsets as it goes. On anything else (anchors, tags, block scalars, multi-line
 * scalars, escapes, tabs, odd characters, duplicate keys, any error) it gives up
 * and returns null, and the general path parses the file. Where it does not give
 * up its result equals the general path's (test/load/simple-yaml.test.ts checks
 * every fixture and a seeded mutation fuzzer against it). It reads as js-yaml does
 * with list items after their dashes, so it also gives up on every file the general
 * path would hand to eemeli/yaml (whose numbers and offsets differ slightly).
 * With `offsets: false` (rule and configuration files, which need values only) it
 * does not give up where only the general path's offsets would fail, and reads
 * exactly as js-yaml does.
 */
export function parseSimpleYaml(text: string, { offsets = true }: { offsets?: boolean } = {}): ParsedYaml | null {
  if (text.length === 0 || text.includes('\t') || needsPrecisePath(text)) return null;
  try {
    return { documents: new SimpleParser(text, offsets).documents(), documentProblems: [], fatal: null };
  } catch (error) {
    if (error === GIVE_UP) return null;
    throw error;
  }
}

const GIVE_UP = Symbol('give up');
function giveUp(): never {
  throw GIVE_UP;
}

// js-yaml's core schema, in its order: scalars resolve exactly as the general path's.
interface ImplicitType {
  resolve(data: string): boolean;
  construct(data: string): unknown;
}
const types = (jsYaml as unknown as { types: Record<'null' | 'bool' | 'int' | 'float', ImplicitType> }).types;
const IMPLICIT = [types.null, types.bool, types.int, types.float];

/**
 * Whether a text goes straight to eemeli/yaml on the general path: anchors or aliases
 * (which it bounds), and binary or underscored numbers (which the two parsers' core
 * schemas read differently). The patterns, found by indexOf (a fraction of the cost of
 * running them as regular expressions over every file): /(?:^|[\s,[{:])[&*][^\s,\]}]/m
 * and /(?:^|[\s,[{:])[-+]?(?:0b|\d[\d_]*_)/m.
 */
export function needsPrecisePath(text: string): boolean {
  return anchorOrAlias(text, '&') || anchorOrAlias(text, '*') || binaryNumber(text) || underscoredNumber(text);
}

/** `[\s,[{:]`: what may come before an anchor, an alias or a number in those patterns (`^` is after a line break, which `\s` holds). */
function opensToken(c: number): boolean {
  return jsWhitespace(c) || c === COMMA || c === OPEN_SQUARE || c === OPEN_CURLY || c === COLON;
}

/** `(?:^|[\s,[{:])[-+]?` just before `at`. */
function tokenStart(text: string, at: number): boolean {
  if (at === 0 || opensToken(text.charCodeAt(at - 1))) return true;
  const sign = text.charCodeAt(at - 1);
  return (sign === DASH || sign === PLUS) && (at === 1 || opensToken(text.charCodeAt(at - 2)));
}

function anchorOrAlias(text: string, indicator: string): boolean {
  for (let i = text.indexOf(indicator); i !== -1; i = text.indexOf(indicator, i + 1)) {
    if (i + 1 >= text.length) return false;
    const next = text.charCodeAt(i + 1);
    if ((i === 0 || opensToken(text.charCodeAt(i - 1))) && !(jsWhitespace(next) || next === COMMA || next === CLOSE_SQUARE || next === CLOSE_CURLY)) return true;
  }
  return false;
}

function binaryNumber(text: string): boolean {
  // indexOf('b') and a look back runs at about twice the speed of indexOf('0b').
  for (let i = text.indexOf('b', 1); i !== -1; i = text.indexOf('b', i + 1)) {
    if (text.charCodeAt(i - 1) === 0x30 && tokenStart(text, i - 1)) return true;
  }
  return false;
}

/** `\d[\d_]*_` from a token start: a run of digits and underscores that starts with a digit and holds an underscore. */
function underscoredNumber(text: string): boolean {
  for (let i = text.indexOf('_'); i !== -1; i = text.indexOf('_', i)) {
    let start = i;
    while (start > 0 && digitOrUnderscore(text.charCodeAt(start - 1))) start--;
    if (start < i && text.charCodeAt(start) !== UNDERSCORE && tokenStart(text, start)) return true;
    // Every later underscore of this run has the same start.
    while (i < text.length && digitOrUnderscore(text.charCodeAt(i))) i++;
  }
  return false;
}

function digitOrUnderscore(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === UNDERSCORE;
}

/** JavaScript's `\s`. */
function jsWhitespace(c: number): boolean {
  return c === SPACE || (c >= 0x09 && c <= 0x0d) || jsSpace(c);
}

/** The general path's line scan reads a root key only if its colon is within this many characters of the line start. */
const SCAN_WIDTH = 200;
const MAX_DEPTH = 32;
const MAX_KEY = 1000;

const SPACE = 0x20;
const LF = 0x0a;
const CR = 0x0d;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const COMMA = 0x2c;
const DOT = 0x2e;
const OPEN_SQUARE = 0x5b;
const CLOSE_SQUARE = 0x5d;
const OPEN_CURLY = 0x7b;
const CLOSE_CURLY = 0x7d;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const BACKSLASH = 0x5c;
const PLUS = 0x2b;
const UNDERSCORE = 0x5f;

/** Indent values for the line after a node besides real indents: the end, `---`, `...`. */
const END_OF_TEXT = -1;
const DOCUMENT_MARKER = -2;
const DOCUMENT_END = -3;

/** Characters js-yaml rejects or that this parser leaves to the general path: controls, C1, lone or paired surrogates, non-characters, Unicode line separators, BOM. */
function unusual(c: number): boolean {
  if (c < 0x20) return c !== LF && c !== CR;
  if (c < 0x7f) return false;
  return c <= 0x9f || (c >= 0xd800 && c <= 0xdfff) || c === 0x2028 || c === 0x2029 || c === 0xfeff || c >= 0xfffe;
}

/** Plain scalars: null, booleans and numbers by js-yaml's core schema; anything else text. */
function resolvePlain(s: string): unknown {
  const c = s.charCodeAt(0);
  // Only these first characters can begin a null (~ null), a boolean (true false) or a number.
  const digit = c >= 0x30 && c <= 0x39;
  if (!(digit || c === 0x2b || c === DASH || c === DOT || c === 0x7e || c === 0x6e || c === 0x4e || c === 0x74 || c === 0x54 || c === 0x66 || c === 0x46)) return s;
  if (digit && isDateLike(s)) return s;
  // The general path sends binary and underscored numbers to eemeli/yaml, whose core schema reads them otherwise.
  if (/^[-+]?(?:0b|\d[\d_]*_)/.test(s)) giveUp();
  for (const type of IMPLICIT) {
    if (type.resolve(s)) return type.construct(s);
  }
  return s;
}

/**
 * Whether the general path's line scan reads a root key as this text: its pattern stops
 * at `:` and `#`, skips dashed lines, and takes JavaScript's wider whitespace (U+3000,
 * U+00A0, ...) as space, so it cannot start a key with it and trims it from the end.
 */
function scannableKey(raw: string): boolean {
  return raw.charCodeAt(0) !== DASH && !jsSpace(raw.charCodeAt(0)) && !jsSpace(raw.charCodeAt(raw.length - 1)) && !raw.includes(':') && !raw.includes('#');
}

/** Non-ASCII characters JavaScript's `\s` and `trim` take as whitespace (ASCII ones do not reach a key). */
function jsSpace(c: number): boolean {
  return c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff);
}

/** `2026-09-20` or `2026-09`: text in the core schema, and most of the scalars in record files. */
function isDateLike(s: string): boolean {
  if (s.length !== 10 && s.length !== 7) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (i === 4 || i === 7 ? c !== DASH : c < 0x30 || c > 0x39) return false;
  }
  return true;
}

class SimpleParser {
  private pos = 0;
  /** Indent of the content line at `pos`, or END_OF_TEXT / DOCUMENT_MARKER. */
  private indent = 0;
  private lineStart = 0;
  private depth = 0;

  constructor(
    private readonly text: string,
    /** Whether root offsets must agree with the general path's line scan (record files). */
    private readonly offsets: boolean,
  ) {}

  private keyOf(raw: string): string {
    if (raw === '__proto__' || raw === '<<') giveUp();
    return String(resolvePlain(raw));
  }

  documents(): YamlDocument[] {
    const documents: YamlDocument[] = [];
    this.indent = this.scanLines();
    if (this.indent === DOCUMENT_MARKER) this.indent = this.afterMarker();
    for (;;) {
      // Every document is a mapping at column 1; empty documents and other roots go the general way.
      if (this.indent !== 0 || this.atSequenceItem()) giveUp();
      const keys = new Map<string, number>();
      const items = new Map<string, number[]>();
      const start = this.pos;
      const value = this.mapping(0, { keys, items });
      documents.push({ index: documents.length, value, start, keys, items });
      const next = this.indent as number; // moved by mapping()
      if (next === END_OF_TEXT) return documents;
      if (next === DOCUMENT_END) {
        // `...` as the file's last line ends the last document; anything after it is left to the general path.
        this.pos += 3;
        this.restOfLine(true);
        if (this.pos < this.text.length) giveUp();
        return documents;
      }
      if (next !== DOCUMENT_MARKER) giveUp();
      this.indent = this.afterMarker();
    }
  }

  private afterMarker(): number {
    // scanLines stopped at the marker's line start; the marker line is `---` and blanks only.
    this.pos += 3;
    this.restOfLine(true);
    return this.scanLines();
  }

  /**
   * From a line start, skips blank and comment lines; leaves `pos` at the first
   * content character and returns its indent (or END_OF_TEXT / DOCUMENT_MARKER).
   */
  private scanLines(): number {
    const text = this.text;
    const length = text.length;
    for (;;) {
      const lineStart = this.pos;
      if (lineStart >= length) return END_OF_TEXT;
      let i = lineStart;
      while (text.charCodeAt(i) === SPACE) i++;
      const c = text.charCodeAt(i);
      if (i >= length) return END_OF_TEXT;
      if (c === LF || c === CR || c === HASH) {
        this.pos = i;
        this.restOfLine(true);
        continue;
      }
      this.lineStart = lineStart;
      this.pos = i;
      if (i === lineStart && (c === DASH || c === DOT) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c) {
        const after = text.charCodeAt(i + 3);
        if (after === SPACE || after === LF || after === CR || i + 3 >= length) return c === DASH ? DOCUMENT_MARKER : DOCUMENT_END;
        giveUp();
      }
      return i - lineStart;
    }
  }

  /** After a node: spaces, maybe a comment, then the line break; moves `pos` to the next line start. */
  private restOfLine(spaced: boolean): void {
    const text = this.text;
    let i = this.pos;
    while (text.charCodeAt(i) === SPACE) {
      i++;
      spaced = true;
    }
    let c = text.charCodeAt(i);
    if (c === HASH) {
      if (!spaced) giveUp();
      for (;;) {
        c = text.charCodeAt(++i);
        if (c === LF || c === CR || i >= text.length) break;
        if (unusual(c)) giveUp();
      }
    }
    if (c === CR) {
      if (text.charCodeAt(i + 1) !== LF) giveUp();
      i++;
      c = LF;
    }
    if (c === LF) this.pos = i + 1;
    else if (i >= text.length) this.pos = i;
    else giveUp();
  }

  private atSequenceItem(): boolean {
    const text = this.text;
    if (text.charCodeAt(this.pos) !== DASH) return false;
    const next = text.charCodeAt(this.pos + 1);
    return next === SPACE || next === LF || next === CR || this.pos + 1 >= text.length;
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) giveUp();
  }

  /** A block mapping whose keys sit at `indent`; `pos` is at its first key. */
  private mapping(indent: number, root?: { keys: Map<string, number>; items: Map<string, number[]> }): Record<string, unknown> {
    this.enter();
    const result: Record<string, unknown> = {};
    for (;;) {
      const keyStart = this.pos;
      const keyEnd = this.plain(false);
      if (!this.colon || keyEnd === keyStart || this.stop - keyStart > MAX_KEY) giveUp();
      const raw = this.text.slice(keyStart, keyEnd);
      const key = this.keyOf(raw);
      if (Object.hasOwn(result, key)) giveUp();
      if (root) {
        // A root key the general path's line scan would not read as this key sends that path to eemeli/yaml.
        if (this.offsets && (key !== raw || this.stop - keyStart >= SCAN_WIDTH || !scannableKey(raw))) giveUp();
        root.keys.set(key, keyStart);
      }
      this.pos = this.stop + 1; // past the colon
      let value: unknown;
      const text = this.text;
      let i = this.pos;
      while (text.charCodeAt(i) === SPACE) i++;
      const c = text.charCodeAt(i);
      if (c === LF || c === CR || c === HASH || i >= text.length) {
        this.restOfLine(true);
        this.indent = this.scanLines();
        const items: number[] | undefined = root ? [] : undefined;
        if (this.indent > indent) {
          value = this.block(this.indent, items);
        } else if (this.indent === indent && this.atSequenceItem()) {
          value = this.sequence(indent, items);
        } else {
          value = null;
        }
        if (items && items.length > 0) root?.items.set(key, items);
      } else {
        this.pos = i;
        value = this.inline();
        // The general path's line scan sees no items in a root flow list and hands the file to eemeli/yaml.
        if (root && this.offsets && Array.isArray(value) && value.length > 0) giveUp();
        if (this.indent > indent) giveUp();
      }
      result[key] = value;
      if (this.indent < indent) break;
      if (this.indent > indent || this.atSequenceItem()) giveUp();
    }
    this.depth--;
    return result;
  }

  /** A block node on its own line: a list or a mapping. */
  private block(indent: number, items?: number[]): unknown {
    return this.atSequenceItem() ? this.sequence(indent, items) : this.mapping(indent);
  }

  /** A block list whose dashes sit at `indent`; `pos` is at its first dash. */
  private sequence(indent: number, items?: number[]): unknown[] {
    this.enter();
    const result: unknown[] = [];
    const text = this.text;
    for (;;) {
      let i = this.pos + 1;
      while (text.charCodeAt(i) === SPACE) i++;
      const c = text.charCodeAt(i);
      if (i === this.pos + 1 || c === LF || c === CR || c === HASH || i >= text.length) giveUp();
      items?.push(this.pos + 1); // after the dash, as the general path's line scan notes it
      this.pos = i;
      if (this.atSequenceItem()) giveUp();
      if (c === OPEN_SQUARE || c === OPEN_CURLY || c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
        result.push(this.inline());
      } else {
        this.plain(false);
        if (this.colon) {
          this.pos = i;
          result.push(this.mapping(i - this.lineStart));
        } else {
          this.pos = i;
          result.push(this.inline());
        }
      }
      if (this.indent < indent || (this.indent === indent && !this.atSequenceItem())) break;
      if (this.indent !== indent) giveUp();
    }
    this.depth--;
    return result;
  }

  /** A value that starts and ends on this line; then moves to the next content line. */
  private inline(): unknown {
    const value = this.flowValue(false);
    this.restOfLine(false);
    this.indent = this.scanLines();
    return value;
  }

  /** A scalar, a quoted scalar or a flow collection at `pos`; `pos` ends just after it. */
  private flowValue(inFlow: boolean): unknown {
    const text = this.text;
    const c = text.charCodeAt(this.pos);
    if (c === OPEN_SQUARE) return this.flowSequence();
    if (c === OPEN_CURLY) return this.flowMapping();
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) return this.quoted(c);
    const start = this.pos;
    const end = this.plain(inFlow);
    if (this.colon || end === start) giveUp();
    const value = resolvePlain(text.slice(start, end));
    this.pos = end;
    return value;
  }

  /** Set by `plain`: whether the scalar stopped at a key's colon, and where it stopped. */
  private colon = false;
  private stop = 0;

  /**
   * Scans a plain scalar from `pos` without moving it; returns its end (trailing
   * spaces dropped). Stops at `: `, at ` #`, at the line end and, in flow
   * context, at `,` `]` `}`. Gives up on what it does not handle.
   */
  private plain(inFlow: boolean): number {
    const text = this.text;
    const length = text.length;
    let i = this.pos;
    const first = text.charCodeAt(i);
    // Indicators cannot start a plain scalar (`?` and `:` left to the general path); `-` only when no space follows.
    if (first === COMMA || first === OPEN_SQUARE || first === CLOSE_SQUARE || first === OPEN_CURLY || first === CLOSE_CURLY || first === HASH || first === 0x26 || first === 0x2a || first === 0x21 || first === 0x7c || first === 0x3e || first === DOUBLE_QUOTE || first === SINGLE_QUOTE || first === 0x25 || first === 0x40 || first === 0x60 || first === 0x3f || first === COLON) giveUp();
    if (first === DASH) {
      const next = text.charCodeAt(i + 1);
      if (next === SPACE || next === LF || next === CR || i + 1 >= length || (inFlow && (next === COMMA || next === CLOSE_SQUARE || next === CLOSE_CURLY))) giveUp();
    }
    this.colon = false;
    for (;;) {
      if (i >= length) break;
      const c = text.charCodeAt(i);
      if (c === COLON) {
        const next = text.charCodeAt(i + 1);
        if (next === SPACE || next === LF || next === CR || i + 1 >= length) {
          this.colon = true;
          break;
        }
        if (inFlow) giveUp();
      } else if (c === SPACE) {
        if (text.charCodeAt(i + 1) === HASH) break;
      } else if (c === LF || c === CR) {
        if (inFlow) giveUp();
        break;
      } else if (inFlow && (c === COMMA || c === CLOSE_SQUARE || c === CLOSE_CURLY)) {
        break;
      } else if (inFlow && (c === OPEN_SQUARE || c === OPEN_CURLY)) {
        giveUp();
      } else if (unusual(c)) {
        giveUp();
      }
      i++;
    }
    this.stop = i;
    while (i > this.pos && text.charCodeAt(i - 1) === SPACE) i--;
    return i;
  }

  /** A one-line quoted scalar without escapes (doubled single quotes allowed). */
  private quoted(quote: number): string {
    const text = this.text;
    let i = this.pos + 1;
    let doubled = false;
    for (;;) {
      const c = text.charCodeAt(i);
      if (i >= text.length || c === LF || c === CR || c === BACKSLASH || unusual(c)) giveUp();
      if (c === quote) {
        if (quote === SINGLE_QUOTE && text.charCodeAt(i + 1) === SINGLE_QUOTE) {
          doubled = true;
          i += 2;
          continue;
        }
        break;
      }
      i++;
    }
    const raw = text.slice(this.pos + 1, i);
    this.pos = i + 1;
    if (text.charCodeAt(this.pos) === COLON) giveUp();
    return doubled ? raw.replaceAll("''", "'") : raw;
  }

  private skipSpaces(): number {
    const text = this.text;
    while (text.charCodeAt(this.pos) === SPACE) this.pos++;
    return text.charCodeAt(this.pos);
  }

  private flowSequence(): unknown[] {
    this.enter();
    this.pos++;
    const result: unknown[] = [];
    if (this.skipSpaces() !== CLOSE_SQUARE) {
      for (;;) {
        result.push(this.flowValue(true));
        const c = this.skipSpaces();
        this.pos++;
        if (c === CLOSE_SQUARE) break;
        if (c !== COMMA) giveUp();
        // A trailing comma or an empty entry: leave it to the general path.
        const next = this.skipSpaces();
        if (next === COMMA || next === CLOSE_SQUARE) giveUp();
      }
    } else {
      this.pos++;
    }
    this.depth--;
    return result;
  }

  private flowMapping(): Record<string, unknown> {
    this.enter();
    this.pos++;
    const result: Record<string, unknown> = {};
    if (this.skipSpaces() !== CLOSE_CURLY) {
      for (;;) {
        const keyStart = this.pos;
        const keyEnd = this.plain(true);
        if (!this.colon || keyEnd === keyStart) giveUp();
        if (this.stop - keyStart > MAX_KEY) giveUp();
        const key = this.keyOf(this.text.slice(keyStart, keyEnd));
        if (Object.hasOwn(result, key)) giveUp();
        this.pos = this.stop + 1; // past the colon
        this.skipSpaces();
        result[key] = this.flowValue(true);
        const c = this.skipSpaces();
        this.pos++;
        if (c === CLOSE_CURLY) break;
        if (c !== COMMA) giveUp();
        const next = this.skipSpaces();
        if (next === COMMA || next === CLOSE_CURLY) giveUp();
      }
    } else {
      this.pos++;
    }
    this.depth--;
    return result;
  }
}
