import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fitRows } from './fit-rows.ts';
import { heightFor, LINE_PT } from './row-heights.ts';

function sheet(): ExcelJS.Worksheet {
  const ws = new ExcelJS.Workbook().addWorksheet('s');
  ws.getColumn(1).width = 11;
  ws.getColumn(2).width = 11;
  for (const c of [1, 2]) ws.getCell(1, c).alignment = { wrapText: true };
  return ws;
}

describe('fitRows', () => {
  it('raises a row to the lines its wrapped CJK text needs (two width units a character)', () => {
    const ws = sheet();
    ws.getCell(1, 2).value = '一二三四五六七八九十一二三四五六七八九十'; // 40 units in 10 per line: 4 lines
    fitRows(ws, [1]);
    expect(ws.getRow(1).height).toBe(heightFor(4));
    expect(heightFor(4)).toBeGreaterThanOrEqual(4 * LINE_PT);
  });

  it('never lowers a row, and leaves unwrapped text and one-line rows alone', () => {
    const ws = sheet();
    ws.getRow(1).height = 80;
    ws.getCell(1, 1).value = '一二三四五六七八九十一二';
    fitRows(ws, [1]);
    expect(ws.getRow(1).height).toBe(80);
    ws.getCell(2, 1).value = '一二三四五六七八九十一二三四五六七八九十'; // row 2: no wrap
    ws.getCell(3, 1).value = '短';
    ws.getCell(3, 1).alignment = { wrapText: true };
    fitRows(ws, [2, 3]);
    expect(ws.getRow(2).height).toBeUndefined();
    expect(ws.getRow(3).height).toBeUndefined();
  });
});
