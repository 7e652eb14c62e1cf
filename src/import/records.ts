import { Document, isMap, isScalar, isSeq, parseAllDocuments, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { activityTypes, memberStatuses, themeDayForms } from '../schema/enums.js';
import { recordKey } from '../model/normalize.js';
import { parseType } from './values.js';
import type { ImportedBranch } from './ledger.js';

type Entry = Record<string, unknown>;

export const SCHEMA_LINE = '# yaml-language-server: $schema=./zhibu.schema.json';

/** A record's key (TYPE@DATE, /GROUP, /HOST: the findings' own), whether the file writes the type in English or Chinese. */
function keyOf(activity: Entry): string {
  const parsed = parseType(String(activity.type ?? ''));
  const text = (v: unknown) => (v === undefined || v === null ? null : String(v));
  return recordKey({ type: parsed.ok ? parsed.value : String(activity.type), date: String(activity.date), group: text(activity.group), host: text(activity.host) });
}

const personKey = (name: unknown) =>
  String(name ?? '')
    .normalize('NFC')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .trim();

/** The branch document an import writes, in the record format's key order. */
export function branchRecord(branch: ImportedBranch, id: string, parent: string): Entry {
  // Chinese labels where the format allows them: the people who read these files read Chinese.
  const members = branch.members.map((m) => {
    const dues = branch.dues.get(m.name as string);
    const labelled: Entry = { ...m, status: memberStatuses[m.status as keyof typeof memberStatuses] ?? m.status };
    return dues && dues.length > 0 ? { ...labelled, dues } : labelled;
  });
  const groups = [...new Set([...members.map((m) => m.group), ...branch.activities.map((a) => a.group)].filter((g): g is string => typeof g === 'string'))];
  const header: Entry = { id, name: branch.name, parent, secretary: branch.secretary ?? '待填写' };
  if (branch.deputies.length > 0) header.deputy_secretaries = branch.deputies;
  if (branch.committee.length > 0) header.committee = branch.committee;
  if (branch.elected) header.elected = branch.elected;
  const doc: Entry = { branch: header, members };
  if (groups.length > 0) doc.groups = groups.map((name) => ({ name }));
  doc.activities = branch.activities
    .map((a): Entry => ({ ...a, type: activityTypes[a.type as keyof typeof activityTypes] ?? a.type, ...(a.form ? { form: themeDayForms[a.form as keyof typeof themeDayForms] ?? a.form } : {}) }))
    .sort((a, b) => (String(a.date) < String(b.date) ? -1 : String(a.date) > String(b.date) ? 1 : 0));
  return doc;
}

/** Block style, with lists of names and months, and absentees, on one line each. */
function styled(value: unknown): Document {
  const doc = new Document(value);
  const visit = (node: unknown, inAbsentees = false) => {
    if (isSeq(node)) {
      if (node.items.length > 0 && node.items.every((item) => isScalar(item))) node.flow = true;
      for (const item of node.items) visit(item, inAbsentees);
    } else if (isMap(node)) {
      if (inAbsentees) node.flow = true;
      for (const pair of node.items) visit(pair.value, isScalar(pair.key) && pair.key.value === 'absentees');
    }
  };
  visit(doc.contents);
  return doc;
}

const render = (value: unknown) => styled(value).toString({ lineWidth: 0, flowCollectionPadding: false });

/** One item on one line, for a flow list: `2026-02`, `{ name: 王五 }`. */
function renderFlow(value: unknown): string {
  const doc = styled(value);
  if (isMap(doc.contents) || isSeq(doc.contents)) doc.contents.flow = true;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false }).trimEnd();
}

/** A new record file: the schema line, then the document, its top-level sections apart. */
export function renderNewFile(doc: Entry): string {
  return `${SCHEMA_LINE}\n${render(doc).replace(/\n(?=[a-z])/g, '\n\n')}`;
}

/** What an update added to an existing branch document. */
export interface Added {
  members: number;
  activities: number;
  dues: number;
  groups: number;
}

interface Insert {
  at: number;
  text: string;
}

/**
 * Adds to the branch document `id` of an existing file the members (by name), dues months and
 * activities (by record key) it lacks, by inserting text: every other byte of the file stays as
 * it was, comments and layout included. Null when the file holds no such document.
 */
