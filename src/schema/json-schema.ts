import { z } from 'zod';
import { keyDescriptions } from './descriptions.js';
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
  const branch = describeKeys(convert(branchDocument));
  const organization = describeKeys(convert(organizationDocument));
  const base = { $schema: 'https://json-schema.org/draft/2020-12/schema' };
  if (which === 'branch') return { ...branch, ...base, $id: 'https://zhibu.dev/schema/branch.json', title: 'zhibu branch file (党支部记录)' };
  if (which === 'organization') return { ...organization, ...base, $id: 'https://zhibu.dev/schema/organization.json', title: 'zhibu organization file (党委组织文件)' };
  const strip = (s: Record<string, unknown>) => Object.fromEntries(Object.entries(s).filter(([k]) => k !== '$schema'));
  return { ...base, $id: 'https://zhibu.dev/schema/records.json', title: 'zhibu record file (branch or organization)', anyOf: [strip(branch), strip(organization)] };
}

type SchemaNode = { properties?: Record<string, SchemaNode>; items?: SchemaNode; anyOf?: SchemaNode[]; description?: string };

/** Puts each key's Chinese and English description (descriptions.ts) on its property, for editor hover. */
function describeKeys<T extends Record<string, unknown>>(schema: T): T {
  const walk = (node: SchemaNode, at: string) => {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      const keyPath = at ? `${at}.${key}` : key;
      const text = keyDescriptions[keyPath];
      if (text) child.description = `${text.zh}\n${text.en}`;
      walk(child, keyPath);
    }
    if (node.items) walk(node.items, `${at}[]`);
    for (const option of node.anyOf ?? []) walk(option, at);
  };
  walk(schema as SchemaNode, '');
  return schema;
}

/** Every key path of a generated schema (`members[].name`), in schema order. */
export function schemaKeyPaths(node: unknown, at = ''): string[] {
  const n = node as SchemaNode;
  const out: string[] = [];
  for (const [key, child] of Object.entries(n.properties ?? {})) {
    const keyPath = at ? `${at}.${key}` : key;
    out.push(keyPath, ...schemaKeyPaths(child, keyPath));
  }
  if (n.items) out.push(...schemaKeyPaths(n.items, `${at}[]`));
  for (const option of n.anyOf ?? []) out.push(...schemaKeyPaths(option, at));
  return [...new Set(out)];
}
