import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { collectFiles } from '../../src/load/files.js';

test('a walked directory never yields its zhibu.config.yaml as a record file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'zhibu-config-'));
  for (const name of ['zhibu.config.yaml', 'zhibu.config.yml', 'pb-001.yaml']) writeFileSync(path.join(dir, name), 'rules: {}\n');
  expect(collectFiles(['.'], dir).files).toEqual(['pb-001.yaml']);
  // Named explicitly, a file is read whatever it is called.
  expect(collectFiles(['zhibu.config.yaml'], dir).files).toEqual(['zhibu.config.yaml']);
});
