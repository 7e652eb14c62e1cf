import { z } from 'zod';

/** The `import:` key of zhibu.config.yaml (docs/import.md). */
export const importSettings = z.strictObject({
  /** The organization file written by an import. */
  organization: z.strictObject({ id: z.string().min(1), name: z.string().min(1) }).optional(),
  /** Branch name (as the ledger writes it) → branch id. */
  branches: z.record(z.string(), z.string().min(1)).optional(),
  /** Standard header → other spellings of it in the ledgers. */
  headers: z.record(z.string(), z.array(z.string().min(1))).optional(),
  /** Ledger header → the `x-` key its values are kept under. */
  columns: z.record(z.string(), z.string().regex(/^x-/, 'an x- key')).optional(),
});

export type ImportSettings = z.output<typeof importSettings>;
