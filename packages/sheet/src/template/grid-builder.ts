// A small mutable builder for one sheet's grid and its style hints.
import type { CellHint, CellValue, Grid, SheetLayout } from '../types.ts';

export class GridBuilder {
  readonly values: Grid = [];
  readonly cells: CellHint[] = [];
  readonly merges: SheetLayout['merges'] = [];

  constructor(readonly width: number) {}

  /** Appends a row (padded to the sheet width with nulls) and returns its index. */
  addRow(values: CellValue[] = []): number {
    const row: CellValue[] = Array.from({ length: this.width }, (_, i) => values[i] ?? null);
    this.values.push(row);
    return this.values.length - 1;
  }

  set(row: number, col: number, value: CellValue): void {
    const r = this.values[row];
    if (!r || col >= this.width) throw new RangeError(`cell ${row},${col} is outside the grid`);
    r[col] = value;
  }

  hint(hint: CellHint): void {
    this.cells.push(hint);
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    this.merges.push({ top, left, bottom, right });
  }
}
