// Writes the import fixtures (fixtures/import/) from one set of facts: two branches, 30 members,
// the third quarter of 2026.
//   台账.xlsx                 党员名册, 支部委员会, 三会一课 (第一项目部), 党费收缴台账 — values typed
//                             the ways people type them (Excel dates, serials, 2026/9/23, 2026.9.23,
//                             2026年9月23日; names with 、，spaces and new lines; a planned-only row)
//   三会一课-第二项目部.csv     the platform template's columns, GBK-encoded as Excel on a Chinese system saves
//   expected/*.yaml           the same facts written directly as records (not through the importer)
// Run: node scripts/gen-ledgers.mjs  (deterministic; test/import/ledgers.test.ts compares findings)
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'fixtures', 'import');
mkdirSync(path.join(out, 'expected'), { recursive: true });

const B1 = '第一项目部党支部';
const B2 = '第二项目部党支部';
const names1 = ['张建国', '李红梅', '王志强', '赵丽', '陈伟', '刘洋', '杨帆', '黄磊', '周敏', '吴刚', '徐静', '孙浩', '马超', '朱琳', '胡军', '郭涛', '何丹', '高翔'];
const names2 = ['林海', '郑爽', '梁斌', '宋佳', '谢飞', '韩雪', '唐亮', '冯波', '于婷', '董鹏', '萧然', '程远'];

