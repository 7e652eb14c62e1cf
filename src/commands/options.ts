/** A repeatable option's values, each also a comma list (`--rule a,b --rule c`): never variadic, so it never takes a path. */
export const commaList = (value: string, previous: string[] = []) => [
  ...previous,
  ...value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean),
];
