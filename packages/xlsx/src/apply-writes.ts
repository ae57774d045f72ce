// Range writes (from @kaohe/sheet's planWrites) into an .xlsx: only the cells with a non-null
// value change; every other cell, inputs above all, keeps its value, style and format.
import type { RangeWrite } from '@kaohe/sheet';
import { parseRange } from '@kaohe/sheet';
import type ExcelJS from 'exceljs';
import { XlsxError } from './errors.ts';
import { fitRows } from './fit-rows.ts';
import type { GuardLimits } from './guard.ts';
import { loadWorkbook } from './read-workbook.ts';
import { repack, STORED } from './repack.ts';

/**
 * A sheet put into the workbook whole, in place of any sheet of that name: the task pane's
 * browser mode saves so the sheets it made (the summary) or brought in (units' sheets from their
 * files). Values and number formats as a grid from A1; column widths in characters.
 */
export interface WholeSheet {
  name: string;
  state?: 'visible' | 'hidden' | 'veryHidden';
  values: readonly (readonly (string | number | boolean | null)[])[];
  numberFormats?: readonly (readonly (string | null | undefined)[])[];
  widths?: readonly number[];
  /** 0-based columns whose text wraps. */
  wrap?: readonly number[];
  freezeRows?: number;
}

export interface ApplyOptions {
  limits?: GuardLimits;
  /** Sheets put in whole (after the workbook's own sheets); writes to them are left out. */
  sheets?: readonly WholeSheet[];
}

export async function applyWrites(
  bytes: Uint8Array,
  writes: readonly RangeWrite[],
  options: ApplyOptions = {},
): Promise<Uint8Array> {
  const wb = await loadWorkbook(bytes, options.limits);
  const whole = new Set<string>();
  for (const sheet of options.sheets ?? []) {
    putSheet(wb, sheet);
    whole.add(sheet.name);
  }
  for (const w of writes) {
    if (whole.has(w.sheet)) continue;
    const ws = wb.getWorksheet(w.sheet);
    if (!ws) throw new XlsxError('missing-sheet', w.sheet);
    const range = parseRange(w.address);
    const height = range ? range.bottom - range.top + 1 : 0;
    const width = range ? range.right - range.left + 1 : 0;
    const misfit = (grid: readonly (readonly unknown[])[]) =>
      grid.length !== height || grid.some((line) => line.length !== width);
    if (!range || misfit(w.values) || (w.fills && misfit(w.fills))) {
      throw new XlsxError('bad-range', `${w.sheet}!${w.address}`);
    }
    const touched: number[] = [];
    w.values.forEach((line, i) =>
      line.forEach((value, j) => {
        const cell = ws.getCell(range.top + i + 1, range.left + j + 1);
        const fill = w.fills?.[i]?.[j];
        // A solid fill (it prints), or none; null leaves the cell's fill as it is. Cells loaded
        // with one style share its object in ExcelJS: the cell gets a copy, so only it changes.
        if (fill !== null && fill !== undefined)
          cell.style = {
            ...cell.style,
            fill:
              fill === ''
                ? { type: 'pattern', pattern: 'none' }
                : { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } },
          };
        if (value === null) return;
        cell.value = value === '' ? null : value;
        touched.push(range.top + i + 1);
      }),
    );
    fitRows(ws, touched);
  }
  // Keep the workbook's own modification time: the same writes give the same bytes.
  return repack(
    new Uint8Array(await wb.xlsx.writeBuffer(STORED)),
    wb.modified ?? new Date(Date.UTC(2000, 0, 1)),
  );
}

function putSheet(wb: ExcelJS.Workbook, sheet: WholeSheet): void {
  const old = wb.getWorksheet(sheet.name);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(sheet.name, {
    state: sheet.state ?? 'visible',
    views: sheet.freezeRows ? [{ state: 'frozen', xSplit: 0, ySplit: sheet.freezeRows }] : [],
  });
  sheet.widths?.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const wrap = new Set(sheet.wrap ?? []);
  const touched: number[] = [];
  sheet.values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value === null || value === '') return;
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = value;
      const format = sheet.numberFormats?.[r]?.[c];
      if (format && format !== 'General') cell.numFmt = format;
      if (wrap.has(c)) cell.alignment = { wrapText: true, vertical: 'top' };
      touched.push(r + 1);
    }),
  );
  if (wrap.size > 0) fitRows(ws, touched);
}
