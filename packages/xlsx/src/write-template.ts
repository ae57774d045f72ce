// A template (grids + hints from @kaohe/sheet) → a working .xlsx: print-ready, cells to fill
// unlocked and coloured, the rest protected without a password, the meta sheet very hidden.
import ExcelJS from 'exceljs';
import {
  colLetters,
  NUMBER_FORMATS,
  type CellHint,
  type SheetLayout,
  type Template,
} from '@kaohe/sheet';
import { repack, STORED } from './repack.ts';
import { rowHeights } from './row-heights.ts';
import { styleCell } from './styles.ts';

export interface WriteTemplateOptions {
  /** Workbook creation time (kept out of the pure core; fixed for reproducible files). */
  created?: Date;
  /** Protect every sheet without a password (default true; summaries may turn it off). */
  protect?: boolean;
}

/** Writes a template, or any set of sheet layouts (the summary grids of `buildSummary`). */
export async function writeTemplateWorkbook(
  template: Pick<Template, 'sheets'>,
  options: WriteTemplateOptions = {},
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const created = options.created ?? new Date(Date.UTC(2000, 0, 1));
  wb.creator = 'Kaohe';
  wb.created = created;
  wb.modified = created;
  for (const layout of template.sheets) await addSheet(wb, layout, options.protect ?? true);
  return repack(new Uint8Array(await wb.xlsx.writeBuffer(STORED)), created);
}

/** The page footer: the unit at the left (`&` doubled: it starts a code), page numbers centred. */
export function footer(left: string | undefined): string {
  const page = '&C第 &P 页,共 &N 页';
  return left ? `&L${left.replace(/&/g, '&&')}${page}` : page;
}

async function addSheet(
  wb: ExcelJS.Workbook,
  layout: SheetLayout,
  protect: boolean,
): Promise<void> {
  const ws = wb.addWorksheet(layout.name, {
    state: layout.state,
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      // One page wide, shrunk to fit; a table that grows with the units prints at 100 % across
      // pages instead, its title rows and columns repeated on each.
      ...(layout.printAcross
        ? { fitToPage: false, scale: 100, pageOrder: 'downThenOver' as const }
        : { fitToPage: true, fitToWidth: 1, fitToHeight: 0 }),
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      ...(layout.printTitleRows
        ? { printTitlesRow: `${layout.printTitleRows[0] + 1}:${layout.printTitleRows[1] + 1}` }
        : {}),
      ...(layout.printTitleCols
        ? {
            printTitlesColumn: `${colLetters(layout.printTitleCols[0])}:${colLetters(layout.printTitleCols[1])}`,
          }
        : {}),
    },
    headerFooter: { oddFooter: footer(layout.footer) },
    views: layout.freeze
      ? [{ state: 'frozen', xSplit: layout.freeze.cols, ySplit: layout.freeze.rows }]
      : [],
  });
  layout.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const hints = new Map<string, CellHint>();
  for (const h of layout.cells) hints.set(`${h.row},${h.col}`, h);
  const wrap = new Set(layout.wrap);
  layout.values.forEach((row, r) => {
    const xrow = ws.getRow(r + 1);
    row.forEach((value, c) => {
      const cell = xrow.getCell(c + 1);
      const hint = hints.get(`${r},${c}`);
      if (hint) styleCell(cell, hint, wrap.has(c));
      if (value !== null) cell.value = value;
    });
  });
  for (const m of layout.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  for (const [row, height] of rowHeights(layout)) ws.getRow(row + 1).height = height;
  if (layout.role === 'meta') ws.getColumn(2).numFmt = NUMBER_FORMATS.text;
  // The case table is the official's to insert, append and delete rows in: left unprotected
  // (the reader finds its tables by their key rows and reports what it cannot read).
  if (!protect || layout.role === 'cases') return;
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatCells: true,
    formatColumns: true,
    formatRows: true,
    insertRows: true,
    insertColumns: false,
    deleteRows: false,
    deleteColumns: false,
    sort: false,
    autoFilter: false,
  });
}
