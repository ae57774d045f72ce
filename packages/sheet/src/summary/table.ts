// A plain titled table as a SheetLayout: a title row, a header row, body rows.
import type { CellFormat, CellValue, SheetLayout } from '../types.ts';
import { GridBuilder } from '../template/grid-builder.ts';

export interface Column {
  header: string;
  width: number;
  format?: CellFormat;
  wrap?: boolean;
}

export function table(
  name: string,
  title: string,
  columns: readonly Column[],
  rows: readonly CellValue[][],
  /** `across`: printed at full size across pages, the first two columns repeated on each. */
  options: { across?: boolean } = {},
): SheetLayout {
  const g = new GridBuilder(Math.max(columns.length, 1));
  // A table printed across pages has its title to the right of the columns repeated on every
  // page (else those would show it cut off on each page), unwrapped and in body size, so that it
  // runs over the first page's columns.
  // (With no column beyond the repeated ones — a cohort of no units — as any other table.)
  const across = options.across && columns.length > 2 ? 2 : 0;
  const t = g.addRow();
  g.set(t, across, title);
  if (across) g.hint({ row: t, col: across, kind: 'value' });
  else {
    if (columns.length > 1) g.merge(t, 0, t, columns.length - 1);
    g.hint({ row: t, col: 0, kind: 'title' });
  }
  const h = g.addRow(columns.map((c) => c.header));
  columns.forEach((_, col) => g.hint({ row: h, col, kind: 'header' }));
  for (const values of rows) {
    const r = g.addRow(values);
    columns.forEach((c, col) =>
      g.hint({ row: r, col, kind: 'item', ...(c.format ? { format: c.format } : {}) }),
    );
  }
  return {
    name,
    role: 'data',
    state: 'visible',
    values: g.values,
    widths: columns.map((c) => c.width),
    wrap: columns.flatMap((c, i) => (c.wrap ? [i] : [])),
    printTitleRows: [h, h],
    ...(across
      ? {
          printAcross: true as const,
          printTitleCols: [0, across - 1] as [number, number],
          tallRows: [{ row: t, height: 24 }],
        }
      : {}),
    freeze: { rows: h + 1, cols: Math.min(2, columns.length) },
    merges: g.merges,
    cells: g.cells,
  };
}

/** A canonical decimal as a spreadsheet number; null stays blank. */
export const num = (text: string | null | undefined): CellValue =>
  text === null || text === undefined ? null : Number(text);
