/** Zero-width characters that editors and copy-paste leave inside names: ZWSP, ZWNJ, ZWJ, word joiner, BOM. */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
/** Text that is already normal: printable ASCII with no space at either end, or nothing. */
const PLAIN_ASCII = /^(?:[\x21-\x7E](?:[\x20-\x7E]*[\x21-\x7E])?)?$/;

/**
 * A name as it is compared (records.md): Unicode NFC (`李四` written with the compatibility
 * ideograph U+F9E1 is `李四`), zero-width characters removed, surrounding white space trimmed.
 */
export function normalizeName(text: string): string {
  if (PLAIN_ASCII.test(text)) return text;
  return text.replace(ZERO_WIDTH, '').normalize('NFC').trim();
}

/** Keys whose text (or list of texts) names a person, group, unit, branch or other subject. */
const NAME_KEYS = new Set([
  'id', 'name', 'parent', 'units', 'secretary', 'deputy_secretaries', 'committee', 'group', 'leader',
  'host', 'recorder', 'attendees', 'guests', 'lecturer', 'with', 'member', 'owner', 'subject', 'branch', 'liaison',
]);

/**
 * Normalises, in place, every name in a parsed record document (before it is validated), so
 * every later comparison (unique names, attendance, roles, subjects) sees one spelling.
 */
export function normalizeNames(document: unknown): void {
  // The branch's and organization's own `name` is shown, never compared: it stays as written.
  const root = document !== null && typeof document === 'object' ? (document as Record<string, unknown>) : {};
  const headers = new Set([root.branch, root.organization]);
  const seen = new Set<object>();
  // The same few names recur in every activity's lists: each spelling is normalised once.
  const normal = new Map<string, string>();
  const normalized = (text: string) => {
    let name = normal.get(text);
    if (name === undefined) normal.set(text, (name = normalizeName(text)));
    return name;
  };
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
        if (typeof value === 'string') mapping[key] = normalized(value);
        else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) if (typeof value[i] === 'string') value[i] = normalized(value[i] as string);
      }
      if (value !== null && typeof value === 'object') stack.push(value);
    }
  }
}
