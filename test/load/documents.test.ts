import { describe, expect, test } from 'vitest';
import { render } from '../../src/i18n/index.js';
import { MAX_FILE_BYTES } from '../../src/load/files.js';
import { loadRecordFile, type LoadedFile } from '../../src/load/records.js';
import { fixtureFiles, readBytes, where } from '../support/fixtures.js';

const HEAD = 'branch: { id: a, name: A, secretary: 张三 }\n';
const load = (text: string | Uint8Array) => loadRecordFile('t.yaml', typeof text === 'string' ? Buffer.from(text) : text);
/** Errors as `line:column id path`, the loaded branch ids and organization ids. */
const outline = (loaded: LoadedFile) => ({
  errors: loaded.errors.map((e) => `${e.line}:${e.column} ${e.id}${e.args.path ? ` ${String(e.args.path)}` : ''}`),
  branches: loaded.branches.map((b) => b.id),
  organizations: loaded.organizations.map((o) => o.id),
});
const activity = (fields: string) => `${HEAD}members: [{ name: 张三, status: full }]\nactivities:\n  - { type: other, ${fields} }\n`;

describe('dates, months and periods', () => {
  test.each([
    ['date: 2026-07-08', []],
    ['date: "2026-07-08"', []],
    ["date: '2026-07-08'", []],
    ['date: 2028-02-29', []],
    ['date: 2000-02-29', []],
    ['date: 2026-02-29', ['4:26 date.invalid activities[0].date']],
    ['date: 2100-02-29', ['4:26 date.invalid activities[0].date']],
    ['date: 2026-04-31', ['4:26 date.invalid activities[0].date']],
    ['date: 2026-00-10', ['4:26 date.invalid activities[0].date']],
    ['date: 2026-7-8', ['4:26 date.invalid activities[0].date']],
    ['date: 2026-07-08T09:00', ['4:26 date.invalid activities[0].date']],
    ['date: 20260708', ['4:26 date.invalid activities[0].date']],
    ['topic: 无日期', ['4:5 field.required activities[0].date']],
  ])('%s → %j', (fields, errors) => {
    expect(outline(load(activity(fields))).errors).toEqual(errors);
  });

  test.each([
    ['2026-12', []],
    ['"2026-01"', []],
    ['2026-00', ['3:38 month.invalid members[0].dues[0]']],
    ['2026-1', ['3:38 month.invalid members[0].dues[0]']],
    ['2026', ['3:38 month.invalid members[0].dues[0]']],
    ['2026-06-01', ['3:38 month.invalid members[0].dues[0]']],
  ])('dues: [%s] → %j', (month, errors) => {
    expect(outline(load(`${HEAD}members:\n  - { name: 张三, status: full, dues: [${month}] }\n`)).errors).toEqual(errors);
  });

  test.each([
    ['2026-02', []],
    ['2026Q1', []],
    ['2026', []],
    ['"2026"', []],
    ['2026Q5', ['3:35 period.invalid exemptions[0].period']],
    ['26', ['3:35 period.invalid exemptions[0].period']],
    ['2026-13', ['3:35 period.invalid exemptions[0].period']],
  ])('exemption period: %s → %j', (period, errors) => {
    expect(outline(load(`${HEAD}exemptions:\n  - { rule: x, reason: y, period: ${period} }\n`)).errors).toEqual(errors);
  });
});

