// Keyed rows found again: every expected key once, in the expected order, wherever rows were
// inserted. A missing, repeated or reordered key is an error naming the cell.
import { cellRef } from '../a1.ts';
import { sheetIssueIn, sheetWarning } from '../issue.ts';
import type { Msg } from '@kaohe/engine';
import type { Grid, SheetIssue } from '../types.ts';
import { keyText, rowKeyMatcher } from './locate.ts';

export function locateRows(
  sheet: string,
  grid: Grid,
  headerRow: number,
  keyCol: number,
  expected: readonly string[],
  /** How a person knows a key (an input's label): messages name that, not the id. */
  labelOf?: (key: string) => Msg | undefined,
  /** Other spellings of key cells (spelling → key), accepted as the key. */
  aliases?: ReadonlyMap<string, string>,
): { rows: Map<string, number>; errors: SheetIssue[]; warnings: SheetIssue[] } {
  const shown = (key: string): Msg => labelOf?.(key) ?? { zh: key, en: key };
  const match = rowKeyMatcher(expected, aliases);
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
    if (rows.has(key)) {
      const l = shown(key);
      errors.push(
        sheetIssueIn('error', 'row-duplicate', cellRef(sheet, row, keyCol), {
          zh: [l.zh],
          en: [l.en],
        }),
      );
    } else rows.set(key, row);
  }
  let lastRow = headerRow;
  let lastKey = '';
  for (const key of expected) {
    const row = rows.get(key);
    if (row === undefined) {
      const l = shown(key);
      errors.push(
        sheetIssueIn('error', 'row-missing', cellRef(sheet, lastRow + 1, keyCol), {
          zh: [l.zh],
          en: [l.en],
        }),
      );
      continue;
    }
    if (row < lastRow) {
      const [l, after] = [shown(key), shown(lastKey)];
      errors.push(
        sheetIssueIn('error', 'row-order', cellRef(sheet, row, keyCol), {
          zh: [l.zh, after.zh],
          en: [l.en, after.en],
        }),
      );
    } else {
      lastRow = row;
      lastKey = key;
    }
  }
  return { rows, errors, warnings };
}
