import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { runCli } from '../support/cli.js';
import { root } from '../support/fixtures.js';

/** The README's `zhibu …` command lines (sh blocks), comments dropped, in order. */
function readmeCommands(): string[] {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  return [...readme.matchAll(/```sh\n([\s\S]*?)```/g)]
    .flatMap((m) => (m[1] as string).split('\n'))
    .map((line) => line.replace(/\s+# .*$/, '').trim())
    .filter((line) => line.startsWith('zhibu '));
}

/** Words of a command line as a shell splits them (single quotes; `< file` is standard input), globs expanded in `dir`. */
function words(line: string, dir: string): { argv: string[]; stdin?: string } {
  const tokens = [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => ({ text: (m[1] ?? m[2]) as string, quoted: m[1] !== undefined }));
  const argv: string[] = [];
  let stdin: string | undefined;
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i] as { text: string; quoted: boolean };
    if (token.text === '<') stdin = readFileSync(path.join(dir, (tokens[++i] as { text: string }).text), 'utf8');
    else if (!token.quoted && token.text.includes('*')) {
      const pattern = new RegExp(`^${token.text.replace(/\./g, '\\.').replace(/\*/g, '.*')}$`);
      argv.push(...readdirSync(dir).filter((f) => pattern.test(f)).sort());
    } else argv.push(token.text);
  }
  return { argv, stdin };
}

const dir = mkdtempSync(path.join(tmpdir(), 'zhibu-readme-'));
// init and import start a records folder of their own, from the import fixtures' ledgers under the README's names.
const ledgers = mkdtempSync(path.join(tmpdir(), 'zhibu-readme-ledgers-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(ledgers, { recursive: true, force: true });
});

test("the README's examples run as written (over the demo records), none a usage error", async () => {
  cpSync(path.join(root, 'fixtures/demo'), path.join(dir, 'records'), { recursive: true });
  cpSync(path.join(root, 'fixtures/demo'), path.join(dir, 'fixtures/demo'), { recursive: true });
  for (const name of ['2026年台账.xlsx', '10月台账.xlsx']) cpSync(path.join(root, 'fixtures/import/台账.xlsx'), path.join(ledgers, name));
  cpSync(path.join(root, 'fixtures/import/三会一课-第二项目部.csv'), path.join(ledgers, '三会一课.csv'));
  const commands = readmeCommands();
  expect(commands.length).toBeGreaterThan(25);
  for (const line of commands) {
    // The other shards of the matrix the merge example combines.
    if (line.startsWith('zhibu merge')) for (const i of [1, 3, 4]) await runCli(['check', 'records/', '--shard', `${i}/4`, '--format', `json=shard-${i}.json`, '--fail-on', 'never'], dir, '2026-10-08');
    const cwd = /^zhibu (init|import) /.test(line) ? ledgers : dir;
    const { argv, stdin } = words(line, cwd);
    const { code, err } = await runCli(argv, cwd, '2026-10-08', { stdin });
    expect(code, `${line}\n${err}`).toBeLessThan(2);
  }
});