describe('shapes', () => {
  test.each([
    ['hours: "2"', '4:45 type.quoted-number activities[0].hours'],
    ['expected: "3"', '4:48 type.quoted-number activities[0].expected'],
    ['hours: 两小时', '4:45 type.invalid activities[0].hours'],
    ['expected: 2.5', '4:48 type.invalid activities[0].expected'],
    ['hours: -1', '4:45 number.negative activities[0].hours'],
    ['eligible: -1', '4:48 number.negative activities[0].eligible'],
    ['attendees: 张三', '4:49 type.invalid activities[0].attendees'],
    ['attendees: [""]', '4:50 field.required activities[0].attendees[0]'],
    ['absentees: [张三]', '4:50 type.invalid activities[0].absentees[0]'],
    ['minutes: [a]', '4:47 type.invalid activities[0].minutes'],
    ['topics: x', '4:38 key.unknown activities[0].topics'],
  ])('date: 2026-07-08, %s → %s', (fields, error) => {
    expect(outline(load(activity(`date: 2026-07-08, ${fields}`))).errors).toEqual([error]);
  });

  test.each([
    // Documented for another type: accepted and ignored.
    'lecturer: 张三',
    'form: study',
    'eligible: 1',
    'present: 0',
    'minutes: false',
    'topic: ""',
    'attendees: []',
    'hours: 1.5',
  ])('date: 2026-07-08, %s loads', (fields) => {
    expect(outline(load(activity(`date: 2026-07-08, ${fields}`)))).toEqual({ errors: [], branches: ['a'], organizations: [] });
  });

  test.each([
    ['a member without status', `${HEAD}members:\n  - { name: 张三 }\n`, '3:5 field.required members[0].status'],
    ['an empty name', `${HEAD}members:\n  - { name: "", status: full }\n`, '3:13 field.required members[0].name'],
    ['a header without secretary', 'branch:\n  id: a\n  name: A\n', '2:3 field.required branch.secretary'],
    ['a mistyped top-level key', `${HEAD}activity:\n  - { type: other, date: 2026-07-08 }\n`, '2:1 key.unknown activity'],
    ['a unit count in quotes', 'organization: { id: o, name: O }\nunits:\n  - { name: U, party_members: "2" }\n', '3:31 type.quoted-number units[0].party_members'],
    ['a unit without count', 'organization: { id: o, name: O }\nunits:\n  - { name: U }\n', '3:5 field.required units[0].party_members'],
    ['a leader named twice', 'organization: { id: o, name: O }\nleaders:\n  - { name: 赵六 }\n  - { name: 赵六 }\n', '4:13 name.duplicate leaders[1].name'],
    ['a mistyped leader key', 'organization: { id: o, name: O }\nleaders:\n  - { name: 赵六, liasion: pb-1 }\n', '3:17 key.unknown leaders[0].liasion'],
  ])('%s', (_, text, error) => {
    expect(outline(load(text)).errors).toEqual([error]);
  });

  test('the hint for a mistyped key names the key it is near', () => {
    const [error] = load('organization: { id: o, name: O }\nleaders:\n  - { name: 赵六, liasion: pb-1 }\n').errors;
    expect(error?.args).toMatchObject({ key: 'liasion', suggestion: 'liaison' });
    expect(render('en', error?.id ?? 'key.unknown', error?.args)).toContain('did you mean liaison?');
  });

  test('at most 20 errors are listed for one document', () => {
    const activities = Array.from({ length: 30 }, (_, i) => `  - { type: other, date: 2026-02-${30 + (i % 2)} }\n`).join('');
    const { errors } = load(`${HEAD}activities:\n${activities}`);
    expect(errors).toHaveLength(20);
    expect(errors.map((e) => e.line)).toEqual(Array.from({ length: 20 }, (_, i) => i + 3));
  });
});

describe('documents', () => {
  test.each([
    ['a mapping without a header', `${HEAD}---\n# just a comment\nfoo: 1\n`, '4:1'],
    ['a list', `${HEAD}---\n- 1\n`, '3:1'],
    ['plain text', `${HEAD}---\njust text\n`, '3:1'],
    ['a misspelt header', `${HEAD}---\nBranch: { id: b, name: B, secretary: x }\n`, '3:1'],
  ])('%s as the second document is document.neither there; the first still loads', (_, text, at) => {
    const loaded = load(text);
    expect(outline(loaded)).toEqual({ errors: [`${at} document.neither`], branches: ['a'], organizations: [] });
    expect(loaded.errors[0]?.args.document).toBe(2);
    expect(render('en', 'document.neither', loaded.errors[0]?.args)).toContain('document 2');
  });

  test.each([
    ['an unclosed quote', 'branch:\n  id: "b\n  name: B\n'],
    ['an unclosed flow list', 'branch: { id: b, name: [B, secretary: x }\n'],
    ['a tab as indentation', 'branch:\n\tid: b\n'],
    ['a bad indentation', 'branch:\n  id: b\n name: B\n'],
  ])('%s in the second document: the first loads, the rest is one yaml.syntax error', (_, broken) => {
    const loaded = load(`${HEAD}members: [{ name: 张三, status: full }]\n---\n${broken}---\n${HEAD.replace('id: a', 'id: c')}`);
    expect(loaded.branches.map((b) => b.id)).toEqual(['a']);
    expect(loaded.errors.map((e) => e.id)).toEqual(['yaml.syntax']);
    expect(loaded.errors[0]?.line).toBeGreaterThanOrEqual(4);
  });

  test('a syntax error in the first document leaves nothing to read', () => {
    expect(outline(load(`branch:\n\tid: a\n---\n${HEAD}`))).toEqual({ errors: ['2:1 yaml.syntax'], branches: [], organizations: [] });
  });

  test('a duplicate key skips only its own document', () => {
    const text = `${HEAD}---\nbranch: { id: b, name: B, name: C, secretary: x }\n---\n${HEAD.replace('id: a', 'id: c')}`;
    expect(outline(load(text))).toEqual({ errors: ['3:27 yaml.document'], branches: ['a', 'c'], organizations: [] });
  });

  test('branch and organization documents may share a file', () => {
    expect(outline(load(`organization: { id: o, name: O }\n---\n${HEAD}`))).toEqual({ errors: [], branches: ['a'], organizations: ['o'] });
  });
});

