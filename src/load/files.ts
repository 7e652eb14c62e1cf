import { closeSync, constants, existsSync, fstatSync, openSync, readdirSync, readFileSync, readSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type Ignore from 'ignore';
import type * as Tinyglobby from 'tinyglobby';

// Loaded only when a run has a .zhibuignore or a glob: most runs start without them.
const require = createRequire(import.meta.url);
const tinyglobby = () => require('tinyglobby') as typeof Tinyglobby;
const ignore = () => require('ignore') as typeof Ignore;

/** Record files larger than this are refused: a branch-year is about 25 KB. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;
/** JSON inputs (baselines, shard reports, lists, the cache) larger than this are refused: past it, no JSON text fits in one string. */
export const MAX_JSON_BYTES = 512 * 1024 * 1024 - 1024;

/** A path refused before or while reading: not a regular file, or larger than the limit. */
export class ReadRefused extends Error {
  constructor(
    readonly id: 'file.not-regular' | 'file.too-large',
    readonly args: Record<string, unknown>,
  ) {
    super(id === 'file.not-regular' ? `不是普通文件（${String(args.kind)}） (not a regular file: ${String(args.kind)})` : `文件过大（超过 ${Math.round(Number(args.limit) / 1048576)} MB） (file larger than ${Math.round(Number(args.limit) / 1048576)} MB)`);
  }
}

function fileKind(stat: Stats): string {
  return stat.isDirectory() ? 'directory' : stat.isFIFO() ? 'FIFO' : stat.isSocket() ? 'socket' : stat.isCharacterDevice() || stat.isBlockDevice() ? 'device' : 'other';
}

/**
 * Reads a regular file of at most `limit` bytes. A FIFO, device or folder (also behind a
 * symlink) is refused without waiting on it, and no more than `limit` + 1 bytes are read.
 */
export function readBounded(file: string, limit: number): Buffer {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new ReadRefused('file.not-regular', { kind: fileKind(stat) });
    if (stat.size > limit) throw new ReadRefused('file.too-large', { size: stat.size, limit });
    // One byte more than the size: a file that grows meanwhile is read on, up to limit + 1.
    let buffer = Buffer.allocUnsafe(stat.size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > limit) throw new ReadRefused('file.too-large', { size: length, limit });
        const grown = Buffer.allocUnsafe(Math.min(limit + 1, buffer.length * 2));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

// fileURLToPath, not URL.pathname: an install path with a space or Chinese characters is percent-encoded in the URL.
const packageRoot = fileURLToPath(new URL('../..', import.meta.url));
/** The folder of built-in rules, beside dist/ and src/. */
export const builtinRulesDir = path.join(packageRoot, 'rules');

/** A built-in rule's example records (the fixtures its tests use, shipped in the package): one that passes, one that fails. */
export function ruleExamples(id: string): { pass: string; fail: string } | null {
  try {
    const dir = path.join(packageRoot, 'fixtures', 'rules', id);
    return { pass: readFileSync(path.join(dir, 'passes.yaml'), 'utf8'), fail: readFileSync(path.join(dir, 'fires.yaml'), 'utf8') };
  } catch {
    return null;
  }
}

const RECORD_FILE = /\.ya?ml$/i;
const CONFIG_FILES = ['zhibu.config.yaml', 'zhibu.config.yml'];

/** Display form of a path: as given, with `/` separators. */
export function displayPath(p: string): string {
  return p.split(path.sep).join('/');
}

/** The `.zhibuignore` of the working directory (gitignore syntax), if any: paths are relative to it, with `/`. */
function ignoreFile(cwd: string): ((file: string) => boolean) | null {
  let text: string;
  try {
    text = readFileSync(path.join(cwd, '.zhibuignore'), 'utf8');
  } catch {
    return null;
  }
  const rules = ignore()().add(text);
  return (file) => {
    const relative = displayPath(path.relative(cwd, path.resolve(cwd, file)));
    return relative !== '' && !relative.startsWith('../') && !path.isAbsolute(relative) && rules.ignores(relative);
  };
}

/**
 * Expands command-line paths into record files: directories are walked (skipping
 * node_modules, .git and dot-folders) for *.yaml/*.yml; a quoted glob is expanded
 * (tinyglobby); what `.zhibuignore` lists is left out of both; a file named
 * explicitly is taken whatever its extension; `-` is standard input, named `stdinName`.
 * Missing paths are returned apart.
 */
export function collectFiles(paths: readonly string[], cwd: string, options: { stdinName?: string } = {}): { files: string[]; missing: { path: string; reason: string }[] } {
  const files: string[] = [];
  const found: string[] = [];
  const missing: { path: string; reason: string }[] = [];
  const walk = (dir: string, shown: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      missing.push({ path: shown, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
      return;
    }
    for (const entry of entries) {
      // The configuration file may sit beside the records (zhibu init puts it there); it is no record.
      if (entry.name.startsWith('.') || entry.name === 'node_modules' || CONFIG_FILES.includes(entry.name)) continue;
      const full = path.join(dir, entry.name);
      const display = shown === '.' ? entry.name : `${shown.replace(/\/+$/, '')}/${entry.name}`;
      if (entry.isDirectory()) walk(full, display);
      // Anything else named *.yaml (a symlink, a FIFO, a device) is listed so reading it says what it is.
      else if (RECORD_FILE.test(entry.name)) found.push(display);
    }
  };
  for (const given of paths) {
    if (given === '-') {
      files.push(options.stdinName ?? '<stdin>');
      continue;
    }
    const full = path.resolve(cwd, given);
    let stat;
    try {
      stat = statSync(full);
    } catch (error) {
      if (/[*?[\]{}()!]/.test(given) && tinyglobby().isDynamicPattern(given)) {
        const matches = tinyglobby().globSync(displayPath(given), { cwd, onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**'], expandDirectories: false });
        if (matches.length > 0) {
          found.push(...matches.map(displayPath));
          continue;
        }
      }
      missing.push({ path: displayPath(given), reason: (error as NodeJS.ErrnoException).code ?? String(error) });
      continue;
    }
    if (stat.isDirectory()) walk(full, displayPath(given));
    else files.push(displayPath(given));
  }
  const ignored = ignoreFile(cwd);
  files.push(...(ignored ? found.filter((file) => !ignored(file)) : found));
  return { files: [...new Set(files)].sort(), missing };
}

/** Reads a record file relative to cwd (a regular file of at most MAX_FILE_BYTES, see readBounded). */
export function readRelative(cwd: string, file: string): Uint8Array {
  return readBounded(path.resolve(cwd, file), MAX_FILE_BYTES);
}

/** Rule files (*.yaml) of a directory, sorted. */
export function ruleFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => RECORD_FILE.test(name))
    .sort()
    .map((name) => path.join(dir, name));
}

const isFile = (file: string) => {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

/**
 * The nearest zhibu.config.yaml at or above a folder, looking no higher than the
 * repository root (a folder with `.git`) or the home folder, so a stray file in
 * `/tmp` or `/` never configures a check.
 */
export function findConfig(start: string, home: string | undefined): string | null {
  const stopAt = home ? path.resolve(home) : null;
  let dir = path.resolve(start);
  for (;;) {
    for (const name of CONFIG_FILES) {
      const candidate = path.join(dir, name);
      if (isFile(candidate)) return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir || dir === stopAt || existsSync(path.join(dir, '.git'))) return null;
    dir = parent;
  }
}
