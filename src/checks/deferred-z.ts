import type { z as Z } from 'zod';
import { zod } from '../zod.js';

/**
 * A stand-in for zod's `z` in the primitives' option declarations: each call or property
 * read is recorded, and replayed against zod itself when the schema is first used to parse
 * (`parse`, `safeParse`, or `realize`). The declarations read as plain zod, with zod's types,
 * yet a check whose rules were validated at build time never loads zod.
 */
interface Step {
  from: Step | null;
  key?: PropertyKey;
  args?: unknown[];
}

const STEP = Symbol('deferred zod step');
const realized = new WeakMap<Step, unknown>();
/** What uses a schema rather than builds one: read from the schema zod builds. */
const USES = new Set<PropertyKey>(['parse', 'safeParse', '_zod']);

function node(step: Step): unknown {
  return new Proxy(() => undefined, {
    get: (_target, key) => {
      if (key === STEP) return step;
      if (typeof key === 'symbol' || key === 'then') return undefined;
      if (!USES.has(key)) return node({ from: step, key });
      const schema = replay(step) as Record<PropertyKey, unknown>;
      const value = schema[key];
      return typeof value === 'function' ? value.bind(schema) : value;
    },
    apply: (_target, _this, args: unknown[]) => node({ from: step, args }),
  });
}

function stepOf(value: unknown): Step | undefined {
  return typeof value === 'function' ? ((value as unknown as Record<symbol, Step | undefined>)[STEP] ?? undefined) : undefined;
}

/** The value itself, with every deferred schema in it (also inside plain objects and arrays) built by zod. */
function realize<T>(value: T): T {
  const step = stepOf(value);
  if (step) return replay(step) as T;
  if (Array.isArray(value)) return value.map(realize) as T;
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, realize(child)])) as T;
  }
  return value;
}

function replay(step: Step): unknown {
  if (realized.has(step)) return realized.get(step);
  let out: unknown;
  if (step.from === null) out = zod().z;
  else if (step.args === undefined) out = (replay(step.from) as Record<PropertyKey, unknown>)[step.key as PropertyKey];
  else if (step.from.args === undefined && step.from.from !== null) {
    // A method call: `this` is the object it was read from.
    const self = replay(step.from.from) as Record<PropertyKey, (...args: unknown[]) => unknown>;
    out = self[step.from.key as PropertyKey]?.(...step.args.map(realize));
  } else out = (replay(step.from) as (...args: unknown[]) => unknown)(...step.args.map(realize));
  realized.set(step, out);
  return out;
}

export const z = node({ from: null }) as typeof Z;