const members = [
  ...names1.map((name, i) => ({
    branch: B1,
    name,
    status: name === '高翔' ? 'probationary' : 'full',
    admitted: name === '高翔' ? '2025-11-20' : `${2000 + i}-07-01`,
    confirmed: name === '高翔' ? null : `${2001 + i}-07-01`,
    group: i < 9 ? '第一党小组' : '第二党小组',
    leader: name === '张建国',
  })),
  ...names2.map((name, i) => ({ branch: B2, name, status: 'full', admitted: `${2005 + i}-06-15`, confirmed: `${2006 + i}-06-15`, group: null, leader: false })),
];
const committee = [
  { branch: B1, name: '张建国', title: '书记', elected: '2024-06-18' },
  { branch: B1, name: '李红梅', title: '副书记', elected: '2024-06-18' },
  { branch: B1, name: '王志强', title: '组织委员', elected: '2024-06-18' },
  { branch: B1, name: '赵丽', title: '宣传委员', elected: '2024-06-18' },
  { branch: B1, name: '陈伟', title: '纪检委员', elected: '2024-06-18' },
  { branch: B2, name: '林海', title: '书记', elected: '2023-03-10' },
  { branch: B2, name: '郑爽', title: '组织委员', elected: '2023-03-10' },
  { branch: B2, name: '梁斌', title: '宣传委员', elected: '2023-03-10' },
];
const g1 = names1.slice(0, 9);
const g2 = names1.slice(9);
const c1 = names1.slice(0, 5);
const c2 = names2.slice(0, 3);
const all1 = names1.filter((n) => n !== '孙浩');
// The meetings, with the way each date is typed (date | serial | slash | dot | chinese).
const meetings = [
  { branch: B1, type: 'committee-meeting', label: '支部委员会会议', date: '2026-07-03', as: 'date', topic: '研究七月份支部工作', host: '张建国', recorder: '李红梅', attendees: c1, sep: '、' },
  { branch: B1, type: 'committee-meeting', label: '支委会', date: '2026-08-05', as: 'slash', topic: '研究八月份支部工作', host: '张建国', recorder: '李红梅', attendees: c1, sep: '，' },
  { branch: B1, type: 'committee-meeting', label: '支部委员会会议', date: '2026-09-04', as: 'dot', topic: '研究九月份支部工作', host: '张建国', recorder: '李红梅', attendees: c1.slice(0, 4), absentees: [{ name: '陈伟', reason: '出差' }], sep: ' ' },
  { branch: B1, type: 'general-meeting', label: '支部党员大会', date: '2026-09-20', as: 'chinese', topic: '学习贯彻党的二十届四中全会精神', host: '张建国', recorder: '李红梅', attendees: all1, absentees: [{ name: '孙浩', reason: '病假' }], sep: '\n', minutes: '会议传达学习了全会精神，党员结合岗位谈体会。', decision: '通过支部下半年工作计划' },
  { branch: B1, type: 'group-meeting', label: '党小组会', date: '2026-07-10', as: 'serial', group: '第一党小组', topic: '学习安全生产规定', host: '王志强', recorder: '刘洋', attendees: g1, sep: '、' },
  { branch: B1, type: 'group-meeting', label: '党小组会', date: '2026-08-12', as: 'date', group: '第一党小组', topic: '学习党纪处分条例', host: '王志强', recorder: '刘洋', attendees: g1, sep: '、' },
  { branch: B1, type: 'group-meeting', label: '党小组会', date: '2026-09-11', as: 'slash', group: '第一党小组', topic: '交流学习体会', host: '王志强', recorder: '刘洋', attendees: g1, sep: '、' },
  { branch: B1, type: 'group-meeting', label: '党小组会议', date: '2026-07-11', as: 'date', group: '第二党小组', topic: '学习安全生产规定', host: '吴刚', recorder: '徐静', attendees: g2, sep: '、' },
  { branch: B1, type: 'group-meeting', label: '党小组会', date: '2026-08-13', as: 'dot', group: '第二党小组', topic: '学习党纪处分条例', host: '吴刚', recorder: '徐静', attendees: g2, sep: '，' },
  { branch: B1, type: 'party-lecture', label: '党课', date: '2026-08-25', as: 'date', topic: '书记讲党课：弘扬伟大建党精神', lecturer: '张建国', attendees: all1, sep: '、', hours: 2 },
  { branch: B1, type: 'theme-day', label: '主题党日', date: '2026-07-01', as: 'date', form: '红色教育基地参观学习', formToken: 'red-education', topic: '参观革命纪念馆', attendees: all1, sep: '、' },
  { branch: B1, type: 'theme-day', label: '主题党日活动', date: '2026-08-01', as: 'serial', form: '志愿服务', formToken: 'volunteer', topic: '进社区志愿服务', attendees: all1, sep: '、' },
  { branch: B1, type: 'theme-day', label: '主题党日', date: '2026-09-01', as: 'chinese', form: '专题学习', formToken: 'study', topic: '专题学习党的创新理论', attendees: all1, sep: '、' },
  { branch: B1, type: 'heart-to-heart', label: '谈心谈话', date: '2026-07-20', as: 'date', host: '张建国', with: ['高翔'] },
  { branch: B1, type: 'general-meeting', label: '支部党员大会', planned: '2026-12-20', topic: '年度民主评议党员' },
  { branch: B2, type: 'committee-meeting', label: '支部委员会会议', date: '2026-07-08', as: 'slash', topic: '研究七月份工作', host: '林海', recorder: '郑爽', attendees: c2, expected: 3, present: 3, sep: '、' },
  { branch: B2, type: 'committee-meeting', label: '支部委员会会议', date: '2026-08-08', as: 'slash', topic: '研究八月份工作', host: '林海', recorder: '郑爽', attendees: c2, expected: 3, present: 3, sep: '、' },
  { branch: B2, type: 'general-meeting', label: '支部党员大会', date: '2026-08-28', as: 'dot', topic: '学习贯彻全会精神', host: '林海', recorder: '郑爽', attendees: names2.slice(0, 10), absentees: [{ name: '萧然', reason: '出差' }, { name: '程远', reason: '病假' }], expected: 12, present: 10, sep: '、', minutes: '传达学习全会精神', decision: '通过学习计划' },
  { branch: B2, type: 'party-lecture', label: '党课', date: '2026-09-10', as: 'slash', topic: '党课：牢记初心使命', lecturer: '林海', attendees: names2, expected: 12, present: 12, sep: '、' },
  { branch: B2, type: 'theme-day', label: '主题党日', date: '2026-07-05', as: 'slash', form: '研究讨论', formToken: 'discussion', topic: '讨论项目攻坚措施', attendees: names2, sep: '、' },
  { branch: B2, type: 'theme-day', label: '主题党日', date: '2026-08-05', as: 'chinese', form: '旅游', formToken: 'entertainment', topic: '集体出游', attendees: names2, sep: '、' },
  { branch: B2, type: 'theme-day', label: '主题党日', date: '2026-09-05', as: 'dot', form: '志愿服务', formToken: 'volunteer', topic: '义务植树', attendees: names2, sep: '、' },
  { branch: B2, type: 'committee-meeting', label: '支部委员会会议', planned: '2026-12-08', topic: '研究十二月份工作' },
];
// Dues, 2026-07..09: an amount, a tick, or nothing. 孙浩 and 程远 paid nothing in August and September.
const dueMonths = ['2026-07', '2026-08', '2026-09'];
const dueCell = (name, month) => ((name === '孙浩' || name === '程远') && month !== '2026-07' ? null : name.length === 2 && month === '2026-09' ? '✓' : 50);

