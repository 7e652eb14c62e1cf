// Backslash-escaped, so that text stays text: no HTML (`<`), no links or images (`[`, `]`),
// no table cell split by `|`, no escape undone by a `\` of the text itself. (Emphasis is harmless.)
const MARKDOWN_SPECIAL = /[\\<[\]|]/g;

/** Text for a Markdown heading: special characters escaped, line breaks as spaces. */
export function markdownText(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, '\\$&').replace(/\r\n?|\n/g, ' ');
}

/** Text for a Markdown table cell: special characters escaped, line breaks as `<br>`. */
export function markdownCell(text: string): string {
  return text.trim().replace(MARKDOWN_SPECIAL, '\\$&').replace(/\r\n?|\n/g, '<br>');
}
