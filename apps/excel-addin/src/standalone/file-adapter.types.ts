import type { SheetLayout } from '@kaohe/sheet';
import type { WriteRequest } from '../core/workbook-port.ts';
import type { SheetDecoder } from './memory-port.ts';
import type { MemoryWorkbook } from './memory-workbook.ts';

/** .xlsx bytes <-> the in-memory workbook; loaded lazily so ExcelJS stays out of the first load. */
export interface FileAdapter {
  open(bytes: ArrayBuffer): Promise<MemoryWorkbook>;
  decodeSheets: SheetDecoder;
  /**
   * The original file with the journaled writes to its own sheets applied (styles kept).
   * Sheets brought in or made here are not in it (see summaryWorkbook).
   */
  save(
    original: ArrayBuffer,
    workbook: MemoryWorkbook,
    journal: readonly WriteRequest[],
  ): Promise<Uint8Array>;
  /** The printable summary workbook (the CLI's): the codec's summary sheets, styled. */
  summaryWorkbook(sheets: readonly SheetLayout[]): Promise<Uint8Array>;
}
