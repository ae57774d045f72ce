// Keyed rows found again: every expected key once, in the expected order, wherever rows were
// inserted. A missing, repeated or reordered key is an error naming the cell.
import { cellRef } from '../a1.ts';
import { sheetError, sheetWarning } from '../issue.ts';
import type { Grid, SheetIssue } from '../types.ts';
import { keyText, rowKeyMatcher } from './locate.ts';

export function locateRows(
  sheet: string,
  grid: Grid,
  headerRow: number,
  keyCol: number,
  expected: readonly string[],
): { rows: Map<string, number>; errors: SheetIssue[]; warnings: SheetIssue[] } {
  const match = rowKeyMatcher(expected);
  const rows = new Map<string, number>();
  const errors: SheetIssue[] = [];
  const warnings: SheetIssue[] = [];
  for (let row = headerRow + 1; row < grid.length; row++) {
    const cell = grid[row]?.[keyCol] ?? null;
    const text = keyText(cell);
    if (!text) continue;
    const key = match(cell);
    if (key === undefined) {
      warnings.push(sheetWarning('row-unknown', cellRef(sheet, row, keyCol), [text]));
      continue;
    }
    if (rows.has(key)) errors.push(sheetError('row-duplicate', cellRef(sheet, row, keyCol), [key]));
    else rows.set(key, row);
  }
  let lastRow = headerRow;
  let lastKey = '';
  for (const key of expected) {
    const row = rows.get(key);
    if (row === undefined) {
      errors.push(sheetError('row-missing', cellRef(sheet, lastRow + 1, keyCol), [key]));
      continue;
    }
    if (row < lastRow)
      errors.push(sheetError('row-order', cellRef(sheet, row, keyCol), [key, lastKey]));
    else {
      lastRow = row;
      lastKey = key;
    }
  }
  return { rows, errors, warnings };
}
