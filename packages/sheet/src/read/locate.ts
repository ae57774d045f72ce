// Finding things again in a grid an official has edited: columns by their header text,
// the header row by the columns it must hold, header fields by their label.
import { headerMatches, type Label } from '../labels.ts';
import { cellRef } from '../a1.ts';
import { sheetError } from '../issue.ts';
import type { CellPos, CellValue, Grid, SheetGrid, SheetIssue } from '../types.ts';
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
 * Which expected key a key cell names. Both sides are folded alike (keyText: full-width and
 * compatibility forms, so `（1）` and `(1)`, `①` and `1` fold together, spaces removed). Keys that
 * fold alike but differ (`1` and `①` in one rule set) are told apart by their own spelling,
 * spaces removed.
 */
export function rowKeyMatcher(
  expected: readonly string[],
  /** Other spellings of a key's cell (spelling → key): a sanction's 否决.1 for 否决.<id>. */
  aliases: ReadonlyMap<string, string> = new Map(),
): (cell: CellValue) => string | undefined {
  const spelt = (v: string): string => v.replace(/\s+/g, '');
  const byFold = new Map<string, [string, string][]>();
  const spellings: [string, string][] = [
    ...expected.map((key): [string, string] => [key, key]),
    ...[...aliases].filter(([, key]) => expected.includes(key)),
  ];
  for (const [spelling, key] of spellings) {
    const fold = keyText(spelling);
    byFold.set(fold, [...(byFold.get(fold) ?? []), [spelling, key]]);
  }
  return (cell) => {
    if (cell === null) return undefined;
    const keys = byFold.get(keyText(cell));
    if (!keys) return undefined;
    if (keys.length === 1) return keys[0]?.[1];
    const own = spelt(String(cell));
    return keys.find(([spelling]) => spelt(spelling) === own)?.[1];
  };
}

/** The other spellings of rows' key cells (`cell` where it is not the key), for rowKeyMatcher. */
export function cellAliases(rows: readonly { key: string; cell?: string }[]): Map<string, string> {
  return new Map(rows.flatMap((r) => (r.cell && r.cell !== r.key ? [[r.cell, r.key]] : [])));
}

export type HeaderSearch<K extends string> =
  | { ok: true; row: number; columns: Record<K, number> }
  | { ok: false; row: number; missing: Label[] };

/**
 * The first row (within the first 40) holding every required column header, with the column of
 * each label found there (the first match; -1 for an optional column that is absent). Else the
 * row that came closest (-1 if none matched at all) and the labels missing from it.
 */
export function findHeaderRow<K extends string>(
  grid: Grid,
  columns: readonly { key: K; label: Label }[],
  required: readonly K[],
): HeaderSearch<K> {
  let best: { row: number; missing: Label[]; found: number } = { row: -1, missing: [], found: 0 };
  for (let row = 0; row < Math.min(grid.length, SCAN_ROWS); row++) {
    const cells = grid[row] ?? [];
    const found = {} as Record<K, number>;
    for (const { key, label } of columns)
      found[key] = cells.findIndex((c) => headerMatches(c, label));
    const missing = columns
      .filter((c) => required.includes(c.key) && found[c.key] < 0)
      .map((c) => c.label);
    if (!missing.length) return { ok: true, row, columns: found };
    const count = columns.filter((c) => found[c.key] >= 0).length;
    if (count > best.found) best = { row, missing, found: count };
  }
  return {
    ok: false,
    row: best.row,
    missing:
      best.row < 0
        ? columns.filter((c) => required.includes(c.key)).map((c) => c.label)
        : best.missing,
  };
}

/** The issues for a header row that was not found, or found without some columns. */
export function headerIssues(
  sheet: string,
  search: { row: number; missing: Label[] },
): SheetIssue[] {
  if (search.row < 0) return [sheetError('header-row-missing', cellRef(sheet, 0, 0), [sheet])];
  return search.missing.map((l) =>
    sheetError('column-missing', cellRef(sheet, search.row, 0), [l.zh]),
  );
}

/**
 * A labelled header field above `beforeRow`, wherever its label is: the first non-blank cell
 * right of its label and before the next label (`stops`); a blank field points at `valueCol`
 * (where the template puts values) when that is right of the label, else right of the label.
 */
export function findField(
  grid: Grid,
  label: Label,
  beforeRow: number,
  stops: readonly Label[],
  valueCol = -1,
): { label: CellPos; value: CellPos; blank: boolean } | undefined {
  for (let row = 0; row < beforeRow; row++) {
    const cells = grid[row] ?? [];
    const col = cells.findIndex((c) => headerMatches(c, label));
    if (col < 0) continue;
    for (let v = col + 1; v < cells.length; v++) {
      if (stops.some((l) => headerMatches(cells[v], l))) break;
      if (cells[v] !== null && cells[v] !== '')
        return { label: { row, col }, value: { row, col: v }, blank: false };
    }
    return {
      label: { row, col },
      value: { row, col: valueCol > col ? valueCol : col + 1 },
      blank: true,
    };
  }
  return undefined;
}

export function findSheet(
  sheets: readonly SheetGrid[],
  name: string,
  test?: (s: SheetGrid) => boolean,
): SheetGrid | undefined {
  return sheets.find((s) => s.name === name) ?? (test ? sheets.find(test) : undefined);
}
