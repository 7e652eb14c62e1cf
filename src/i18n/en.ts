import { yearOutOfRange as outOfRange } from '../schema/dates.js';
import { listText, localText, periodArg, text as s } from './format.js';
import { systemReason } from './system.js';
import type { Args, Catalog } from './types.js';

const at = (a: Args) => (a.path ? `${String(a.path)}: ` : '');
const typeNames: Record<string, string> = { string: 'text', number: 'a number', int: 'a whole number', array: 'a list', object: 'a mapping (key: value)', boolean: 'true or false', text: 'text', date: 'a date' };

const period = (a: Args) => periodArg(a.period, 'en');
const what = (a: Args) => localText(a.what, 'en');
const pending = (a: Args) => a.status === 'pending';
const fields = (a: Args) => listText(a.fields, 'en');
const keyFieldEn: Record<string, string> = { type: 'type', date: 'date', group: 'group', topic: 'topic', host: 'host', with: 'talk partners', member: 'member' };
/** The key fields a duplicate shares (older findings carry none: type and date). */
const keyFieldsEn = (v: unknown) => (Array.isArray(v) ? v : ['type', 'date']).map((f) => keyFieldEn[String(f)] ?? String(f)).join(', ');
const roleEn = (r: unknown) => (r === 'committee' ? 'committee member' : r === 'deputy_secretaries' ? 'deputy secretary' : 'secretary');

