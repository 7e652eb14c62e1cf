import type { ParsedYaml, YamlDocument } from './yaml.js';

/**
 * One pass over the YAML that record files are made of — block and flow style
 * (flow collections may span lines), plain, quoted and block scalars, escapes,
 * anchors and aliases, comments, CRLF, several documents, JSON — recording root
 * key and list-item offsets as it goes. It reads exactly as eemeli/yaml does with
 * the core schema (values, key order, offsets: test/load/fast-yaml.test.ts fuzzes
 * the two against each other). On anything else (tags, directives, complex keys,
 * tabs, duplicate keys, odd indentation, any error, aliases past MAX_ALIAS_NODES)
 * it gives up and returns null, and eemeli/yaml parses the file and words the error.
 */
export function parseFastYaml(text: string, maxAliasNodes: number, where?: WeakMap<object, Offsets>): ParsedYaml | null {
  if (text.includes('\t')) return null;
  try {
    return { documents: new FastParser(text, maxAliasNodes, where ?? null).documents(), documentProblems: [], fatal: null };
  } catch (error) {
    if (error === GIVE_UP) return null;
    throw error;
  }
}

/** Per mapping: key → [key offset, value offset]; per list: item offsets. Filled for the locator only. */
export type Offsets = Map<string, readonly [number, number]> | number[];

const GIVE_UP = Symbol('give up');
function giveUp(): never {
  throw GIVE_UP;
}

const MAX_DEPTH = 48;
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
const AMPERSAND = 0x26;
const ASTERISK = 0x2a;
const PIPE = 0x7c;
const GREATER = 0x3e;

/** Indents of the line after a node besides real ones: the end, `---`, `...`. */
const END_OF_TEXT = -1;
const DOCUMENT_MARKER = -2;
const DOCUMENT_END = -3;

/** Characters left to eemeli/yaml: controls, C1, surrogates, non-characters, Unicode line separators, BOM. */
function unusual(c: number): boolean {
  if (c < 0x20) return c !== LF && c !== CR;
  if (c < 0x7f) return false;
  return c <= 0x9f || (c >= 0xd800 && c <= 0xdfff) || c === 0x2028 || c === 0x2029 || c === 0xfeff || c >= 0xfffe;
}

function lineBreak(c: number): boolean {
  return c === LF || c === CR;
}

function flowIndicator(c: number): boolean {
  return c === COMMA || c === OPEN_SQUARE || c === CLOSE_SQUARE || c === OPEN_CURLY || c === CLOSE_CURLY;
}

/** Characters that cannot start a plain scalar here (`-` `?` `:` are decided apart). */
function indicator(c: number): boolean {
  return flowIndicator(c) || c === HASH || c === AMPERSAND || c === ASTERISK || c === 0x21 || c === PIPE || c === GREATER || c === DOUBLE_QUOTE || c === SINGLE_QUOTE || c === 0x25 || c === 0x40 || c === 0x60 || c === 0x3f || c === COLON;
}

/** `2026-09-20` or `2026-09`: text in the core schema, and most scalars of record files. */
function isDateLike(s: string): boolean {
  if (s.length !== 10 && s.length !== 7) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (i === 4 || i === 7 ? c !== DASH : c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** A plain scalar as eemeli/yaml's core schema reads it (its tests, in its order). */
function resolvePlain(s: string): unknown {
  const c = s.charCodeAt(0);
  const digit = c >= 0x30 && c <= 0x39;
  // Only these first characters begin a null (~ null), a boolean (true false) or a number.
  if (!(digit || c === 0x2b || c === DASH || c === DOT || c === 0x7e || c === 0x6e || c === 0x4e || c === 0x74 || c === 0x54 || c === 0x66 || c === 0x46)) return s;
  if (digit && isDateLike(s)) return s;
  if (/^(?:~|[Nn]ull|NULL)$/.test(s)) return null;
  if (/^(?:[Tt]rue|TRUE)$/.test(s)) return true;
  if (/^(?:[Ff]alse|FALSE)$/.test(s)) return false;
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s) || /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s)) return parseFloat(s);
  return s;
}

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