const [Y, M, D] = [0, 1, 2];
const parts = (date) => date.split('-').map(Number);
const serial = (date) => (Date.UTC(parts(date)[Y], parts(date)[M] - 1, parts(date)[D]) - Date.UTC(1899, 11, 30)) / 86_400_000;
function typed(date, as) {
  const [y, m, d] = parts(date);
  if (as === 'date') return new Date(Date.UTC(y, m - 1, d));
  if (as === 'serial') return serial(date);
  if (as === 'slash') return `${y}/${m}/${d}`;
  if (as === 'dot') return `${y}.${m}.${d}`;
  return `${y}年${m}月${d}日`;
}
const absentText = (list = []) => list.map((a) => `${a.name}（${a.reason}）`).join('、');

// ---- the workbook
const book = new ExcelJS.Workbook();
const roster = book.addWorksheet('党员名册');
roster.addRow(['党员名册（2026年9月）']);
roster.addRow(['序号', '姓名', '性别', '所在党支部', '党员类别', '入党时间', '转正时间', '党小组', '是否党员领导干部']);
members.forEach((m, i) =>
  roster.addRow([i + 1, m.name, i % 3 === 0 ? '女' : '男', m.branch, m.status === 'full' ? '正式党员' : '预备党员', i % 2 === 0 ? new Date(`${m.admitted}T00:00:00Z`) : typed(m.admitted, 'slash'), m.confirmed ? typed(m.confirmed, 'chinese') : null, m.group, m.leader ? '是' : '否']),
);
roster.getColumn(6).numFmt = 'yyyy-mm-dd';

const com = book.addWorksheet('支部委员会');
com.addRow(['所在党支部', '姓名', '职务', '任命/选举时间', '应换届时间']);
for (const c of committee) com.addRow([c.branch, c.name, c.title, new Date(`${c.elected}T00:00:00Z`), `${Number(c.elected.slice(0, 4)) + 3}${c.elected.slice(4)}`]);

const platform = ['所在党支部', '会议类型', '会议名称', '计划会议时间', '实际会议时间', '会议地点', '主持人', '记录人', '应到人数', '实到人数', '请假人数', '参会人员', '缺席人员', '会议内容', '会议决议', '授课人', '活动形式'];
const workbookHeader = [...platform, '党小组', '学时', '谈话对象'];
const meetingRow = (m, withExtras) => {
  const row = [
    m.branch,
    m.label,
    m.topic ?? null,
    m.planned ? typed(m.planned, 'slash') : null,
    m.date ? typed(m.date, m.as) : null,
    m.date ? '党员活动室' : null,
    m.host ?? null,
    m.recorder ?? null,
    m.expected ?? null,
    m.present ?? null,
    m.absentees ? m.absentees.length : null,
    m.attendees ? m.attendees.join(m.sep) : null,
    m.absentees ? absentText(m.absentees) : null,
    m.minutes ?? null,
    m.decision ?? null,
    m.lecturer ?? null,
    m.form ?? null,
  ];
  return withExtras ? [...row, m.group ?? null, m.hours ?? null, m.with ? m.with.join('、') : null] : row;
};
const sanhui = book.addWorksheet('三会一课');
sanhui.addRow(workbookHeader);
for (const m of meetings.filter((m) => m.branch === B1)) sanhui.addRow(meetingRow(m, true));
sanhui.getColumn(5).numFmt = 'yyyy-mm-dd';

const dues = book.addWorksheet('党费收缴台账');
dues.addRow(['2026年第三季度党费收缴台账']);
dues.addRow(['姓名', '所在党支部', '7月', '8月', '9月', '合计']);
for (const m of members) {
  const cells = dueMonths.map((month) => dueCell(m.name, month));
  dues.addRow([m.name, m.branch, ...cells, cells.reduce((s, c) => s + (typeof c === 'number' ? c : 0), 0)]);
}
book.addWorksheet('填表说明').addRow(['本台账按月更新，日期可写 2026/9/23 或 2026年9月23日。']);
await book.xlsx.writeFile(path.join(out, '台账.xlsx'));

