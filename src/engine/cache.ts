import { createHash } from 'node:crypto';
import { anything, dictionary, object, problemAt, text } from './json-shape.js';
import { decodeOutcome, encodeOutcome, outcomeProblem, type FileOutcome, type OutcomeJson } from './outcome.js';

/** Per-file outcomes of an earlier run, valid only under the same settings. */
export interface OutcomeCache {
  get(file: string, hash: string): FileOutcome | undefined;
  set(file: string, hash: string, outcome: FileOutcome): void;
}

/** One file's outcome, valid while the file's bytes hash to `content`. */
interface StoredEntry {
  content: string;
  outcome: OutcomeJson;
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

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A hash of everything besides a file's own bytes that can change its outcome. */
export function settingsKey(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts, (_k, v) => (v instanceof Map ? [...v].sort() : v instanceof Set ? [...v].sort() : v instanceof Uint8Array ? contentHash(v) : v))).digest('hex');
}

function sealOf(settings: string, entries: string): string {
  return createHash('sha256').update(`${settings}\0`).update(entries).digest('hex');
}

/** The start of a cache file's text, up to its entries. */
function head(settings: string, seal: string): string {
  return `{"zhibuCache":3,"settings":${JSON.stringify(settings)},"seal":${JSON.stringify(seal)},"entries":`;
}

/** A cache entry or file that was not trusted: which one, and the first thing wrong with it. */
export interface DroppedEntry {
  entry: string;
  problem: string;
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

  constructor(
    private readonly settings: string,
    text: string | null,
  ) {
    if (!text) return;
    let stored: Partial<StoredCache>;
    try {
      stored = JSON.parse(text) as Partial<StoredCache>;
    } catch (error) {
      this.dropped.push({ entry: '(file)', problem: (error as Error).message });
      return;
    }
    if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
      this.dropped.push({ entry: '(file)', problem: '(root): expected an object' });
      return;
    }
    // Another version or other settings: an outdated cache, rebuilt without a word.
    if (stored.zhibuCache !== 3 || stored.settings !== settings) return;
    let problem = problemAt('', storedCache(stored));
    const start = problem ? '' : head(settings, stored.seal as string);
    if (!problem && !(text.startsWith(start) && text.endsWith('}') && sealOf(settings, text.slice(start.length, -1)) === stored.seal)) problem = 'seal: does not match the entries';
    if (problem) {
      this.dropped.push({ entry: '(file)', problem });
      return;
    }
    this.entries = stored.entries as Record<string, StoredEntry>;
    this.loaded = true;
  }

  get(file: string, hash: string): FileOutcome | undefined {
    const entry: unknown = Object.hasOwn(this.entries, file) ? this.entries[file] : undefined;
    const outcome = entry === undefined ? undefined : this.open(file, hash, entry);
    if (outcome) this.hits++;
    else this.misses++;
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

  set(file: string, hash: string, outcome: FileOutcome): void {
    this.entries[file] = { content: hash, outcome: encodeOutcome(outcome) };
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
    const entries = JSON.stringify(kept);
    return `${head(this.settings, sealOf(this.settings, entries))}${entries}}`;
  }
}
