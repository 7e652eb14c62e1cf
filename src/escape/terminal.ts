// C0 controls, DEL, C1 controls, the bidirectional controls ("Trojan Source") and the Unicode
// line separators: a terminal obeys them, so they are shown instead.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const hex = (code: number, digits: number) => code.toString(16).toUpperCase().padStart(digits, '0');

/**
 * Text for a terminal: control characters that could clear the screen, retitle the window,
 * plant hidden links or reorder what is shown are written as visible escapes (`\x1B`, `\u202E`).
 * Line feeds are escaped too, unless `lines` is set (a message of several lines).
 */
export function visible(text: string, options: { lines?: boolean } = {}): string {
  return text.replace(CONTROL, (ch) => {
    if (ch === '\n' && options.lines) return ch;
    const code = ch.charCodeAt(0);
    return code < 0x100 ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`;
  });
}
