// Thin wrappers over @kaohe/sheet's A1 helpers for what the ports and the pane are handed:
// addresses that may carry a sheet prefix ("'单位'!B4"), $ signs or lower-case letters.
import { a1Range, parseRange } from '@kaohe/sheet';
import { splitAddress } from './kernel-grids.ts';

export interface CellRef {
  row: number;
  col: number;
}

function bounds(address: string): { top: number; left: number; bottom: number; right: number } {
  const bare = splitAddress(address).cell.replaceAll('$', '').toUpperCase();
  const range = parseRange(bare);
  if (!range) throw new Error(`Not a cell address: "${address}"`);
  return range;
}

/** "B4" → {row: 3, col: 1}; a sheet prefix ("'单位'!B4") and $ signs are ignored. */
export function parseCell(address: string): CellRef {
  const { top, left, bottom, right } = bounds(address);
  if (bottom !== top || right !== left) throw new Error(`Not a cell address: "${address}"`);
  return { row: top, col: left };
}

/** "B4:D9" or "B4" → its top-left cell. */
export function rangeStart(address: string): CellRef {
  const { top, left } = bounds(address);
  return { row: top, col: left };
}

/** The range a 2-D array fills from its top-left cell: ("B4", 2 rows, 3 cols) → "B4:D5". */
export function rangeOf(start: CellRef, rows: number, cols: number): string {
  return a1Range(
    start.row,
    start.col,
    start.row + Math.max(rows, 1) - 1,
    start.col + Math.max(cols, 1) - 1,
  );
}
