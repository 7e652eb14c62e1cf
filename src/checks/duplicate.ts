import type { z as Zod } from 'zod';
import { z } from './deferred-z.js';
import { activityTypes } from '../schema/enums.js';
import type { Activity } from '../model/types.js';
import { aboutRecord, primitive } from './primitive.js';

const keyField = z.enum(['type', 'date', 'group', 'topic', 'host', 'with', 'member']);
const activityType = z.enum(Object.keys(activityTypes) as [string, ...string[]]);

/** A key field's value for comparison: absent equals absent, and a list of names compares as a set. */
type KeyField = Zod.output<typeof keyField>;
/** Earlier records by the value of each key field in turn; the last field's values lead to the records. */
type Earlier = Map<unknown, Earlier | Activity[]>;

function keyValue(a: Activity, field: KeyField): unknown {
  const value = a[field] ?? null;
  return Array.isArray(value) ? [...new Set(value)].sort().join('\u0000') : value;
}

/**
 * Record rule: a later record with the same key fields as an earlier one in the file is reported.
 * `keyByType` adds fields for some types (talks with different people on one day are not duplicates).
 */
export const duplicate = primitive({
  name: 'duplicate',
  scope: 'branch',
  options: z.strictObject({
    key: z.array(keyField).min(1),
    keyByType: z.partialRecord(activityType, z.array(keyField).min(1)).default({}),
  }),
  run(scope, o, emit) {
    const { from, to } = scope.window;
    // Earlier records by their `key` fields, one nested map per field (no key string to build);
    // the fields a type adds are compared one by one.
    const earlier: Earlier = new Map();
    const same = (a: Activity, b: Activity) => {
      for (const k of o.keyByType[a.type] ?? []) if (keyValue(a, k) !== keyValue(b, k)) return false;
      return true;
    };
    // File order decides which record is the earlier one.
    for (const a of scope.branch.activities) {
      let node = earlier;
      for (let i = 0; i < o.key.length - 1; i++) {
        const value = keyValue(a, o.key[i] as KeyField);
        let next = node.get(value) as Earlier | undefined;
        if (!next) node.set(value, (next = new Map()));
        node = next;
      }
      const value = keyValue(a, o.key[o.key.length - 1] as KeyField);
      const list = node.get(value) as Activity[] | undefined;
      const first = list?.find((b) => same(a, b));
      const inWindow = a.date >= from && a.date <= to && a.date <= scope.asOf;
      if (!first) {
        if (list) list.push(a);
        else node.set(value, [a]);
        if (inWindow) emit.met?.(null, a.key);
        continue;
      }
      if (!inWindow) continue;
      const fields = [...o.key, ...(o.keyByType[a.type] ?? [])].filter((k) => keyValue(a, k) !== null);
      emit({ messageId: 'duplicate', args: { date: a.date, type: a.type, first: first.index, fields }, ...aboutRecord(a) });
    }
  },
});
