import { createRequire } from 'node:module';
import type * as Schemas from './schemas.js';

let loaded: typeof Schemas | undefined;

/**
 * zod and every schema built with it, loaded on first use: about 40 ms (bundled, from its
 * code cache) that a check of valid records with the built-in rules never pays. It is asked
 * for only when a record fails the fast validator, a rule file or configuration setting must
 * be validated, or an error must be worded. Loaded synchronously: in dist/bundle/ a CommonJS
 * chunk; from tsc's dist/, an ES module (require of an ES module, Node ≥ 20.19).
 */
export function zod(): typeof Schemas {
  return (loaded ??= createRequire(import.meta.url)('./schemas.js') as typeof Schemas);
}

/** Tests run the TypeScript sources, which Node cannot require: their setup file hands the module over. */
export function provideSchemas(schemas: typeof Schemas): void {
  loaded = schemas;
}
