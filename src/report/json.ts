import type { Report } from './report.js';

/** Pieces are gathered up to about this many characters before they are handed on. */
const CHUNK = 64 * 1024;

/**
 * The JSON report, two-space indented, newline-terminated, as pieces: exactly the text of
 * `JSON.stringify(report, null, 2)`, but no piece holds more than BATCH array elements (findings,
 * input errors, shard entries) beyond CHUNK, so 100,000 files never make one string longer than
 * V8 allows.
 */
export function* jsonChunks(report: Report): Generator<string> {
  let pending = '';
  for (const piece of pieces(report, 0)) {
    // A batch of array elements goes out as it is: joined to the small pieces before it, it
    // would be copied once more (and the copy encoded), which took a third of the writing.
    if (piece.length >= CHUNK) {
      if (pending) yield pending;
      pending = '';
      yield piece;
      continue;
    }
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

/** Array elements written by one JSON.stringify call: one call per element is several times slower. */
const BATCH = 256;

/**
 * `value` as JSON.stringify(value, null, 2) writes it `depth` levels deep. It is stringified
 * inside `depth` arrays, so that its lines come out already indented, and the arrays are cut
 * off: re-indenting the text afterwards would take longer than writing it.
 */
function nested(value: unknown, depth: number): string {
  let wrapped = value;
  for (let i = 0; i < depth; i++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2) ?? 'null';
  // Level i opens with "[\n" and 2(i+1) spaces, and closes with "\n", 2i spaces and "]".
  return text.slice(depth * (depth + 3), text.length - depth * (depth + 1));
}

/** `value` as JSON.stringify(value, null, 2) writes it `depth` levels deep: objects key by key, arrays BATCH elements at a time. */
function* pieces(value: unknown, depth: number): Generator<string> {
  if (value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') return yield nested(value, depth);
  const indent = '  '.repeat(depth);
  if (Array.isArray(value)) {
    if (value.length === 0) return yield '[]';
    for (let i = 0; i < value.length; i += BATCH) {
      // "[\n<indent>  a,\n<indent>  b\n<indent>]" less its brackets, so batches join with ",\n<indent>  ".
      const text = nested(value.slice(i, i + BATCH), depth);
      yield i === 0 ? '[' : ',';
      yield text.slice(1, text.length - 2 - indent.length);
    }
    return yield `\n${indent}]`;
  }
  // JSON.stringify's own rules: undefined, functions and symbols are left out of objects.
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  if (entries.length === 0) return yield '{}';
  yield '{';
  for (let i = 0; i < entries.length; i++) {
    const [key, v] = entries[i] as [string, unknown];
    yield `${i > 0 ? ',' : ''}\n${indent}  ${JSON.stringify(key)}: `;
    yield* pieces(v, depth + 1);
  }
  yield `\n${indent}}`;
}
