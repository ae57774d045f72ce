// Range writes (from @kaohe/sheet's planWrites) into an .xlsx: only the cells with a non-null
// value change; every other cell, inputs above all, keeps its value, style and format.
import type { RangeWrite } from '@kaohe/sheet';
import { parseRange } from '@kaohe/sheet';
import { XlsxError } from './errors.ts';
import { fitRows } from './fit-rows.ts';
import type { GuardLimits } from './guard.ts';
import { loadWorkbook } from './read-workbook.ts';
import { repack, STORED } from './repack.ts';

export async function applyWrites(bytes: Uint8Array, writes: readonly RangeWrite[], limits?: GuardLimits): Promise<Uint8Array> {
  const wb = await loadWorkbook(bytes, limits);
  for (const w of writes) {
    const ws = wb.getWorksheet(w.sheet);
    if (!ws) throw new XlsxError('missing-sheet', w.sheet);
    const range = parseRange(w.address);
    const height = range ? range.bottom - range.top + 1 : 0;
    const width = range ? range.right - range.left + 1 : 0;
    if (!range || w.values.length !== height || w.values.some((line) => line.length !== width)) {
      throw new XlsxError('bad-range', `${w.sheet}!${w.address}`);
    }
    const touched: number[] = [];
    w.values.forEach((line, i) =>
      line.forEach((value, j) => {
        if (value === null) return;
        ws.getCell(range.top + i + 1, range.left + j + 1).value = value === '' ? null : value;
        touched.push(range.top + i + 1);
      }),
    );
    fitRows(ws, touched);
  }
  // Keep the workbook's own modification time: the same writes give the same bytes.
  return repack(new Uint8Array(await wb.xlsx.writeBuffer(STORED)), wb.modified ?? new Date(Date.UTC(2000, 0, 1)));
}
