// Applies range writes to in-memory grids (tests, previews): null leaves a cell unchanged.
import { parseRange } from '../a1.ts';
import type { RangeWrite, SheetGrid } from '../types.ts';

export function applyToGrids(
  grids: readonly SheetGrid[],
  writes: readonly RangeWrite[],
): SheetGrid[] {
  const out = grids.map((g) => ({ ...g, values: g.values.map((r) => [...r]) }));
  for (const w of writes) {
    const sheet = out.find((g) => g.name === w.sheet);
    const range = parseRange(w.address);
    if (!sheet || !range) throw new RangeError(`cannot apply a write to ${w.sheet}!${w.address}`);
    w.values.forEach((line, i) =>
      line.forEach((value, j) => {
        if (value === null) return;
        const row = range.top + i;
        while (sheet.values.length <= row) sheet.values.push([]);
        const cells = sheet.values[row] ?? [];
        while (cells.length <= range.left + j) cells.push(null);
        cells[range.left + j] = value;
      }),
    );
  }
  return out;
}
