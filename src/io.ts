/** The process edges a command may use; tests pass their own. */
export interface Io {
  stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** Standard input, read for the path `-`. */
  stdin?: AsyncIterable<Uint8Array | string>;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Today's date in a time zone, YYYY-MM-DD (tests fix it). */
  today: (timeZone: string) => string;
}

/** Thrown for a usage error: the CLI prints it and exits 2. */
export class UsageError extends Error {}
