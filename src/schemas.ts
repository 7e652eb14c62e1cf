/** Every zod schema a run may need, in the one module `zod()` (zod.ts) loads on demand. */
export { z } from 'zod';
export { branchDocument, organizationDocument, refinements } from './schema/records.js';
export { configFile, configKeys } from './schema/config.js';
