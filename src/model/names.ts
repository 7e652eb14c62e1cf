/** Zero-width characters that editors and copy-paste leave inside names: ZWSP, ZWNJ, ZWJ, word joiner, BOM. */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
/** What makes text not yet normal, besides a form other than NFC: white space at either end, a zero-width character. */
const UNTRIMMED = /^\s|\s$|[\u200B-\u200D\u2060\uFEFF]/;

/**
 * A name as it is compared (records.md): Unicode NFC (`李四` written with the compatibility
 * ideograph U+F9E1 is `李四`), zero-width characters removed, surrounding white space trimmed.
 */
export function normalizeName(text: string): string {
  if (isPlain(text) || (!UNTRIMMED.test(text) && text.normalize('NFC') === text)) return text;
  return text.replace(ZERO_WIDTH, '').normalize('NFC').trim();
}

/**
 * Text of printable ASCII without spaces and CJK unified ideographs (U+4E00–U+9FFF) only, as most names are:
 * already normal, for none of these characters has a decomposition or composes with another (checked without ICU).
 */
function isPlain(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff))) return false;
  }
  return true;
}

/** Keys whose text (or list of texts) names a person, group, unit, branch or other subject. */
export const NAME_KEYS = new Set([
  'id', 'name', 'parent', 'units', 'secretary', 'deputy_secretaries', 'committee', 'group', 'leader',
  'host', 'recorder', 'attendees', 'guests', 'lecturer', 'with', 'member', 'owner', 'subject', 'branch', 'liaison',
]);

/** The value of a NAME_KEYS key as it is compared: a text normalised, a list's texts normalised (in a copy), anything else as it is. */
export function normalValue(value: unknown): unknown {
  if (typeof value === 'string') return normalizeName(value);
  if (!Array.isArray(value)) return value;
  let out: unknown[] | null = null;
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (typeof item === 'string' && normalizeName(item) !== item) (out ??= value.slice())[i] = normalizeName(item);
  }
  return out ?? value;
}

/**
 * Normalises, in place, every name in a parsed record document (before zod validates it), so
 * every later comparison (unique names, attendance, roles, subjects) sees one spelling. The fast
 * validator (schema/validate.ts) gives the same names as it copies a document.
 */
export function normalizeNames(document: unknown, root = true): void {
  // The branch's and organization's own `name` is shown, never compared: it stays as written.
  const top = root && document !== null && typeof document === 'object' ? (document as Record<string, unknown>) : {};
  const headers = new Set([top.branch, top.organization]);
  const seen = new Set<object>();
  const stack: unknown[] = [document];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
      continue;
    }
    const mapping = node as Record<string, unknown>;
    for (const key of Object.keys(mapping)) {
      const value = mapping[key];
      if (NAME_KEYS.has(key) && !(key === 'name' && headers.has(mapping))) {
        if (typeof value === 'string') mapping[key] = normalizeName(value);
        else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) if (typeof value[i] === 'string') value[i] = normalizeName(value[i] as string);
      }
      if (value !== null && typeof value === 'object') stack.push(value);
    }
  }
}
