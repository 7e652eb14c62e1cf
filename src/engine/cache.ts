import { createHash } from 'node:crypto';
import type { FileOutcome } from './run.js';

/** Per-file outcomes of an earlier run, valid only under the same settings. */
export interface OutcomeCache {
  get(file: string, hash: string): FileOutcome | undefined;
  set(file: string, hash: string, outcome: FileOutcome): void;
}

interface StoredEntry {
  hash: string;
  outcome: FileOutcome;
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

// Maps do not survive JSON (the digest's participation map is the only one); every finding
// and the branch info name the outcome's own file, so the file path is stored once.
function encode(outcome: FileOutcome): unknown {
  return {
    ...outcome,
    branches: outcome.branches.map((b) => ({
      ...b,
      findings: b.findings.map(({ file: _file, ...rest }) => rest),
      info: { ...b.info, file: undefined },
      digest: { ...b.digest, participation: [...b.digest.participation] },
    })),
  };
}
function decode(stored: FileOutcome): FileOutcome {
  const file = stored.file;
  return {
    ...stored,
    branches: stored.branches.map((b) => ({
      ...b,
      // In their usual key order, so a cached outcome is indistinguishable from a fresh one.
      findings: b.findings.map(({ rule, severity, status, branch, period, subject, messageId, args, line, column, path }) => ({ rule, severity, status, branch, period, subject, messageId, args, file, line, column, path })),
      info: { id: b.info.id, name: b.info.name, secretary: b.info.secretary, file, line: b.info.line, column: b.info.column, rectifications: b.info.rectifications },
      digest: { ...b.digest, participation: new Map(b.digest.participation as unknown as [string, never][]) },
    })),
  };
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
      return decode(entry.outcome);
    }
    this.misses++;
    return undefined;
  }

  set(file: string, hash: string, outcome: FileOutcome): void {
    this.entries[file] = { hash, outcome: encode(outcome) as FileOutcome };
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
