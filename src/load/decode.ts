import type { Position } from './position.js';

export type Decoded = { ok: true; text: string } | { ok: false; position: Position; byte: number };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes UTF-8 (BOM stripped); on invalid bytes, gives the position of the first one. */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    const offset = firstInvalidByte(bytes);
    const valid = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
    const lastBreak = valid.lastIndexOf('\n');
    const line = valid.split('\n').length;
    // Columns count UTF-16 units, as LineIndex (and editors speaking LSP) do.
    const column = valid.length - (lastBreak + 1) + 1;
    return { ok: false, position: { line, column }, byte: bytes[offset] ?? 0 };
  }
}

function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // Overlong three-byte forms, surrogates and out-of-range four-byte forms.
    const b1 = bytes[i + 1] ?? 0;
    if ((b === 0xe0 && b1 < 0xa0) || (b === 0xed && b1 > 0x9f) || (b === 0xf0 && b1 < 0x90) || (b === 0xf4 && b1 > 0x8f)) return i;
    i += need + 1;
  }
  return bytes.length;
}