export function mergeInto(text: string, id: string, imported: Entry, dues: ReadonlyMap<string, readonly string[]> = new Map()): { text: string; added: Added; unknownDues: string[] } | null {
  const doc = parseAllDocuments(text).find((d) => isMap(d.contents) && isMap(d.contents.get('branch')) && String((d.contents.get('branch') as YAMLMap).get('id')) === id);
  if (!doc || !isMap(doc.contents)) return null;
  const root = doc.contents;
  const inserts: Insert[] = [];
  const added: Added = { members: 0, activities: 0, dues: 0, groups: 0 };
  const current = doc.toJS() as Entry;

  // Members, and the dues months of members already there.
  const existing = new Map<string, Entry>(((current.members as Entry[] | null) ?? []).map((m) => [personKey(m.name), m]));
  const membersNode = root.get('members', true) as YAMLSeq | undefined;
  const newMembers: Entry[] = [];
  for (const member of (imported.members as Entry[]) ?? []) {
    const known = existing.get(personKey(member.name));
    if (!known) {
      newMembers.push(member);
      continue;
    }
    const months = ((member.dues as string[] | undefined) ?? []).filter((m) => !((known.dues as unknown[] | null) ?? []).map(String).includes(m));
    if (months.length === 0) continue;
    added.dues += months.length;
    const index = ((current.members as Entry[]) ?? []).indexOf(known);
    const node = membersNode?.items[index] as YAMLMap | undefined;
    if (node) inserts.push(...appendToKey(text, node, 'dues', months));
  }
  // Dues of people the import's roster does not list (a dues-only ledger): only for members the file has.
  const listed = new Set(((imported.members as Entry[]) ?? []).map((m) => personKey(m.name)));
  const unknownDues: string[] = [];
  for (const [name, months] of dues) {
    if (listed.has(personKey(name))) continue;
    const known = existing.get(personKey(name));
    if (!known) {
      if (months.length > 0) unknownDues.push(name);
      continue;
    }
    const missing = months.filter((m) => !((known.dues as unknown[] | null) ?? []).map(String).includes(m));
    if (missing.length === 0) continue;
    added.dues += missing.length;
    const node = membersNode?.items[((current.members as Entry[]) ?? []).indexOf(known)] as YAMLMap | undefined;
    if (node) inserts.push(...appendToKey(text, node, 'dues', missing));
  }
  added.members = newMembers.length;
  inserts.push(...appendToKey(text, root, 'members', newMembers));

  const knownGroups = new Set(((current.groups as Entry[] | null) ?? []).map((g) => personKey(g.name)));
  const newGroups = ((imported.groups as Entry[] | undefined) ?? []).filter((g) => !knownGroups.has(personKey(g.name)));
  added.groups = newGroups.length;
  inserts.push(...appendToKey(text, root, 'groups', newGroups));

  // Activities by record key, as a multiset: the n-th imported record of a key is new when the file has fewer than n.
  const have = new Map<string, number>();
  for (const a of (current.activities as Entry[] | null) ?? []) have.set(keyOf(a), (have.get(keyOf(a)) ?? 0) + 1);
  const seen = new Map<string, number>();
  const newActivities = ((imported.activities as Entry[] | undefined) ?? []).filter((a) => {
    const key = keyOf(a);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n > (have.get(key) ?? 0);
  });
  added.activities = newActivities.length;
  inserts.push(...appendToKey(text, root, 'activities', newActivities));

  let out = text;
  for (const insert of inserts.sort((a, b) => b.at - a.at)) out = out.slice(0, insert.at) + insert.text + out.slice(insert.at);
  return { text: out, added, unknownDues };
}

const lineStart = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
const indentOf = (text: string, offset: number) => offset - lineStart(text, offset);

/** Inserts that append items to the list under `key` of a mapping (creating the key when absent). */
function appendToKey(text: string, map: YAMLMap, key: string, items: unknown[]): Insert[] {
  if (items.length === 0) return [];
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
  const value = pair?.value as Node | null | undefined;
  const scalarItems = items.every((i) => typeof i !== 'object' || i === null);
  if (isSeq(value) && value.range) {
    const [start, end] = value.range;
    if (value.flow) {
      // After the last item (or just inside an empty `[]`), so the list's own spacing is kept.
      const last = value.items.at(-1) as Node | undefined;
      const at = last?.range ? last.range[1] : text.indexOf('[', start) + 1;
      return [{ at, text: `${last ? ', ' : ''}${items.map(renderFlow).join(', ')}` }];
    }
    const first = value.items[0] as Node | undefined;
    const dash = text.lastIndexOf('-', (first?.range?.[0] ?? start) - 1);
    const at = text[end - 1] === '\n' ? end : afterLine(text, end);
    return [{ at, text: (text[at - 1] === '\n' ? '' : '\n') + block(items, indentOf(text, dash)) }];
  }
  if (pair && isScalar(pair.key) && pair.key.range && (value === null || value === undefined || (isScalar(value) && value.value === null))) {
    // `key:` with nothing after it: the items go on the lines below it.
    const keyStart = pair.key.range[0];
    const at = afterLine(text, keyStart);
    return [{ at, text: (text[at - 1] === '\n' ? '' : '\n') + block(items, indentOf(text, keyStart) + 2) }];
  }
  if (pair) return []; // a value of another shape: left to the checker to report, never rewritten
  // The key is absent: add it after the mapping's last line.
  if (!map.range) return [];
  if (map.flow) {
    const close = text.lastIndexOf('}', map.range[1]);
    return [{ at: close, text: `, ${key}: [${items.map(renderFlow).join(', ')}]` }];
  }
  const firstKey = map.items[0]?.key as Node | undefined;
  const indent = firstKey?.range ? indentOf(text, firstKey.range[0]) : 0;
  const at = afterLine(text, map.range[1] - 1);
  const pad = ' '.repeat(indent);
  const lead = (text[at - 1] === '\n' || at === 0 ? '' : '\n') + (indent === 0 ? '\n' : '');
  if (scalarItems) return [{ at, text: `${lead}${pad}${key}: [${items.map(renderFlow).join(', ')}]\n` }];
  return [{ at, text: `${lead}${pad}${key}:\n${block(items, indent + 2)}` }];
}

/** The offset just after the line that holds `offset` (its newline included). */
function afterLine(text: string, offset: number): number {
  const end = text.indexOf('\n', Math.max(offset, 0));
  return end === -1 ? text.length : end + 1;
}

function block(items: unknown[], indent: number): string {
  const pad = ' '.repeat(indent);
  return render(items)
    .trimEnd()
    .split('\n')
    .map((line) => pad + line)
    .join('\n')
    .concat('\n');
}
