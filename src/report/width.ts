/** Display width of a code point in a terminal: 2 for East Asian wide and fullwidth forms. */
function charWidth(code: number): number {
  if (code < 0x1100) return 1;
  return (code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x20000 && code <= 0x3fffd)
    ? 2
    : 1;
}

/** Display width of a text (no escape sequences). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch.codePointAt(0) as number);
  return width;
}

/** Breaks a text into lines of at most `width` columns, never splitting a character. */
export function wrapToWidth(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const ch of text) {
    const w = charWidth(ch.codePointAt(0) as number);
    if (used + w > width && line !== '') {
      lines.push(line);
      line = '';
      used = 0;
      if (ch === ' ') continue;
    }
    line += ch;
    used += w;
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}
