import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { FORMATS } from '../../src/commands/formats.js';
import { SCORE_FORMATS } from '../../src/commands/score-command.js';
import { runCli } from '../support/cli.js';
import { root } from '../support/fixtures.js';
import { COMPANIONS, MUTANT_NAMES, WINDOWS, mutate, mutation, seeds, type Mutation, type Seed } from './inputs.js';
import * as oracle from './oracles.js';
import { FUZZ, fuzz, timeoutFor } from './settings.js';

// The whole CLI under mutated and hostile records: a valid companion file beside one mutated file,
// through `check` in every format, `rectify` and `score`. Properties: exit 0, 1 or 2; no stack trace;
// exit 2 exactly when the JSON report lists input errors; the companion keeps its findings; every
// output valid in its format; the same input gives the same bytes; no case hangs.

const SEEDS = seeds();
const ORGANIZATION = readFileSync(path.join(root, 'fixtures/demo/organization.yaml'));
const work = mkdtempSync(path.join(tmpdir(), 'zhibu-fuzz-'));
// A failing case leaves its folder behind (each passing case removes its own), to be looked at.
afterAll(() => {
  if (readdirSync(work).length === 0) rmSync(work, { recursive: true, force: true });
  else process.stderr.write(`fuzz: the failing cases' files are in ${work}\n`);
});

/** A case hangs when one run takes this long (a guard against hangs, not a timing target). */
const HANG_MS = 30_000;

type Command = { name: 'check'; format: (typeof FORMATS)[number] } | { name: 'rectify'; format: 'json' | 'md' | 'csv' | 'xlsx'; pending: boolean } | { name: 'score'; format: (typeof SCORE_FORMATS)[number] };

interface Case {
  seed: number;
  mutations: Mutation[];
  name: string;
  companion: number;
  window: number;
  organization: boolean;
  command: Command;
}

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...FORMATS).map((format) => ({ name: 'check' as const, format })) },
  { weight: 3, arbitrary: fc.record({ name: fc.constant('rectify' as const), format: fc.constantFrom('json' as const, 'md' as const, 'csv' as const, 'xlsx' as const), pending: fc.boolean() }) },
  { weight: 2, arbitrary: fc.constantFrom(...SCORE_FORMATS).map((format) => ({ name: 'score' as const, format })) },
);

const fuzzCase: fc.Arbitrary<Case> = fc.record({
  seed: fc.nat({ max: SEEDS.length - 1 }),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
  name: fc.constantFrom(...MUTANT_NAMES),
  companion: fc.nat({ max: COMPANIONS.length - 1 }),
  window: fc.nat({ max: WINDOWS.length - 1 }),
  organization: fc.boolean(),
  command,
});

let caseNumber = 0;

/** Writes the case's files into a fresh folder; returns it and the paths to give the CLI. */
function layOut(c: Case, mutant: Buffer | null): { dir: string; files: string[] } {
  const dir = path.join(work, `case-${++caseNumber}`);
  mkdirSync(path.join(dir, 'm'), { recursive: true });
  writeFileSync(path.join(dir, 'v.yaml'), readFileSync(path.join(root, COMPANIONS[c.companion] as string)));
  const files = ['v.yaml'];
  if (c.organization) {
    writeFileSync(path.join(dir, 'org.yaml'), ORGANIZATION);
    files.push('org.yaml');
  }
  if (mutant) {
    writeFileSync(path.join(dir, 'm', c.name), mutant);
    files.push(`m/${c.name}`);
  }
  return { dir, files };
}

async function run(argv: string[], dir: string, today: string) {
  const started = performance.now();
  const result = await runCli(argv, dir, today);
  const ms = performance.now() - started;
  if (ms > HANG_MS) throw new Error(`zhibu ${argv.join(' ')} took ${Math.round(ms)} ms`);
  if (![0, 1, 2].includes(result.code)) throw new Error(`exit code ${result.code}`);
  for (const [stream, text] of [['stdout', result.out], ['stderr', result.err]] as const) {
    const trace = oracle.STACK.exec(text);
    if (trace) throw new Error(`a stack trace or JavaScript error on ${stream}: ${JSON.stringify(text.slice(Math.max(0, trace.index - 200), trace.index + 200))}`);
  }
  oracle.terminalText(result.err, 'stderr');
  return result;
}

const alone = new Map<string, oracle.Json[]>();

