import { activityTypes } from '../schema/enums.js';
import { requiredByType } from '../schema/enums.js';
import { findHeader, type HeaderRow } from './headers.js';
import type { ImportSettings } from './settings.js';
import { cellAddress, type Table } from './sheets.js';
import {
  cellText,
  parseAbsentees,
  parseCount,
  parseDate,
  parseDuesCell,
  parseForm,
  parseHours,
  parseNames,
  parseStatus,
  parseType,
  parseYesNo,
  type CellValue,
  type Parsed,
} from './values.js';

/** A bad cell: where, what it holds, and what is allowed. */
export interface CellError {
  at: string;
  value: string;
  problem: string;
  allowed?: string;
}

type Entry = Record<string, unknown>;

/** What the ledgers say about one branch, in record shape. */
export interface ImportedBranch {
  name: string;
  members: Entry[];
  activities: Entry[];
  /** Paid months by member name. */
  dues: Map<string, string[]>;
  /** The cell of each name in the dues matrix, for an error when the name is nobody's. */
  duesAt: Map<string, string>;
  secretary: string | null;
  deputies: string[];
  committee: string[];
  elected: string | null;
}

export interface LedgerResult {
  branches: Map<string, ImportedBranch>;
  errors: CellError[];
  /** What was read from each sheet, or why a sheet was skipped, for the summary. */
  sheets: { table: Table; kind: HeaderRow['kind'] | null; rows: number; planned: number; unknown: string[] }[];
}

/** Turns the sheets of the ledgers into branch records; every bad cell is an error, every other row is kept. */
export function readLedgers(tables: readonly Table[], settings: ImportSettings = {}): LedgerResult {
  const result: LedgerResult = { branches: new Map(), errors: [], sheets: [] };
  const recognised = tables.map((table) => ({
    table,
    header: findHeader(table.rows, { title: `${table.sheet ?? ''} ${table.workbook}`, synonyms: settings.headers ?? {}, extraColumns: settings.columns ?? {} }),
  }));
  // Rosters first: dues and committee rows find their members' branch through them.
  const order = { members: 0, committee: 1, meetings: 2, dues: 3 } as const;
  recognised.sort((a, b) => (a.header ? order[a.header.kind] : 9) - (b.header ? order[b.header.kind] : 9));
  const branchOf = new Map<string, string[]>();
  for (const { table, header } of recognised) {
    if (!header) {
      result.sheets.push({ table, kind: null, rows: 0, planned: 0, unknown: [] });
      continue;
    }
    const summary = { table, kind: header.kind, rows: 0, planned: 0, unknown: header.unknown };
    result.sheets.push(summary);
    for (const column of header.yearless) {
      const value = table.rows[header.row - 1]?.[column - 1] ?? null;
      result.errors.push({ at: cellAddress(table, header.row, column), value: cellText(value), problem: '月份没有年份', allowed: '2026年1月、2026-01，或在标题、工作表名中写明年份（如 2026年党费收缴台账）' });
    }
    for (let r = header.row; r < table.rows.length; r++) {
      const cells = table.rows[r] ?? [];
      if (cells.every((c) => cellText(c) === '')) continue;
      const row = new RowReader(table, header, r + 1, cells, result.errors);
      const branchName = row.text('所在党支部') || soleBranch(row, header, branchOf, result);
      if (!branchName) continue;
      const branch = branchFor(result.branches, branchName);
      summary.rows++;
      if (header.kind === 'members') readMember(row, branch, branchOf);
      else if (header.kind === 'committee') readCommittee(row, branch);
      else if (header.kind === 'dues') readDues(row, header, branch);
      else if (!readMeeting(row, branch)) summary.planned++;
    }
  }
  result.sheets.sort((a, b) => tables.indexOf(a.table) - tables.indexOf(b.table));
  return result;
}

