import path from 'node:path';
import { root } from './fixtures.js';

type Styles = Record<string, (files: { name: string; text: string }[]) => { name: string; text: string }[]>;
const { styles } = (await import(path.join(root, 'scripts/corpus-styles.mjs'))) as { styles: Styles };
const { corpusTexts } = (await import(path.join(root, 'scripts/gen-corpus.mjs'))) as { corpusTexts: (o: { branches: number }) => Iterable<{ name: string; text: string }> };

/**
 * A few files of every bench corpus style (PyYAML with anchors, flow at 80 columns, JSON,
 * quoted, block scalars, CRLF …), BOM stripped; cut to their first `chars` characters (at a
 * line end) when given, as seeds small enough to fuzz.
 */
export function styledSamples(chars = Infinity): { name: string; text: string }[] {
  const base = [...corpusTexts({ branches: 10 })];
  return Object.entries(styles).flatMap(([style, write]) =>
    write(base)
      .slice(0, 3)
      .map(({ name, text }) => ({ name: `${style}/${name}`, text: cut(text.replace(/^\uFEFF/, ''), chars) })),
  );
}

function cut(text: string, chars: number): string {
  if (text.length <= chars) return text;
  const end = text.lastIndexOf('\n', chars);
  return end === -1 ? text : text.slice(0, end + 1);
}
