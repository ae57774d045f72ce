// Columns deleted in a written workbook (ExcelJS spliceColumns, with merges moved as Excel's
// 删除列 moves them): every descriptive column the layout contract lets go can go, and the
// workbook still reads back.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSheet, type ScoringColumn } from '@kaohe/sheet';
import { fillWorkbook, filled, template } from './__tests__/fixture.ts';
import { readWorkbook } from './read-workbook.ts';
import { writeTemplateWorkbook } from './write-template.ts';

const t = template();
const bytes = await fillWorkbook(await writeTemplateWorkbook(t), t, filled);
const whole = readSheet((await readWorkbook(bytes)).sheets);
if (!whole.ok) throw new Error(JSON.stringify(whole.issues));

const DELETABLE: ScoringColumn[] = ['title', 'criteria', 'points', 'inputs', 'note'];

/** Deletes column `col` (1-based) as Excel does. ExcelJS's spliceColumns moves the cells but not
 *  the merges, so they are taken apart first and put back narrowed or moved left. */
function deleteColumn(ws: ExcelJS.Worksheet, col: number): void {
  const merges = (ws.model as { merges: string[] }).merges.map((range) => {
    const [a, b] = range.split(':') as [string, string];
    const top = ws.getCell(a);
    const bottom = ws.getCell(b);
    return [Number(top.row), Number(top.col), Number(bottom.row), Number(bottom.col)] as const;
  });
  for (const [t, l, b, r] of merges) ws.unMergeCells(t, l, b, r);
  ws.spliceColumns(col, 1);
  for (const [t, l, b, r] of merges) {
    const left = l > col ? l - 1 : l;
    const right = r >= col ? r - 1 : r;
    if (right > left || (right === left && b > t)) ws.mergeCells(t, left, b, right);
  }
}

describe('deleting a descriptive column in the workbook', () => {
  it.each(DELETABLE)('without %s it reads back the same unit', { timeout: 30_000 }, async (col) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(t.map.scoring.sheet);
    if (!ws) throw new Error('no scoring sheet');
    deleteColumn(ws, t.map.scoring.columns[col] + 1);
    const grids = await readWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()));
    const r = readSheet(grids.sheets);
    if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 3)));
    expect(r.value.unit).toEqual(whole.value.unit);
    expect(r.value.map.scoring.columns[col]).toBe(-1);
  });
});
