import type { z as Zod } from 'zod';
import { z } from './deferred-z.js';
import type { Activity } from '../model/types.js';
import { activityTypes, themeDayForms } from '../schema/enums.js';

const oneOrMany = <T extends Zod.ZodType>(t: T) => z.union([t, z.array(t).min(1)]).transform((v) => (Array.isArray(v) ? v : [v]) as Zod.output<T>[]);

const fieldSelector = z.strictObject({
  type: oneOrMany(z.enum(Object.keys(activityTypes) as [string, ...string[]])).optional(),
  form: oneOrMany(z.enum(Object.keys(themeDayForms) as [string, ...string[]])).optional(),
  lecturer: z.string().optional(),
  group: z.string().optional(),
});

/**
 * Which activities a rule counts; `$name` values are bound per evaluation ($secretary, $group, $leader).
 * `not` leaves out the activities it matches (`not: { form: entertainment }`).
 */
export const selector = fieldSelector.extend({ not: fieldSelector.optional() }).default({});

export type Selector = Zod.output<typeof selector>;
export type Bindings = Record<string, string | undefined>;

const bound = (value: string, bindings: Bindings): string | undefined => (value.startsWith('$') ? bindings[value.slice(1)] : value);

/** True when an activity matches a selector under the bindings. */
export function matches(activity: Activity, select: Selector, bindings: Bindings = {}): boolean {
  if (select.not && matches(activity, select.not, bindings)) return false;
  if (select.type && !select.type.includes(activity.type)) return false;
  if (select.form && (!activity.form || !select.form.includes(activity.form))) return false;
  if (select.lecturer !== undefined && activity.lecturer !== bound(select.lecturer, bindings)) return false;
  if (select.group !== undefined && activity.group !== bound(select.group, bindings)) return false;
  return true;
}

export const roleNames = z.array(z.enum(['attendees', 'guests', 'host', 'lecturer', 'with', 'recorder'])).min(1);
