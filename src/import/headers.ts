import type { CellValue } from './values.js';
import { cellText, parseMonth } from './values.js';

/** The four ledgers zhibu recognises by their headers. */
export type SheetKind = 'members' | 'meetings' | 'dues' | 'committee';

/** Standard header → the other spellings ledgers use (the configuration's `import.headers` adds more). */
export const standardHeaders: Record<string, readonly string[]> = {
  所在党支部: ['党支部', '支部名称', '所属党支部', '所在支部', '所属支部', '支部', '党组织名称', '所在党组织'],
  姓名: ['党员姓名', '名字'],
  党员类别: ['人员类别', '党员状态', '类别', '党籍状态', '党员类型'],
  入党时间: ['入党日期', '接收预备党员时间', '加入党组织日期'],
  转正时间: ['转正日期'],
  党小组: ['所在党小组', '所属党小组', '党小组名称'],
  是否党员领导干部: ['党员领导干部', '是否领导干部'],
  转入时间: ['转入日期', '组织关系转入时间'],
  转出时间: ['转出日期', '组织关系转出时间'],
  党内职务: ['支部职务', '职务'],
  会议类型: ['活动类型', '会议类别', '类型'],
  会议名称: ['议题', '会议名称/议题', '会议主题', '主题', '活动主题', '活动名称'],
  计划会议时间: ['计划时间', '计划日期', '计划召开时间'],
  实际会议时间: ['会议时间', '召开时间', '实际时间', '活动时间', '实际召开时间', '日期'],
  会议地点: ['地点', '活动地点'],
  主持人: ['主讲人/主持人', '谈话人'],
  记录人: ['记录员'],
  应到人数: ['应到'],
  实到人数: ['实到'],
  请假人数: ['请假'],
  参会人员: ['参加人员', '出席人员', '参会党员', '参加党员', '参会人'],
  缺席人员: ['缺席党员', '请假人员', '缺席人员及原因'],
  列席人员: ['列席', '列席人'],
  会议内容: ['会议记录', '内容', '活动内容'],
  会议决议: ['决议', '决定事项', '会议决定'],
  授课人: ['主讲人', '讲课人'],
  活动形式: ['主题党日形式', '形式'],
  学时: ['学时数', '培训学时'],
  谈话对象: ['被谈话人'],
  转正对象: ['预备党员'],
  有选举权人数: ['应参会有选举权人数', '有选举权党员数'],
  任命时间: ['选举时间', '任命/选举时间', '选举日期', '当选时间', '任职时间'],
  应换届时间: ['换届时间', '届满时间', '任期届满时间'],
  委员: ['委员姓名', '支委'],
};

const normalise = (text: string) => text.replace(/[\s*＊]|（[^）]*必填[^）]*）|\([^)]*必填[^)]*\)/g, '').replace(/（/g, '(').replace(/）/g, ')');

/** A sheet's header row, its columns by standard header, the month columns of a dues matrix, and the columns nobody knows. */
export interface HeaderRow {
  kind: SheetKind;
  /** 1-based row number of the header. */
  row: number;
  columns: Map<string, number>;
  months: Map<number, string>;
  /** Columns configured to be kept under an `x-` key. */
  extra: Map<number, string>;
  unknown: string[];
  /** A month column whose year is not known (`1月` with no year in the title), for an error. */
  yearless: number[];
}

/** Finds the header row among a sheet's first 10 rows, and which ledger it is; null when none is recognised. */
export function findHeader(rows: readonly CellValue[][], context: { title: string; synonyms: Record<string, readonly string[]>; extraColumns: Record<string, string> }): HeaderRow | null {
  const byName = new Map<string, string>();
  for (const [standard, others] of Object.entries(standardHeaders)) {
    for (const name of [standard, ...others]) byName.set(normalise(name), standard);
  }
  for (const [standard, others] of Object.entries(context.synonyms)) for (const name of others) byName.set(normalise(name), standard);
  const extraByName = new Map(Object.entries(context.extraColumns).map(([header, key]) => [normalise(header), key]));
  for (let r = 0; r < Math.min(rows.length, 10); r++) {
    const cells = rows[r] ?? [];
    const titleYear = yearIn([context.title, ...rows.slice(0, r).flat().map(cellText)].join(' '));
    const columns = new Map<string, number>();
    const months = new Map<number, string>();
    const extra = new Map<number, string>();
    const unknown: string[] = [];
    const yearless: number[] = [];
    cells.forEach((cell, index) => {
      const text = normalise(cellText(cell));
      if (text === '') return;
      const standard = byName.get(text);
      const month = parseMonth(cell, titleYear);
      if (extraByName.has(text)) extra.set(index + 1, extraByName.get(text) as string);
      else if (standard && !columns.has(standard)) columns.set(standard, index + 1);
      else if (month) months.set(index + 1, month);
      else if (parseMonth(cell, 2000)) yearless.push(index + 1);
      else unknown.push(cellText(cell));
    });
    const has = (name: string) => columns.has(name);
    const kind: SheetKind | null =
      has('会议类型') && (has('实际会议时间') || has('计划会议时间'))
        ? 'meetings'
        : (has('姓名') || has('委员')) && has('党内职务') && (has('任命时间') || has('应换届时间'))
          ? 'committee'
          : has('姓名') && months.size + yearless.length > 0
            ? 'dues'
            : has('姓名') && (has('党员类别') || has('入党时间'))
              ? 'members'
              : null;
    if (kind) return { kind, row: r + 1, columns, months, extra, unknown, yearless };
  }
  return null;
}

const yearIn = (text: string): number | null => {
  const m = /(20\d{2}|19\d{2})\s*年/.exec(text) ?? /(?:^|\D)(20\d{2})(?:\D|$)/.exec(text);
  return m ? Number(m[1]) : null;
};
