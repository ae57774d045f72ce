// Checks a file before ExcelJS inflates it: size, kind (zip, encrypted OLE, legacy .xls), the
// zip directory's declared sizes, and then the real inflated sizes under a cap, streaming and
// discarding, so a zip bomb is refused without ever being held in memory.
import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { XlsxError } from './errors.ts';

export interface GuardLimits {
  /** Largest file accepted, bytes (default 50 MiB). */
  maxFileBytes: number;
  /** Largest total uncompressed size, bytes (default 300 MiB). */
  maxUncompressedBytes: number;
  /** Largest compression ratio of an entry over 1 MiB (default 200). */
  maxRatio: number;
  /** Largest sheet, in cells of its used range (default 2 million). */
  maxCells: number;
}

export const DEFAULT_LIMITS: GuardLimits = {
  maxFileBytes: 50 * 2 ** 20,
  maxUncompressedBytes: 300 * 2 ** 20,
  maxRatio: 200,
  maxCells: 2_000_000,
};

const mib = (n: number): string => `${(n / 2 ** 20).toFixed(1)} MiB`;
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function hasUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = Uint8Array.from([...text].flatMap((c) => [c.charCodeAt(0), 0]));
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
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

  const declared = new Map<string, number>();
  try {
    unzipSync(bytes, {
      filter(file) {
        declared.set(file.name, file.originalSize);
        if (
          file.originalSize > 2 ** 20 &&
          file.originalSize / Math.max(file.size, 1) > limits.maxRatio
        ) {
          throw new XlsxError('zip-bomb', `${file.name}: ${mib(file.originalSize)}`);
        }
        return false;
      },
    });
  } catch (e) {
    if (e instanceof XlsxError) throw e;
    throw new XlsxError('corrupt', e instanceof Error ? e.message : String(e), { cause: e });
  }
  const total = [...declared.values()].reduce((a, b) => a + b, 0);
  if (total > limits.maxUncompressedBytes) throw new XlsxError('zip-bomb', mib(total));
  if (!declared.has('[Content_Types].xml') || !declared.has('xl/workbook.xml'))
    throw new XlsxError('not-xlsx');
  verifyInflatedSizes(bytes, declared, limits);
}

/** Inflates entry by entry, counting bytes and keeping none; stops past the declared size. */
function verifyInflatedSizes(
  bytes: Uint8Array,
  declared: ReadonlyMap<string, number>,
  limits: GuardLimits,
): void {
  let total = 0;
  let problem: XlsxError | undefined;
  const unzip = new Unzip((file) => {
    let seen = 0;
    const allowed = declared.get(file.name) ?? 0;
    file.ondata = (err, chunk) => {
      if (problem) return;
      if (err) {
        problem = new XlsxError('corrupt', err.message, { cause: err });
        return;
      }
      seen += chunk.length;
      total += chunk.length;
      if (seen > allowed || total > limits.maxUncompressedBytes) {
        problem = new XlsxError('zip-bomb', `${file.name}: > ${mib(Math.max(seen, allowed))}`);
        file.terminate();
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(bytes, true);
  } catch (e) {
    if (!problem)
      throw new XlsxError('corrupt', e instanceof Error ? e.message : String(e), { cause: e });
  }
  if (problem) throw problem;
}
