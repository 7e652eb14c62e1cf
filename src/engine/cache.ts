import { createHash } from 'node:crypto';
import { decodeOutcome, encodeOutcome, type FileOutcome, type OutcomeJson } from './outcome.js';

/** Per-file outcomes of an earlier run, valid only under the same settings. */
export interface OutcomeCache {
  get(file: string, hash: string): FileOutcome | undefined;
  set(file: string, hash: string, outcome: FileOutcome): void;
}

interface StoredEntry {
  hash: string;
  outcome: OutcomeJson;
}

/** The cache file's shape: one settings key; entries are dropped whole when it differs. */
interface StoredCache {
  zhibuCache: 2;
  settings: string;
  entries: Record<string, StoredEntry>;
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A hash of everything besides a file's own bytes that can change its outcome. */
export function settingsKey(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts, (_k, v) => (v instanceof Map ? [...v].sort() : v instanceof Set ? [...v].sort() : v instanceof Uint8Array ? contentHash(v) : v))).digest('hex');
}

/** An in-memory cache loaded from (and serialised back to) the text of a cache file. */
export class FileCache implements OutcomeCache {
  private entries: Record<string, StoredEntry> = {};
  /** The cache file held entries under these settings. */
  private loaded = false;
  private changed = false;
  hits = 0;
  misses = 0;

  constructor(
    private readonly settings: string,
    text: string | null,
  ) {
    if (!text) return;
    try {
      const stored = JSON.parse(text) as StoredCache;
      if (stored.zhibuCache === 2 && stored.settings === settings && stored.entries && typeof stored.entries === 'object') {
        this.entries = stored.entries;
        this.loaded = true;
      }
    } catch {
      // A corrupt cache is an empty one.
    }
  }

  get(file: string, hash: string): FileOutcome | undefined {
    const entry = this.entries[file];
    if (entry && entry.hash === hash) {
      this.hits++;
      return decodeOutcome(entry.outcome);
    }
    this.misses++;
    return undefined;
  }

  set(file: string, hash: string, outcome: FileOutcome): void {
    this.entries[file] = { hash, outcome: encodeOutcome(outcome) };
    this.changed = true;
  }

  /** Whether the cache file already holds what `serialise(files)` would write (a warm run need not rewrite it). */
  unchanged(files: readonly string[]): boolean {
    return this.loaded && !this.changed && Object.keys(this.entries).length === new Set(files).size && files.every((file) => Object.hasOwn(this.entries, file));
  }

  /** The cache file text: only the files of this run are kept. */
  serialise(files: readonly string[]): string {
    const kept: Record<string, StoredEntry> = {};
    for (const file of files) if (this.entries[file]) kept[file] = this.entries[file] as StoredEntry;
    return JSON.stringify({ zhibuCache: 2, settings: this.settings, entries: kept } satisfies StoredCache);
  }
}