/** The companion's findings when it is checked without the mutated file (computed once per setting). */
async function companionAlone(c: Case): Promise<oracle.Json[]> {
  const key = `${c.companion}/${c.window}/${c.organization}`;
  const known = alone.get(key);
  if (known) return known;
  const { dir, files } = layOut(c, null);
  const window = WINDOWS[c.window] as string[];
  const result = await run(['check', ...files, ...window, '--format', 'json'], dir, window[1] as string);
  const report = oracle.checkJson(result.out);
  expect(report.inputErrors, `the companion ${COMPANIONS[c.companion]} is valid`).toEqual([]);
  const findings = report.findings.filter((f: oracle.Json) => f.file === 'v.yaml');
  alone.set(key, findings);
  rmSync(dir, { recursive: true, force: true });
  return findings;
}

/** The check of a case in JSON: exit 0, 1 or 2 as the report says, and the companion's findings as when it is alone. */
async function checkCase(c: Case, dir: string, files: string[]): Promise<{ code: number; inputErrors: boolean }> {
  const window = WINDOWS[c.window] as string[];
  const checked = await run(['check', ...files, ...window, '--format', 'json'], dir, window[1] as string);
  const report = oracle.checkJson(checked.out);
  const inputErrors = report.inputErrors.length > 0;
  const failing = report.findings.some((f: oracle.Json) => f.status === 'violation' && f.severity === 'error');
  expect(checked.code, 'check exits 2 exactly on input errors, else 1 on an error violation').toBe(inputErrors ? 2 : failing ? 1 : 0);
  // The one way a mutated file may touch the valid one: it declares the same branch id, and the valid file's error names it.
  const touched = report.inputErrors.filter((e: oracle.Json) => e.file === 'v.yaml');
  for (const e of touched) expect(e.message, 'an input error in the valid file names the mutated file').toContain(`m/${c.name}`);
  if (touched.length === 0) expect(report.findings.filter((f: oracle.Json) => f.file === 'v.yaml'), 'the valid file beside a mutated one keeps its findings').toEqual(await companionAlone(c));
  return { code: checked.code, inputErrors };
}

/** A mutated file beside the companion, checked in JSON. */
async function checkProperty(c: Case): Promise<void> {
  const { dir, files } = layOut(c, mutate((SEEDS[c.seed] as Seed).bytes, c.mutations));
  await checkCase(c, dir, files);
  rmSync(dir, { recursive: true, force: true });
}

/** A mutated file beside the companion, through the case's command and format, twice. */
async function outputProperty(c: Case): Promise<void> {
  const { dir, files } = layOut(c, mutate((SEEDS[c.seed] as Seed).bytes, c.mutations));
  const window = WINDOWS[c.window] as string[];
  const today = window[1] as string;
  const checked = await checkCase(c, dir, files);
  const { name, format } = c.command;
  const extension = { terminal: 'txt', compact: 'txt', github: 'txt', gitlab: 'json', junit: 'xml', sarif: 'sarif', html: 'html', json: 'json', md: 'md', csv: 'csv', xlsx: 'xlsx' }[format];
  const output = format === 'xlsx' ? `out.${extension}` : null;
  const argv = [name, ...files, ...window, '--format', format, ...(output ? ['-o', output] : []), ...(c.command.name === 'rectify' && c.command.pending ? ['--include-pending'] : [])];
  const first = await run(argv, dir, today);
  const firstBytes = output ? readFileSync(path.join(dir, output)) : Buffer.from(first.out);
  const second = await run(argv, dir, today);
  const secondBytes = output ? readFileSync(path.join(dir, output)) : Buffer.from(second.out);
  expect(second.code, 'the same exit code twice').toBe(first.code);
  expect(secondBytes.equals(firstBytes), `zhibu ${argv.join(' ')} writes the same bytes twice`).toBe(true);
  expect(first.code, `${name} exits as check does`).toBe(name === 'check' ? checked.code : checked.inputErrors ? 2 : 0);
  await validOutput(c, argv, dir, today, firstBytes);
  rmSync(dir, { recursive: true, force: true });
}

