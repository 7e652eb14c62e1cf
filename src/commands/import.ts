import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { parseConfig } from '../engine/ruleset.js';
import type { Lang } from '../i18n/index.js';
import { UsageError, type Io } from '../io.js';
import { standardHeaders } from '../import/headers.js';
import { readLedgers, type ImportedBranch } from '../import/ledger.js';
import { branchRecord, mergeInto, renderNewFile, type Added } from '../import/records.js';
import type { ImportSettings } from '../import/settings.js';
import { readCsv, readXlsx, type Table } from '../import/sheets.js';
import { collectFiles, findConfig } from '../load/files.js';
import { writeAtomic, writeNew } from '../write/files.js';

export interface ImportOptions {
  to?: string;
  update?: boolean;
  config?: string;
  lang: Lang;
}

const kindNames = { members: '党员名册', meetings: '三会一课/组织生活', dues: '党费收缴台账', committee: '支部委员会' } as const;

/** `zhibu import LEDGER... --to DIR`: ledgers to record files. Exit 2 when a cell or file could not be read, else 0. */
export async function runImport(ledgers: string[], options: ImportOptions, io: Io): Promise<number> {
  const zh = options.lang === 'zh';
  if (!options.to) throw new UsageError(zh ? '请用 --to 目录 指定记录写到哪里' : 'give the records folder with --to DIR');
  if (ledgers.length === 0) throw new UsageError(zh ? '请给出台账文件（.xlsx 或 .csv）' : 'give ledger files (.xlsx or .csv)');
  const settings = readSettings(options, io);
  const out: string[] = [];
  const problems: string[] = [];

  const tables: Table[] = [];
  for (const ledger of ledgers) {
    const shown = ledger.split(path.sep).join('/');
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path.resolve(io.cwd, ledger));
    } catch (error) {
      throw new UsageError(`${shown}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    const ext = path.extname(ledger).toLowerCase();
    if (ext !== '.xlsx' && ext !== '.csv') throw new UsageError(zh ? `${shown}：只能导入 .xlsx 或 .csv 文件（.xls 请在 Excel/WPS 中另存为 .xlsx）` : `${shown}: only .xlsx and .csv files can be imported`);
    try {
      tables.push(...(ext === '.csv' ? [await readCsv(path.basename(ledger), bytes)] : await readXlsx(path.basename(ledger), bytes)));
    } catch (error) {
      problems.push(`${shown}：${zh ? '无法读取' : 'cannot be read'}（${(error as Error).message}）`);
    }
  }

  const ledger = readLedgers(tables, settings);
  for (const sheet of ledger.sheets) {
    const name = sheet.table.sheet === null ? sheet.table.workbook : `${sheet.table.workbook}!${sheet.table.sheet}`;
    if (sheet.kind === null) {
      if (sheet.table.sheet === null) problems.push(`${name}：${zh ? '表头无法识别（见 docs/import.md 的列名）' : 'headers not recognised (see docs/import.md)'}`);
      else if (sheet.table.rows.some((r) => r.some((c) => c !== null && c !== ''))) out.push(`  ${name}：${zh ? '表头无法识别，已跳过' : 'headers not recognised, skipped'}`);
      continue;
    }
    const planned = sheet.planned > 0 ? (zh ? `（其中 ${sheet.planned} 行只有计划会议时间，是计划，未导入）` : ` (${sheet.planned} planned only, not imported)`) : '';
    const unknown = sheet.unknown.length > 0 ? (zh ? `；未使用的列：${sheet.unknown.join('、')}` : `; columns not used: ${sheet.unknown.join(', ')}`) : '';
    out.push(`  ${name}：${zh ? kindNames[sheet.kind] : sheet.kind}，${sheet.rows} ${zh ? '行' : 'rows'}${planned}${unknown}`);
  }

  const root = path.resolve(io.cwd, options.to);
  mkdirSync(root, { recursive: true });
  const existing = scanFolder(root);
  const orgId = settings.organization?.id ?? existing.organization ?? 'org';
  const ids = assignIds(ledger.branches, settings, existing.byName, existing.files);
  const files: string[] = [];
  for (const [name, branch] of ledger.branches) {
    const id = ids.get(name) as string;
    const record = branchRecord(branch, id, orgId);
    const file = existing.files.get(id);
    const unknownDues = (names: readonly string[]) => {
      for (const person of names) problems.push(`${branch.duesAt.get(person)}：${zh ? `党费台账中的“${person}”不在${name}的党员名册中` : `${person} of the dues ledger is no member of ${name}`}`);
    };
    if (file === undefined) {
      if (!branch.secretary) problems.push(zh ? `支部“${name}”：没有找到书记（在支部委员会表的 职务 列或党员名册的 党内职务 列写“书记”），记录中暂写“待填写”` : `branch ${name}: no secretary found (职务 = 书记 in the committee sheet or roster)`);
      const listed = new Set(branch.members.map((m) => m.name));
      unknownDues([...branch.dues.keys()].filter((person) => !listed.has(person) && (branch.dues.get(person) ?? []).length > 0));
      const target = path.join(root, `${id}.yaml`);
      files.push(writeNew(target, renderNewFile(record)) ? `  ${rel(io, target)}：${zh ? '新建' : 'created'}（${describe(branch, zh)}）` : `  ${rel(io, target)}：${zh ? '已存在但不含该支部，未改动' : 'exists without this branch; left alone'}`);
      continue;
    }
    const text = readFileSync(file, 'utf8');
    const merged = mergeInto(text, id, record, branch.dues);
    unknownDues(merged?.unknownDues ?? []);
    const added = merged?.added;
    if (!merged || !added || total(added) === 0) {
      files.push(`  ${rel(io, file)}：${zh ? '没有新内容' : 'nothing new'}`);
    } else if (!options.update) {
      files.push(`  ${rel(io, file)}：${zh ? `已存在，未改动（有新内容：${addedText(added, zh)}；加 --update 补入）` : `exists, left alone (new: ${addedText(added, zh)}; add --update to add them)`}`);
    } else {
      writeAtomic(file, merged.text);
      files.push(`  ${rel(io, file)}：${zh ? '补入' : 'added'} ${addedText(added, zh)}`);
    }
  }
  if (existing.organization === null) {
    const org = settings.organization ?? { id: 'org', name: '党委' };
    const target = path.join(root, 'organization.yaml');
    if (writeNew(target, renderNewFile({ organization: org }))) files.push(`  ${rel(io, target)}：${zh ? '新建' : 'created'}`);
  }
  const { recordJsonSchema } = await import('../schema/json-schema.js');
  writeNew(path.join(root, 'zhibu.schema.json'), `${JSON.stringify(recordJsonSchema('any'), null, 2)}\n`);

  io.stdout.write(`${[zh ? '读取的工作表：' : 'Sheets read:', ...out, zh ? '记录文件：' : 'Record files:', ...files].join('\n')}\n`);
  const errors = [...problems, ...ledger.errors.map((e) => `${e.at}：${e.problem}${e.allowed ? `；${zh ? '应为' : 'allowed'}：${e.allowed}` : ''}`)];
  if (errors.length > 0) {
    io.stderr.write(`${zh ? `导入错误（${errors.length}），这些单元格所在的行未导入，其他行已导入：` : `Import errors (${errors.length}); those rows were not imported, the others were:`}\n${errors.map((e) => `  ${e}`).join('\n')}\n`);
    return 2;
  }
  return 0;
}

function readSettings(options: ImportOptions, io: Io): ImportSettings {
  const file = options.config ? path.resolve(io.cwd, options.config) : findConfig(io.cwd, io.env.HOME ?? io.env.USERPROFILE);
  if (!file) return {};
  const shown = path.relative(io.cwd, file) || file;
  const parsed = parseConfig(shown, readFileSync(file));
  if (parsed.errors.length > 0) throw new UsageError(parsed.errors.map((e) => `${e.file}:${e.line}:${e.column} ${JSON.stringify(e.args)}`).join('\n'));
  const settings = parsed.config?.import ?? {};
  const unknown = Object.keys(settings.headers ?? {}).filter((h) => !(h in standardHeaders));
  if (unknown.length > 0) throw new UsageError(`${shown}: import.headers: ${unknown.join('、')} 不是标准表头；标准表头：${Object.keys(standardHeaders).join('、')}`);
  return settings;
}

/** The branches and organization already in the records folder. */
function scanFolder(root: string): { byName: Map<string, string>; files: Map<string, string>; organization: string | null } {
  const byName = new Map<string, string>();
  const files = new Map<string, string>();
  let organization: string | null = null;
  for (const file of collectFiles(['.'], root).files) {
    const full = path.join(root, file);
    for (const doc of parseAllDocuments(readFileSync(full, 'utf8'))) {
      const value = doc.toJS() as { branch?: { id?: unknown; name?: unknown }; organization?: { id?: unknown } } | null;
      if (value?.branch?.id !== undefined) {
        files.set(String(value.branch.id), full);
        if (value.branch.name !== undefined) byName.set(String(value.branch.name), String(value.branch.id));
      }
      if (value?.organization?.id !== undefined) organization ??= String(value.organization.id);
    }
  }
  return { byName, files, organization };
}

/** Branch ids: configured, else the id a file in the folder gives that name, else the next free pb-NNN. */
function assignIds(branches: Map<string, ImportedBranch>, settings: ImportSettings, byName: Map<string, string>, files: Map<string, string>): Map<string, string> {
  const ids = new Map<string, string>();
  const taken = new Set([...files.keys(), ...Object.values(settings.branches ?? {})]);
  let next = 1;
  for (const name of branches.keys()) {
    let id = settings.branches?.[name] ?? byName.get(name);
    while (id === undefined) {
      const candidate = `pb-${String(next++).padStart(3, '0')}`;
      if (!taken.has(candidate)) id = candidate;
    }
    taken.add(id);
    ids.set(name, id);
  }
  return ids;
}

const total = (a: Added) => a.members + a.activities + a.dues + a.groups;
const describe = (b: ImportedBranch, zh: boolean) => (zh ? `党员 ${b.members.length} 名，活动 ${b.activities.length} 条` : `${b.members.length} members, ${b.activities.length} activities`);
const addedText = (a: Added, zh: boolean) =>
  zh ? `党员 ${a.members} 名、活动 ${a.activities} 条、党费月份 ${a.dues} 个、党小组 ${a.groups} 个` : `${a.members} members, ${a.activities} activities, ${a.dues} dues months, ${a.groups} groups`;
const rel = (io: Io, file: string) => path.relative(io.cwd, file).split(path.sep).join('/');