/** A row without a 所在党支部 column: its person's branch from the roster, or the only branch there is. */
function soleBranch(row: RowReader, header: HeaderRow, branchOf: Map<string, string[]>, result: LedgerResult): string | null {
  const person = row.text('姓名') || row.text('委员');
  const known = person ? branchOf.get(person) : undefined;
  if (known?.length === 1) return known[0] as string;
  const all = [...result.branches.keys()];
  if (!header.columns.has('所在党支部') && all.length === 1) return all[0] as string;
  row.error(header.columns.has('所在党支部') ? '所在党支部' : null, '没有写所在党支部', person && known && known.length > 1 ? `${person} 在多个支部的名册中，请写明所在党支部` : '写明所在党支部，或先导入含该党员的党员名册');
  return null;
}

function branchFor(branches: Map<string, ImportedBranch>, name: string): ImportedBranch {
  let branch = branches.get(name);
  if (!branch) {
    branch = { name, members: [], activities: [], dues: new Map(), duesAt: new Map(), secretary: null, deputies: [], committee: [], elected: null };
    branches.set(name, branch);
  }
  return branch;
}

function readMember(row: RowReader, branch: ImportedBranch, branchOf: Map<string, string[]>): void {
  const name = row.text('姓名');
  if (!name) return row.error('姓名', '姓名为空', '党员姓名');
  const status = row.parse('党员类别', parseStatus);
  if (status === undefined) return;
  const member: Entry = { name, status: status ?? 'full' };
  if (status === null) row.error('党员类别', '党员类别为空', '正式党员、预备党员');
  for (const [header, key] of [['入党时间', 'admitted'], ['转正时间', 'confirmed'], ['转入时间', 'since'], ['转出时间', 'until']] as const) {
    const date = row.parse(header, parseDate);
    if (date) member[key] = date;
  }
  const group = row.text('党小组');
  if (group) member.group = group;
  if (row.parse('是否党员领导干部', parseYesNo) === true) member.leader = true;
  Object.assign(member, row.extras());
  if (branch.members.some((m) => m.name === name)) return row.error('姓名', `${name} 在本支部名册中重复`, '每名党员一行');
  branch.members.push(member);
  branchOf.set(name, [...(branchOf.get(name) ?? []), branch.name]);
  role(branch, name, row.text('党内职务'));
}

function role(branch: ImportedBranch, name: string, title: string): void {
  if (!/书记|委员/.test(title)) return;
  if (/副书记/.test(title)) {
    if (!branch.deputies.includes(name)) branch.deputies.push(name);
  } else if (/书记/.test(title)) branch.secretary = name;
  if (!branch.committee.includes(name)) branch.committee.push(name);
}

function readCommittee(row: RowReader, branch: ImportedBranch): void {
  const names = row.has('姓名') ? [row.text('姓名')].filter(Boolean) : parseNames(row.cell('委员'));
  for (const name of names) role(branch, name, row.text('党内职务') || '委员');
  const elected = row.parse('任命时间', parseDate);
  if (elected && (branch.elected === null || elected > branch.elected)) branch.elected = elected;
}

function readDues(row: RowReader, header: HeaderRow, branch: ImportedBranch): void {
  const name = row.text('姓名');
  if (!name) return;
  const paid = branch.dues.get(name) ?? [];
  if (!branch.duesAt.has(name)) branch.duesAt.set(name, cellAddress(row.table, row.number, row.header.columns.get('姓名') ?? 1));
  for (const [column, month] of header.months) {
    const value = row.cells[column - 1] ?? null;
    const parsed = parseDuesCell(value);
    if (!parsed.ok) row.errorAt(column, value, '不是党费金额或标记', parsed.allowed);
    else if (parsed.value && !paid.includes(month)) paid.push(month);
  }
  branch.dues.set(name, paid.sort());
}

