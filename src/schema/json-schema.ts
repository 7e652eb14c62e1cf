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

type SchemaNode = { properties?: Record<string, SchemaNode>; items?: SchemaNode; anyOf?: SchemaNode[]; description?: string };

/** Every key of a generated schema by path (`members[].name`), in schema order, with its description (fields.ts's `about`). */
export function schemaKeys(node: unknown, at = '', out = new Map<string, { zh: string; en: string }>()): Map<string, { zh: string; en: string }> {
  const n = node as SchemaNode;
  for (const [key, child] of Object.entries(n.properties ?? {})) {
    const keyPath = at ? `${at}.${key}` : key;
    const [zh = '', en = ''] = child.description?.split('\n') ?? [];
    if (!out.has(keyPath)) out.set(keyPath, { zh, en });
    schemaKeys(child, keyPath, out);
  }
  if (n.items) schemaKeys(n.items, `${at}[]`, out);
  for (const option of n.anyOf ?? []) schemaKeys(option, at, out);
  return out;
}
