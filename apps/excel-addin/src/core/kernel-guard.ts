// The re-check before writing scores: the header fields (unit, rule set, edition, checksum)
// still read as they did, and the codec's checkMap finds every keyed row and written column
// where the plan put them. Either failing means the sheet changed: nothing is written.
import { a1Range, checkMap, type SheetMap, type Stage } from '@kaohe/sheet';
import type { Cell, HeaderGuard, SheetGrid } from './workbook-port.ts';

export function headerGuard(map: SheetMap, scoring: SheetGrid, stage: Stage): HeaderGuard {
  const at = (row: number, col: number): Cell =>
    scoring.values[row - scoring.top]?.[col - scoring.left] ?? null;
  const fields = Object.values(map.scoring.header);
  const bottom = Math.max(map.scoring.headerRow, ...map.scoring.rows.map((r) => r.row));
  const right = Math.max(...fields.map((c) => c.col), ...Object.values(map.scoring.columns));
  return {
    sheet: scoring.name,
    address: a1Range(0, 0, bottom, right),
    holds: (values) =>
      fields.every((f) => (values[f.row]?.[f.col] ?? null) === at(f.row, f.col)) &&
      checkMap({ name: map.scoring.sheet, values }, map, stage).length === 0,
  };
}
