import { z } from 'zod';
import { branchDocument, organizationDocument } from './records.js';

/** JSON Schema (draft 2020-12) for branch and organization files, generated from the zod schemas. */
export function recordJsonSchema(which: 'branch' | 'organization' | 'any'): Record<string, unknown> {
  const convert = (schema: z.ZodType) =>
    z.toJSONSchema(schema, {
      io: 'input',
      unrepresentable: 'any',
      override: (ctx) => {
        const json = ctx.jsonSchema as Record<string, unknown>;
        // record(): exactly the documented keys, plus free x- keys.
        if (json.type === 'object' && json.properties && json.additionalProperties !== false) {
          json.additionalProperties = false;
          json.patternProperties = { '^x-': {} };
        }
      },
    }) as Record<string, unknown>;
  const branch = convert(branchDocument);
  const organization = convert(organizationDocument);
  const base = { $schema: 'https://json-schema.org/draft/2020-12/schema' };
  if (which === 'branch') return { ...branch, ...base, $id: 'https://zhibu.dev/schema/branch.json', title: 'zhibu branch file (党支部记录)' };
  if (which === 'organization') return { ...organization, ...base, $id: 'https://zhibu.dev/schema/organization.json', title: 'zhibu organization file (党委组织文件)' };
  const strip = (s: Record<string, unknown>) => Object.fromEntries(Object.entries(s).filter(([k]) => k !== '$schema'));
  return { ...base, $id: 'https://zhibu.dev/schema/records.json', title: 'zhibu record file (branch or organization)', anyOf: [strip(branch), strip(organization)] };
}
