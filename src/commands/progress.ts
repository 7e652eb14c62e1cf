import type { Io } from '../io.js';

/** A one-line progress note on stderr, rewritten in place; only on a terminal, and wiped before anything else is written. */
export interface Progress {
  update(text: string): void;
  clear(): void;
}

const silent: Progress = { update() {}, clear() {} };

/** Progress for a run: silent unless asked for and stderr is a terminal. */
export function progress(io: Io, enabled: boolean): Progress {
  if (!enabled || io.stderr.isTTY !== true) return silent;
  let shown = false;
  return {
    update(text) {
      io.stderr.write(`\r\u001B[K${text}`);
      shown = true;
    },
    clear() {
      if (shown) io.stderr.write('\r\u001B[K');
      shown = false;
    },
  };
}
