import { isUtf8 } from 'node:buffer';
import { LineIndex, type Position } from './position.js';

export type Decoded = { ok: true; text: string } | { ok: false; position: Position; byte: number };

/** Decodes UTF-8 (BOM stripped); on invalid bytes, gives the position of the first one. */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  // Checked, then decoded, by Node's buffer code: faster than a fatal TextDecoder, which gives the same text.
  if (isUtf8(bytes)) {
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    return { ok: true, text: Buffer.from(bytes.buffer, bytes.byteOffset + bom, bytes.length - bom).toString('utf8') };
  }
  const offset = firstInvalidByte(bytes);
  const valid = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
  return { ok: false, position: new LineIndex(valid).at(valid.length), byte: bytes[offset] ?? 0 };
}

/** The offset of the first byte of the first invalid sequence (the lenient decoder writes a U+FFFD for each; one the bytes spell out, EF BF BD, is text). */
function firstInvalidByte(bytes: Uint8Array): number {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  let offset = 0;
  let from = 0;
  for (let k = text.indexOf('\ufffd'); k !== -1; k = text.indexOf('\ufffd', from)) {
    offset += Buffer.byteLength(text.slice(from, k));
    if (bytes[offset] !== 0xef || bytes[offset + 1] !== 0xbf || bytes[offset + 2] !== 0xbd) return offset;
    offset += 3;
    from = k + 1;
  }
  return bytes.length;
}