class FastParser {
  private pos = 0;
  /** Indent of the content line at `pos`, or END_OF_TEXT / DOCUMENT_MARKER / DOCUMENT_END. */
  private indent = 0;
  private lineStart = 0;
  private depth = 0;
  /** Nodes made so far in this document, aliases counted at their targets' size (as eemeli/yaml counts them). */
  private nodes = 0;
  private aliasNodes = 0;
  private anchors = new Map<string, { value: unknown; size: number }>();
  /** The document's root keys and the item offsets of its root lists (YamlDocument's `keys` and `items`). */
  private keys = new Map<string, number>();
  private items = new Map<string, number[]>();
  /** The item offsets of the last list begun at depth 2, that is, as a root key's value. */
  private rootList: number[] | null = null;
  /** Set by `blockValue` and `flowValue`: where the value's node starts (after its anchor), as eemeli/yaml places it. */
  private valueAt = 0;
  /** Set by `plainLine`: whether the scalar stopped at a key's colon, and where it stopped. */
  private colon = false;
  private stop = 0;

  constructor(
    private readonly text: string,
    private readonly maxAliasNodes: number,
    private readonly where: WeakMap<object, Offsets> | null,
  ) {}

  documents(): YamlDocument[] {
    const documents: YamlDocument[] = [];
    this.indent = this.scanLines();
    if (this.indent === DOCUMENT_MARKER) this.indent = this.afterMarker();
    // An empty document still takes an index, as eemeli/yaml counts them.
    for (let index = 0; ; index++) {
      this.anchors = new Map();
      this.nodes = 0;
      this.aliasNodes = 0;
      if (this.indent >= 0) {
        if (this.indent !== 0 || this.atSequenceItem()) giveUp();
        this.keys = new Map();
        this.items = new Map();
        const start = this.pos;
        const value = this.text.charCodeAt(start) === OPEN_CURLY ? this.rootFlow() : this.mapping(0);
        documents.push({ index, value, start, keys: this.keys, items: this.items });
      }
      const next = this.indent as number; // moved by the parse
      if (next === END_OF_TEXT) return documents;
      if (next !== DOCUMENT_MARKER && next !== DOCUMENT_END) giveUp();
      this.indent = this.afterMarker();
      // `...` as the file's last content ends the last document; anything after it is left to eemeli/yaml.
      if (next === DOCUMENT_END && this.indent !== END_OF_TEXT) giveUp();
    }
  }

  private afterMarker(): number {
    this.pos += 3;
    this.restOfLine(true);
    return this.scanLines();
  }

  /** From a line start, skips blank and comment lines; leaves `pos` at the first content character and returns its indent. */
  private scanLines(): number {
    const text = this.text;
    for (;;) {
      const lineStart = this.pos;
      // Checked before reading: one charCodeAt past the end makes V8 recompile the site slower for every later call.
      if (lineStart >= text.length) return END_OF_TEXT;
      let i = lineStart;
      while (text.charCodeAt(i) === SPACE) i++;
      if (i >= text.length) return END_OF_TEXT;
      const c = text.charCodeAt(i);
      if (c === LF || c === CR || c === HASH) {
        this.pos = i;
        this.restOfLine(true);
        continue;
      }
      this.lineStart = lineStart;
      this.pos = i;
      if (i === lineStart && (c === DASH || c === DOT) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c) {
        const after = text.charCodeAt(i + 3);
        if (after === SPACE || lineBreak(after) || i + 3 >= text.length) return c === DASH ? DOCUMENT_MARKER : DOCUMENT_END;
      }
      if (i === lineStart && c === 0x25 /* % directive */) giveUp();
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
      i = this.lineEnd(i);
      c = text.charCodeAt(i);
    }
    if (lineBreak(c)) this.pos = this.pastBreak(i);
    else if (i >= text.length) this.pos = i;
    else giveUp();
  }

  /** Moves to the next content line and notes its indent. */
  private nextLine(spaced: boolean): void {
    this.restOfLine(spaced);
    this.indent = this.scanLines();
  }

  /** Where the rest of a line from `i` (a comment, a line of a block scalar) ends: at its line break or the end of the text. */
  private lineEnd(i: number): number {
    const text = this.text;
    while (i < text.length && !lineBreak(text.charCodeAt(i))) {
      if (unusual(text.charCodeAt(i))) giveUp();
      i++;
    }
    return i;
  }

