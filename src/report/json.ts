import type { Report } from './report.js';

/** Pieces are gathered up to about this many characters before they are handed on. */
const CHUNK = 64 * 1024;

/**
 * The JSON report, two-space indented, newline-terminated, as pieces: exactly the text of
 * `JSON.stringify(report, null, 2)`, but no piece holds more than one finding (or input error,
 * or shard entry) beyond CHUNK, so 100,000 files never make one string longer than V8 allows.
 */
export function* jsonChunks(report: Report): Generator<string> {
  let pending = '';
  for (const piece of pieces(report, '', 4)) {
    pending += piece;
    if (pending.length >= CHUNK) {
      yield pending;
      pending = '';
    }
  }
  yield `${pending}\n`;
}

/** The JSON report, two-space indented, newline-terminated. */
export function formatJson(report: Report): string {
  return [...jsonChunks(report)].join('');
}

// JSON.stringify's own rules: undefined, functions and symbols are left out of objects, and null in arrays.
const skipped = (value: unknown) => value === undefined || typeof value === 'function' || typeof value === 'symbol';

/** `value` as JSON.stringify(value, null, 2) would write it at this indentation, opened `depth` levels deep. */
function* pieces(value: unknown, indent: string, depth: number): Generator<string> {
  if (depth === 0 || value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    // A JSON text has no raw line breaks inside strings: indenting its lines is safe.
    yield (JSON.stringify(value, null, 2) ?? 'null').replaceAll('\n', `\n${indent}`);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return yield '[]';
    yield '[';
    for (let i = 0; i < value.length; i++) {
      yield `${i > 0 ? ',' : ''}\n${inner}`;
      yield* pieces(skipped(value[i]) ? null : value[i], inner, depth - 1);
    }
    return yield `\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => !skipped(v));
  if (entries.length === 0) return yield '{}';
  yield '{';
  for (let i = 0; i < entries.length; i++) {
    const [key, v] = entries[i] as [string, unknown];
    yield `${i > 0 ? ',' : ''}\n${inner}${JSON.stringify(key)}: `;
    yield* pieces(v, inner, depth - 1);
  }
  yield `\n${indent}}`;
}
