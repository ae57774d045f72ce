// Finding things again in a grid an official has edited: columns by their header text,
// the header row by the columns it must hold, header fields by their label.
import { headerMatches, type Label } from '../labels.ts';
import type { CellPos, CellValue, Grid, SheetGrid } from '../types.ts';
import { normaliseText } from './number-text.ts';

const SCAN_ROWS = 40;

export function cellAt(grid: Grid, row: number, col: number): CellValue {
  return grid[row]?.[col] ?? null;
}

/** A key cell's text: full-width folded, spaces removed ("一 .1" → "一.1"). */
export function keyText(value: CellValue): string {
  if (value === null) return '';
  return normaliseText(String(value));
}

/**
 * The first row (within the first 40) holding every required column header; returns the
 * row and the column of each label found there (the first match wins).
 */
export function findHeaderRow<K extends string>(
  grid: Grid,
  columns: readonly { key: K; label: Label }[],
  required: readonly K[],
): { row: number; columns: Partial<Record<K, number>> } | undefined {
  for (let row = 0; row < Math.min(grid.length, SCAN_ROWS); row++) {
    const cells = grid[row] ?? [];
    const found: Partial<Record<K, number>> = {};
    for (const { key, label } of columns) {
      const col = cells.findIndex((c) => headerMatches(c, label));
      if (col >= 0) found[key] = col;
    }
    if (required.every((k) => found[k] !== undefined)) return { row, columns: found };
  }
  return undefined;
}

/**
 * A labelled header field above `beforeRow`: the first non-blank cell right of its label and
 * before the next label (`stops`); a blank field points at the cell right of the label.
 */
export function findField(grid: Grid, label: Label, beforeRow: number, stops: readonly Label[]): { label: CellPos; value: CellPos } | undefined {
  for (let row = 0; row < beforeRow; row++) {
    const cells = grid[row] ?? [];
    const col = cells.findIndex((c) => headerMatches(c, label));
    if (col < 0) continue;
    for (let v = col + 1; v < cells.length; v++) {
      if (stops.some((l) => headerMatches(cells[v], l))) break;
      if (cells[v] !== null && cells[v] !== '') return { label: { row, col }, value: { row, col: v } };
    }
    return { label: { row, col }, value: { row, col: col + 1 } };
  }
  return undefined;
}

export function findSheet(sheets: readonly SheetGrid[], name: string, test?: (s: SheetGrid) => boolean): SheetGrid | undefined {
  return sheets.find((s) => s.name === name) ?? (test ? sheets.find(test) : undefined);
}
