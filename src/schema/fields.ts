import { z } from 'zod';
import { isPeriodRef, isRealDate, isRealMonth } from './dates.js';
import { issueIds, onMapping, unknownKeys } from './enums.js';

/** A required calendar date. */
export const date = z
  .string({ error: issueIds.date })
  .refine(isRealDate, { message: issueIds.date })
  .meta({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$', description: '日期 YYYY-MM-DD' });
export const optionalDate = date.nullish();

export const month = z
  .string({ error: issueIds.month })
  .refine(isRealMonth, { message: issueIds.month })
  .meta({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: '月份 YYYY-MM' });

/** A month, quarter or year period as written in exemptions: 2026-02, 2026Q1, 2026 (bare or quoted). */
export const periodRef = z
  .union([z.string(), z.number().int()], { error: issueIds.period })
  .transform((v) => String(v))
  .refine(isPeriodRef, { message: issueIds.period });

/** A required non-empty text (a name, an id). */
export const text = z.string().min(1, { message: issueIds.required });
export const optionalText = z.string().nullish();
export const names = z.array(text).nullish();
export const count = z.number().int().min(0).nullish();
export const hours = z.number().min(0);

/** Enum accepting the English token or the Chinese label; parses to the token. */
export function enumOf<T extends Record<string, string>>(table: T, extra: Record<string, string> = {}) {
  // Each token, its label, then the extra labels: the order of zod's list of allowed values.
  const toToken = new Map([...Object.entries(table).flatMap(([token, label]) => [[token, token], [label, token]] as const), ...Object.entries(extra)]);
  const accepted = [...toToken.keys()] as [string, ...string[]];
  return z.enum(accepted).transform((v) => toToken.get(v) as keyof T & string);
}

/** A key's schema with its description, in Chinese then English: `zhibu schema` shows it on hover, docs/record-keys.md lists it. */
export function about<T extends z.ZodType>(schema: T, zh: string, en: string): T {
  return schema.describe(`${zh}\n${en}`);
}

/**
 * A mapping with exactly these keys (plus free `x-` keys): unknown keys become
 * issues that run even when other fields fail, so a typo is reported with them.
 */
export function record<S extends z.ZodRawShape>(shape: S) {
  const known = new Set(Object.keys(shape));
  return z.looseObject(shape).superRefine(
    (value, ctx) => {
      for (const issue of unknownKeys(value, known)) ctx.addIssue(issue as Parameters<typeof ctx.addIssue>[0]);
    },
    { when: onMapping },
  );
}
