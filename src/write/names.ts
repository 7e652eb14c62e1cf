// Characters Windows forbids in a file name, path separators, white space and controls.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\\/:*?"<>|\s\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]+/g;
// Names Windows keeps for devices, whatever the extension (CON.xlsx is the console).
const WINDOWS_DEVICE = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/** At most this many UTF-8 bytes before the extension: far below the 255 of common file systems. */
const MAX_BYTES = 120;

/** The longest start of `text` within `bytes` UTF-8 bytes, never cutting a character. */
function truncateBytes(text: string, bytes: number): string {
  let used = 0;
  let end = 0;
  for (const ch of text) {
    used += Buffer.byteLength(ch);
    if (used > bytes) break;
    end += ch.length;
  }
  return text.slice(0, end);
}

/** One name part safe on Windows, macOS and Linux: no separators or forbidden characters, not hidden, not a device. */
function safeStem(text: string): string {
  let stem = truncateBytes(text.normalize('NFC').replace(UNSAFE, '_'), MAX_BYTES)
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (stem === '') stem = '_';
  if (WINDOWS_DEVICE.test(stem.split('.')[0] as string)) stem = `_${stem}`;
  return stem;
}

/**
 * File names for one folder: each `stem` made safe (see safeStem), bounded in length, and unique
 * even where case does not count (Windows, macOS); a name already taken (by an earlier stem or
 * by one of `reserved`) gets a suffix -2, -3, … . Same stems, same names.
 */
export function uniqueFileNames(stems: readonly string[], extension: string, reserved: readonly string[] = []): string[] {
  const taken = new Set(reserved.map((name) => name.normalize('NFC').toLowerCase()));
  return stems.map((text) => {
    const stem = safeStem(text);
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? '' : `-${n}`;
      const name = `${truncateBytes(stem, MAX_BYTES - suffix.length)}${suffix}.${extension}`;
      const key = name.toLowerCase();
      if (taken.has(key)) continue;
      taken.add(key);
      return name;
    }
  });
}
