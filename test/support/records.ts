/** Small branch files for primitive tests: three full members unless told otherwise. */
export interface BranchParts {
  /** Extra `branch:` header lines, each indented by two spaces. */
  header?: string;
  members?: string;
  groups?: string;
  activities?: string;
  projects?: string;
  rectifications?: string;
}

export const THREE_MEMBERS = `  - { name: 张伟, status: full }
  - { name: 李娜, status: full }
  - { name: 王强, status: full }`;

/** A branch document (id pb-001, secretary 张伟) from parts. */
export function branchYaml(parts: BranchParts = {}): string {
  const section = (key: string, body: string | undefined) => (body === undefined ? '' : `\n${key}:\n${body}\n`);
  return (
    `branch:
  id: pb-001
  name: 第一项目部党支部
  secretary: 张伟
${parts.header ?? ''}
members:
${parts.members ?? THREE_MEMBERS}
` +
    section('groups', parts.groups) +
    section('activities', parts.activities) +
    section('projects', parts.projects) +
    section('rectifications', parts.rectifications)
  );
}

/** Activities as one-line flow mappings. */
export function activities(...lines: string[]): string {
  return lines.map((l) => `  - { ${l} }`).join('\n');
}

/** Same keys in the same order, all the way down (identical references are not walked: `x-` values). */
export function sameKeyOrder(a: unknown, b: unknown): boolean {
  if (a === b || typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return true;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.join('\u0000') !== kb.join('\u0000')) return false;
  return ka.every((key) => sameKeyOrder((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** A small deterministic PRNG (mulberry32) for the seeded fuzzers. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every property path present in a value, as `members[].training[].hours`. */
export function valuePaths(value: unknown, at = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => valuePaths(item, `${at}[]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = at ? `${at}.${key}` : key;
    return [path, ...valuePaths(child, path)];
  });
}