/** English messages (--lang en): exactly the ids of the zh catalog. */
export const en = {
  'file.too-large': (a) => `file is too large (${Math.round(Number(a.size) / 1048576)} MB; the limit is ${Math.round(Number(a.limit) / 1048576)} MB); split it into one file per branch`,
  'file.not-utf8': (a) => `file is not UTF-8 (byte 0x${String(a.byte)} here); if it is GBK, convert it first: iconv -f GBK -t UTF-8 old > new`,
  'file.not-regular': (a) => `not a regular file (${String(a.kind)}); only regular record files are read`,
  'document.too-complex': (a) => `document ${String(a.document)} has too many errors to list one by one (such as a list of hundreds of thousands of bad items); check the program that wrote it, or split the file`,
  'list.too-long': (a) => `${at(a)}the list has ${String(a.count)} items, more than the limit of ${String(a.limit)}; check the program that wrote it, or split the file`,
  'file.unreadable': (a) => `cannot read: ${String(a.reason)}`,
  'path.missing': () => 'no such file or directory',
  'yaml.syntax': (a) => `YAML syntax error (${String(a.code)}: ${String(a.detail)}); this point and the rest of the file were not read`,
  'yaml.document': (a) =>
    a.code === 'DUPLICATE_KEY'
      ? 'duplicate key: the same key appears twice in one mapping; this document was not read'
      : a.code === 'ALIAS_LIMIT'
        ? `aliases expand to more than ${String(a.detail)} nodes (a "billion laughs" attack?); this document was not read`
        : `YAML error (${String(a.code)}: ${String(a.detail)}); this document was not read`,
  'document.neither': (a) => `document ${String(a.document)} has neither branch: nor organization:, so it is neither a branch file nor an organization file`,
  'document.both': (a) => `document ${String(a.document)} has both branch: and organization:; a document is one or the other`,
  'branch.duplicate': (a) => `branch id ${String(a.id)} is already defined in ${String(a.first)}; this document was not read`,
  'organization.duplicate': (a) => `organization id ${String(a.id)} is already defined in ${String(a.first)}; this document was not read`,
  'key.unknown': (a) =>
    `${at(a)}unknown key ${String(a.key)}${a.suggestion ? ` (did you mean ${String(a.suggestion)}?)` : ''}; allowed: ${String(a.known)}; start local keys with x-`,
  'name.duplicate': (a) => `${at(a)}name ${String(a.name)} is used twice (same as entry ${Number(a.first) + 1}); names must be unique within a branch`,
  'field.required': (a) => `${at(a)}required field is missing`,
  'field.required-for-type': (a) => `${at(a)}a ${String(a.type)} record must have ${String(a.field)}`,
  'date.invalid': (a) => `${at(a)}${String(a.value)} ${outOfRange(a.value) ? 'is outside the years 1921–2200' : 'is not a real date'}; write a real calendar date as YYYY-MM-DD`,
  'month.invalid': (a) => `${at(a)}${String(a.value)} is not a month; write YYYY-MM${outOfRange(a.value) ? ', in the years 1921–2200' : ''}`,
  'period.invalid': (a) => `${at(a)}${String(a.value)} is not a period; allowed: 2026-02 (month), 2026Q1 (quarter), 2026 (year)${outOfRange(a.value) ? ', in the years 1921–2200' : ''}`,
  'type.invalid': (a) => `${at(a)}expected ${typeNames[String(a.expected)] ?? String(a.expected)}${a.value ? `, got ${String(a.value)}` : ''}`,
  'type.quoted-number': (a) => `${at(a)}expected a number, got the quoted text ${String(a.value)}; write numbers without quotes`,
  'number.negative': (a) => `${at(a)}${String(a.value)} must not be negative`,
  'enum.invalid': (a) => `${at(a)}${String(a.value)} is not allowed; allowed: ${listText(a.allowed, 'en')}`,
  'usage.no-paths': () => 'name the record files or directories to check, for example: zhibu check records/',
  'notice.cache-dropped': (a) => `${String(a.count)} entries of the cache ${String(a.cache)} were invalid (${String(a.entry)}: ${String(a.problem)}); they were dropped and checked again`,
  'usage.no-records': (a) => `no record files (*.yaml, *.yml) under ${String(a.paths)}; check the path`,
  'usage.bad-today': (a) => `the system clock's date ${String(a.value)} is outside the years 1921–2200; check the clock or pass --as-of`,
  'usage.bad-as-of': (a) => `--as-of ${String(a.value)} is not a date (YYYY-MM-DD, in the years 1921–2200)`,
  'usage.bad-period': (a) => `--period ${String(a.value)} is not valid; allowed: 2026Q3, 2026-07, 2026 or 2026-07-01..2026-09-30, in the years 1921–2200`,
  'usage.bad-extension': (a) => `output file ${String(a.file)} does not have an extension of format ${String(a.format)}; formats and their extensions: ${String(a.formats)}`,
  'usage.unknown-branch': (a) => `no branch ${String(a.branch)}${a.suggestion ? ` (did you mean ${String(a.suggestion)}?)` : ''}; branches read: ${String(a.known)}`,
  'usage.unknown-rule': (a) => `no rule ${String(a.rule)}${a.suggestion ? ` (did you mean ${String(a.suggestion)}?)` : ''}; run zhibu rules to list them`,
  // Writing outputs, and failures that are not findings.
  'output.input': (a) => `${String(a.file)} is an input of this run; zhibu does not write over it: choose another output file`,
  'output.foreign': (a) => `${String(a.file)} exists and was not written by zhibu (a record, a configuration, someone's spreadsheet?); zhibu does not write over it: choose another name, or delete it yourself if it is not needed`,
  'output.directory': (a) => `${String(a.file)} is a directory; name a file, for example ${String(a.file).replace(/\/+$/, '')}/${String(a.example)}`,
  'output.twice': (a) => `${String(a.first)} and ${String(a.second)} both write ${String(a.file)}; give each output its own file`,
  'output.failed': (a) => `cannot write ${String(a.file)}: ${systemReason.en[String(a.code)] ?? String(a.detail)}`,
  'error.system': (a) => `${String(a.file)}: ${systemReason.en[String(a.code)] ?? String(a.detail)}`,
  'error.internal': (a) => `internal error: ${String(a.detail)}. This is a bug in zhibu, not a problem of the records; run again with --debug and report the output to the maintainers`,
  'rule.invalid': (a) => `bad rule file: ${at(a)}${String(a.detail)}`,
  'config.invalid': (a) => `bad configuration: ${at(a)}${String(a.detail)}`,
  'config.unknown-key': (a) => `unknown key ${String(a.key)}${a.allowed ? `; allowed: ${String(a.allowed)}` : ''}`,
  'config.bad-setting': (a) => `${String(a.value)} is not a rule setting; allowed: ${String(a.allowed)}, or a mapping of parameters (e.g. { severity: warn, min: 2 })`,
  'config.bad-severity': (a) => `severity ${String(a.value)} is not valid; allowed: ${String(a.allowed)}`,
  'config.bad-off': (a) => `off must be true or false, not ${String(a.value)}`,
  'config.multi-document': () => 'a configuration file holds one YAML document (this --- starts a second one)',
  'config.conflict': (a) => `the paths checked use different configuration files (${String(a.files)}); check them apart, or name one with --config`,
  'config.unknown-rule': (a) => `the configuration names rule ${String(a.rule)}, which does not exist${a.suggestion ? ` (did you mean ${String(a.suggestion)}?)` : ''}`,
  'report.summary': (a) =>
    `Checked ${String(a.files)} files, ${String(a.branches)} branches, period ${String(a.window)} (${String(a.from)} to ${String(a.to)}), as of ${String(a.asOf)}${a.timeZone ? `, today in ${String(a.timeZone)}` : ''}: ${String(a.errors)} errors, ${String(a.warnings)} warnings; ${String(a.pending)} pending; ${String(a.exempted)} exempted; ${String(a.inputErrors)} input errors`,
  'report.clean': () => 'Everything meets the standards.',
  'report.input-errors': (a) => `Input errors (${String(a.count)})`,
  'report.input-error': () => 'input error',
  'report.branch': (a) => `${String(a.branch)}: ${String(a.violations)} violations, ${String(a.pending)} pending`,
  'report.branch-clean': (a) => `${String(a.branch)}: meets every standard`,
  'report.skipped': (a) => `Not checked, because of input errors (${String(a.count)}; this report is incomplete):`,
  'report.skipped.document': (a) =>
    a.kind === 'organization'
      ? `organization ${String(a.id ?? '')}${a.name ? ` ${String(a.name)}` : ''}`
      : a.id
        ? `branch ${String(a.id)}${a.name ? ` ${String(a.name)}` : ''}`
        : 'an unreadable document (it may be a branch)',
  'severity.error': () => 'error',
  'severity.warning': () => 'warning',
  'severity.info': () => 'info',
  'status.violation': () => 'violation',
  'status.pending': () => 'pending',
  'progress.checking': (a) => `checked ${String(a.done)}/${String(a.total)} files`,
  'progress.writing': (a) => `writing ${String(a.what)}…`,
  'label.activity': (a) => String(a.type),
  'label.form': (a) => String(a.form),
  count: (a) => {
    const p = period(a) + (a.subject ? `, ${s(a.subject)}` : '');
    if (pending(a)) return `${p}: ${what(a)} not yet held (at least ${s(a.min)} required, ${s(a.actual)} so far, ${s(a.daysLeft)} days left)`;
    return `${p}: ${Number(a.actual) === 0 ? 'no' : 'too few:'} ${what(a)} (at least ${s(a.min)} required, ${s(a.actual)} held)`;
  },
  quorum: (a) => `${s(a.date)} ${s(a.type)}: ${s(a.present)} present of ${s(a.expected)} ${a.base === 'committee' ? 'committee members' : 'expected'}, not more than ${s(a.ratio)}`,
  'fields.record': (a) => `${s(a.date)} ${s(a.type)} record is incomplete, missing: ${fields(a)}`,
  'fields.member': (a) => `member ${s(a.name)} is missing: ${fields(a)}`,
  'fields.project': (a) => `project "${s(a.name)}" is missing: ${fields(a)}`,
  'fields.branch': (a) => `branch is missing: ${fields(a)}`,
  size: (a) => `${s(a.count)} ${a.of === 'committee' ? 'committee members' : a.of === 'members' ? 'members' : 'full members'}, ${a.bound === 'below' ? 'fewer than' : a.bound === 'above' ? 'more than' : 'at least'} ${s(a.limit)}: ${s(a.title)}`,
  role: (a) => `${roleEn(a.role)} ${s(a.name)} ${a.problem === 'not-member' ? 'is not among the members' : a.problem === 'inactive' ? 'has left the branch' : 'is not a full member'}`,
  deadline: (a) => {
    const what = a.target === 'branch' ? 'the committee term' : a.target === 'probationary-members' ? `the probation of ${s(a.subject)}` : `rectification "${s(a.subject)}"`;
    return pending(a) ? `${what} is due ${s(a.due)} (${s(a.daysLeft)} days left)` : `${what} was due ${s(a.due)}, ${s(a.overdue)} days overdue`;
  },
  extension: (a) =>
    `${a.target === 'probationary-members' ? `the probation of ${s(a.subject)}` : `"${s(a.subject)}"`} is extended to ${s(a.extended)}, more than ${s(a.maxYears)} year(s) after its end (${s(a.due)}; at most ${s(a.limit)})`,
  reference: (a) => (a.value ? `member ${s(a.name)}: group "${s(a.value)}" does not exist (groups: ${listText(a.known, 'en')})` : `member ${s(a.name)} is in no group`),
  variety: (a) => `${period(a)}: all ${s(a.count)} ${what(a)} ${pending(a) ? 'so far have' : 'had'} the form ${s(a.form)}${pending(a) ? ` (${s(a.daysLeft)} days left to vary it)` : ''}`,
  forbid: (a) => `${s(a.date)} ${s(a.type)} has the form ${s(a.form)}${a.topic ? ` (${s(a.topic)})` : ''}`,
  participation: (a) => `${period(a)}: member ${s(a.name)} ${pending(a) ? 'has not yet had' : 'had no'} ${what(a)} (at least ${s(a.min)} required${pending(a) ? `, ${s(a.daysLeft)} days left` : ''})`,
  dues: (a) => `${period(a)}: member ${s(a.name)} ${pending(a) ? `has not yet paid dues (${s(a.daysLeft)} days left)` : 'paid no dues'}`,
  run: (a) => `member ${s(a.name)} ${a.lacking === 'dues' ? 'paid no dues' : 'took part in no organisational life'} for ${Array.isArray(a.months) ? a.months.length : 0} consecutive months (${listText(a.months, 'en')})`,
  sum: (a) => `${period(a)}: member ${s(a.name)} has ${s(a.total)} training hours, ${pending(a) ? 'not yet ' : 'fewer than '}${s(a.min)}${a.cadre ? ' (committee standard)' : ''}${pending(a) ? ` (${s(a.daysLeft)} days left)` : ''}`,
  names: (a) => `${s(a.date)} ${s(a.type)}: ${listText(a.names, 'en')} not a member of the branch (list non-members under guests)`,
  conflict: (a) => `${s(a.date)} ${s(a.type)}: ${listText(a.names, 'en')} both present and absent`,
  duplicate: (a) => `${s(a.date)} ${s(a.type)} duplicates activity no. ${Number(a.first) + 1} (same ${keyFieldsEn(a.fields)})`,
  'future-dated': (a) =>
    `${a.kind === 'activities' ? s(a.type) : a.kind === 'training' ? 'training entry' : 'progress entry'} ${s(a.subject)} is dated ${s(a.date)}, after today (${s(a.today)}): a typing mistake, or recorded before it happened; not counted`,
  progress: (a) => `${period(a)}: project "${s(a.name)}" has ${pending(a) ? `no progress yet (${s(a.daysLeft)} days left)` : 'no progress recorded'}`,
  coverage: (a) => `unit "${s(a.unit)}" has ${s(a.members)} party members and is covered by no ${Number(a.members) >= Number(a.branchAt) ? 'branch' : 'branch or group'}`,
  'liaison-assigned': (a) => (a.liaison ? `leader ${s(a.name)}: liaison "${s(a.liaison)}" does not exist` : `leader ${s(a.name)} has no liaison branch`),
  'leader-participation': (a) =>
    `${period(a)}: leader ${s(a.name)} ${pending(a) ? 'has not yet had' : 'had no'} ${what(a)} (${s(a.branch)}${a.group ? `/${s(a.group)}` : ''}; at least ${s(a.min)} required${pending(a) ? `, ${s(a.daysLeft)} days left` : ''})`,
} satisfies Catalog;