describe('dated entries after today', () => {
  const text = `${HEAD}members:\n  - { name: 张三, status: full, training: [{ date: 2026-10-09, hours: 1 }] }\nactivities:\n  - { type: other, date: 2027-01-01 }\nprojects:\n  - { name: P, approved: 2027-01-01, progress: [{ date: 2026-12-01 }] }\n`;

  test('are no input error: the document loads (records.future-date reports them when no --as-of is given)', () => {
    expect(outline(load(text))).toEqual({ errors: [], branches: ['a'], organizations: [] });
  });
});

describe('encodings and sizes', () => {
  test('BOM and CRLF: an error is still at the right line and column', () => {
    const text = `\uFEFF# comment\r\n${activity('date: 2026-02-30')}`.replace(/(?<!\r)\n/g, '\r\n');
    expect(outline(load(text)).errors).toEqual(['5:26 date.invalid activities[0].date']);
  });

  test('a file over the size limit is refused before it is decoded', () => {
    const bytes = Buffer.alloc(MAX_FILE_BYTES + 1, 0xff);
    expect(load(bytes).errors).toEqual([{ file: 't.yaml', line: 1, column: 1, id: 'file.too-large', args: { size: MAX_FILE_BYTES + 1, limit: MAX_FILE_BYTES } }]);
  });

  // The fast path changes a document in place: a node an alias shares must read as written in each place.
  test('a mapping shared by an alias is two records, and is read as written in each place', () => {
    const text = `${HEAD}activities:\n  - &m { type: 支部委员会会议, date: 2026-07-08 }\n  - *m\n`;
    const twice = load(text).branches[0]?.activities;
    expect(twice?.map((a) => [a.index, a.at, a.key])).toEqual([[0, text.indexOf('{ type'), 'committee-meeting@2026-07-08'], [1, text.indexOf('*m'), 'committee-meeting@2026-07-08#2']]);
    const mixed = load(`${HEAD}members:\n  - &p { name: 张三, status: 正式党员 }\nprojects:\n  - *p\n`);
    expect(mixed.errors.map((e) => [e.id, e.args.path, e.args.value])).toEqual([['enum.invalid', 'projects[0].status', '"正式党员"']]);
  });

  test('an alias bomb fails fast', () => {
    const started = performance.now();
    const loaded = load(readBytes('fixtures/invalid/yaml-alias-bomb.yaml'));
    expect(loaded.errors.map((e) => e.args.code)).toEqual(['ALIAS_LIMIT']);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

// A comment cannot change data: whichever way the loader parses (it may pick a
// different parser when the text contains anchor-like characters), the result is the same.
describe.each(fixtureFiles('invalid').concat(fixtureFiles('valid')).filter((f) => !f.includes('not-utf8')))('%s', (file) => {
  test('an appended comment mentioning &anchors and *aliases changes nothing', () => {
    const text = Buffer.from(readBytes(file)).toString('utf8');
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const records = (loaded: LoadedFile) => ({
      ...outline(loaded),
      at: loaded.branches.map((b) => [b.at, ...b.members.map((m) => m.at), ...b.activities.map((a) => a.at)].map((at) => where(b, at))),
    });
    expect(records(load(`${text}${eol}# &anchor *alias${eol}`))).toEqual(records(load(text)));
  });
});
