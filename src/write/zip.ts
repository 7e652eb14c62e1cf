// ZIP signatures (PKWARE APPNOTE 4.3): local file header, central directory header, end of central directory.
const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

interface Entry {
  name: string;
  /** Offset of the central directory header. */
  central: number;
  /** Offset of the local file header. */
  local: number;
  method: number;
  size: number;
}

/** The entries of a ZIP archive (an XLSX), read from its central directory; null when it is not one. */
function entries(zip: Buffer): Entry[] | null {
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === END) {
      end = i;
      break;
    }
  }
  if (end === -1) return null;
  const list: Entry[] = [];
  let at = zip.readUInt32LE(end + 16);
  for (let n = zip.readUInt16LE(end + 10); n > 0; n--) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) return null;
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL) return null;
    list.push({ name: zip.toString('utf8', at + 46, at + 46 + nameLength), central: at, local, method: zip.readUInt16LE(at + 10), size: zip.readUInt32LE(at + 20) });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return list;
}

/** One file of a ZIP archive, or null (no such file, not a ZIP, a method other than store or deflate). */
export function zipEntry(bytes: Uint8Array, name: string): Buffer | null {
  try {
    const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const entry = entries(zip)?.find((e) => e.name === name);
    if (!entry) return null;
    const start = entry.local + 30 + zip.readUInt16LE(entry.local + 26) + zip.readUInt16LE(entry.local + 28);
    const data = zip.subarray(start, start + entry.size);
    return entry.method === 0 ? data : entry.method === 8 ? process.getBuiltinModule('node:zlib').inflateRawSync(data) : null;
  } catch {
    return null;
  }
}

/**
 * Sets every entry's modification time in a ZIP archive to midnight of `date` (YYYY-MM-DD; DOS dates run from 1980 to 2107),
 * so that the same content gives the same bytes (zip writers stamp the time of writing).
 */
export function stampZip(bytes: Uint8Array, date: string): Uint8Array {
  const zip = Buffer.from(bytes);
  // A DOS date holds the years 1980–2107; a check day outside them is stamped with the nearest end.
  const clamped = date < '1980-01-01' ? '1980-01-01' : date > '2107-12-31' ? '2107-12-31' : date;
  const [year, month, day] = clamped.split('-').map(Number) as [number, number, number];
  const dosDate = ((year - 1980) << 9) | (month << 5) | day;
  for (const entry of entries(zip) ?? []) {
    zip.writeUInt32LE(dosDate * 0x10000, entry.local + 10); // time 00:00:00, then the date
    zip.writeUInt32LE(dosDate * 0x10000, entry.central + 12);
  }
  return new Uint8Array(zip.buffer, zip.byteOffset, zip.byteLength);
}
