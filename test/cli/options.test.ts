import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { Report } from '../../src/report/report.js';
import { runCli, type RunOptions } from '../support/cli.js';
import { root } from '../support/fixtures.js';

const TODAY = '2026-10-08';
const at = ['--period', '2026Q3', '--as-of', TODAY];
const zhibu = (argv: string[], cwd = root, options: RunOptions = {}) => runCli(argv, cwd, TODAY, options);
const json = async (argv: string[], cwd = root, options: RunOptions = {}) => {
  const { code, out, err } = await zhibu([...argv, '--format', 'json'], cwd, options);
  return { code, err, report: JSON.parse(out) as Report };
};
const work = mkdtempSync(path.join(tmpdir(), 'zhibu-options-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('--rule and --branch', () => {
  test('take comma lists, repeatable, and never swallow the path', async () => {
    const { code, report } = await json(['check', '--rule', 'meetings.committee-monthly,member.dues-monthly', '--rule', 'org.term-expired', 'fixtures/demo', ...at]);
    expect(code).toBe(1);
    expect(new Set(report.findings.map((f) => f.rule))).toEqual(new Set(['meetings.committee-monthly', 'member.dues-monthly', 'org.term-expired']));
    const branch = await json(['check', '--branch', 'hy01-xm2', 'fixtures/demo', ...at]);
    expect(new Set(branch.report.findings.map((f) => f.branch))).toEqual(new Set(['hy01-xm2']));
  });

  test('an unknown rule or branch id is a usage error with a "did you mean"', async () => {
    const rule = await zhibu(['check', 'fixtures/demo', '--rule', 'meetings.general-quartely', ...at]);
    expect(rule.code).toBe(2);
    expect(rule.err).toContain('meetings.general-quarterly');
    const branch = await zhibu(['check', 'fixtures/demo', '--branch', 'hy01-xm4,hy01-xm9', ...at, '--lang', 'en']);
    expect(branch.code).toBe(2);
    expect(branch.err).toContain('no branch hy01-xm4 (did you mean hy01-xm1?)');
  });
});

describe('output modes', () => {
  test('--quiet: violations only, no pending, nothing for clean branches', async () => {
    const { out } = await zhibu(['check', 'fixtures/demo', '--as-of', TODAY, '--quiet']);
    expect(out).not.toContain('待办  ');
    expect(out).not.toContain('全部符合要求');
    expect(out).toContain('错误  meetings.committee-monthly');
  });

  test('--format compact: path:line:col severity rule message, one line each', async () => {
    const { out } = await zhibu(['check', 'fixtures/demo', ...at, '--format', 'compact', '--lang', 'en']);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines).toContain('fixtures/demo/hy01-xm2.yaml:25:5 warning member.dues-monthly Jul 2026: member 马国庆 paid no dues');
    // A file it wrote is recognised as zhibu's, and replaced on the next run.
    const file = path.join(work, 'compact.txt');
    for (let run = 0; run < 2; run++) expect((await zhibu(['check', 'fixtures/demo', ...at, '--format', 'compact', '-o', file])).code).toBe(1);
    expect(readFileSync(file, 'utf8').split('\n')).toHaveLength(12);
  });

  test('- reads one record file from stdin, named by --stdin-filename', async () => {
    const text = readFileSync(path.join(root, 'fixtures/demo/hy01-xm2.yaml'), 'utf8');
    const { report } = await json(['check', '-', '--stdin-filename', 'records/xm2.yaml', ...at], root, { stdin: text });
    expect(report.summary.branches).toBe(1);
    expect(new Set(report.findings.map((f) => f.file))).toEqual(new Set(['records/xm2.yaml']));
    const unnamed = await json(['check', '-', ...at], root, { stdin: text });
    expect(unnamed.report.findings[0]?.file).toBe('<stdin>');
  });

  test('quoted globs are expanded, and .zhibuignore leaves files out', async () => {
    const glob = await json(['check', 'fixtures/demo/hy01-xm*.yaml', ...at]);
    expect(glob.report.summary.files).toBe(3);
    const dir = path.join(work, 'ignore');
    mkdirSync(path.join(dir, 'records', 'old'), { recursive: true });
    for (const name of ['hy01-xm1.yaml', 'hy01-xm2.yaml']) writeFileSync(path.join(dir, 'records', name), readFileSync(path.join(root, 'fixtures/demo', name)));
    writeFileSync(path.join(dir, 'records', 'old', 'hy01-xm3.yaml'), readFileSync(path.join(root, 'fixtures/demo/hy01-xm3.yaml')));
    writeFileSync(path.join(dir, '.zhibuignore'), '# archived\nrecords/old/\n*-xm2.yaml\n');
    const { report } = await json(['check', 'records', ...at], dir);
    expect(report.summary.files).toBe(1);
    const globbed = await json(['check', 'records/**/*.yaml', ...at], dir);
    expect(globbed.report.summary.files).toBe(1);
  });

  test('an output file whose extension is another format is a usage error naming the formats', async () => {
    const md = await zhibu(['rectify', 'fixtures/demo', ...at, '-o', path.join(work, '清单.xls')]);
    expect(md.code).toBe(2);
    expect(md.err).toContain('xlsx (.xlsx .xls)');
    const docx = await zhibu(['rectify', 'fixtures/demo', ...at, '--format', 'md', '-o', path.join(work, '清单.docx')]);
    expect(docx.code).toBe(2);
    const xls = await zhibu(['rectify', 'fixtures/demo', ...at, '--format', 'xlsx', '-o', path.join(work, '清单.xls')]);
    expect(xls.code).toBe(0);
    const report = await zhibu(['check', 'fixtures/demo', ...at, '--format', 'json', '-o', path.join(work, 'report.xml')]);
    expect(report.code).toBe(2);
    expect(report.err).toContain('json (.json)');
  });

  test('FORCE_COLOR as chalk reads it: colour without a terminal, none with 0', async () => {
    const forced = await zhibu(['check', 'fixtures/demo', ...at], root, { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(forced.out).toContain('\u001B[');
    const off = await zhibu(['check', 'fixtures/demo', ...at], root, { columns: 80, env: { NO_COLOR: undefined, FORCE_COLOR: '0' } });
    expect(off.out).not.toContain('\u001B[');
    const tty = await zhibu(['check', 'fixtures/demo', ...at], root, { columns: 80, env: { NO_COLOR: undefined } });
    expect(tty.out).toContain('\u001B[');
  });

  test('progress goes to stderr on a terminal only, and is wiped', async () => {
    const tty = await zhibu(['check', 'fixtures/demo', ...at], root, { columns: 80 });
    expect(tty.err).toContain('\r\u001B[K');
    const piped = await zhibu(['check', 'fixtures/demo', ...at]);
    expect(piped.err).toBe('');
  });
});
