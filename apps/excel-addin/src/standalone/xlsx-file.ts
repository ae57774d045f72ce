// .xlsx files for browser mode, through @kaohe/xlsx (ExcelJS). Imported only with a dynamic
// import, so ExcelJS is fetched when the user opens a file, not with the pane.
import { SHEET_NAMES, type SheetGrid } from '@kaohe/sheet';
import { applyWrites, readWorkbook } from '@kaohe/xlsx';
import { rangeOf, rangeStart } from '../core/a1.ts';
import { AddinError } from '../core/errors.ts';
import type { Cell } from '../core/workbook-port.ts';
import type { FileAdapter } from './file-adapter.types.ts';
import type { MemorySheet } from './memory-workbook.ts';

const toMemory = (grid: SheetGrid, fromFile: boolean): MemorySheet => ({
  name: grid.name,
  state: grid.state ?? 'visible',
  values: grid.values.map((row) => row.map((v) => (v === '' ? null : (v as Cell)))),
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
    // Sheets of the file take the journal's writes (their styles stay). Sheets made here (the
    // summary, a sheet the journal replaced) and sheets brought in from other files (units'
    // workbooks) go in whole, as they are in memory, with the widths the journal gave them.
    const replaced = new Set(journal.flatMap((r) => r.replaceSheets ?? []).map((s) => s.name));
    const looks = new Map(journal.flatMap((r) => r.layouts ?? []).map((l) => [l.sheet, l]));
    const whole = workbook.sheets.filter((s) => !s.fromFile || replaced.has(s.name));
    const wholeNames = new Set(whole.map((s) => s.name));
    const inFile = new Set(workbook.sheets.filter((s) => s.fromFile).map((s) => s.name));
    const writes = journal
      .flatMap((request) => request.writes)
      .filter((w) => !wholeNames.has(w.sheet));
    // A write to a sheet that is neither in the file nor in memory cannot be saved: say which.
    const lost = [...new Set(writes.map((w) => w.sheet).filter((name) => !inFile.has(name)))];
    if (lost.length > 0) throw new AddinError('cannot-save-new-sheets', lost.join('、'));
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
      })),
      {
        sheets: whole.map((s) => {
          const look = looks.get(s.name);
          return {
            name: s.name,
            state: s.state,
            values: s.values,
            numberFormats: s.numberFormats,
            ...(look ? { widths: look.widths, wrap: look.wrap, freezeRows: look.freezeRows } : {}),
          };
        }),
      },
    );
  },
};