/** The output of the case's command is valid in its format. */
async function validOutput(c: Case, argv: string[], dir: string, today: string, bytes: Buffer): Promise<void> {
  const text = bytes.toString('utf8');
  switch (c.command.format) {
    case 'json':
      JSON.parse(text);
      return;
    case 'terminal':
    case 'compact':
      return oracle.terminalText(text, c.command.format);
    case 'github':
      return oracle.github(text);
    case 'gitlab':
      return oracle.gitlab(text);
    case 'sarif':
      return oracle.sarif(text);
    case 'junit':
      return oracle.xml(text);
    case 'html':
      return oracle.html(text);
    case 'md':
      return oracle.markdown(text);
    case 'csv':
    case 'xlsx': {
      const rows = c.command.format === 'csv' ? oracle.csv(text) : (await oracle.xlsx(bytes)).flat().filter((row) => /^\d+$/.test(row[0] ?? ''));
      if (c.command.name !== 'rectify') return;
      // As many numbered rows (problems, then reminders on a sheet of their own in XLSX) as the JSON list has items (CSV may add a note row).
      const json = await run(argv.map((a, i) => (argv[i - 1] === '--format' ? 'json' : a)).filter((a, i, all) => a !== '-o' && all[i - 1] !== '-o'), dir, today);
      const list = JSON.parse(json.out) as oracle.Json;
      const items = list.items.length + list.reminders.length;
      expect(c.command.format === 'csv' ? [items, items + 1] : [items], 'rows of the list').toContain(rows.length);
      if (c.command.format === 'xlsx') {
        // The workbook reads back as --previous: nothing in it (forbidden XML characters, formulas) breaks the next inspection.
        const again = await run([...argv.slice(0, argv.indexOf('--format')), '--previous', 'out.xlsx', '--format', 'json'], dir, today);
        expect(again.code, 'the written list reads back as --previous').toBe(json.code);
      }
      return;
    }
  }
}

describe('the CLI under fuzzed records (fast-check)', () => {
  const CHECK_RUNS = 1800;
  test(`${Math.round(CHECK_RUNS * FUZZ.scale)} mutated files through check: exit codes, no trace, the valid file's findings kept (seed ${FUZZ.seed})`, async () => {
    await fuzz('check', fuzzCase, checkProperty, CHECK_RUNS);
  }, timeoutFor(CHECK_RUNS, 100));

  const OUTPUT_RUNS = 300;
  test(`${Math.round(OUTPUT_RUNS * FUZZ.scale)} mutated files through every format of check, rectify and score: valid, same bytes twice (seed ${FUZZ.seed})`, async () => {
    await fuzz('output', fuzzCase, outputProperty, OUTPUT_RUNS);
  }, timeoutFor(OUTPUT_RUNS, 300));

  // A few cases through the real process: what the user's shell sees (exit status, no trace, bounded memory).
  const PROCESS_RUNS = 6;
  test(`${Math.round(PROCESS_RUNS * FUZZ.scale)} cases through bin/zhibu.js with a 256 MB heap`, async () => {
    const bin = path.join(root, 'bin/zhibu.js');
    const processCase = fc.record({ seed: fc.nat({ max: SEEDS.length - 1 }), mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }), name: fc.constantFrom(...MUTANT_NAMES), format: fc.constantFrom(...FORMATS) });
    await fuzz(
      'process',
      processCase,
      async (c) => {
        const full: Case = { ...c, companion: 0, window: 0, organization: false, command: { name: 'check', format: c.format } };
        const { dir, files } = layOut(full, mutate((SEEDS[c.seed] as (typeof SEEDS)[number]).bytes, c.mutations));
        const argv = ['check', ...files, ...(WINDOWS[0] as string[]), '--format', c.format];
        const child = spawnSync(process.execPath, ['--max-old-space-size=256', bin, ...argv], { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, timeout: HANG_MS, maxBuffer: 256 << 20 });
        expect(child.error, 'the process ends in time').toBeUndefined();
        expect(child.signal).toBeNull();
        expect([0, 1, 2]).toContain(child.status);
        for (const stream of [child.stdout, child.stderr]) expect(stream.toString('utf8')).not.toMatch(oracle.STACK);
        const inProcess = await run(argv, dir, (WINDOWS[0] as string[])[1] as string);
        expect(child.status, 'the process exits as main() returns').toBe(inProcess.code);
        expect(child.stdout.toString('utf8'), 'the process prints what main() prints').toBe(inProcess.out);
        rmSync(dir, { recursive: true, force: true });
      },
      PROCESS_RUNS,
    );
  }, timeoutFor(PROCESS_RUNS, 3000));
});
