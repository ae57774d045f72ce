// The zip structure of a workbook, read from its central directory (as JSZip, behind ExcelJS,
// reads it): names, declared sizes and where each entry's data lies. Nothing is inflated here.
// Plain Uint8Array code, so the task pane's browser build can use it too.

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is refused by the guard. */
  method: number;
  /** General-purpose flags (bit 0: encrypted). */
  flags: number;
  compressedSize: number;
  /** The uncompressed size the directory declares (it may lie). */
  declaredSize: number;
  /** Offset of the entry's header in the central directory. */
  centralOffset: number;
  /** Offset of the entry's local header. */
  localOffset: number;
}

export interface ZipDirectory {
  /** The entry count the end record declares: known before a single entry is read. */
  count: number;
  /** Offset of the central directory's first entry. */
  start: number;
}

/** What is wrong with a zip's structure, for the guard's `corrupt` message. */
class ZipStructureError extends Error {
  override readonly name = 'ZipStructureError';
}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

const view = (bytes: Uint8Array): DataView =>
  new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function u64(v: DataView, at: number): number {
  const n = v.getBigUint64(at, true);
  // Beyond 2^53 no file of ours can be: make it a number too large for every limit.
  return n > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(n);
}

/** Finds the end record and reads the entry count and where the directory starts. */
export function zipDirectory(bytes: Uint8Array): ZipDirectory {
  const v = view(bytes);
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (v.getUint32(i, true) !== EOCD) continue;
    let count = v.getUint16(i + 10, true);
    let start = v.getUint32(i + 16, true);
    if (
      (count === 0xffff || start === MAX32) &&
      i >= 20 &&
      v.getUint32(i - 20, true) === EOCD64_LOCATOR
    ) {
      const at = u64(v, i - 20 + 8);
      if (at + 56 > bytes.length || v.getUint32(at, true) !== EOCD64)
        throw new ZipStructureError('bad zip64 end record');
      count = u64(v, at + 32);
      start = u64(v, at + 48);
    }
    if (start > bytes.length) throw new ZipStructureError('central directory out of bounds');
    return { count, start };
  }
  throw new ZipStructureError('no end of central directory record');
}

const decoder = new TextDecoder();

/** The zip64 extra field's sizes and offset, for the fields the header set to 0xFFFFFFFF. */
function zip64Extra(
  v: DataView,
  from: number,
  to: number,
  entry: Pick<ZipEntry, 'declaredSize' | 'compressedSize' | 'localOffset'>,
): void {
  for (let p = from; p + 4 <= to;) {
    const id = v.getUint16(p, true);
    const size = v.getUint16(p + 2, true);
    if (id === 0x0001) {
      let q = p + 4;
      const end = Math.min(p + 4 + size, to);
      if (entry.declaredSize === MAX32 && q + 8 <= end) {
        entry.declaredSize = u64(v, q);
        q += 8;
      }
      if (entry.compressedSize === MAX32 && q + 8 <= end) {
        entry.compressedSize = u64(v, q);
        q += 8;
      }
      if (entry.localOffset === MAX32 && q + 8 <= end) entry.localOffset = u64(v, q);
      return;
    }
    p += 4 + size;
  }
}

/** The directory's entries, in order; call only after checking `zipDirectory(bytes).count`. */
export function zipEntries(bytes: Uint8Array, dir: ZipDirectory = zipDirectory(bytes)): ZipEntry[] {
  const v = view(bytes);
  const entries: ZipEntry[] = [];
  let p = dir.start;
  for (let n = 0; n < dir.count; n++) {
    if (p + 46 > bytes.length || v.getUint32(p, true) !== CENTRAL)
      throw new ZipStructureError(`bad central directory entry ${n + 1}`);
    const nameLength = v.getUint16(p + 28, true);
    const extraLength = v.getUint16(p + 30, true);
    const commentLength = v.getUint16(p + 32, true);
    const nameEnd = p + 46 + nameLength;
    if (nameEnd + extraLength + commentLength > bytes.length)
      throw new ZipStructureError(`bad central directory entry ${n + 1}`);
    const entry: ZipEntry = {
      name: decoder.decode(bytes.subarray(p + 46, nameEnd)),
      method: v.getUint16(p + 10, true),
      flags: v.getUint16(p + 8, true),
      compressedSize: v.getUint32(p + 20, true),
      declaredSize: v.getUint32(p + 24, true),
      centralOffset: p,
      localOffset: v.getUint32(p + 42, true),
    };
    zip64Extra(v, nameEnd, nameEnd + extraLength, entry);
    entries.push(entry);
    p = nameEnd + extraLength + commentLength;
  }
  return entries;
}

/** Where an entry's compressed data lies, from its local header. */
export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const v = view(bytes);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || v.getUint32(at, true) !== LOCAL)
    throw new ZipStructureError(`${entry.name}: bad local header`);
  const start = at + 30 + v.getUint16(at + 26, true) + v.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipStructureError(`${entry.name}: data out of bounds`);
  return bytes.subarray(start, end);
}

/**
 * MS-DOS date and time of `date`'s UTC fields: zip tools stamp local time, which would make the
 * same workbook's bytes depend on the machine's time zone.
 */
export function dosTime(date: Date): { time: number; date: number } {
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107);
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/** Sets every entry's modification time (local headers and directory) to `date`, in UTC. */
export function stampEntries(bytes: Uint8Array, date: Date): Uint8Array {
  const out = bytes.slice();
  const v = view(out);
  const { time, date: day } = dosTime(date);
  for (const e of zipEntries(out)) {
    entryData(out, e); // checks the local header is where the directory says
    v.setUint16(e.centralOffset + 12, time, true);
    v.setUint16(e.centralOffset + 14, day, true);
    v.setUint16(e.localOffset + 10, time, true);
    v.setUint16(e.localOffset + 12, day, true);
  }
  return out;
}
