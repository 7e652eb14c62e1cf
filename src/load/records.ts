import type { z } from 'zod';
import { normalizeNames } from '../model/names.js';
import type { MessageId } from '../i18n/index.js';
import { toBranch, toOrganization } from '../model/normalize.js';
import { positionOf, type Branch, type InputError, type Organization, type SkippedDocument, type Source, unshared } from '../model/types.js';
import { documentIssues, fastDocument, longList, MAX_LIST_ITEMS } from '../schema/validate.js';
import { issueIds } from '../schema/enums.js';
import type { branchDocument, organizationDocument } from '../schema/records.js';
import { zod } from '../zod.js';
import { closest } from './closest.js';
import { decodeUtf8 } from './decode.js';
import { MAX_FILE_BYTES } from './files.js';
import { LineIndex, type Position } from './position.js';
import { Locator, parseYaml, type YamlDocument, type YamlProblem } from './yaml.js';

/** At most this many errors are listed for one document. */
const MAX_ERRORS_PER_DOCUMENT = 20;

/** What one record file yields: its branches, organizations and input errors. */
export interface LoadedFile {
  file: string;
  branches: Branch[];
  organizations: Organization[];
  errors: InputError[];
  /** Documents skipped for input errors (the whole file, unread, is one of unknown kind). */
  skipped: SkippedDocument[];
}

type Path = readonly PropertyKey[];
/** A problem of one document, before it is located. */
type Issue = { path: Path; id: MessageId; args: Record<string, unknown>; key?: boolean };

/** Reads one record file's bytes into domain records; never throws for bad input. */
export function loadRecordFile(file: string, bytes: Uint8Array): LoadedFile {
  const loaded: LoadedFile = { file, branches: [], organizations: [], errors: [], skipped: [] };
  if (bytes.length > MAX_FILE_BYTES) {
    unread(loaded, { file, line: 1, column: 1, id: 'file.too-large', args: { size: bytes.length, limit: MAX_FILE_BYTES } });
    return loaded;
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    const byte = decoded.byte.toString(16).toUpperCase().padStart(2, '0');
    unread(loaded, { file, ...decoded.position, id: 'file.not-utf8', args: { byte } }, { line: 1, column: 1 });
    return loaded;
  }
  const text = decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text;
  const source: Source = { file, lines: new LineIndex(text) };
  const yamlProblem = (problem: YamlProblem, id: MessageId): InputError => ({
    file,
    ...source.lines.at(problem.offset),
    id,
    args: { code: problem.code, detail: problem.detail },
  });
  const parsed = parseYaml(text);
  // One locator per text: the first error parses it with offsets, later ones reuse that parse.
  const locator = new Locator(text);
  // The documents and the problems of those left unread, in file order.
  for (const item of [...parsed.documents, ...parsed.documentProblems].sort((a, b) => a.index - b.index)) {
    if ('problem' in item) unread(loaded, yamlProblem(item.problem, 'yaml.document'));
    else loadDocument(item, text, locator, source, loaded);
  }
  if (parsed.fatal) unread(loaded, yamlProblem(parsed.fatal, 'yaml.syntax'));
  return loaded;
}

/** An input error that leaves a document (or the whole file) unread, skipped at `at`. */
function unread(loaded: LoadedFile, error: InputError, at: Position = error): void {
  loaded.errors.push(error);
  loaded.skipped.push(skippedDocument(loaded.file, at));
}

/** A skipped document, with what its header says of it where it says it plainly (nothing: it may be any organization's branch). */
export function skippedDocument(file: string, at: Position, kind: 'branch' | 'organization' | null = null, header: unknown = null): SkippedDocument {
  const field = (key: string) => {
    const value = header !== null && typeof header === 'object' ? (header as Record<string, unknown>)[key] : undefined;
    return typeof value === 'string' && value !== '' ? value : null;
  };
  return { file, line: at.line, column: at.column, kind, id: field('id'), name: field('name'), parent: kind === 'branch' ? field('parent') : null };
}

