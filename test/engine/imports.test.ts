import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

// The engine's boundaries (issue 9): it imports nothing from the CI or rectification layers,
// and no module of src/ reaches itself again through imports that run (type-only imports vanish).
const src = path.resolve(import.meta.dirname, '../../src');

function modules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? modules(path.join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path.join(dir, e.name)] : []));
}

/** Relative specifiers a module imports or re-exports at run time (not `import type`/`export type`, not lazy `import()`). */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/^(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"](\.[^'"]+)['"]/gms)) {
    if (m[2]) continue;
    const clause = m[0];
    // `import { type A, type B } from` is erased too.
    const names = /\{([^}]*)\}/.exec(clause)?.[1];
    if (names && !/\*|\bdefault\b/.test(clause.split('{')[0] ?? '') && names.split(',').every((n) => n.trim() === '' || n.trim().startsWith('type '))) continue;
    found.push(path.resolve(path.dirname(file), (m[3] as string).replace(/\.js$/, '.ts')));
  }
  return found;
}

describe('import boundaries', () => {
  const all = modules(src);
  const graph = new Map(all.map((f) => [f, runtimeImports(f)]));

  test('src/engine imports nothing from src/ci or src/rectify', () => {
    const engine = all.filter((f) => f.startsWith(path.join(src, 'engine') + path.sep));
    expect(engine.length).toBeGreaterThan(5);
    const crossing = engine.flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      return [...text.matchAll(/from\s+['"](\.\.\/(?:ci|rectify)\/[^'"]+)['"]|import\(['"](\.\.\/(?:ci|rectify)\/[^'"]+)['"]\)/g)].map((m) => `${path.relative(src, f)} → ${m[1] ?? m[2]}`);
    });
    expect(crossing).toEqual([]);
  });

  test('no import cycle at run time in src/', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (f: string) => {
      state.set(f, 'open');
      stack.push(f);
      for (const dep of graph.get(f) ?? []) {
        if (!graph.has(dep)) continue;
        if (state.get(dep) === 'open') cycles.push([...stack.slice(stack.indexOf(dep)), dep].map((x) => path.relative(src, x)).join(' → '));
        else if (!state.has(dep)) visit(dep);
      }
      stack.pop();
      state.set(f, 'done');
    };
    for (const f of all) if (!state.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });

  test('the checker reads run-time imports', () => {
    // engine/run.ts imports engine/shard.ts at run time: the checker must find that edge.
    expect(graph.get(path.join(src, 'engine/run.ts'))).toContain(path.join(src, 'engine/shard.ts'));
    expect(graph.get(path.join(src, 'engine/outcome.ts'))).toContain(path.join(src, 'engine/digest.ts'));
  });
});
