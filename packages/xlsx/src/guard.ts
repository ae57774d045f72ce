// Checks a file before ExcelJS inflates it: size, kind (zip, encrypted OLE, legacy .xls), the
// zip directory's entry count and declared sizes, and then the real inflated sizes under a cap,
// entry by entry as the directory lists them (as ExcelJS's JSZip reads them), streaming and
// discarding, and counting the cells and rows of every sheet as they stream by — so a zip bomb,
// or a sheet too large to build, is refused without ever being held in memory.
import { Inflate } from 'fflate';
import { XlsxError } from './errors.ts';
import { entryData, zipDirectory, zipEntries, type ZipEntry } from './zip.ts';

export interface GuardLimits {
  /** Largest file accepted, bytes (default 50 MiB). */
  maxFileBytes: number;
  /** Largest total uncompressed size of all entries, bytes (default 300 MiB). */
  maxUncompressedBytes: number;
  /**
   * Largest total uncompressed size of the parts ExcelJS parses as text, every entry but
   * xl/media/ (default 32 MiB: ExcelJS holds several times that; a Kaohe workbook has ~200 KB,
   * a sheet of 250,000 cells ~10 MiB).
   */
  maxXmlBytes: number;
  /**
   * Largest compression ratio (default 200) of an entry over 1 MiB, and of all entries together
   * once they exceed 1 MiB (many entries each just under 1 MiB are a bomb too).
   */
  maxRatio: number;
  /** Largest sheet, in cells of its used range, blanks included (default 2 million). */
  maxCells: number;
  /**
   * Most cells stored in all the sheets together, and most shared strings, counted while the
   * file streams by, before ExcelJS builds anything (default 250,000: ExcelJS holds about 0.6 KB
   * a cell, so a refused or accepted file stays near 300 MB; a Kaohe workbook has a few thousand).
   */
  maxStoredCells: number;
  /** Most rows stored in all the sheets together, counted likewise (default 250,000). */
  maxRows: number;
  /** Most zip entries (default 10,000; a workbook has a few dozen). */
  maxEntries: number;
}

export const DEFAULT_LIMITS: GuardLimits = {
  maxFileBytes: 50 * 2 ** 20,
  maxUncompressedBytes: 300 * 2 ** 20,
  maxXmlBytes: 32 * 2 ** 20,
  maxRatio: 200,
  maxCells: 2_000_000,
  maxStoredCells: 250_000,
  maxRows: 250_000,
  maxEntries: 10_000,
};

