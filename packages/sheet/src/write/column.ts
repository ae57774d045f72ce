// One column's cells (row → value) as a single range write from the first to the last row;
// rows in between without a value are null, which leaves those cells unchanged.
import { a1Range } from '../a1.ts';
import type { CellValue, RangeWrite } from '../types.ts';

/** No write when there is nothing to write or the column is absent (col < 0). `fills` (row →
 *  ARGB or '' for none) gives the write its fills; a row without one keeps its fill. */
export function columnWrite(
  sheet: string,
  col: number,
  cells: ReadonlyMap<number, CellValue>,
  fills?: ReadonlyMap<number, string>,
): RangeWrite[] {
  if (!cells.size || col < 0) return [];
  const rows = [...cells.keys()];
  const top = Math.min(...rows);
  const bottom = Math.max(...rows);
  const values: CellValue[][] = [];
  const fill: (string | null)[][] = [];
  for (let row = top; row <= bottom; row++) {
    values.push([cells.get(row) ?? null]);
    fill.push([fills?.get(row) ?? null]);
  }
  const write: RangeWrite = { sheet, address: a1Range(top, col, bottom, col), values };
  if (fills?.size) write.fills = fill;
  return [write];
}
