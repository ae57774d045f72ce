// After writes into an existing workbook (scores and 扣分原因 from planWrites): rows whose
// wrapped text is now longer than the row was made for are raised to fit it, so the printout
// does not overlap the next row. Rows are only ever raised, never lowered.
import type ExcelJS from 'exceljs';
import { heightFor, linesFor } from './row-heights.ts';

/** Excel's default column width in characters. */
const DEFAULT_WIDTH = 9;

/** Raises each of `rows` (1-based) to the lines its wrapped, unmerged text cells need. */
export function fitRows(ws: ExcelJS.Worksheet, rows: Iterable<number>): void {
  for (const r of new Set(rows)) {
    const row = ws.getRow(r);
    let lines = 1;
    row.eachCell((cell, col) => {
      if (
        cell.isMerged ||
        !cell.alignment?.wrapText ||
        typeof cell.value !== 'string' ||
        cell.value === ''
      )
        return;
      lines = Math.max(lines, linesFor(cell.value, ws.getColumn(col).width ?? DEFAULT_WIDTH, true));
    });
    if (lines > 1 && heightFor(lines) > (row.height ?? 0)) row.height = heightFor(lines);
  }
}
