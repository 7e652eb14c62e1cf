import LineBreaker from 'linebreak';
import stringWidth from 'string-width';

// Widths of the pieces between break opportunities: CJK characters and words recur, so a
// small memo keeps string-width (grapheme segmentation per call) off the hot path.
const widths = new Map<string, number>();

/** Display width of a text in a terminal (East Asian wide characters count 2), by string-width. */
export function textWidth(text: string): number {
  let width = widths.get(text);
  if (width === undefined) {
    width = stringWidth(text);
    if (widths.size > 50_000) widths.clear();
    widths.set(text, width);
  }
  return width;
}

const graphemes = new Intl.Segmenter();
const JOINED = /^[-/][\w.]$/;

/** Cuts a piece wider than the line into lines of at most `width` columns, between graphemes. */
function cutPiece(piece: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const { segment } of graphemes.segment(piece)) {
    const w = textWidth(segment);
    if (used + w > width && line !== '') {
      lines.push(line);
      line = '';
      used = 0;
    }
    line += segment;
    used += w;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * Breaks a text into lines of at most `width` display columns at the break opportunities
 * of the Unicode line breaking algorithm (UAX #14): English at spaces, Chinese between
 * characters but never before `，。）` or after `（“`; never inside a path or a
 * hyphenated word. A piece with no opportunity
 * inside that is still too wide is cut between graphemes. Linear in the text's length.
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  const breaker = new LineBreaker(text);
  let line = '';
  let used = 0;
  // White space after the line's last piece: it may hang past the edge, and never starts a line.
  let gap = '';
  let last = 0;
  const flush = () => {
    lines.push(line);
    line = '';
    used = 0;
    gap = '';
  };
  for (let opportunity = breaker.nextBreak(); opportunity; opportunity = breaker.nextBreak()) {
    // Paths, ids and hyphenated words (`fixtures/a-b.yaml`, `party-lecture`) stay whole: English breaks at spaces.
    if (!opportunity.required && JOINED.test(text.slice(opportunity.position - 1, opportunity.position + 1))) continue;
    const piece = text.slice(last, opportunity.position);
    last = opportunity.position;
    const visible = piece.trimEnd();
    const w = textWidth(visible);
    if (line !== '' && used + textWidth(gap) + w > width) flush();
    if (line === '' && w > width) {
      const cut = cutPiece(visible, width);
      lines.push(...cut.slice(0, -1));
      line = cut.at(-1) ?? '';
      used = textWidth(line);
    } else if (line === '') {
      line = visible;
      used = w;
    } else if (visible !== '') {
      line += gap + visible;
      used += textWidth(gap) + w;
    }
    gap = visible === '' && line === '' ? '' : piece.slice(visible.length).replace(/[\r\n\u2028\u2029\u0085\v\f]/g, '');
    if (opportunity.required) flush();
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}
