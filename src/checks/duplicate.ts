import { z } from 'zod';
import { activityTypes } from '../schema/enums.js';
import type { Activity } from '../model/types.js';
import { aboutRecord, primitive } from './primitive.js';

const keyField = z.enum(['type', 'date', 'group', 'topic', 'host', 'with', 'member']);
const activityType = z.enum(Object.keys(activityTypes) as [string, ...string[]]);

/** A key field's value for comparison: absent equals absent, and a list of names compares as a set. */
type KeyField = z.output<typeof keyField>;

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
    const [lead, ...rest] = o.key as [(typeof o.key)[number], ...typeof o.key];
    // Earlier records by their first key field; the rest compared field by field.
    const earlier = new Map<unknown, Activity[]>();
    // The fields compared after the first, per type of the later record.
    const compared = new Map<string, readonly KeyField[]>();
    const same = (a: Activity, b: Activity) => {
      let fields = compared.get(a.type);
      if (!fields) compared.set(a.type, (fields = [...rest, ...(o.keyByType[a.type] ?? [])]));
      for (const k of fields) if (keyValue(a, k) !== keyValue(b, k)) return false;
      return true;
    };
    // File order decides which record is the earlier one.
    for (const a of scope.branch.activities) {
      const value = keyValue(a, lead);
      const list = earlier.get(value);
      const first = list?.find((b) => same(a, b));
      const inWindow = a.date >= from && a.date <= to && a.date <= scope.asOf;
      if (!first) {
        if (list) list.push(a);
        else earlier.set(value, [a]);
        if (inWindow) emit.met?.(null, a.key);
        continue;
      }
      if (!inWindow) continue;
      const fields = [...o.key, ...(o.keyByType[a.type] ?? [])].filter((k) => keyValue(a, k) !== null);
      emit({ messageId: 'duplicate', args: { date: a.date, type: a.type, first: first.index, fields }, ...aboutRecord(a) });
    }
  },
});