  /** Past the line break at `i`: LF or CRLF (a CR alone is left to eemeli/yaml). */
  private pastBreak(i: number): number {
    if (this.text.charCodeAt(i) !== CR) return i + 1;
    if (this.text.charCodeAt(i + 1) !== LF) giveUp();
    return i + 2;
  }

  /** Whether `i` is a space, a line break or the end of the text: what must follow a `-`, `:` or `---` indicator. */
  private blank(i: number): boolean {
    if (i >= this.text.length) return true;
    const c = this.text.charCodeAt(i);
    return c === SPACE || lineBreak(c);
  }

  /** Whether `---` or `...` starts at `i`: at a line start, a document marker or text eemeli/yaml may take for one. */
  private atMarker(i: number): boolean {
    return this.text.startsWith('---', i) || this.text.startsWith('...', i);
  }

  private atSequenceItem(): boolean {
    return this.text.charCodeAt(this.pos) === DASH && this.blank(this.pos + 1);
  }

  /** Notes a container's offsets for the locator (call only when `where` is set: the hot path allocates nothing). */
  private noted<T extends Offsets>(container: object, offsets: T): T {
    this.where?.set(container, offsets);
    return offsets;
  }

  /** Item offsets for a list just entered: a root key's list keeps them (`rootList`), and so does the locator. */
  private listOffsets(list: unknown[]): number[] | null {
    if (this.depth !== 2 && this.where === null) return null;
    const offsets: number[] = [];
    if (this.depth === 2) this.rootList = offsets;
    this.where?.set(list, offsets);
    return offsets;
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) giveUp();
  }

  /** Whether a key (plain or quoted, on one line) starts at `pos`; `pos` does not move. */
  private atKey(): boolean {
    const c = this.text.charCodeAt(this.pos);
    if (c !== DOUBLE_QUOTE && c !== SINGLE_QUOTE) {
      if (indicator(c)) return false;
      this.plainLine(false);
      return this.colon;
    }
    const save = this.pos;
    try {
      this.quoted(c, -2);
      return this.text.charCodeAt(this.skipSpaces()) === COLON;
    } catch (error) {
      if (error !== GIVE_UP) throw error;
      return false; // not a key: a scalar over several lines, or no scalar at all
    } finally {
      this.pos = save;
    }
  }

  /** A key at `pos` (plain or quoted, on one line); leaves `pos` past its colon and the spaces after it. */
  private key(inFlow: boolean): string {
    const text = this.text;
    const start = this.pos;
    const c = text.charCodeAt(start);
    let key: string;
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
      key = this.quoted(c, -2);
      // In flow, a quoted key's colon may touch its value (`"a":1`, as JSON writes it).
      if (text.charCodeAt(this.skipSpaces()) !== COLON || !(inFlow || this.blank(this.pos + 1))) giveUp();
    } else {
      const end = this.plainStart(inFlow) ? this.plainLine(inFlow) : giveUp();
      const raw = text.slice(start, end);
      if (!this.colon || raw === '' || raw === '<<') giveUp();
      key = String(resolvePlain(raw));
      this.pos = this.stop;
    }
    if (key === '__proto__' || this.pos - start > MAX_KEY) giveUp();
    this.nodes++;
    this.pos++; // past the colon
    this.skipSpaces();
    return key;
  }

  /** Sets a mapping's key (a duplicate is left to eemeli/yaml), noting the root's keys and lists, and offsets for the locator. */
  private put(result: Record<string, unknown>, offsets: Map<string, readonly [number, number]> | null, key: string, keyStart: number, value: unknown): void {
    if (Object.hasOwn(result, key)) giveUp();
    result[key] = value;
    offsets?.set(key, [keyStart, this.valueAt]);
    if (this.depth === 1) {
      this.keys.set(key, keyStart);
      if (this.rootList !== null && this.rootList.length > 0) this.items.set(key, this.rootList);
      this.rootList = null;
    }
  }

  /** A block mapping whose keys sit at `indent`; `pos` is at its first key. */
  private mapping(indent: number): Record<string, unknown> {
    this.enter();
    const result: Record<string, unknown> = {};
    const offsets = this.where && this.noted(result, new Map<string, readonly [number, number]>());
    this.nodes++;
    for (;;) {
      const keyStart = this.pos;
      const key = this.key(false);
      this.put(result, offsets, key, keyStart, this.blockValue(indent, false));
      if (this.indent < indent) break;
      if (this.indent > indent) giveUp();
    }
    this.depth--;
    return result;
  }

  /**
   * The value after a block key's colon or an item's dash (`pos` past the spaces):
   * on this line or on the lines below, more indented than `indent` (for a mapping
   * value, a list may also sit at `indent`). Leaves `indent` at the next content line.
   */
  private blockValue(indent: number, item: boolean): unknown {
    const text = this.text;
    const before = this.nodes;
    const anchor = text.charCodeAt(this.pos) === AMPERSAND ? this.name(false) : null;
    const c = text.charCodeAt(this.skipSpaces());
    let at = this.pos;
    let value: unknown;
    if (c === HASH || lineBreak(c) || this.pos >= text.length) {
      // Nothing more on this line: the value is below, or null.
      this.nextLine(text.charCodeAt(this.pos - 1) === SPACE);
      if (this.indent > indent || (!item && this.indent === indent && this.atSequenceItem())) {
        at = this.pos;
        value = this.blockNode(indent);
      } else {
        if (anchor !== null) giveUp();
        this.nodes++;
        value = null;
      }
    } else if (c === PIPE || c === GREATER) {
      value = this.blockScalar(indent);
    } else if (this.atKey()) {
      // `- key: value`: a mapping whose keys sit at this column
      if (!item || anchor !== null) giveUp();
      value = this.mapping(this.pos - this.lineStart);
    } else {
      if (c === ASTERISK && anchor !== null) giveUp();
      value = this.scalarOrFlow(indent);
    }
    if (anchor !== null) this.anchors.set(anchor, { value, size: this.nodes - before });
    this.valueAt = at;
    return value;
  }

  /** A node that starts on its own line, below a key or dash at `indent`. */
  private blockNode(indent: number): unknown {
    if (this.atSequenceItem()) return this.sequence(this.indent);
    const c = this.text.charCodeAt(this.pos);
    if (c === AMPERSAND || c === ASTERISK || c === PIPE || c === GREATER) giveUp();
    if (this.atKey()) return this.mapping(this.indent);
    return this.scalarOrFlow(indent);
  }

  /** A block list whose dashes sit at `indent`; `pos` is at its first dash. */
  private sequence(indent: number): unknown[] {
    this.enter();
    const result: unknown[] = [];
    const offsets = this.listOffsets(result);
    this.nodes++;
    for (;;) {
      this.pos++;
      this.skipSpaces();
      if (this.atSequenceItem()) giveUp();
      result.push(this.blockValue(indent, true));
      offsets?.push(this.valueAt);
      if (this.indent < indent || (this.indent === indent && !this.atSequenceItem())) break;
      if (this.indent !== indent) giveUp();
    }
    this.depth--;
    return result;
  }

  /** The name after the `&` or `*` at `pos`; `pos` ends just after it. An alias's name also ends at a flow indicator. */
  private name(alias: boolean): string {
    const text = this.text;
    const start = ++this.pos;
    let i = start;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === SPACE || lineBreak(c) || (alias && flowIndicator(c))) break;
      if (flowIndicator(c) || unusual(c)) giveUp();
    }
    if (i === start) giveUp();
    this.pos = i;
    return text.slice(start, i);
  }

  private alias(): unknown {
    // A root key's alias is left to eemeli/yaml, which places the items of the list it names.
    if (this.depth === 1) giveUp();
    const target = this.anchors.get(this.name(true)) ?? giveUp();
    this.nodes += target.size;
    this.aliasNodes += target.size;
    if (this.aliasNodes > this.maxAliasNodes) giveUp();
    return target.value;
  }

  /** A scalar, alias or flow collection at `pos` in block context, continuation lines indented past `indent`; then moves to the next content line. */
  private scalarOrFlow(indent: number): unknown {
    const value = this.node(false, indent);
    this.nextLine(false);
    return value;
  }

  /** A scalar, alias or flow collection at `pos`, in flow context or not; continuation lines indented past `indent`. */
  private node(inFlow: boolean, indent: number): unknown {
    const c = this.text.charCodeAt(this.pos);
    if (c === OPEN_SQUARE) return this.flowSequence(indent);
    if (c === OPEN_CURLY) return this.flowMapping(indent);
    if (c === ASTERISK) return this.alias();
    if (c !== DOUBLE_QUOTE && c !== SINGLE_QUOTE) return this.plain(inFlow, indent);
    this.nodes++;
    return this.quoted(c, indent);
  }

  private skipSpaces(): number {
    const text = this.text;
    while (text.charCodeAt(this.pos) === SPACE) this.pos++;
    return this.pos;
  }

  /** Skips spaces, line breaks and comments inside a flow collection, and returns the character it stops at. */
  private flowSpace(indent: number): number {
    const text = this.text;
    let spaced = false;
    for (;;) {
      let c = text.charCodeAt(this.pos);
      if (c === SPACE) {
        this.pos++;
        spaced = true;
        continue;
      }
      if (c === HASH) {
        if (!spaced) giveUp();
        this.pos = this.lineEnd(this.pos);
        c = text.charCodeAt(this.pos);
      }
      if (c === CR) {
        if (text.charCodeAt(this.pos + 1) !== LF) giveUp();
        this.pos++;
        c = LF;
      }
      if (c !== LF) return c;
      this.pos++;
      const lineStart = this.pos;
      while (text.charCodeAt(this.pos) === SPACE) this.pos++;
      const d = text.charCodeAt(this.pos);
      if (this.pos >= text.length) giveUp();
      if (this.pos - lineStart <= indent && !lineBreak(d) && d !== HASH) giveUp();
      if (this.pos === lineStart && (d === DASH || d === DOT) && text.startsWith(d === DASH ? '---' : '...', this.pos)) giveUp();
      spaced = true;
    }
  }

  /**
   * The first character of a line starting at `i` inside a flow collection or a quoted
   * scalar: its content must be indented past `indent` (blank lines aside, and comment
   * lines with `comment`), and a line starting `---` or `...` is left to eemeli/yaml.
   */
  private continuation(i: number, indent: number, comment: boolean): number {
    const text = this.text;
    const lineStart = i;
    while (text.charCodeAt(i) === SPACE) i++;
    const c = text.charCodeAt(i);
    if (i >= text.length || (i - lineStart <= indent && !lineBreak(c) && !(comment && c === HASH))) giveUp();
    if (i === lineStart && this.atMarker(i)) giveUp();
    return i;
  }

  /** A node inside a flow collection at `pos` (sets `valueAt`); continuation lines indented past `indent`. */
  private flowValue(indent: number): unknown {
    const before = this.nodes;
    const anchor = this.text.charCodeAt(this.pos) === AMPERSAND ? this.name(false) : null;
    if (anchor !== null && this.flowSpace(indent) === ASTERISK) giveUp();
    const at = this.pos;
    const value = this.node(true, indent);
    if (anchor !== null) this.anchors.set(anchor, { value, size: this.nodes - before });
    this.valueAt = at;
    return value;
  }

  private flowSequence(indent: number): unknown[] {
    this.enter();
    const result: unknown[] = [];
    const offsets = this.listOffsets(result);
    this.nodes++;
    this.pos++;
    for (let c = this.flowSpace(indent); c !== CLOSE_SQUARE; ) {
      result.push(this.flowValue(indent));
      offsets?.push(this.valueAt);
      c = this.flowSpace(indent);
      if (c === COMMA) {
        this.pos++;
        this.flowSpace(indent); // an empty entry after the comma is left to eemeli/yaml by plain()
      } else if (c !== CLOSE_SQUARE) giveUp();
    }
    this.pos++;
    this.depth--;
    return result;
  }

  private flowMapping(indent: number): Record<string, unknown> {
    this.enter();
    const result: Record<string, unknown> = {};
    const offsets = this.where && this.noted(result, new Map<string, readonly [number, number]>());
    this.nodes++;
    this.pos++;
    for (let c = this.flowSpace(indent); c !== CLOSE_CURLY; ) {
      const keyStart = this.pos;
      const key = this.key(true);
      this.flowSpace(indent); // an empty value (`,` or `}` next) is left to eemeli/yaml by plain()
      this.put(result, offsets, key, keyStart, this.flowValue(indent));
      c = this.flowSpace(indent);
      if (c === COMMA) {
        this.pos++;
        this.flowSpace(indent); // an empty entry after the comma is left to eemeli/yaml by plain()
      } else if (c !== CLOSE_CURLY) giveUp();
    }
    this.pos++;
    this.depth--;
    return result;
  }

  /** A JSON-shaped document: a flow mapping at column 1, the whole document (documents() gives up on anything after it). */
  private rootFlow(): Record<string, unknown> {
    const value = this.flowMapping(-1);
    this.nextLine(true);
    return value;
  }

  /** Whether a plain scalar may start at `pos` (a `-` only before a non-blank, in flow also not before a flow indicator). */
  private plainStart(inFlow: boolean): boolean {
    const c = this.text.charCodeAt(this.pos);
    if (c !== DASH) return !indicator(c);
    return !(this.blank(this.pos + 1) || (inFlow && flowIndicator(this.text.charCodeAt(this.pos + 1))));
  }

  /**
   * Scans one line of a plain scalar from `pos` without moving it; returns its end
   * (trailing spaces dropped). Stops at `: `, at ` #`, at the line end and, in flow
   * context, at `,` `[` `]` `{` `}`.
   */
  private plainLine(inFlow: boolean): number {
    const text = this.text;
    const length = text.length;
    let i = this.pos;
    this.colon = false;
    for (; i < length; i++) {
      const c = text.charCodeAt(i);
      if (c === COLON) {
        const next = text.charCodeAt(i + 1);
        if (next === SPACE || lineBreak(next) || i + 1 >= length) {
          this.colon = true;
          break;
        }
        if (inFlow && flowIndicator(text.charCodeAt(i + 1))) giveUp();
      } else if (c === SPACE) {
        if (text.charCodeAt(i + 1) === HASH) break;
      } else if (lineBreak(c) || (inFlow && flowIndicator(c))) {
        break;
      } else if (unusual(c)) {
        giveUp();
      }
    }
    this.stop = i;
    while (i > this.pos && text.charCodeAt(i - 1) === SPACE) i--;
    return i;
  }

  /** A plain scalar at `pos`, possibly over several lines more indented than `indent`; `pos` ends just after it. */
  private plain(inFlow: boolean, indent: number): unknown {
    const text = this.text;
    const start = this.pos;
    if (!this.plainStart(inFlow)) giveUp();
    let end = this.plainLine(inFlow);
    if (this.colon || end === start) giveUp();
    this.nodes++;
    // Continuation lines: folded as YAML folds them (one break = a space, each blank line = a newline).
    let value = text.slice(start, end);
    let multiLine = false;
    while (lineBreak(text.charCodeAt(this.stop))) {
      let i = this.stop;
      let breaks = 0;
      let lineStart = i;
      let c = text.charCodeAt(i);
      while (lineBreak(c)) {
        i = this.pastBreak(i);
        breaks++;
        lineStart = i;
        while (i < text.length && text.charCodeAt(i) === SPACE) i++;
        c = i < text.length ? text.charCodeAt(i) : -1; // never read past the end (see scanLines)
      }
      if (i >= text.length || i - lineStart <= indent || c === HASH || (inFlow && flowIndicator(c))) break;
      if (i === lineStart && this.atMarker(i)) break;
      if (!inFlow && (c === DASH || c === 0x3f || c === COLON) && (text.charCodeAt(i + 1) === SPACE || lineBreak(text.charCodeAt(i + 1)))) giveUp();
      this.pos = i;
      end = this.plainLine(inFlow);
      if (this.colon) giveUp();
      value += breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
      value += text.slice(i, end);
      multiLine = true;
    }
    // A comment after a multi-line scalar: left to eemeli/yaml.
    if (multiLine && !inFlow && this.stop < text.length && !lineBreak(text.charCodeAt(this.stop))) giveUp();
    this.pos = end;
    return multiLine ? value : resolvePlain(value);
  }

  /**
   * A quoted scalar at `pos`, possibly over several lines more indented than
   * `indent` (-1: any; -2: a key, one line only); `pos` ends just after it.
   */
  private quoted(quote: number, indent: number): string {
    const text = this.text;
    let i = this.pos + 1;
    let value = '';
    let from = i;
    for (;;) {
      const c = text.charCodeAt(i);
      if (i >= text.length || unusual(c)) giveUp();
      if (c === quote) {
        if (quote === SINGLE_QUOTE && text.charCodeAt(i + 1) === SINGLE_QUOTE) {
          value += text.slice(from, i + 1);
          i += 2;
          from = i;
          continue;
        }
        break;
      }
      if (c === BACKSLASH && quote === DOUBLE_QUOTE) {
        value += text.slice(from, i);
        const e = text[i + 1] ?? '';
        const simple = ESCAPES[e];
        if (simple !== undefined) {
          value += simple;
          i += 2;
        } else if (HEX_LENGTH[e] !== undefined) {
          const n = HEX_LENGTH[e];
          const hex = text.slice(i + 2, i + 2 + n);
          if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== n) giveUp();
          const code = parseInt(hex, 16);
          if (code > 0x10ffff) giveUp();
          value += String.fromCodePoint(code);
          i += 2 + n;
        } else if (e === '\n' || e === '\r') {
          if (indent === -2) giveUp();
          // An escaped line break: joined without a space; leading spaces of the next line dropped.
          i = this.continuation(this.pastBreak(i + 1), indent, false);
          if (lineBreak(text.charCodeAt(i))) giveUp();
        } else {
          giveUp();
        }
        from = i;
        continue;
      }
      if (lineBreak(c)) {
        if (indent === -2) giveUp();
        // Trailing spaces of the line go; the break folds to a space, blank lines to newlines.
        let end = i;
        while (end > from && text.charCodeAt(end - 1) === SPACE) end--;
        value += text.slice(from, end);
        let breaks = 0;
        do {
          i = this.continuation(this.pastBreak(i), indent, false);
          breaks++;
        } while (lineBreak(text.charCodeAt(i)));
        value += breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
        from = i;
        continue;
      }
      i++;
    }
    value += text.slice(from, i);
    this.pos = i + 1;
    return value;
  }

  /** A literal (`|`) or folded (`>`) block scalar whose header is at `pos`, content more indented than `indent`. */
  private blockScalar(indent: number): string {
    const text = this.text;
    const folded = text.charCodeAt(this.pos) === GREATER;
    let i = this.pos + 1;
    const strip = text.charCodeAt(i) === DASH;
    if (strip) i++;
    // `+` (keep) and indentation indicators are left to eemeli/yaml.
    if (!this.blank(i)) giveUp();
    this.pos = i;
    this.restOfLine(false);
    this.nodes++;
    let value = '';
    let contentIndent = -1;
    let blanks = 0;
    let p = this.pos;
    while (p < text.length) {
      const lineStart = p;
      while (text.charCodeAt(p) === SPACE) p++;
      const width = p - lineStart;
      const least = contentIndent === -1 ? indent + 1 : contentIndent;
      if (p >= text.length || lineBreak(text.charCodeAt(p))) {
        // Spaces past the content indent are content, and a leading blank line may not set it: left to eemeli/yaml.
        if (width > least) giveUp();
        if (p >= text.length) {
          p = lineStart;
          break;
        }
        blanks++;
      } else if (width < least) {
        p = lineStart;
        break;
      } else {
        const first = contentIndent === -1;
        if (first) contentIndent = width;
        else if (width > contentIndent && folded) giveUp(); // more-indented folded lines keep their breaks: left to eemeli/yaml
        const end = this.lineEnd(p);
        // The breaks before the line: folding makes a single one a space.
        value += first ? '\n'.repeat(blanks) : folded && blanks === 0 ? ' ' : '\n'.repeat(folded ? blanks : blanks + 1);
        value += text.slice(lineStart + contentIndent, end);
        blanks = 0;
        p = end;
      }
      if (p < text.length) p = this.pastBreak(p);
    }
    if (contentIndent === -1) giveUp(); // an empty block scalar
    if (!strip) value += '\n'; // clip: one final break, even at the end of the text (as eemeli/yaml reads it)
    this.pos = p;
    this.indent = this.scanLines();
    return value;
  }
}
