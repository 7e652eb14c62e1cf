/** Colour levels as chalk counts them: 0 none, 1 basic, 2 256 colours, 3 truecolor. */
export type ColorLevel = 0 | 1 | 2 | 3;

/**
 * The colour level for an output stream, decided as chalk's supports-color does:
 * FORCE_COLOR (`0`/`false` off, `1`/`true`/empty basic, `2`, `3`) wins, then
 * --color / --no-color, then NO_COLOR; otherwise colour only on a terminal.
 */
export function colorLevel(flag: boolean | undefined, env: Record<string, string | undefined>, isTTY: boolean): ColorLevel {
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === 'false') return 0;
    if (force === 'true' || force === '') return 1;
    const level = Number.parseInt(force, 10);
    return Number.isNaN(level) ? 1 : (Math.max(0, Math.min(level, 3)) as ColorLevel);
  }
  if (flag !== undefined) return flag ? 1 : 0;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (!isTTY || env.TERM === 'dumb') return 0;
  return 1;
}
