import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { root } from '../support/fixtures.js';

/**
 * Preloaded into the CLI process: prints each file of zod's package that the process loads,
 * by import (a resolve hook) or by require (the module cache at exit), and whether zod ran at all.
 */
const preload = `data:text/javascript,${encodeURIComponent(`
import { createRequire, register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(\`
export async function resolve(specifier, context, next) {
  const out = await next(specifier, context);
  if (out.url.includes('/node_modules/zod/')) process._rawDebug('ZOD-LOADED ' + out.url);
  return out;
}\`));
const cache = createRequire(process.cwd() + '/').cache;
process.on('exit', () => {
  for (const file of Object.keys(cache)) if (file.includes('/node_modules/zod/')) process._rawDebug('ZOD-LOADED ' + file);
  // require() of an ES module passes neither: zod's core leaves this global when it runs.
  if (globalThis.__zod_globalConfig) process._rawDebug('ZOD-LOADED zod/v4/core (globalThis.__zod_globalConfig)');
});
`)}`;

const work = mkdtempSync(path.join(tmpdir(), 'zhibu-zod-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the built CLI; returns its exit code and the zod files it loaded. */
function zodLoadedBy(args: string[], cwd = root): { code: number | null; zod: string[] } {
  const run = spawnSync(process.execPath, ['--import', preload, path.join(root, 'bin/zhibu.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: run.status, zod: run.stderr.split('\n').filter((line) => line.startsWith('ZOD-LOADED ')) };
}

const demo = ['check', path.join(root, 'fixtures/demo'), '--period', '2026Q3', '--as-of', '2026-10-08', '--format', 'json', '--fail-on', 'never'];

// zod costs about 100 ms to load: a run that needs no error worded and no user schema validated never loads it.
describe('zod is loaded on demand', () => {
  test('not by a clean check with the built-in rules', () => {
    expect(zodLoadedBy(demo)).toEqual({ code: 0, zod: [] });
  });

  test('not by a check with a configuration that only sets severities and turns rules off', () => {
    const dir = path.join(work, 'severities');
    cpSync(path.join(root, 'fixtures/demo'), dir, { recursive: true });
    writeFileSync(path.join(dir, 'zhibu.config.yaml'), 'timezone: Asia/Shanghai\nrules:\n  theme-day.monthly: warn\n  org.unit-coverage: off\n  meetings.general-quarterly: { severity: info }\n');
    expect(zodLoadedBy([...demo.slice(0, 1), dir, ...demo.slice(2)])).toEqual({ code: 0, zod: [] });
  });

  test('not by --version or --help', () => {
    expect(zodLoadedBy(['--version'])).toEqual({ code: 0, zod: [] });
    expect(zodLoadedBy(['--help'])).toEqual({ code: 0, zod: [] });
    expect(zodLoadedBy(['check', '--help'])).toEqual({ code: 0, zod: [] });
  });

  test('by a check whose records have input errors (the errors are worded by zod)', () => {
    const { code, zod } = zodLoadedBy(['check', 'fixtures/invalid', '--as-of', '2026-10-08']);
    expect(code).toBe(2);
    expect(zod.length).toBeGreaterThan(0);
    // One copy: the ES build that the schemas import, never the CommonJS one beside it.
    expect(zod.filter((line) => line.endsWith('.cjs'))).toEqual([]);
  });

  test('by a configuration that sets a parameter (checked against the rule)', () => {
    const dir = path.join(work, 'params');
    cpSync(path.join(root, 'fixtures/demo'), dir, { recursive: true });
    writeFileSync(path.join(dir, 'zhibu.config.yaml'), 'rules:\n  theme-day.monthly: { min: 2 }\n');
    const { code, zod } = zodLoadedBy([...demo.slice(0, 1), dir, ...demo.slice(2)]);
    expect(code).toBe(0);
    expect(zod.length).toBeGreaterThan(0);
  });
});