// ---- the platform export, GBK
const csvCell = (v) => {
  const text = v === null || v === undefined ? '' : String(v);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
const csv = [platform, ...meetings.filter((m) => m.branch === B2).map((m) => meetingRow(m, false))].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
writeFileSync(path.join(out, '三会一课-第二项目部.csv'), encodeGbk(csv));

/** GBK bytes of a text, from the decoder's own table (Node has no GBK encoder). */
function encodeGbk(text) {
  const table = new Map();
  const decoder = new TextDecoder('gbk');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const bytes = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else if (table.has(ch)) bytes.push(...table.get(ch));
    else throw new Error(`not in GBK: ${ch}`);
  }
  return new Uint8Array(bytes);
}

// ---- the same facts as records, written directly
const list = (items) => `[${items.join(', ')}]`;
function branchFile(name, id) {
  const ms = members.filter((m) => m.branch === name);
  const cs = committee.filter((c) => c.branch === name);
  const lines = ['branch:', `  id: ${id}`, `  name: ${name}`, '  parent: org', `  secretary: ${cs.find((c) => c.title === '书记').name}`];
  const deputies = cs.filter((c) => c.title === '副书记').map((c) => c.name);
  if (deputies.length > 0) lines.push(`  deputy_secretaries: ${list(deputies)}`);
  lines.push(`  committee: ${list(cs.map((c) => c.name))}`, `  elected: ${cs[0].elected}`, '', 'members:');
  for (const m of ms) {
    lines.push(`  - name: ${m.name}`, `    status: ${m.status}`, `    admitted: ${m.admitted}`);
    if (m.confirmed) lines.push(`    confirmed: ${m.confirmed}`);
    if (m.group) lines.push(`    group: ${m.group}`);
    if (m.leader) lines.push('    leader: true');
    const paid = dueMonths.filter((month) => dueCell(m.name, month) !== null);
    if (paid.length > 0) lines.push(`    dues: ${list(paid)}`);
  }
  const groups = [...new Set(ms.map((m) => m.group).filter(Boolean))];
  if (groups.length > 0) lines.push('', 'groups:', ...groups.map((g) => `  - name: ${g}`));
  lines.push('', 'activities:');
  for (const m of meetings.filter((x) => x.branch === name && x.date)) {
    lines.push(`  - type: ${m.type}`, `    date: ${m.date}`);
    if (m.topic) lines.push(`    topic: ${m.topic}`);
    if (m.host) lines.push(`    host: ${m.host}`);
    if (m.recorder) lines.push(`    recorder: ${m.recorder}`);
    if (m.attendees) lines.push(`    attendees: ${list(m.attendees)}`);
    if (m.expected !== undefined) lines.push(`    expected: ${m.expected}`);
    if (m.present !== undefined) lines.push(`    present: ${m.present}`);
    if (m.absentees) lines.push('    absentees:', ...m.absentees.map((a) => `      - { name: ${a.name}, reason: ${a.reason} }`));
    if (m.minutes) lines.push(`    minutes: ${m.minutes}`);
    if (m.group) lines.push(`    group: ${m.group}`);
    if (m.lecturer) lines.push(`    lecturer: ${m.lecturer}`);
    if (m.formToken) lines.push(`    form: ${m.formToken}`);
    if (m.hours) lines.push(`    hours: ${m.hours}`);
    if (m.with) lines.push(`    with: ${list(m.with)}`);
    if (m.date) lines.push('    address: 党员活动室');
    if (m.decision) lines.push(`    decision: ${m.decision}`);
  }
  return `${lines.join('\n')}\n`;
}
writeFileSync(path.join(out, 'expected', 'pb-001.yaml'), branchFile(B1, 'pb-001'));
writeFileSync(path.join(out, 'expected', 'pb-002.yaml'), branchFile(B2, 'pb-002'));
writeFileSync(path.join(out, 'expected', 'organization.yaml'), 'organization:\n  id: org\n  name: 党委\n');
console.log(`wrote ${path.relative(root, out)}/`);
