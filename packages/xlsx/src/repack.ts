// ExcelJS (through JSZip) stamps every zip entry with the current time, so the same workbook
// gives different bytes each second. Repacking the entries, in order, with one fixed time makes
// the output reproducible (same template, same bytes, same file hash).
import { unzipSync, zipSync, type Zippable } from 'fflate';

/** ExcelJS write options for a workbook that `repack` will compress: storing skips a deflate pass
 * whose output would be unzipped and deflated again (same final bytes, about 3× faster). */
export const STORED = { zip: { compression: 'STORE' } } as const;

export function repack(bytes: Uint8Array, mtime: Date): Uint8Array {
  const entries = unzipSync(bytes);
  const out: Zippable = {};
  for (const [name, data] of Object.entries(entries)) out[name] = [data, { mtime, level: 6 }];
  return zipSync(out);
}
