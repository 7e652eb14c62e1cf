// Shapes of the JSON zhibu reads back from its own files (cache entries, shard reports):
// small checks that name the first field that is wrong, cheap enough for a warm cache run
// (zod over a whole cache costs more than the rest of a warm run's reading). A path is
// built only for a value that does not fit.

/** A check of a value: null when it fits, else `path: what was expected` (the path within the value). */
export type Shape = (value: unknown) => string | null;

const expected = (what: string) => `: expected ${what}`;
/** The problem a shape found, as a sentence about `path` (`shard`, `entry`…). */
export function problemAt(path: string, problem: string | null): string | null {
  if (problem === null) return null;
  const at = `${path}${problem}`.replace(/^\./, '');
  return at.startsWith(':') ? `(root)${at}` : at;
}

export const text: Shape = (v) => (typeof v === 'string' ? null : expected('a string'));
/** A whole number ≥ min. */
export const whole = (min = 0): Shape => {
  const what = expected(`a whole number ≥ ${min}`);
  return (v) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= min ? null : what);
};
export const bool: Shape = (v) => (typeof v === 'boolean' ? null : expected('true or false'));
export const anything: Shape = () => null;

export const oneOf = (...values: readonly unknown[]): Shape => {
  const what = expected(`one of ${values.map((x) => JSON.stringify(x)).join(', ')}`);
  return (v) => (values.includes(v) ? null : what);
};

export const nullable =
  (shape: Shape): Shape =>
  (v) =>
    v === null ? null : shape(v);

/** Absent (undefined) or fitting. */
export const optional =
  (shape: Shape): Shape =>
  (v) =>
    v === undefined ? null : shape(v);

export const list =
  (element: Shape): Shape =>
  (v) => {
    if (!Array.isArray(v)) return expected('a list');
    for (let i = 0; i < v.length; i++) {
      const problem = element(v[i]);
      if (problem !== null) return `[${i}]${problem}`;
    }
    return null;
  };

export const pair =
  (first: Shape, second: Shape): Shape =>
  (v) => {
    if (!Array.isArray(v) || v.length !== 2) return expected('a pair [key, value]');
    const a = first(v[0]);
    if (a !== null) return `[0]${a}`;
    const b = second(v[1]);
    return b === null ? null : `[1]${b}`;
  };

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** An object with these fields (others are allowed and ignored). */
export const object = (fields: Record<string, Shape>): Shape => {
  const keys = Object.keys(fields);
  const shapes = keys.map((key) => fields[key] as Shape);
  return (v) => {
    if (!isPlainObject(v)) return expected('an object');
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      const problem = (shapes[i] as Shape)(Object.hasOwn(v, key) ? v[key] : undefined);
      if (problem !== null) return `.${key}${problem}`;
    }
    return null;
  };
};

/** An object whose every value fits. */
export const dictionary =
  (value: Shape): Shape =>
  (v) => {
    if (!isPlainObject(v)) return expected('an object');
    for (const key of Object.keys(v)) {
      const problem = value(v[key]);
      if (problem !== null) return `.${key}${problem}`;
    }
    return null;
  };

/** Both shapes. */
export const both =
  (a: Shape, b: Shape): Shape =>
  (v) =>
    a(v) ?? b(v);

/** A 1-based position. */
export const position = object({ line: whole(1), column: whole(1) });
