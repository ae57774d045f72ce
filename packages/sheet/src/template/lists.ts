// Data-validation lists on a range of the (very hidden) meta sheet, never as a literal
// "a,b,c" formula: in a literal list every ASCII comma splits an entry (a choice label
// "有效果(有具体案例,性别比得到遏制)" became two options, neither of which reads back), a `"`
// ends the formula, and the whole formula may not exceed 255 characters. On a range each entry
// is one cell, whatever it holds.
import { colLetters } from '../a1.ts';
import type { SheetLayout } from '../types.ts';

/** First column of the meta sheet that holds lists (A key and B value come first, C is blank). */
const LIST_FIRST_COL = 3;

/** An absolute reference that Excel reads in a list validation: 'kaohe_meta'!$D$1:$D$4. */
function listRangeRef(sheet: string, col: number, length: number): string {
  const c = colLetters(col);
  return `'${sheet.replaceAll("'", "''")}'!$${c}$1:$${c}$${Math.max(length, 1)}`;
}

/**
 * Writes each distinct list of the layouts' hints into its own column of `meta` (from row 1 down)
 * and points the hints at it (`listRange`). The hints keep `list` (the entries, for messages and
 * adapters that show them).
 */
export function placeLists(layouts: readonly SheetLayout[], meta: SheetLayout): void {
  const columns = new Map<string, number>();
  const place = (list: readonly string[]): number => {
    const key = JSON.stringify(list);
    const known = columns.get(key);
    if (known !== undefined) return known;
    const col = LIST_FIRST_COL + columns.size;
    columns.set(key, col);
    list.forEach((entry, row) => {
      while (meta.values.length <= row) meta.values.push([]);
      const cells = meta.values[row] as (typeof meta.values)[number];
      while (cells.length <= col) cells.push(null);
      cells[col] = entry;
      meta.cells.push({ row, col, kind: 'value', format: 'text' });
    });
    return col;
  };
  for (const layout of layouts) {
    for (const hint of layout.cells) {
      if (!hint.list) continue;
      hint.listRange = listRangeRef(meta.name, place(hint.list), hint.list.length);
    }
  }
  // Every row as wide as the widest, as a spreadsheet returns a used range.
  const width = Math.max(...meta.values.map((r) => r.length));
  for (const r of meta.values) while (r.length < width) r.push(null);
}
