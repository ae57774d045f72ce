// The header fields a write depends on (unit, rule set, edition, checksum): if any changed
// between the read and the write, nothing is written.
import { a1Range, type SheetMap } from '@kaohe/sheet';
import type { Cell, HeaderGuard, SheetGrid } from './workbook-port.ts';

export function headerGuard(map: SheetMap, scoring: SheetGrid): HeaderGuard {
  const cells = Object.values(map.scoring.header);
  const top = Math.min(...cells.map((c) => c.row), map.scoring.headerRow);
  const bottom = map.scoring.headerRow;
  const right = Math.max(...cells.map((c) => c.col), ...Object.values(map.scoring.columns));
  const at = (row: number, col: number): Cell => scoring.values[row - scoring.top]?.[col - scoring.left] ?? null;
  const values: Cell[][] = [];
  for (let row = top; row <= bottom; row++) {
    const line: Cell[] = [];
    for (let col = 0; col <= right; col++) line.push(at(row, col));
    values.push(line);
  }
  return { sheet: scoring.name, address: a1Range(top, 0, bottom, right), values };
}
