/** The report formats of `--format` (a module of its own: the CLI's help needs them before any command loads). */
export const FORMATS = ['terminal', 'compact', 'json', 'junit', 'sarif', 'github', 'gitlab', 'html'] as const;
export type Format = (typeof FORMATS)[number];
