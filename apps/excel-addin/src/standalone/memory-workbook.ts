// An in-memory workbook for the browser mode: plain grids, as @kaohe/xlsx reads them from a file.
import type { Cell, ChartSpec } from '../core/workbook-port.ts';

export interface MemorySheet {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** From A1; rows may be ragged and short, a missing cell is blank. */
  values: Cell[][];
  numberFormats: string[][];
  /** The sheet is in the file the user opened (so a download can write into it). */
  fromFile?: boolean;
}

export interface MemoryWorkbook {
  sheets: MemorySheet[];
  active: string;
  charts: ChartSpec[];
  selection: { sheet: string; address: string } | null;
}

/** Excel's rule when a name is taken: "单位" → "单位 (2)", "单位 (3)"… */
export function freeSheetName(taken: ReadonlySet<string>, wanted: string): string {
  if (!taken.has(wanted)) return wanted;
  for (let n = 2; ; n++) {
    const name = `${wanted.slice(0, 31 - ` (${n})`.length)} (${n})`;
    if (!taken.has(name)) return name;
  }
}
