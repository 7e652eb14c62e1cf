import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { runCli } from '../support/cli.js';
import { root } from '../support/fixtures.js';

// Issue 11, "Half-written files": a write cut off half-way (Ctrl-C, a full disk) left a truncated
// file where a good one was. Here the disk fills up half-way through every write.
const failing = { on: false };
vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  const writeFileSync = ((target: fs.PathOrFileDescriptor, data: string | NodeJS.ArrayBufferView, options?: fs.WriteFileOptions) => {
    if (!failing.on) return real.writeFileSync(target, data, options);
    const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    real.writeFileSync(target, bytes.subarray(0, bytes.length >> 1), options);
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
  }) as typeof real.writeFileSync;
  return { ...real, writeFileSync, default: { ...real, writeFileSync } };
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'zhibu-atomic-'));
  cpSync(path.join(root, 'fixtures/demo'), path.join(dir, 'records'), { recursive: true });
});
afterEach(() => {
  failing.on = false;
  rmSync(dir, { recursive: true, force: true });
});

const zhibu = (...argv: string[]) => runCli([...argv, '--as-of', '2026-10-08', ...(argv[0] === 'check' ? ['--fail-on', 'never'] : [])], dir, '2026-10-08');

test.each([
  [['check', 'records', '-o', 'out.json', '--format', 'json'], 'out.json'],
  [['check', 'records', '--write-baseline', 'baseline.json'], 'baseline.json'],
  [['check', 'records', '--cache', '--cache-location', 'cache.json'], 'cache.json'],
  [['rectify', 'records', '-o', 'list.xlsx'], 'list.xlsx'],
])('%j: the old %s stays whole, no temporary file is left, exit 2 naming it', async (argv, file) => {
  expect((await zhibu(...argv)).code).toBe(0);
  const before = readFileSync(path.join(dir, file));
  // A later run with other findings, cut off half-way through writing.
  const other = argv.map((a) => (a === 'records' ? 'records/hy01-xm1.yaml' : a));
  failing.on = true;
  const { code, err } = await zhibu(...other);
  failing.on = false;
  expect(code).toBe(2);
  expect(err).toContain(file);
  expect(err.trimEnd().split('\n')).toHaveLength(1);
  expect(readFileSync(path.join(dir, file)).equals(before)).toBe(true);
  expect(readdirSync(dir).filter((name) => name.includes('.tmp'))).toEqual([]);
});
