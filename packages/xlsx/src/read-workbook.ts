// .xlsx bytes → grids for the sheet codec: values, number formats and sheet visibility.
import ExcelJS from 'exceljs';
import type { SheetGrid } from '@kaohe/sheet';
import { toPlain } from './cell-value.ts';
import { XlsxError } from './errors.ts';
import { guardXlsx, type GuardLimits } from './guard.ts';

export interface WorkbookGrids {
  sheets: SheetGrid[];
}

export async function loadWorkbook(bytes: Uint8Array, limits?: GuardLimits): Promise<ExcelJS.Workbook> {
  guardXlsx(bytes, limits);
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS's typing wants a Node Buffer; it reads any ArrayBuffer view.
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new XlsxError('corrupt', e instanceof Error ? e.message : String(e), { cause: e });
  }
  return wb;
}

export async function readWorkbook(bytes: Uint8Array, limits?: GuardLimits): Promise<WorkbookGrids> {
  const wb = await loadWorkbook(bytes, limits);
  return { sheets: wb.worksheets.map(gridOf) };
}

export function gridOf(ws: ExcelJS.Worksheet): SheetGrid {
  const rows = ws.rowCount;
  const cols = ws.columnCount;
  const values: SheetGrid['values'] = [];
  const numberFormats: (string | null)[][] = [];
  for (let r = 1; r <= rows; r++) {
    const row = ws.getRow(r);
    const v: SheetGrid['values'][number] = [];
    const f: (string | null)[] = [];
    for (let c = 1; c <= cols; c++) {
      const cell = row.getCell(c);
      // A merged cell's slaves repeat the master's value in ExcelJS; Office.js gives them blank.
      const slave = cell.isMerged && cell.master.address !== cell.address;
      v.push(slave ? null : toPlain(cell.value));
      f.push(cell.numFmt ?? null);
    }
    values.push(v);
    numberFormats.push(f);
  }
  const state = ws.state === 'veryHidden' ? 'veryHidden' : ws.state === 'hidden' ? 'hidden' : 'visible';
  return { name: ws.name, values, numberFormats, state };
}
