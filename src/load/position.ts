/** 1-based position of a place in a source file. */
export interface Position {
  line: number;
  column: number;
}

/** Blanks, line breaks and comments, from `lastIndex` on (sticky; `nodeStart` sets it before each use). */
const BLANKS = /(?:[ \t\r\n]|#[^\n]*)*/y;

/** Maps character offsets of one text to 1-based line/column; built once per file, lazily. */
export class LineIndex {
  private starts: number[] | null = null;

  constructor(private readonly text: string) {}

  /** The 1-based line and column of a character offset. */
  at(offset: number): Position {
    const starts = this.lineStarts();
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (starts[low] as number) + 1 };
  }

  /** The offset of the first node character at or after `offset`: skips blanks, line breaks and comments. */
  nodeStart(offset: number): number {
    BLANKS.lastIndex = offset;
    BLANKS.exec(this.text);
    return Math.min(BLANKS.lastIndex, this.text.length);
  }

  private lineStarts(): number[] {
    if (this.starts) return this.starts;
    this.starts = [0];
    for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) this.starts.push(i + 1);
    return this.starts;
  }
}