const MIB = 2 ** 20;
const mib = (n: number): string =>
  n < MIB / 10 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / MIB).toFixed(1)} MiB`;
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Compressed bytes inflated at a time: at most ~16 MiB come out of one push (deflate ≤ 1032:1). */
const SLICE = 16 * 1024;

function hasUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = Uint8Array.from([...text].flatMap((c) => [c.charCodeAt(0), 0]));
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function corrupt(e: unknown): XlsxError {
  return new XlsxError('corrupt', e instanceof Error ? e.message : String(e), { cause: e });
}

export function guardXlsx(bytes: Uint8Array, limits: GuardLimits = DEFAULT_LIMITS): void {
  if (bytes.length === 0) throw new XlsxError('empty');
  if (bytes.length > limits.maxFileBytes) throw new XlsxError('too-large', mib(bytes.length));
  if (OLE.every((b, i) => bytes[i] === b)) {
    // Encrypted OOXML is an OLE compound file holding an "EncryptionInfo" stream.
    throw new XlsxError(hasUtf16(bytes, 'EncryptionInfo') ? 'encrypted' : 'legacy-xls');
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04))
    throw new XlsxError('not-xlsx');

  let entries: ZipEntry[];
  try {
    const dir = zipDirectory(bytes);
    // The count comes from the end record: refused before a single entry is read.
    if (dir.count > limits.maxEntries)
      throw new XlsxError('too-many-entries', `${dir.count} > ${limits.maxEntries}`);
    entries = zipEntries(bytes, dir);
  } catch (e) {
    throw e instanceof XlsxError ? e : corrupt(e);
  }
  let declared = 0;
  let compressed = 0;
  let xml = 0;
  for (const e of entries) {
    if (e.flags & 1) throw new XlsxError('corrupt', `${e.name}: encrypted zip entry`);
    if (e.method !== 0 && e.method !== 8)
      throw new XlsxError('corrupt', `${e.name}: compression method ${e.method}`);
    if (e.declaredSize > MIB && e.declaredSize / Math.max(e.compressedSize, 1) > limits.maxRatio)
      throw new XlsxError('zip-bomb', `${e.name}: ${mib(e.declaredSize)}`);
    declared += e.declaredSize;
    compressed += e.compressedSize;
    if (!MEDIA.test(e.name)) xml += e.declaredSize;
  }
  if (declared > limits.maxUncompressedBytes) throw new XlsxError('zip-bomb', mib(declared));
  if (xml > limits.maxXmlBytes) throw new XlsxError('zip-bomb', mib(xml));
  if (declared > MIB && declared / Math.max(compressed, 1) > limits.maxRatio)
    throw new XlsxError('zip-bomb', mib(declared));
  const names = new Set(entries.map((e) => e.name.replace(/^\//, '')));
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml'))
    throw new XlsxError('not-xlsx');
  verifyInflated(bytes, entries, limits);
}

// The parts ExcelJS parses into cells, rows and shared strings, and the media it keeps as bytes
// (its own name patterns).
const MEDIA = /xl\/media\//;
const WORKSHEET = /xl\/worksheets\/sheet\d+[.]xml/;
const SHARED_STRINGS = /^\/?xl\/sharedStrings[.]xml$/;

const TAG_C = 0x63; // "c"
const TAG_ROW = 0x726f77; // "row"
const TAG_SI = 0x7369; // "si"

/**
 * Counts start tags by local name across chunks, allocation-free: the last three bytes of a
 * name after any prefix ("x:c" counts as "c"), one more marking a longer name.
 */
function tagCounter(onTag: (tag: number) => void): (chunk: Uint8Array) => void {
  let inName = false;
  let code = 0;
  let length = 0;
  return (chunk) => {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i] as number;
      if (!inName) {
        if (b === 0x3c) {
          inName = true;
          code = 0;
          length = 0;
        }
        continue;
      }
      if (b === 0x20 || b === 0x3e || b === 0x2f || b === 0x09 || b === 0x0a || b === 0x0d) {
        // "</c>" ends with an empty name: an end tag, not counted.
        if (length > 0 && length <= 3) onTag(code);
        inName = false;
      } else if (b === 0x3a) {
        code = 0;
        length = 0;
      } else if (++length <= 3) {
        code = code * 256 + b;
      }
    }
  };
}

interface Counts {
  cells: number;
  rows: number;
  strings: number;
}

function counterFor(
  entry: ZipEntry,
  counts: Counts,
  limits: GuardLimits,
): ((chunk: Uint8Array) => void) | undefined {
  const over = (max: number): XlsxError =>
    new XlsxError('too-many-cells', `${entry.name} > ${max.toLocaleString('en')}`);
  if (WORKSHEET.test(entry.name))
    return tagCounter((tag) => {
      if (tag === TAG_C && ++counts.cells > limits.maxStoredCells)
        throw over(limits.maxStoredCells);
      if (tag === TAG_ROW && ++counts.rows > limits.maxRows) throw over(limits.maxRows);
    });
  if (SHARED_STRINGS.test(entry.name))
    return tagCounter((tag) => {
      if (tag === TAG_SI && ++counts.strings > limits.maxStoredCells)
        throw over(limits.maxStoredCells);
    });
  return undefined;
}

/** Inflates entry by entry, counting bytes and keeping none; stops past a declared size or the cap. */
function verifyInflated(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  limits: GuardLimits,
): void {
  let total = 0;
  let xml = 0;
  const counts: Counts = { cells: 0, rows: 0, strings: 0 };
  for (const entry of entries) {
    let seen = 0;
    const count = counterFor(entry, counts, limits);
    const parsed = !MEDIA.test(entry.name);
    const take = (chunk: Uint8Array): void => {
      seen += chunk.length;
      total += chunk.length;
      if (seen > entry.declaredSize)
        throw new XlsxError('zip-bomb', `${entry.name}: > ${mib(entry.declaredSize)}`);
      if (total > limits.maxUncompressedBytes)
        throw new XlsxError('zip-bomb', `${entry.name}: > ${mib(limits.maxUncompressedBytes)}`);
      if (parsed && (xml += chunk.length) > limits.maxXmlBytes)
        throw new XlsxError('zip-bomb', `${entry.name}: > ${mib(limits.maxXmlBytes)}`);
      count?.(chunk);
    };
    try {
      const data = entryData(bytes, entry);
      if (entry.method === 0) {
        for (let at = 0; at < data.length; at += SLICE) take(data.subarray(at, at + SLICE));
      } else {
        const inflate = new Inflate((chunk) => take(chunk));
        if (data.length === 0) inflate.push(data, true);
        for (let at = 0; at < data.length; at += SLICE)
          inflate.push(data.subarray(at, at + SLICE), at + SLICE >= data.length);
      }
    } catch (e) {
      if (e instanceof XlsxError) throw e;
      throw new XlsxError(
        'corrupt',
        `${entry.name}: ${e instanceof Error ? e.message : String(e)}`,
        {
          cause: e,
        },
      );
    }
  }
}
