import { z } from 'zod';
import { severity } from '../engine/rules.js';
import { rectifyPolicy } from '../rectify/policy.js';
import { scorePolicy } from '../score/policy.js';
import { importSettings } from '../import/settings.js';

/** One rule's setting: off, a severity, or new parameter values (optionally with a severity). */
export const ruleSetting = z.union([
  z.literal('off'),
  z.literal(false),
  severity,
  z.looseObject({ severity: severity.optional(), off: z.boolean().optional() }),
]);

/** The time zone "today" is taken in when --as-of is not given (records.md). */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** True for an IANA time zone name this Node knows (Asia/Shanghai, UTC, Europe/Berlin …). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** zhibu.config.yaml */
export const configFile = z.strictObject({
  timezone: z.string().refine(isTimeZone, { message: 'not a time zone name; write an IANA name such as Asia/Shanghai or UTC' }).optional(),
  rules: z.record(z.string(), ruleSetting).optional(),
  ruleDirs: z.array(z.string()).optional(),
  rectify: rectifyPolicy.optional(),
  score: scorePolicy.optional(),
  import: importSettings.optional(),
});

export type ConfigFile = z.output<typeof configFile>;
