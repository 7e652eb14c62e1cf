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

/** zhibu.config.yaml */
export const configFile = z.strictObject({
  rules: z.record(z.string(), ruleSetting).optional(),
  ruleDirs: z.array(z.string()).optional(),
  rectify: rectifyPolicy.optional(),
  score: scorePolicy.optional(),
  import: importSettings.optional(),
});

export type ConfigFile = z.output<typeof configFile>;
