import { isAscii } from 'node:buffer';
import { anything, dictionary, object, problemAt, text } from './json-shape.js';
import { decodeOutcome, encodeOutcome, outcomeProblem, type FileOutcome, type OutcomeJson } from './outcome.js';

/** Per-file outcomes of an earlier run, valid only under the same settings. */
export interface OutcomeCache {
  /** `stamp`: the file's stamp now, kept with a hit (null: not to be kept). */
  get(file: string, hash: string, stamp?: FileStamp | null): FileOutcome | undefined;
  set(file: string, hash: string, outcome: FileOutcome, stamp?: FileStamp | null): void;
}

/**
 * A file's metadata when its bytes were hashed: size, mtime and ctime (ms), inode. Any write
 * changes the ctime, which no one can set back; so does a copy or a checkout.
 */
export type FileStamp = readonly [size: number, mtimeMs: number, ctimeMs: number, ino: number];

/**
 * One file's outcome, valid while the file's bytes hash to `content`. `stamp`, kept only for
 * files without an organization document, lets a later run take `content` without reading them.
 */
interface StoredEntry {
  content: string;
  outcome: OutcomeJson;
  stamp?: FileStamp;
}

/**
 * The cache file's shape: one settings key (entries are dropped whole when it differs) and
 * a seal over the settings and the entries' exact text, so entries edited, or copied from
 * another cache, are dropped, never trusted. Its text is `head(settings, seal)`, the entries, `}`.
 */
interface StoredCache {
  zhibuCache: 3;
  settings: string;
  seal: string;
  entries: Record<string, StoredEntry>;
}

const storedCache = object({ seal: text, entries: dictionary(anything) });
const storedEntry = object({ content: text, outcome: anything });

/** A SHA-256 hasher; node:crypto loads with the first (a check without --cache hashes nothing). */
const sha256 = () => process.getBuiltinModule('node:crypto').createHash('sha256');

export function contentHash(bytes: Uint8Array): string {
  return sha256().update(bytes).digest('hex');
}

/** A hash of everything besides a file's own bytes that can change its outcome. */
export function settingsKey(parts: unknown): string {
  return sha256().update(JSON.stringify(parts, (_k, v) => (v instanceof Map ? [...v].sort() : v instanceof Set ? [...v].sort() : v instanceof Uint8Array ? contentHash(v) : v))).digest('hex');
}

/** The seal of a cache's entries, from their text or, faster, their bytes (hashing a 4 MB string took 19 ms, its bytes 3). */
function sealOf(settings: string, entries: string | Uint8Array): string {
  return sha256().update(`${settings}\0`).update(entries).digest('hex');
}

/** The start of a cache file's text, up to its entries. */
function head(settings: string, seal: string): string {
  return `{"zhibuCache":3,"settings":${JSON.stringify(settings)},"seal":${JSON.stringify(seal)},"entries":`;
}

/**
 * JSON with every character past ASCII escaped (`\u4e2d`): a cache file of names and titles
 * then reads back as Latin-1, which costs nothing, where decoding its UTF-8 took about 80 ms a
 * 4 MB file (measured).
 */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A cache entry or file that was not trusted: which one, and the first thing wrong with it. */
export interface DroppedEntry {
  entry: string;
  problem: string;
}

/**
 * A cache file's text, parsed and held to its seal before this run's settings are known
 * (they depend on the organization files): the stamps of its entries say which files need
 * not be read at all.
 */
export class CacheFile {
  readonly entries: Record<string, StoredEntry> = {};
  /** The settings its entries are for (null: no cache of this version). */
  readonly settings: string | null = null;
  /** Why the file as a whole is not trusted. */
  readonly problem: DroppedEntry | null = null;

