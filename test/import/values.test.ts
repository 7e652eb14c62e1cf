import { describe, expect, test } from 'vitest';
import { parseAbsentees, parseDate, parseDuesCell, parseMonth, parseNames, parseStatus, parseType, parseYesNo } from '../../src/import/values.js';
import { decodeCsv } from '../../src/import/sheets.js';

describe('dates as people type them', () => {
  test.each([
    [new Date(Date.UTC(2026, 8, 23)), '2026-09-23'],
    [46288, '2026-09-23'],
    ['46288', '2026-09-23'],
    ['2026-09-23', '2026-09-23'],
    ['2026/9/23', '2026-09-23'],
    ['2026.9.23', '2026-09-23'],
    ['2026年9月23日', '2026-09-23'],
    ['2026 年 9 月 23 日', '2026-09-23'],
    ['２０２６/9/23', '2026-09-23'],
    ['2026/9/23 14:30', '2026-09-23'],
    [20260923, '2026-09-23'],
    ['20260923', '2026-09-23'],
    ['2024/2/29', '2024-02-29'],
  ])('%s → %s', (cell, date) => {
    expect(parseDate(cell)).toEqual({ ok: true, value: date });
  });

  test.each(['2026/13/45', '2026/2/30', '2025年2月29日', '9/23', '下周三', 25, '2026-9'])('%s is no date', (cell) => {
    expect(parseDate(cell).ok).toBe(false);
  });
});

test.each([
  ['张三、李四，王五,赵六 孙七\n周八', ['张三', '李四', '王五', '赵六', '孙七', '周八']],
  ['  张三  ', ['张三']],
  ['', []],
])('names %j', (cell, names) => {
  expect(parseNames(cell)).toEqual(names);
});

test('absentees with their reasons, in either kind of bracket', () => {
  expect(parseAbsentees('王五（出差）、赵六(病假)，孙七')).toEqual([{ name: '王五', reason: '出差' }, { name: '赵六', reason: '病假' }, { name: '孙七' }]);
});

test.each([
  ['支部党员大会', 'general-meeting'],
  ['党员大会', 'general-meeting'],
  ['支委会', 'committee-meeting'],
  ['党小组会', 'group-meeting'],
  ['主题党日活动', 'theme-day'],
  ['party-lecture', 'party-lecture'],
  [' 组织生活会 ', 'life-meeting'],
])('meeting type %s', (cell, token) => {
  expect(parseType(cell)).toEqual({ ok: true, value: token });
});

test('an unknown meeting type names every allowed one', () => {
  const parsed = parseType('茶话会');
  expect(parsed.ok).toBe(false);
  expect(!parsed.ok && parsed.allowed).toContain('支部党员大会、支部委员会会议、党小组会、党课、主题党日');
});

test('status, yes/no and dues cells', () => {
  expect([parseStatus('正式党员'), parseStatus('预备'), parseStatus('群众').ok]).toEqual([{ ok: true, value: 'full' }, { ok: true, value: 'probationary' }, false]);
  expect([parseYesNo('是'), parseYesNo('否'), parseYesNo('也许').ok]).toEqual([{ ok: true, value: true }, { ok: true, value: false }, false]);
  expect(['50', 50, '✓', '√', '已交', '¥30.5'].map((c) => parseDuesCell(c))).toEqual(Array(6).fill({ ok: true, value: true }));
  expect(['', null, 0, '0', '×', '未交'].map((c) => parseDuesCell(c))).toEqual(Array(6).fill({ ok: true, value: false }));
  expect(parseDuesCell('欠').ok).toBe(false);
});

test('month headers of the dues matrix', () => {
  expect(['2026年1月', '2026-01', '2026.1', '2026/10'].map((c) => parseMonth(c, null))).toEqual(['2026-01', '2026-01', '2026-01', '2026-10']);
  expect(['1月', '十二月', '3月份'].map((c) => parseMonth(c, 2026))).toEqual(['2026-01', '2026-12', '2026-03']);
  expect(parseMonth('1月', null)).toBeNull();
  expect(parseMonth('合计', 2026)).toBeNull();
});

test('CSV bytes: UTF-8 with or without BOM as UTF-8, anything else as GB18030', () => {
  const gbk = new Uint8Array([0xd5, 0xc5, 0xc8, 0xfd, 0x2c, 0xc0, 0xee, 0xcb, 0xc4]); // 张三,李四
  expect(decodeCsv(gbk)).toEqual({ text: '张三,李四', encoding: 'gb18030' });
  expect(decodeCsv(new TextEncoder().encode('\uFEFF张三,李四'))).toEqual({ text: '张三,李四', encoding: 'utf-8' });
  expect(decodeCsv(new TextEncoder().encode('张三,李四'))).toEqual({ text: '张三,李四', encoding: 'utf-8' });
});
