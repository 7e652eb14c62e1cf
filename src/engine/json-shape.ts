// Shapes of the JSON zhibu reads back from its own files (cache entries, shard reports):
// small checks that name the first field that is wrong, cheap enough for a warm cache run
// (zod over a whole cache costs more than the rest of a warm run's reading).

/** A check of a value at a path: null when it fits, else `path: what was expected`. */
export type Shape = (value: unknown, path: string) => string | null;

const expected = (path: string, what: string) => `${path || '(root)'}: expected ${what}`;

export const text: Shape = (v, p) => (typeof v === 'string' ? null : expected(p, 'a string'));
/** A whole number ≥ min. */
export const whole =
  (min = 0): Shape =>
  (v, p) =>
    typeof v === 'number' && Number.isSafeInteger(v) && v >= min ? null : expected(p, `a whole number ≥ ${min}`);
export const bool: Shape = (v, p) => (typeof v === 'boolean' ? null : expected(p, 'true or false'));
export const anything: Shape = () => null;

export const oneOf =
  (...values: readonly unknown[]): Shape =>
  (v, p) =>
    values.includes(v) ? null : expected(p, `one of ${values.map((x) => JSON.stringify(x)).join(', ')}`);

export const nullable =
  (shape: Shape): Shape =>
  (v, p) =>
    v === null ? null : shape(v, p);

/** Absent (undefined) or fitting. */
export const optional =
  (shape: Shape): Shape =>
  (v, p) =>
    v === undefined ? null : shape(v, p);

export const list =
  (element: Shape): Shape =>
  (v, p) => {
    if (!Array.isArray(v)) return expected(p, 'a list');
    for (let i = 0; i < v.length; i++) {
      const problem = element(v[i], `${p}[${i}]`);
      if (problem) return problem;
    }
    return null;
  };

export const pair =
  (first: Shape, second: Shape): Shape =>
  (v, p) =>
    !Array.isArray(v) || v.length !== 2 ? expected(p, 'a pair [key, value]') : (first(v[0], `${p}[0]`) ?? second(v[1], `${p}[1]`));

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** An object with these fields (others are allowed and ignored). */
export const object =
  (fields: Record<string, Shape>): Shape => {
    const entries = Object.entries(fields);
    return (v, p) => {
      if (!isPlainObject(v)) return expected(p, 'an object');
      for (const [key, shape] of entries) {
        const problem = shape(Object.hasOwn(v, key) ? v[key] : undefined, p ? `${p}.${key}` : key);
        if (problem) return problem;
      }
      return null;
    };
  };

/** An object whose every value fits. */
export const dictionary =
  (value: Shape): Shape =>
  (v, p) => {
    if (!isPlainObject(v)) return expected(p, 'an object');
    for (const key of Object.keys(v)) {
      const problem = value(v[key], `${p}.${key}`);
      if (problem) return problem;
    }
    return null;
  };

/** Both shapes. */
export const both =
  (a: Shape, b: Shape): Shape =>
  (v, p) =>
    a(v, p) ?? b(v, p);

/** A 1-based position. */
export const position = object({ line: whole(1), column: whole(1) });
