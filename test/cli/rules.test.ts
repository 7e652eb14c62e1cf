import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../support/cli.js';
import { root } from '../support/fixtures.js';

const zhibu = (argv: string[]) => runCli(argv, root, '2026-10-08');

const ids = readdirSync(path.join(root, 'rules')).map((f) => f.replace(/\.yaml$/, ''));

describe('zhibu rules', () => {
  test('lists every rule with its basis', async () => {
    const { code, out } = await zhibu(['rules']);
    expect(code).toBe(0);
    for (const id of ids) expect(out).toContain(id);
    expect(out).toContain('《中国共产党支部工作条例（试行）》第十一条');
  });

  test.each(ids)('rules show %s explains it with parameters and both examples', async (id) => {
    const { code, out } = await zhibu(['rules', 'show', id]);
    expect(code).toBe(0);
    expect(out).toContain('依据');
    expect(out).toContain('整改措施');
    expect(out).toContain('符合的记录示例');
    expect(out).toContain('不符合的记录示例');
    expect(out).toContain(`${id} `);
  });

  test('an unknown rule is a usage error with a hint', async () => {
    const { code, err } = await zhibu(['rules', 'show', 'meetings.general-quartely']);
    expect(code).toBe(2);
    expect(err).toContain('meetings.general-quarterly');
  });

  test('English with --lang en', async () => {
    const { out } = await zhibu(['rules', 'show', 'lecture.quarterly', '--lang', 'en']);
    expect(out).toContain('A party lecture every quarter');
    expect(out).toContain('A record that fails');
  });
});

describe('zhibu schema and help', () => {
  test('schema writes JSON Schema 2020-12', async () => {
    const { code, out } = await zhibu(['schema', '--kind', 'branch']);
    expect(code).toBe(0);
    expect(JSON.parse(out).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  test('help has examples; --version prints the version', async () => {
    expect((await zhibu(['check', '--help'])).out).toContain('示例 / Examples');
    expect((await zhibu(['--version'])).out.trim()).toBe('1.0.0');
    expect((await zhibu(['nonsense'])).code).toBe(2);
  });
});
