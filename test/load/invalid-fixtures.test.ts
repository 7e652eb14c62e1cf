import { describe, expect, it, test } from 'vitest';
import { messageIds, render } from '../../src/i18n/index.js';
import type { InputError } from '../../src/model/types.js';
import { fixtureFiles, loadFixture, readBytes, where } from '../support/fixtures.js';

/** One expected input error: where, which id, and what its message must mention. */
interface Expected {
  at: string;
  id: string;
  /** `args.path` (the field path), when the error is about one field. */
  path?: string;
  /** Text both the zh and the en message contain (field path, bad value, hint). */
  says?: string[];
  zh?: string[];
  en?: string[];
}

// fixture → the errors it yields (in file order) and the branches that still load.
const cases: { file: string; errors: Expected[]; loads: string[] }[] = [
  {
    file: 'yaml-syntax-after-valid-document.yaml',
    errors: [{ at: '11:1', id: 'yaml.syntax', says: ['TAB_AS_INDENT'], zh: ['YAML 语法错误', '其余部分未读取'], en: ['YAML syntax error', 'rest of the file'] }],
    loads: ['inv-syntax-first'],
  },
  {
    file: 'yaml-duplicate-key.yaml',
    errors: [{ at: '6:3', id: 'yaml.document', zh: ['重复的键'], en: ['duplicate key'] }],
    loads: ['inv-duplicate-key-next'],
  },
  {
    file: 'yaml-alias-bomb.yaml',
    errors: [{ at: '7:10', id: 'yaml.document', says: ['10000', 'billion laughs'] }],
    loads: [],
  },
  {
    file: 'encoding-not-utf8-gbk.yaml',
    errors: [{ at: '4:9', id: 'file.not-utf8', says: ['UTF-8', '0xB5', 'iconv -f GBK -t UTF-8'] }],
    loads: [],
  },
  {
    file: 'date-unreal.yaml',
    errors: [{ at: '7:11', id: 'date.invalid', path: 'activities[0].date', says: ['activities[0].date', '2026-02-30', 'YYYY-MM-DD'] }],
    loads: [],
  },
  {
    file: 'dues-bad-month.yaml',
    errors: [{ at: '6:21', id: 'month.invalid', path: 'members[0].dues[1]', says: ['members[0].dues[1]', '2026-13', 'YYYY-MM'] }],
    loads: [],
  },
  {
    file: 'number-quoted.yaml',
    errors: [{ at: '8:12', id: 'type.quoted-number', path: 'activities[0].hours', says: ['activities[0].hours', '"2"'], zh: ['不要加引号'], en: ['without quotes'] }],
    loads: [],
  },
  {
    file: 'count-negative.yaml',
    errors: [{ at: '9:14', id: 'number.negative', path: 'activities[0].present', says: ['activities[0].present', '-3'], zh: ['负数'], en: ['negative'] }],
    loads: [],
  },
  {
    file: 'key-unknown-near-miss.yaml',
    errors: [{ at: '6:3', id: 'key.unknown', path: 'branch.committe', says: ['branch.committe', 'committee', 'x-'], zh: ['是否应为 committee'], en: ['did you mean committee'] }],
    loads: [],
  },
  {
    file: 'enum-bad-value.yaml',
    errors: [{ at: '6:11', id: 'enum.invalid', path: 'activities[0].type', says: ['activities[0].type', '三会一课', 'general-meeting', '支部党员大会', 'probation-review'] }],
    loads: [],
  },
  {
    file: 'required-for-type.yaml',
    errors: [
      ['7:5', 0, 'group', 'group-meeting'],
      ['8:5', 1, 'lecturer', 'party-lecture'],
      ['9:5', 2, 'form', 'theme-day'],
      ['10:5', 3, 'with', 'heart-to-heart'],
      ['11:5', 4, 'hours', 'training'],
      ['12:5', 5, 'eligible', 'election'],
      ['12:5', 5, 'present', 'election'],
      ['13:5', 6, 'member', 'probation-review'],
    ].map(([at, index, field, type]) => ({
      at: at as string,
      id: 'field.required-for-type',
      path: `activities[${String(index)}].${String(field)}`,
      says: [`activities[${String(index)}].${String(field)}`, String(type)],
    })),
    loads: [],
  },
  {
    file: 'member-name-duplicate.yaml',
    errors: [{ at: '6:13', id: 'name.duplicate', path: 'members[2].name', says: ['members[2].name', '张三'], zh: ['第 1 项'], en: ['entry 1'] }],
    loads: [],
  },
  {
    file: 'errors-all-in-one-run.yaml',
    errors: [
      { at: '7:13', id: 'name.duplicate', path: 'members[2].name', says: ['张三'] },
      { at: '10:13', id: 'name.duplicate', path: 'groups[1].name', says: ['第一党小组'] },
      { at: '12:36', id: 'date.invalid', path: 'activities[0].date', says: ['2026-02-30'] },
    ],
    loads: [],
  },
  {
    file: 'document-neither.yaml',
    errors: [{ at: '2:1', id: 'document.neither', says: ['branch:', 'organization:'], zh: ['第 1 个文档'], en: ['document 1'] }],
    loads: [],
  },
  {
    file: 'document-both.yaml',
    errors: [{ at: '2:1', id: 'document.both', says: ['branch:', 'organization:'], zh: ['第 1 个文档'], en: ['document 1'] }],
    loads: [],
  },
  {
    file: 'list-expected-string.yaml',
    errors: [{ at: '8:16', id: 'type.invalid', path: 'activities[0].attendees', says: ['activities[0].attendees', '张三'], zh: ['列表'], en: ['a list'] }],
    loads: [],
  },
  // Valid files among the invalid ones: they must load whole.
  { file: 'encoding-utf8-bom-crlf.yaml', errors: [], loads: ['inv-bom-crlf'] },
  { file: 'key-x-extension.yaml', errors: [], loads: ['inv-x-keys'] },
  { file: 'enum-chinese-labels.yaml', errors: [], loads: ['inv-enum-labels'] },
  { file: 'document-empty.yaml', errors: [], loads: ['inv-empty-documents'] },
  // Each file of a duplicated id is fine on its own; check() decides which one is skipped.
  { file: 'branch-duplicate-a.yaml', errors: [], loads: ['inv-duplicate-id'] },
  { file: 'branch-duplicate-b.yaml', errors: [], loads: ['inv-duplicate-id'] },
];

