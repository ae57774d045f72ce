// .xlsx files for browser mode, through @kaohe/xlsx (ExcelJS). Imported only with a dynamic
// import, so ExcelJS is fetched when the user opens a file, not with the pane.
import { SHEET_NAMES, type SheetGrid } from '@kaohe/sheet';
import { applyWrites, readWorkbook, writeTemplateWorkbook } from '@kaohe/xlsx';
import { rangeOf, rangeStart } from '../core/a1.ts';
import { AddinError } from '../core/errors.ts';
import type { FileAdapter } from './file-adapter.types.ts';
import type { MemorySheet } from './memory-workbook.ts';

const toMemory = (grid: SheetGrid, fromFile: boolean): MemorySheet => ({
  name: grid.name,
  state: grid.state ?? 'visible',
  values: grid.values.map((row) => row.map((v) => (v === '' ? null : v))),
  numberFormats: (grid.numberFormats ?? []).map((row) => row.map((f) => f ?? 'General')),
  fromFile,
});

function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export const xlsxFiles: FileAdapter = {
  async open(bytes) {
    const { sheets } = await readWorkbook(new Uint8Array(bytes));
    const visible = sheets.filter((s) => (s.state ?? 'visible') === 'visible');
    const active = sheets.find((s) => s.name === SHEET_NAMES.scoring) ?? visible[0] ?? sheets[0];
    if (!active) throw new Error('the workbook has no sheets');
    return {
      sheets: sheets.map((s) => toMemory(s, true)),
      active: active.name,
      charts: [],
      selection: null,
    };
  },

  async decodeSheets(base64) {
    const { sheets } = await readWorkbook(fromBase64(base64));
    return sheets.map((s) => toMemory(s, false));
  },

  async save(original, workbook, journal) {
    // The file's own sheets take the journal's writes (their styles stay). Sheets brought in
    // from units' files and the summary sheets made here are not in it: a review is saved as
    // the summary workbook (summaryWorkbook below), as the CLI writes it.
    const own = new Set(workbook.sheets.filter((s) => s.fromFile).map((s) => s.name));
    const replaced = new Set(journal.flatMap((r) => r.replaceSheets ?? []).map((s) => s.name));
    const held = new Set(workbook.sheets.map((s) => s.name));
    const all = journal.flatMap((request) => request.writes);
    // A write to a sheet the workbook does not hold at all cannot be saved: say which.
    const lost = [...new Set(all.map((w) => w.sheet).filter((name) => !held.has(name)))];
    if (lost.length > 0) throw new AddinError('cannot-save-new-sheets', lost.join('、'));
    const writes = all.filter((w) => own.has(w.sheet) && !replaced.has(w.sheet));
    if (writes.length === 0) throw new AddinError('nothing-to-download', '');
    return applyWrites(
      new Uint8Array(original),
      writes.map((w) => ({
        sheet: w.sheet,
        address: rangeOf(
          rangeStart(w.address),
          w.values.length,
          Math.max(...w.values.map((r) => r.length), 1),
        ),
        values: w.values,
        ...(w.fills ? { fills: w.fills } : {}),
      })),
    );
  },

  // The CLI's `kaohe review --out summary.xlsx` writes the codec's summary sheets with these
  // very calls (apps/cli io/workbook.ts encodeSummary): styles, print setup, unprotected.
  summaryWorkbook: (sheets) => writeTemplateWorkbook({ sheets: [...sheets] }, { protect: false }),
};
