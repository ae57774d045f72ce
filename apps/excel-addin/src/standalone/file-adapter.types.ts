import type { WriteRequest } from '../core/workbook-port.ts';
import type { SheetDecoder } from './memory-port.ts';
import type { MemoryWorkbook } from './memory-workbook.ts';

/** .xlsx bytes <-> the in-memory workbook; loaded lazily so ExcelJS stays out of the first load. */
export interface FileAdapter {
  open(bytes: ArrayBuffer): Promise<MemoryWorkbook>;
  decodeSheets: SheetDecoder;
  /** The original file with every journaled write applied (styles and sheets kept). */
  save(
    original: ArrayBuffer,
    workbook: MemoryWorkbook,
    journal: readonly WriteRequest[],
  ): Promise<Uint8Array>;
}
