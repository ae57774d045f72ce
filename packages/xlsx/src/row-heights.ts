// Row heights for wrapped and two-line cells. Neither ExcelJS nor LibreOffice's import sizes a
// row to its wrapped text, so a two-line header would print as one clipped line: estimate the
// lines each cell needs from its text and its (merged) width, and set the row height.
import type { SheetLayout } from '@kaohe/sheet';

// Generous on purpose: LibreOffice and WPS substitute their own CJK font for 宋体 and set it
// taller than Excel does; a row a little too high prints fine, one too low overlaps the next.
export const LINE_PT = 15;
const PAD_PT = 5;
const TITLE_PT = 24;
/** Excel's maximum row height. */
const MAX_PT = 409;

/** The height of a row that must show `lines` lines. */
export function heightFor(lines: number): number {
  return Math.min(lines * LINE_PT + PAD_PT, MAX_PT);
}

/** Display width in Excel width units: a CJK or full-width character counts two. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 2
        : 1;
  return w;
}

export function linesFor(text: string, width: number, wrap: boolean): number {
  const parts = text.split('\n');
  if (!wrap) return parts.length;
  return parts.reduce(
    (n, line) => n + Math.max(1, Math.ceil(textWidth(line) / Math.max(width - 1, 1))),
    0,
  );
}

/**
 * Heights in points by 0-based row, for every row of a printed sheet: each row gets the height of
 * the lines it needs — one line included, so rows print evenly, not at whatever default height
 * the spreadsheet program picks for its substitute font — the title its own, and the rows the
 * layout sets (the sign-off block, room for a stamp) exactly that. The meta sheet is not printed.
 */
export function rowHeights(layout: SheetLayout): Map<number, number> {
  const width = (col: number): number => layout.widths[col] ?? 9;
  const merged = new Map<string, number>();
  for (const m of layout.merges) {
    let w = 0;
    for (let c = m.left; c <= m.right; c++) w += width(c);
    merged.set(`${m.top},${m.left}`, w);
  }
  const wrapCols = new Set(layout.wrap);
  const titles = new Set(layout.cells.filter((c) => c.kind === 'title').map((c) => c.row));
  const wrapped = new Set(
    layout.cells
      .filter((c) => c.kind === 'header' || c.kind === 'label' || c.wrap === true)
      .map((c) => `${c.row},${c.col}`),
  );
  const out = new Map<number, number>();
  if (layout.role === 'meta') return out;
  const tall = new Map(layout.tallRows?.map((t) => [t.row, t.height]));
  layout.values.forEach((row, r) => {
    if (titles.has(r)) {
      out.set(r, TITLE_PT);
      return;
    }
    let lines = 1;
    row.forEach((v, c) => {
      if (typeof v !== 'string' || v === '') return;
      const w = merged.get(`${r},${c}`) ?? width(c);
      lines = Math.max(
        lines,
        linesFor(v, w, wrapCols.has(c) || wrapped.has(`${r},${c}`) || merged.has(`${r},${c}`)),
      );
    });
    out.set(r, tall.get(r) ?? heightFor(lines));
  });
  return out;
}
