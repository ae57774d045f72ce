// .xlsx bytes → grids for the sheet codec: values, number formats and sheet visibility.
import ExcelJS from 'exceljs';
import type { SheetGrid } from '@kaohe/sheet';
import { toPlain } from './cell-value.ts';
import { XlsxError } from './errors.ts';
import { DEFAULT_LIMITS, guardXlsx, type GuardLimits } from './guard.ts';

export interface WorkbookGrids {
  sheets: SheetGrid[];
}

export async function loadWorkbook(
  bytes: Uint8Array,
  limits?: GuardLimits,
): Promise<ExcelJS.Workbook> {
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

export async function readWorkbook(
  bytes: Uint8Array,
  limits: GuardLimits = DEFAULT_LIMITS,
): Promise<WorkbookGrids> {
  const wb = await loadWorkbook(bytes, limits);
  return { sheets: wb.worksheets.map((ws) => gridOf(ws, limits.maxCells)) };
}

function gridOf(ws: ExcelJS.Worksheet, maxCells = DEFAULT_LIMITS.maxCells): SheetGrid {
  const rows = ws.rowCount;
  const cols = ws.columnCount;
  // A sheet formatted down to row 1,048,576 would make a grid of millions of blanks.
  if (rows * cols > maxCells) throw new XlsxError('too-large', `${ws.name}: ${rows} × ${cols}`);
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
  const state =
    ws.state === 'veryHidden' ? 'veryHidden' : ws.state === 'hidden' ? 'hidden' : 'visible';
  return { name: ws.name, values, numberFormats, state };
}