  /** `from`: the cache file's bytes, or its text. */
  constructor(from: Buffer | string | null) {
    if (!from) return;
    // ASCII, as zhibu writes it: read as Latin-1, and its entries sealed from their bytes.
    const ascii = typeof from !== 'string' && isAscii(from) ? from : null;
    const text = typeof from === 'string' ? from : (ascii?.toString('latin1') ?? from.toString('utf8'));
    let stored: Partial<StoredCache>;
    try {
      stored = JSON.parse(text) as Partial<StoredCache>;
    } catch (error) {
      this.problem = { entry: '(file)', problem: (error as Error).message };
      return;
    }
    if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
      this.problem = { entry: '(file)', problem: '(root): expected an object' };
      return;
    }
    // Another version: an outdated cache, rebuilt without a word.
    if (stored.zhibuCache !== 3 || typeof stored.settings !== 'string') return;
    this.settings = stored.settings;
    let problem = problemAt('', storedCache(stored));
    const start = problem ? '' : head(stored.settings, stored.seal as string);
    if (!problem && !(text.startsWith(start) && text.endsWith('}') && sealOf(stored.settings, ascii ? ascii.subarray(start.length, -1) : text.slice(start.length, -1)) === stored.seal)) problem = 'seal: does not match the entries';
    if (problem) this.problem = { entry: '(file)', problem };
    else this.entries = stored.entries as Record<string, StoredEntry>;
  }

  /** The content hash stored for a file whose stamp is still `stamp`: its bytes need not be read. */
  hashOf(file: string, stamp: FileStamp): string | undefined {
    const entry: unknown = Object.hasOwn(this.entries, file) ? this.entries[file] : undefined;
    if (entry === null || typeof entry !== 'object') return undefined;
    const { content, stamp: stored } = entry as Partial<StoredEntry>;
    return typeof content === 'string' && sameStamp(stored, stamp) ? content : undefined;
  }
}

function sameStamp(stored: unknown, stamp: FileStamp): boolean {
  return Array.isArray(stored) && stored.length === stamp.length && stamp.every((x, i) => stored[i] === x);
}

/** An in-memory cache loaded from (and serialised back to) the text of a cache file. */
export class FileCache implements OutcomeCache {
  private entries: Record<string, StoredEntry> = {};
  /** The cache file held entries under these settings. */
  private loaded = false;
  private changed = false;
  hits = 0;
  misses = 0;
  /** Entries (or the whole file) found invalid: they are rebuilt, and the run says so once. */
  readonly dropped: DroppedEntry[] = [];

  /** `from`: the cache file, or its text. */
  constructor(
    private readonly settings: string,
    from: CacheFile | string | null,
  ) {
    const file = from instanceof CacheFile ? from : new CacheFile(from);
    // Other settings: an outdated cache, rebuilt without a word.
    if (file.settings !== null && file.settings !== settings) return;
    if (file.problem) this.dropped.push(file.problem);
    else if (file.settings !== null) {
      this.entries = file.entries;
      this.loaded = true;
    }
  }

  get(file: string, hash: string, stamp: FileStamp | null = null): FileOutcome | undefined {
    const entry: unknown = Object.hasOwn(this.entries, file) ? this.entries[file] : undefined;
    const outcome = entry === undefined ? undefined : this.open(file, hash, entry);
    if (outcome) this.hits++;
    else this.misses++;
    // The same bytes under a new stamp (touched, copied back): the next run need not read them.
    if (outcome && stamp && !sameStamp((entry as StoredEntry).stamp, stamp)) {
      (entry as StoredEntry).stamp = stamp;
      this.changed = true;
    }
    return outcome;
  }

  /** A stored entry's outcome when it is for this content and sound; an unsound entry is dropped. */
  private open(file: string, hash: string, entry: unknown): FileOutcome | undefined {
    let problem = problemAt('entry', storedEntry(entry));
    if (!problem) {
      const { content, outcome } = entry as StoredEntry;
      // A changed file: an ordinary miss.
      if (content !== hash) return undefined;
      problem = outcomeProblem(outcome, file);
      if (!problem) return decodeOutcome(outcome);
    }
    this.dropped.push({ entry: file, problem });
    delete this.entries[file];
    this.changed = true;
    return undefined;
  }

  set(file: string, hash: string, outcome: FileOutcome, stamp: FileStamp | null = null): void {
    this.entries[file] = { content: hash, outcome: encodeOutcome(outcome), ...(stamp ? { stamp } : {}) };
    this.changed = true;
  }

  /** Whether the cache file already holds what `serialise(files)` would write (a warm run need not rewrite it). */
  unchanged(files: readonly string[]): boolean {
    return this.loaded && !this.changed && Object.keys(this.entries).length === new Set(files).size && files.every((file) => Object.hasOwn(this.entries, file));
  }

  /** The cache file text: only the files of this run are kept. */
  serialise(files: readonly string[]): string {
    const kept: Record<string, StoredEntry> = {};
    for (const file of files) if (Object.hasOwn(this.entries, file)) kept[file] = this.entries[file] as StoredEntry;
    const entries = asciiJson(kept);
    return `${head(this.settings, sealOf(this.settings, Buffer.from(entries, 'latin1')))}${entries}}`;
  }
}
