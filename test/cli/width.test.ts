import { describe, expect, test } from 'vitest';
import { textWidth } from '../../src/report/wrap.js';
import { runCli } from '../support/cli.js';
import { root } from '../support/fixtures.js';

const demo = ['check', 'fixtures/demo', '--period', '2026Q3', '--as-of', '2026-10-08', '--fail-on', 'never'];
const zhibu = (argv: string[], columns: number) => runCli(argv, root, '2026-10-08', { columns });
const widest = (text: string) => Math.max(...text.split('\n').map(textWidth));

describe('the terminal report fits the terminal', () => {
  test.each([
    [80, 'zh'],
    [80, 'en'],
    [120, 'zh'],
    [120, 'en'],
  ] as const)('the demo at %i columns in %s', async (columns, lang) => {
    const { code, out } = await zhibu([...demo, '--lang', lang], columns);
    expect(code).toBe(0);
    expect(widest(out)).toBeLessThanOrEqual(columns);
    await expect(out).toMatchFileSnapshot(`__snapshots__/demo.${lang}.${columns}.txt`);
  });

  test.each(['zh', 'en'])('input errors and skipped documents fit 80 columns (%s)', async (lang) => {
    const { code, out } = await zhibu(['check', 'fixtures/invalid', '--as-of', '2026-10-08', '--lang', lang], 80);
    expect(code).toBe(2);
    expect(out).toMatch(lang === 'zh' ? /^ {2}fixtures\/invalid\/required-for-type\.yaml:2:1$/m : /^ {2}fixtures\/invalid\/required-for-type\.yaml:2:1/m);
    expect(widest(out)).toBeLessThanOrEqual(80);
  });

  test('each finding line starts with path:line:column, the branch heading names the branch', async () => {
    const { out } = await zhibu(demo, 80);
    expect(out).toMatch(/^fixtures\/demo\/hy01-xm2\.yaml:25:5 {2}警告 {2}member\.dues-monthly$/m);
    expect(out).toContain('hy01-xm1 第一项目部党支部：违规 2 项');
    expect(out).toContain('hy01-xm3 第三项目部党支部：全部符合要求');
    // The summary names the window and its dates.
    expect(out).toContain('期间 2026Q3（2026-07-01 至 2026-09-30）');
  });

  test('without a terminal the report is laid out for 80 columns', async () => {
    const { out } = await runCli(demo, root, '2026-10-08');
    expect(widest(out)).toBeLessThanOrEqual(80);
    expect(out).toBe((await zhibu(demo, 80)).out);
  });

  test.each(['zh', 'en'])('the default window is the last closed quarter and the current one, printed in the summary (%s)', async (lang) => {
    const { out } = await zhibu(['check', 'fixtures/demo', '--as-of', '2026-10-08', '--lang', lang], 80);
    expect(out).toContain(lang === 'zh' ? '期间 2026Q3..2026Q4（2026-07-01 至 2026-12-31）' : 'period 2026Q3..2026Q4 (2026-07-01 to 2026-12-31)');
    // The closed quarter's violations and the open quarter's reminders are both there.
    expect(out).toContain(lang === 'zh' ? '2026年8月未召开支部委员会会议' : 'Aug 2026');
    expect(out).toContain(lang === 'zh' ? '待办' : 'pending');
  });

  const commands = [['check'], ['rectify'], ['score'], ['import'], ['init'], ['rules'], ['rules', 'show'], ['merge'], ['schema'], []];
  test.each(commands.flatMap((c) => [[...c, '--help'], [...c, '--help', '--lang', 'en']]))('help fits 80 columns: zhibu %s', async (...argv) => {
    const { code, out } = await zhibu(argv, 80);
    expect(code).toBe(0);
    expect(out.length).toBeGreaterThan(100);
    expect(widest(out)).toBeLessThanOrEqual(80);
  });

  test.each(['zh', 'en'])('zhibu rules and every rules show fit 80 columns (%s)', async (lang) => {
    const list = await zhibu(['rules', '--lang', lang], 80);
    expect(widest(list.out)).toBeLessThanOrEqual(80);
    const ids = [...list.out.matchAll(/^([a-z-]+\.[a-z-]+) {2}/gm)].map((m) => m[1] as string);
    expect(ids.length).toBeGreaterThan(40);
    for (const id of ids) expect(widest((await zhibu(['rules', 'show', id, '--lang', lang], 80)).out), id).toBeLessThanOrEqual(80);
  });

  test.each(['zh', 'en'])('zhibu score fits 80 columns (%s)', async (lang) => {
    const { out } = await zhibu(['score', 'fixtures/demo', '--period', '2026Q3', '--as-of', '2026-10-08', '--lang', lang], 80);
    expect(out.length).toBeGreaterThan(100);
    expect(widest(out)).toBeLessThanOrEqual(80);
  });

  test('rectify and the CI formats at 80 columns', async () => {
    const md = await zhibu(['rectify', 'fixtures/demo', '--period', '2026Q3', '--as-of', '2026-10-08'], 80);
    expect(md.code).toBe(0);
    const compact = await zhibu([...demo, '--format', 'compact'], 80);
    expect(compact.out.split('\n')[0]).toMatch(/^fixtures\/demo\/\S+:\d+:\d+ (error|warning|info|pending) [a-z-]+\.[a-z-]+ \S/);
  });
});
