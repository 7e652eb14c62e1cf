import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
function displayPath(p: string): string {
  return p.split(path.sep).join('/');
}

/**
 * Expands command-line paths into record files: directories are walked (skipping
 * node_modules, .git and dot-folders) for *.yaml/*.yml; a file named explicitly is
 * taken whatever its extension. Missing paths are returned apart.
 */
export function collectFiles(paths: readonly string[], cwd: string): { files: string[]; missing: { path: string; reason: string }[] } {
  const files: string[] = [];
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
      else if (entry.isFile() && RECORD_FILE.test(entry.name)) files.push(display);
      else if (entry.isSymbolicLink() && RECORD_FILE.test(entry.name)) files.push(display);
    }
  };
  for (const given of paths) {
    const full = path.resolve(cwd, given);
    let stat;
    try {
      stat = statSync(full);
    } catch (error) {
      missing.push({ path: displayPath(given), reason: (error as NodeJS.ErrnoException).code ?? String(error) });
      continue;
    }
    if (stat.isDirectory()) walk(full, displayPath(given));
    else files.push(displayPath(given));
  }
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

/** The nearest zhibu.config.yaml at or above a directory, if any. */
export function findConfig(start: string): string | null {
  let dir = path.resolve(start);
  for (;;) {
    for (const name of CONFIG_FILES) {
      const candidate = path.join(dir, name);
      try {
        if (statSync(candidate).isFile()) return candidate;
      } catch {
        // not here; look further up
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
