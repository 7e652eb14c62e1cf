import { z } from 'zod';
import { rectifyPolicy } from '../rectify/policy.js';
import { scorePolicy } from '../score/policy.js';
import { importSettings } from '../import/settings.js';
import { isTimeZone } from '../engine/ruleset.js';

/**
 * zhibu.config.yaml. Each rule's setting (`off`, a severity, or parameters) is checked
 * against the rule itself when the rules are configured (engine/ruleset.ts).
 */
export const configFile = z.strictObject({
  timezone: z.string().refine(isTimeZone, { message: 'not a time zone name; write an IANA name such as Asia/Shanghai or UTC' }).optional(),
  rules: z.record(z.string(), z.unknown()).optional(),
  ruleDirs: z.array(z.string()).optional(),
  rectify: rectifyPolicy.optional(),
  score: scorePolicy.optional(),
  import: importSettings.optional(),
});

export type ConfigFile = z.output<typeof configFile>;

/** The top-level keys a configuration may have. */
export const configKeys: readonly string[] = Object.keys(configFile.shape);
