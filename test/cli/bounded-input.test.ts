import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { dateIn, main } from '../../src/cli.js';
import { parseWindow } from '../../src/engine/periods.js';
import { readBounded, ReadRefused } from '../../src/load/files.js';
import { loadRecordFile } from '../../src/load/records.js';
import { normalizeName } from '../../src/model/names.js';
import { readPreviousXlsx, unpackedSize } from '../../src/rectify/previous.js';
import type { Report } from '../../src/report/report.js';
import { isRealDate, isRealMonth } from '../../src/schema/dates.js';
import { runCli } from '../support/cli.js';
import { checkTexts, rulesById } from '../support/engine.js';
import { root } from '../support/fixtures.js';

const TODAY = '2026-10-08';
const work = mkdtempSync(path.join(tmpdir(), 'zhibu-bounded-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A folder holding the compliant fixtures, plus whatever a test adds. */
function records(name: string): string {
  const dir = path.join(work, name);
  cpSync(path.join(root, 'fixtures', 'compliant'), dir, { recursive: true });
  return dir;
}

const zhibu = (argv: string[], cwd: string) => runCli(argv, cwd, TODAY);

async function jsonReport(argv: string[], cwd: string): Promise<{ code: number; report: Report; err: string }> {
  const { code, out, err } = await zhibu([...argv, '--format', 'json'], cwd);
  return { code, report: JSON.parse(out) as Report, err };
}

describe('dates are bounded to the years 1921–2200', () => {
  test('dates, months and periods outside them are not real', () => {
    expect(isRealDate('9999-06-01')).toBe(false);
    expect(isRealDate('1920-12-31')).toBe(false);
    expect(isRealDate('2201-01-01')).toBe(false);
    expect(isRealDate('1921-01-01') && isRealDate('2200-12-31')).toBe(true);
    expect(isRealMonth('9999-06')).toBe(false);
    expect(parseWindow('9999Q2')).toBeNull();
    expect(parseWindow('0001')).toBeNull();
    expect(parseWindow('0001-01-01..2026-01-01')).toBeNull();
  });

  test('a date or month is real exactly as the calendar and the pattern YYYY-MM-DD / YYYY-MM say', () => {
    const calendar = (text: string, day: boolean) => {
      const m = (day ? /^(\d{4})-(\d{2})-(\d{2})$/ : /^(\d{4})-(\d{2})$/).exec(text);
      if (!m) return false;
      const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, day ? Number(m[3]) : 1));
      return Number(m[1]) >= 1921 && Number(m[1]) <= 2200 && date.getUTCMonth() === Number(m[2]) - 1 && (!day || date.getUTCDate() === Number(m[3]));
    };
    const written = fc.oneof(
      fc.date({ min: new Date('1900-01-01'), max: new Date('2300-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      fc.tuple(fc.integer({ min: 1919, max: 2202 }), fc.integer({ min: -1, max: 13 }), fc.integer({ min: -1, max: 32 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
      fc.string({ maxLength: 11, unit: fc.constantFrom('0', '1', '2', '9', '-', ' ', 'a', '\n', '٣') }),
    );
    fc.assert(fc.property(written, fc.boolean(), (text, whole) => {
      const input = whole ? text : text.slice(0, 7);
      expect([isRealDate(input), isRealMonth(input)]).toEqual([calendar(input, true), calendar(input, false)]);
    }), { numRuns: 5000 });
  });

  test('--as-of 9999-06-01 is a usage error (it looped forever)', async () => {
    const { code, err } = await zhibu(['check', '.', '--as-of', '9999-06-01', '--lang', 'en'], records('as-of'));
    expect(code).toBe(2);
    expect(err).toContain('--as-of 9999-06-01 is not a date (YYYY-MM-DD, in the years 1921–2200)');
  });

  test('a record dated 9999 is an input error of its document that says why', async () => {
    const dir = records('record-date');
    const file = path.join(dir, 'hy03-xm2.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('date: 2026-03-25', 'date: 9999-03-25'));
    const { code, report } = await jsonReport(['check', '.', '--as-of', TODAY, '--lang', 'en'], dir);
    expect(code).toBe(2);
    expect(report.inputErrors).toEqual([expect.objectContaining({ file: 'hy03-xm2.yaml', message: expect.stringContaining('"9999-03-25" is outside the years 1921–2200') })]);
    expect(report.summary.branches).toBe(1);
  });

  test('a shard report whose asOf is 9999-06-01 is refused, naming file and field (it looped forever)', async () => {
    const dir = records('shard-as-of');
    const shard = await jsonReport(['check', '.', '--as-of', TODAY, '--shard', '1/1', '--fail-on', 'never'], dir);
    writeFileSync(path.join(dir, 'shard.json'), JSON.stringify({ ...shard.report, asOf: '9999-06-01' }));
    const { code, err } = await zhibu(['merge', 'shard.json'], dir);
    expect(code).toBe(2);
    expect(err).toMatch(/shard\.json: .*asOf/);
  });
});

describe('only regular files are read, and no more than the size cap', () => {
  test('a FIFO (walked or named) and a symlink to /dev/zero are input errors; the other files keep their findings', async () => {
    const dir = records('special');
    execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
    symlinkSync('/dev/zero', path.join(dir, 'zero.yaml'));
    const clean = await jsonReport(['check', 'hy03-jg.yaml', 'hy03-xm2.yaml', 'organization.yaml', '--as-of', TODAY, '--lang', 'en'], dir);
    const { code, report } = await jsonReport(['check', '.', 'pipe.yaml', '--as-of', TODAY, '--lang', 'en'], dir);
    expect(code).toBe(2);
    expect(report.inputErrors).toEqual([
      { file: 'pipe.yaml', line: 1, column: 1, message: 'not a regular file (FIFO); only regular record files are read' },
      { file: 'zero.yaml', line: 1, column: 1, message: 'not a regular file (device); only regular record files are read' },
    ]);
    expect(report.findings).toEqual(clean.report.findings);
  });

  test('readBounded refuses a file over its limit, and a folder', () => {
    const file = path.join(work, 'big.yaml');
    writeFileSync(file, 'x'.repeat(1001));
    expect(() => readBounded(file, 1000)).toThrow(ReadRefused);
    expect(readBounded(file, 1001).length).toBe(1001);
    expect(() => readBounded(work, 1000)).toThrow(/not a regular file: directory/);
  });

  test('a --config or --baseline that is a FIFO is a usage error, not a hang', async () => {
    const dir = records('special-options');
    execFileSync('mkfifo', [path.join(dir, 'fifo')]);
    for (const option of ['--config', '--baseline']) {
      const { code, err } = await zhibu(['check', '.', '--as-of', TODAY, option, 'fifo'], dir);
      expect(code, option).toBe(2);
      expect(err, option).toContain('not a regular file: FIFO');
    }
  });
});

describe('nothing to check is not "all compliant"', () => {
  test('an empty folder is exit 2: no record files under it', async () => {
    const dir = path.join(work, 'empty');
    mkdirSync(path.join(dir, 'records'), { recursive: true });
    writeFileSync(path.join(dir, 'records', 'notes.txt'), 'not a record');
    const { code, err, out } = await zhibu(['check', 'records', '--as-of', TODAY, '--lang', 'en'], dir);
    expect(code).toBe(2);
    expect(err).toContain('no record files (*.yaml, *.yml) under records');
    expect(out).not.toContain('Everything meets the standards');
  });

  test('rectify over an empty folder is exit 2 too', async () => {
    const dir = path.join(work, 'empty-rectify');
    mkdirSync(dir, { recursive: true });
    expect((await zhibu(['rectify', '.', '--as-of', TODAY], dir)).code).toBe(2);
  });
});

describe('names are compared after NFC, without zero-width characters and surrounding white space', () => {
  test('normalizeName', () => {
    expect(normalizeName('\uF9E1四')).toBe('李四');
    expect(normalizeName(' 张三\u3000')).toBe('张三');
    expect(normalizeName('王\u200B五\uFEFF')).toBe('王五');
    expect(normalizeName('pb-003')).toBe('pb-003');
  });

  const branch = (secretary: string, second: string, attendee: string) => `branch:
  id: pb-n
  name: 测试党支部
  secretary: ${secretary}
  elected: 2026-01-10
members:
  - { name: 张三, status: full }
  - { name: ${second}, status: full }
  - { name: 王五, status: full }
activities:
  - { type: general-meeting, date: 2026-02-10, topic: 学习, host: 张三, recorder: 王五, attendees: [张三, ${attendee}, 王五], minutes: true }
`;

  test('李四 written with U+F9E1 and 李四 are one person: a duplicate member', () => {
    expect(checkTexts({ 'n.yaml': branch('张三', '李四', '李四') }, '2026Q1', '2026-04-01', []).inputErrors).toEqual([]);
    const duplicate = checkTexts({ 'n.yaml': branch('张三', '李四', '李四').replace('  - { name: 王五, status: full }', '  - { name: \uF9E1四, status: full }') }, '2026Q1', '2026-04-01', []);
    expect(duplicate.inputErrors.map((e) => e.id)).toEqual(['name.duplicate']);
  });

  test('a trailing space, a full-width space or a zero-width character does not make another person', () => {
    const rules = rulesById('org.secretary', 'records.unknown-person');
    const result = checkTexts({ 'n.yaml': branch('"张三 "', '李四', '"李\u200B四"').replace('host: 张三', 'host: "\u3000张三"') }, '2026Q1', '2026-04-01', rules);
    expect(result.inputErrors).toEqual([]);
    expect(result.findings).toEqual([]);
    const typo = checkTexts({ 'n.yaml': branch('张三', '李四', '李五') }, '2026Q1', '2026-04-01', rules);
    expect(typo.findings.map((f) => f.rule)).toEqual(['records.unknown-person']);
  });
});

describe('names in an aliased document', () => {
  test('a list of names shared by an alias is normalised wherever it is used, and the header keeps its own name', () => {
    const text = 'branch: { id: " pb-a", name: " 甲\u200B", secretary: 张三 }\nmembers: [{ name: 张三, status: full }]\nactivities:\n  - { type: other, date: 2026-01-05, attendees: &all [" 张三\u3000"] }\nprojects: [{ name: 攻坚, goals: *all }]\n';
    const [branch] = loadRecordFile('a.yaml', Buffer.from(text)).branches;
    expect([branch?.id, branch?.header.name, branch?.activities[0]?.attendees, branch?.projects[0]?.goals]).toEqual(['pb-a', ' 甲\u200B', ['张三'], ['张三']]);
  });
});

describe('the default --as-of is today in the configured time zone', () => {
  // 2026-07-01 20:00 UTC is already 2 July in Beijing.
  const evening = () => new Date('2026-07-01T20:00:00Z');

  test('dateIn', () => {
    expect(dateIn('Asia/Shanghai', evening())).toBe('2026-07-02');
    // The default zone goes by its fixed offset, as the time-zone database has it (hourly across 1990–2100, and edges).
    const instants = [Date.UTC(1991, 8, 15, 15, 59), Date.UTC(1991, 11, 31, 16), Date.UTC(1992, 0, 1), Date.UTC(2026, 11, 31, 15, 59, 59, 999), Date.UTC(2026, 11, 31, 16), Date.UTC(2100, 1, 28, 16)];
    for (let t = Date.UTC(1990, 0, 1); t < Date.UTC(2100, 0, 1); t += 3_600_000 * 97) instants.push(t);
    const viaZone = (t: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(t));
    expect(instants.filter((t) => dateIn('Asia/Shanghai', new Date(t)) !== viaZone(t)).map((t) => new Date(t).toISOString())).toEqual([]);
    expect(dateIn('UTC', evening())).toBe('2026-07-01');
  });

  async function run(dir: string) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main({ argv: ['check', '.', '--lang', 'en'], stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) }, cwd: dir, env: { NO_COLOR: '1' }, now: evening });
    return { code, out: out.join(''), err: err.join('') };
  }

  test('Asia/Shanghai by default, printed in the summary: a record dated today in Beijing is not "after today" on a UTC clock', async () => {
    const dir = path.join(work, 'zone-default');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'b.yaml'), 'branch: { id: b, name: 测试党支部, secretary: 张三 }\nmembers: [{ name: 张三, status: full }]\nactivities: [{ type: other, date: 2026-07-02 }]\n');
    const { out } = await run(dir);
    expect(out).toContain('as of 2026-07-02, today in Asia/Shanghai');
    expect(out).not.toContain('records.future-date');
    writeFileSync(path.join(dir, 'zhibu.config.yaml'), 'timezone: UTC\n');
    expect((await run(dir)).out).toContain('records.future-date');
  });

  test('timezone: in zhibu.config.yaml chooses the zone; an unknown zone is a configuration error', async () => {
    const dir = records('zone-utc');
    writeFileSync(path.join(dir, 'zhibu.config.yaml'), 'timezone: UTC\n');
    expect((await run(dir)).out).toContain('as of 2026-07-01, today in UTC');
    writeFileSync(path.join(dir, 'zhibu.config.yaml'), 'timezone: Mars/Olympus\n');
    const bad = await run(dir);
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('zhibu.config.yaml:1:11  input error');
    expect(bad.out).toContain('bad configuration: timezone: not a time zone name');
  });
});