function loadDocument(doc: YamlDocument, text: string, locator: Locator, source: Source, loaded: LoadedFile): void {
  const value = doc.value;
  const isMapping = typeof value === 'object' && value !== null && !Array.isArray(value);
  const hasBranch = isMapping && 'branch' in value;
  const hasOrganization = isMapping && 'organization' in value;
  if (hasBranch === hasOrganization) {
    unread(loaded, { file: source.file, ...positionOf(source, doc.start), id: hasBranch ? 'document.both' : 'document.neither', args: { document: doc.index + 1 } });
    return;
  }
  const kind = hasBranch ? 'branch' : 'organization';
  // Names are normalised as the fast path checks them; first, where an alias may share a list between a name and other text.
  const aliased = text.includes('*');
  // zod drops an own `__proto__` key while copying, so its unknown-key check never sees one.
  const proto = text.includes('__proto__');
  if (aliased) normalizeNames(value);
  // The fast path turns a valid document into zod's output in place, or gives null (also for a list too long); zod then parses
  // it and words the issues. Where an alias may share a node, all of this reads a copy that shares none.
  const input = aliased ? unshared(value) : value;
  const fast = fastDocument(kind, input, !aliased);
  // A list of n items takes at least 2n - 1 characters (`-` and a line break, or an entry and a comma, each): a shorter text has none too long.
  const long = fast === null && text.length > 2 * MAX_LIST_ITEMS ? longList(input) : null;
  if (long) {
    // Pointed at by its top-level entry, which the parser already placed: locating it inside would parse the list again, slowly.
    const [key, index] = long.path;
    const offset = (typeof index === 'number' ? doc.items.get(String(key))?.[index] : undefined) ?? doc.keys.get(String(key)) ?? doc.start;
    loaded.errors.push({ file: source.file, ...positionOf(source, offset), id: 'list.too-long', args: { path: formatPath(long.path), count: long.count, limit: MAX_LIST_ITEMS } });
    skip(loaded, doc, source, kind, input);
    return;
  }
  // Read in place from here on (by zod, or for a skipped document's header): normalised once, as the fast path would.
  if (!aliased && (fast === null || proto)) normalizeNames(input);
  let result;
  try {
    // zod parses only the parts the fast path rejected, where that gives its issues for the whole document.
    const partial = fast === null && !proto ? documentIssues(kind, input) : null;
    if (fast !== null) result = { success: true as const, data: fast };
    else if (partial?.length) result = { success: false as const, error: { issues: partial } };
    else result = zod()[`${kind}Document`].safeParse(input);
  } catch (error) {
    // zod gathers one issue per bad list item with a spread: a list of some 100,000 bad items overflows the stack.
    if (!(error instanceof RangeError)) throw error;
    loaded.errors.push({ file: source.file, ...positionOf(source, doc.start), id: 'document.too-complex', args: { document: doc.index + 1 } });
    return;
  }
  const issues = proto ? protoKeys(input, []) : [];
  if (!result.success) issues.push(...result.error.issues.slice(0, MAX_ERRORS_PER_DOCUMENT).map((issue) => describeIssue(issue, input)));
  if (issues.length > 0) {
    // In file order: schema errors and the document-wide checks (unique names) come together.
    const located = issues.map((issue) => ({ issue, offset: locator.locate(doc.index, issue.path, issue.key) })).sort((x, y) => x.offset - y.offset);
    for (const { issue, offset } of located) {
      loaded.errors.push({ file: source.file, ...source.lines.at(offset), id: issue.id, args: { path: formatPath(issue.path), ...issue.args } });
    }
    skip(loaded, doc, source, kind, input);
    return;
  }
  if (hasBranch) loaded.branches.push(toBranch(result.data as z.output<typeof branchDocument>, doc, source));
  else loaded.organizations.push(toOrganization(result.data as z.output<typeof organizationDocument>, doc, source));
}

/** A document refused for its content, skipped where its header starts, with what the header says. */
function skip(loaded: LoadedFile, doc: YamlDocument, source: Source, kind: 'branch' | 'organization', value: unknown): void {
  loaded.skipped.push(skippedDocument(source.file, positionOf(source, doc.keys.get(kind) ?? doc.start), kind, (value as Record<string, unknown>)[kind]));
}

/** `activities[3].date` from ['activities', 3, 'date']. */
export function formatPath(path: Path): string {
  let out = '';
  for (const segment of path) out += typeof segment === 'number' ? `[${segment}]` : out === '' ? String(segment) : `.${String(segment)}`;
  return out;
}

function valueAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, segment) => (node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[segment] : undefined), root);
}

function describeValue(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'list';
  if (value !== null && typeof value === 'object') return 'mapping';
  return String(value);
}

function describeIssue(issue: z.core.$ZodIssue, root: unknown): Issue {
  const path = issue.path;
  const value = valueAt(root, path);
  const shown = describeValue(value);
  const message = issue.message;
  if (message === issueIds.unknownKey && issue.code === 'custom') {
    const params = issue.params as { key: string; known: string[] };
    return { path, key: true, id: 'key.unknown', args: { key: params.key, suggestion: closest(params.key, params.known) ?? '', known: params.known.join(', ') } };
  }
  if (message === issueIds.duplicateName && issue.code === 'custom') {
    const params = issue.params as { name: string; first: number };
    return { path, id: 'name.duplicate', args: { name: params.name, first: params.first } };
  }
  if (message === issueIds.required && issue.code === 'custom' && issue.params?.type) {
    return { path, id: 'field.required-for-type', args: { field: issue.params.field, type: issue.params.type } };
  }
  if (value === undefined || value === null) {
    return { path, id: 'field.required', args: {} };
  }
  if (message === issueIds.date || message === issueIds.month || message === issueIds.period) {
    return { path, id: message, args: { value: shown } };
  }
  switch (issue.code) {
    case 'invalid_type': {
      const quotedNumber = issue.expected === 'number' && typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value));
      return { path, id: quotedNumber ? 'type.quoted-number' : 'type.invalid', args: { expected: issue.expected, value: shown } };
    }
    case 'invalid_value':
      return { path, id: 'enum.invalid', args: { value: shown, allowed: issue.values.map(String) } };
    case 'invalid_union':
      return { path, id: 'type.invalid', args: { expected: 'text', value: shown } };
    case 'too_small':
      return { path, id: issue.origin === 'string' ? 'field.required' : 'number.negative', args: { value: shown } };
    default:
      return { path, id: 'type.invalid', args: { expected: 'int', value: shown } };
  }
}

function protoKeys(value: unknown, path: PropertyKey[]): Issue[] {
  if (value === null || typeof value !== 'object' || path.length > 8) return [];
  const found: Issue[] = [];
  if (!Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, '__proto__')) {
    found.push({ path: [...path, '__proto__'], key: true, id: 'key.unknown', args: { key: '__proto__', suggestion: '', known: '' } });
  }
  for (const [key, child] of Object.entries(value)) found.push(...protoKeys(child, [...path, Array.isArray(value) ? Number(key) : key]));
  return found;
}


