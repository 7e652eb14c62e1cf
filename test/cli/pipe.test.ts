import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, test } from 'vitest';
import { root } from '../support/fixtures.js';

// Issue 11, "Crashes that CI reads as violations": `zhibu check records/ | head` died with an
// unhandled EPIPE. A reader that stops reading ends the run quietly.
test('a closed stdout ends the run quietly: no stack trace, the gate’s exit code', async () => {
  const child = spawn(process.execPath, [path.join(root, 'bin/zhibu.js'), 'check', 'fixtures', '--format', 'json', '--as-of', '2026-10-08'], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  child.stdout.once('data', () => child.stdout.destroy()); // `| head -c 100`: read a little, then close
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(err).toBe('');
  expect(code).toBe(2); // fixtures/ holds invalid records: input errors, exit 2 as with a full read
});
