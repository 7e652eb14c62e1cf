import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type Ignore from 'ignore';
import type * as Tinyglobby from 'tinyglobby';

// Loaded only when a run has a .zhibuignore or a glob: most runs start without them.
const require = createRequire(import.meta.url);
const tinyglobby = () => require('tinyglobby') as typeof Tinyglobby;
const ignore = () => require('ignore') as typeof Ignore;

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

/** Where the collected files come from besides the file system: standard input, and what to leave out. */
export interface CollectOptions {
  /** The name a record read from standard input (`-`) goes by. */
  stdinName?: string;
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
 * explicitly is taken whatever its extension; `-` is standard input. Missing paths
 * are returned apart.
 */
export function collectFiles(paths: readonly string[], cwd: string, options: CollectOptions = {}): { files: string[]; missing: { path: string; reason: string }[] } {
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
      else if (entry.isFile() && RECORD_FILE.test(entry.name)) found.push(display);
      else if (entry.isSymbolicLink() && RECORD_FILE.test(entry.name)) found.push(display);
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

/** Reads a file relative to cwd. */
export function readRelative(cwd: string, file: string): Uint8Array {
  return readFileSync(path.resolve(cwd, file));
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
