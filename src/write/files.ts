import { closeSync, fchmodSync, fsyncSync, linkSync, mkdirSync, openSync, readSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import { render, type Lang, type MessageId } from '../i18n/index.js';
import { UsageError } from '../io.js';
import { writtenByZhibu } from './marks.js';

const HEAD = 64 * 1024;
const TAIL = 4 * 1024;
/** A workbook larger than this is not read to find out who wrote it (and so not written over). */
const WORKBOOK_LIMIT = 64 * 1024 * 1024;

/** The start and end of a file (all of it for a ZIP archive up to WORKBOOK_LIMIT): enough to see who wrote it. */
function sample(file: string, size: number): { head: Uint8Array; tail: Uint8Array } {
  const fd = openSync(file, 'r');
  try {
    const read = (length: number, position: number) => {
      const buffer = Buffer.alloc(length);
      return buffer.subarray(0, readSync(fd, buffer, 0, length, position));
    };
    const start = read(Math.min(size, HEAD), 0);
    const zip = start[0] === 0x50 && start[1] === 0x4b;
    const head = zip && size <= WORKBOOK_LIMIT ? read(size, 0) : start;
    return { head, tail: read(Math.min(size, TAIL), Math.max(0, size - TAIL)) };
  } finally {
    closeSync(fd);
  }
}

const identity = (stats: Stats) => `${stats.dev}:${stats.ino}`;

/**
 * The files one command writes. Every output path goes through `claim` before anything is
 * written: it is refused (a UsageError naming it and what to do) when it is a folder, a file
 * this run reads (a record, the configuration, a previous list, a shard report), an existing
 * file zhibu did not write (see `writtenByZhibu`), or a path another output of the run took.
 * `write` then replaces the file atomically.
 */
export class Outputs {
  private readonly inputs: string[] = [];
  private inputIds: Set<string> | null = null;
  /** Real path → the option that claimed it. */
  private readonly claimed = new Map<string, string>();
  /** Absolute path as given → real path, for every claimed output. */
  private readonly targets = new Map<string, string>();

  constructor(
    private readonly cwd: string,
    private readonly lang: Lang,
    inputs: Iterable<string> = [],
  ) {
    this.protect(inputs);
  }

  /** Files this run reads (relative to cwd or absolute): never written over. */
  protect(files: Iterable<string>): void {
    for (const file of files) this.inputs.push(path.resolve(this.cwd, file));
    this.inputIds = null;
  }

  private isInput(absolute: string, stats: Stats): boolean {
    if (this.inputs.includes(absolute)) return true;
    // The same file by another name: a link, or a case-insensitive file system.
    if (!this.inputIds) {
      this.inputIds = new Set();
      for (const input of this.inputs) {
        try {
          this.inputIds.add(identity(statSync(input)));
        } catch {
          // gone or unreadable: nothing to protect
        }
      }
    }
    return this.inputIds.has(identity(stats));
  }

  /**
   * Checks that `file` (as the user wrote it) may be written by `option`; returns its absolute path.
   * `owns`: the file is an input this very output rewrites by design (a pruned baseline, the cache).
   */
  claim(file: string, option: string, options: { owns?: boolean; example?: string } = {}): string {
    const t = (id: MessageId, args: Record<string, unknown>) => render(this.lang, id, { file, ...args });
    const absolute = path.resolve(this.cwd, file);
    let stats: Stats | null = null;
    try {
      stats = statSync(absolute);
    } catch {
      // not there yet (or not reachable: writing will say why)
    }
    const real = stats ? realpathSync(absolute) : absolute;
    const first = this.claimed.get(real);
    if (first !== undefined) throw new UsageError(t('output.twice', { first, second: option, file }));
    if (stats) {
      if (stats.isDirectory()) throw new UsageError(t('output.directory', { example: options.example ?? 'report.json' }));
      if (stats.isFile()) {
        if (!options.owns && this.isInput(real, stats)) throw new UsageError(t('output.input', {}));
        const { head, tail } = sample(real, stats.size);
        if (!writtenByZhibu(head, tail)) throw new UsageError(t('output.foreign', {}));
      }
    }
    this.claimed.set(real, option);
    this.targets.set(absolute, real);
    return real;
  }

  /** Writes one output (claiming it first if it was not): whole or not at all, its folder made if needed. */
  write(file: string, option: string, content: Content, options: { owns?: boolean } = {}): void {
    const real = this.targets.get(path.resolve(this.cwd, file)) ?? this.claim(file, option, options);
    try {
      writeAtomic(real, content);
    } catch (error) {
      const { code, message } = error as NodeJS.ErrnoException;
      throw new UsageError(render(this.lang, 'output.failed', { file, code, detail: message }));
    }
  }
}

/**
 * Replaces a file whole or not at all: the content goes to a temporary file in the same folder
 * (flushed to disk), which is then renamed over the target. An interrupted run leaves the old
 * file as it was. Folders are made as needed; a device or pipe (`/dev/stdout`) is written directly.
 */
/** What an output holds: text, bytes, or text in pieces (a report too long for one string). */
export type Content = string | Uint8Array | Iterable<string>;

function writeContent(fd: number, content: Content): void {
  if (typeof content === 'string' || content instanceof Uint8Array) writeFileSync(fd, content);
  else for (const chunk of content) writeFileSync(fd, chunk);
}

/** A fresh name beside `file` for its temporary copy (node:crypto loads here, not with every run: a check to the terminal writes no file). */
function tempName(file: string): string {
  return path.join(path.dirname(file), `.zhibu-${process.pid}-${process.getBuiltinModule('node:crypto').randomBytes(6).toString('hex')}.tmp`);
}

export function writeAtomic(file: string, content: Content): void {
  let existing: Stats | null = null;
  try {
    existing = statSync(file);
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
  }
  if (existing && !existing.isFile()) {
    const fd = openSync(file, 'w');
    try {
      writeContent(fd, content);
    } finally {
      closeSync(fd);
    }
    return;
  }
  const temp = tempName(file);
  try {
    const fd = openSync(temp, 'wx');
    try {
      writeContent(fd, content);
      if (existing) fchmodSync(fd, existing.mode & 0o7777);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Creates a file whole, only when it does not exist: written and flushed under a temporary name,
 * then hard-linked into place (a link never replaces a file, even in a race). False when it exists.
 */
export function writeNew(file: string, content: string | Uint8Array): boolean {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = tempName(file);
  writeAtomic(temp, content);
  try {
    linkSync(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(temp, { force: true });
  }
}
