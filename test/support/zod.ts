// Tests run the TypeScript sources, which `zod()` (src/zod.ts) cannot require: hand it the module.
import * as schemas from '../../src/schemas.js';
import { provideSchemas } from '../../src/zod.js';

provideSchemas(schemas);