const position = (e: InputError) => `${e.line}:${e.column}`;

describe.each(cases)('fixtures/invalid/$file', ({ file, errors, loads }) => {
  const loaded = loadFixture(`fixtures/invalid/${file}`);

  it('reports each error at the offending node, with its id and field path', () => {
    expect(loaded.errors.map((e) => ({ file: e.file, at: position(e), id: e.id, path: e.args.path }))).toEqual(
      errors.map((e) => ({ file: `fixtures/invalid/${file}`, at: e.at, id: e.id, path: e.path })),
    );
  });

  it('says what is wrong in both languages', () => {
    loaded.errors.forEach((error, i) => {
      const expected = errors[i] as Expected;
      const zh = render('zh', error.id, error.args);
      const en = render('en', error.id, error.args);
      for (const text of [...(expected.says ?? []), ...(expected.zh ?? [])]) expect(zh).toContain(text);
      for (const text of [...(expected.says ?? []), ...(expected.en ?? [])]) expect(en).toContain(text);
    });
  });

  it('still loads the documents that are not broken', () => {
    expect(loaded.branches.map((b) => b.id)).toEqual(loads);
    expect(loaded.organizations).toEqual([]);
  });
});

test('every fixture in fixtures/invalid has a case', () => {
  const covered = new Set(cases.map((c) => `fixtures/invalid/${c.file}`));
  expect(fixtureFiles('invalid').filter((f) => !covered.has(f))).toEqual([]);
});

test('every input error id is a message id', () => {
  const ids = new Set(['file.too-large', 'branch.duplicate', 'organization.duplicate', 'path.missing', 'field.required', 'period.invalid', ...cases.flatMap((c) => c.errors.map((e) => e.id))]);
  expect([...ids].filter((id) => !(messageIds() as string[]).includes(id))).toEqual([]);
});

describe('byte-exact fixtures are what they claim to be', () => {
  test('encoding-utf8-bom-crlf.yaml starts with a BOM and ends every line with CRLF', () => {
    const bytes = Buffer.from(readBytes('fixtures/invalid/encoding-utf8-bom-crlf.yaml'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\n').length).toBeGreaterThan(5);
    expect(text.split('\r\n').length).toBe(text.split('\n').length);
  });

  test('encoding-not-utf8-gbk.yaml holds 第一党支部 in GBK', () => {
    const bytes = Buffer.from(readBytes('fixtures/invalid/encoding-not-utf8-gbk.yaml'));
    // 第 b5 da, 一 d2 bb, 党 b5 b3, 支 d6 a7, 部 b2 bf
    expect(bytes.includes(Buffer.from('b5dad2bbb5b3d6a7b2bf', 'hex'))).toBe(true);
    expect(new TextDecoder('gbk').decode(bytes)).toContain('name: 第一党支部');
  });
});

describe('records of the valid files among them', () => {
  test('BOM and CRLF do not shift positions: header, member and activity', () => {
    const [branch] = loadFixture('fixtures/invalid/encoding-utf8-bom-crlf.yaml').branches;
    if (!branch) throw new Error('the branch did not load');
    expect([branch.at, branch.members[0]?.at, branch.activities[0]?.at].map((at) => where(branch, at ?? -1))).toEqual(['2:1', '7:5', '10:5']);
    expect(branch.header.name).toBe('带BOM和CRLF的党支部');
    expect(branch.activities[0]?.attendees).toEqual(['张三']);
  });

  test('Chinese labels read as the English tokens; 旅游 is entertainment', () => {
    const [branch] = loadFixture('fixtures/invalid/enum-chinese-labels.yaml').branches;
    expect(branch?.header.kind).toBe('branch');
    expect(branch?.members.map((m) => m.status)).toEqual(['full', 'probationary']);
    expect(branch?.activities.map((a) => [a.type, a.form ?? null])).toEqual([
      ['general-meeting', null],
      ['theme-day', 'entertainment'],
    ]);
  });

  test('x- keys are accepted wherever a record is, and change nothing', () => {
    const [branch] = loadFixture('fixtures/invalid/key-x-extension.yaml').branches;
    expect(branch?.header.secretary).toBe('张三');
    expect(branch?.members.map((m) => m.name)).toEqual(['张三']);
    expect(branch?.activities.map((a) => [a.type, a.date, a.topic])).toEqual([['other', '2026-07-01', '整理台账']]);
  });
});
