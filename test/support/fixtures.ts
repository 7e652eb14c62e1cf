import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRecordFile, type LoadedFile } from '../../src/load/records.js';
import { positionOf, type Branch } from '../../src/model/types.js';

/** The repository root: tests name fixtures relative to it, as the CLI shows them. */
export const root = fileURLToPath(new URL('../..', import.meta.url));

/** The *.yaml files of a fixture folder, as `fixtures/<dir>/<name>`, sorted. */
export function fixtureFiles(dir: 'invalid' | 'valid'): string[] {
  return readdirSync(path.join(root, 'fixtures', dir))
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => `fixtures/${dir}/${name}`);
}

/** The bytes of a file given relative to the repository root. */
export function readBytes(file: string): Uint8Array {
  return readFileSync(path.join(root, file));
}

/** Loads a fixture the way the engine does. */
export function loadFixture(file: string): LoadedFile {
  return loadRecordFile(file, readBytes(file));
}

/** `line:column` of a located record of a branch. */
export function where(branch: Branch, at: number): string {
  const { line, column } = positionOf(branch.source, at);
  return `${line}:${column}`;
}