/** One meeting row; false for a planned meeting (only 计划会议时间), which is not a record. */
function readMeeting(row: RowReader, branch: ImportedBranch): boolean {
  if (!row.text('实际会议时间') && row.text('计划会议时间')) {
    row.parse('计划会议时间', parseDate);
    return false;
  }
  const type = row.parse('会议类型', parseType);
  const date = row.parse('实际会议时间', parseDate);
  if (!type || !date) {
    if (type === null) row.error('会议类型', '会议类型为空', Object.values(activityTypes).join('、'));
    if (date === null) row.error('实际会议时间', '没有会议时间', '实际会议时间（只有计划会议时间的行是计划，不导入）');
    return true;
  }
  const activity: Entry = { type, date };
  const text = (header: string, key: string) => {
    const value = row.text(header);
    if (value) activity[key] = value;
  };
  const names = (header: string, key: string) => {
    const value = parseNames(row.cell(header));
    if (value.length > 0) activity[key] = value;
  };
  const count = (header: string, key: string) => {
    const value = row.parse(header, parseCount);
    if (value !== null && value !== undefined) activity[key] = value;
  };
  text('会议名称', 'topic');
  text('主持人', 'host');
  text('记录人', 'recorder');
  names('参会人员', 'attendees');
  count('应到人数', 'expected');
  count('实到人数', 'present');
  const absentees = parseAbsentees(row.cell('缺席人员'));
  if (absentees.length > 0) activity.absentees = absentees;
  names('列席人员', 'guests');
  text('会议内容', 'minutes');
  if (type === 'group-meeting') text('党小组', 'group');
  if (type === 'party-lecture') text('授课人', 'lecturer');
  if (type === 'theme-day') {
    const form = row.parse('活动形式', parseForm);
    if (form) activity.form = form;
  }
  const hours = row.parse('学时', parseHours);
  if (hours !== null && hours !== undefined) activity.hours = hours;
  if (type === 'heart-to-heart') names('谈话对象', 'with');
  if (type === 'probation-review') text('转正对象', 'member');
  if (type === 'election') count('有选举权人数', 'eligible');
  text('会议地点', 'address');
  text('会议决议', 'decision');
  Object.assign(activity, row.extras());
  const missing = (requiredByType[type] ?? []).filter((field) => activity[field] === undefined);
  if (missing.length > 0) {
    row.error('会议类型', `${row.text('会议类型')}缺少必填项：${missing.map((f) => fieldHeaders[f] ?? f).join('、')}`, `填写 ${missing.map((f) => fieldHeaders[f] ?? f).join('、')} 列`);
    return true;
  }
  branch.activities.push(activity);
  return true;
}

const fieldHeaders: Record<string, string> = { group: '党小组', lecturer: '授课人', form: '活动形式', host: '主持人', with: '谈话对象', hours: '学时', eligible: '有选举权人数', present: '实到人数', member: '转正对象' };

/** Reads the cells of one row by standard header, collecting errors at their cells. */
class RowReader {
  constructor(
    readonly table: Table,
    readonly header: HeaderRow,
    readonly number: number,
    readonly cells: readonly CellValue[],
    readonly errors: CellError[],
  ) {}

  has(name: string): boolean {
    return this.header.columns.has(name);
  }

  cell(name: string): CellValue {
    const column = this.header.columns.get(name);
    return column === undefined ? null : (this.cells[column - 1] ?? null);
  }

  text(name: string): string {
    return cellText(this.cell(name));
  }

  /** The parsed value; null when the cell is empty; undefined (and an error) when it is bad. */
  parse<T>(name: string, parser: (value: CellValue) => Parsed<T>): T | null | undefined {
    const value = this.cell(name);
    if (cellText(value) === '') return null;
    const parsed = parser(value);
    if (parsed.ok) return parsed.value;
    this.error(name, `${name}：“${cellText(value)}”无法识别`, parsed.allowed);
    return undefined;
  }

  extras(): Entry {
    const out: Entry = {};
    for (const [column, key] of this.header.extra) {
      const value = cellText(this.cells[column - 1] ?? null);
      if (value) out[key] = value;
    }
    return out;
  }

  error(name: string | null, problem: string, allowed: string): void {
    const column = name === null ? 1 : (this.header.columns.get(name) ?? 1);
    this.errorAt(column, this.cells[column - 1] ?? null, problem, allowed);
  }

  errorAt(column: number, value: CellValue, problem: string, allowed: string): void {
    this.errors.push({ at: cellAddress(this.table, this.number, column), value: cellText(value), problem, allowed });
  }
}