describe('a --previous workbook is bounded before exceljs unpacks it', () => {
  async function workbook(): Promise<Buffer> {
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    book.addWorksheet('整改清单').addRow(['编号']);
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  test('unpackedSize reads the central directory', async () => {
    const bytes = await workbook();
    const size = unpackedSize(bytes);
    expect(size).toBeGreaterThan(1000);
    expect(size).toBeLessThan(100_000);
    expect(unpackedSize(Buffer.from('not a zip'))).toBeNull();
  });

  test('a workbook that unpacks past the cap (a 1M-row list ran the heap out) is refused with what to do', async () => {
    const bytes = await workbook();
    // Claim a 1 GB sheet in the central directory, as a million-row list would have.
    const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const first = bytes.readUInt32LE(end + 16);
    bytes.writeUInt32LE(1_000_000_000, first + 24);
    await expect(readPreviousXlsx(bytes, 'en')).rejects.toThrow(/workbook too large \(954 MB unpacked, the limit is 64 MB\); split the list by branch/);
  });
});

describe('one long flow list', () => {
  test('a list of 100,001 items (one flow line) is one input error of its document, naming the list; the other file is checked', () => {
    const list = Array.from({ length: 100_001 }, (_, i) => `m${i}`).join(', ');
    const result = checkTexts(
      {
        'a.yaml': `branch:\n  id: a\n  name: 甲党支部\n  secretary: 张三\nmembers:\n  - name: 张三\n    status: full\nactivities:\n  - type: other\n    date: 2026-01-05\n    attendees: [${list}]\n`,
        'b.yaml': 'branch: { id: b, name: 乙党支部, secretary: 李四 }\nmembers: [{ name: 李四, status: full }]\n',
      },
      '2026Q1',
      '2026-04-01',
      rulesById('org.branch-min-members'),
    );
    expect(result.inputErrors.map((e) => [e.file, e.line, e.column, e.id, e.args.path])).toEqual([['a.yaml', 9, 5, 'list.too-long', 'activities[0].attendees']]);
    expect(result.findings.map((f) => f.branch)).toEqual(['b']);
    // Skipped like any refused document, so organization rules know a branch went unread.
    expect(result.skipped).toEqual([{ file: 'a.yaml', line: 1, column: 1, kind: 'branch', id: 'a', name: '甲党支部', parent: null }]);
  });

  test('a long list kept under an x- key of a valid document is refused as well', () => {
    const list = Array.from({ length: 100_001 }, (_, i) => i).join(', ');
    const result = checkTexts({ 'a.yaml': `branch: { id: a, name: 甲党支部, secretary: 张三 }\nmembers:\n  - name: 张三\n    status: full\n    x-log: { days: [${list}] }\n` }, '2026Q1', '2026-04-01', rulesById('org.branch-min-members'));
    expect(result.inputErrors.map((e) => [e.line, e.column, e.id, e.args.path])).toEqual([[3, 5, 'list.too-long', 'members[0].x-log.days']]);
  });
});
