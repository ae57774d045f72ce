// Types figures into a workbook's 基础数据 sheet (填报值 column, rows by input id) through
// ExcelJS, as a clerk would, and reads a sheet back as rows of values.
import ExcelJS from 'exceljs';

export type Figures = Record<string, string | number | null>;

export async function fillWorkbook(from: string, to: string, figures: Figures): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(from);
  const ws = book.getWorksheet('基础数据');
  if (!ws) throw new Error('no data sheet');
  let valueCol = 0;
  ws.eachRow((row) => {
    row.eachCell((cell, col) => {
      const t = typeof cell.value === 'string' ? cell.value : '';
      if (t.startsWith('填报值')) valueCol = col;
    });
    const id = row.getCell(1).value;
    if (typeof id !== 'string' || !(id in figures) || !valueCol) return;
    row.getCell(valueCol).value = figures[id] ?? null;
  });
  await book.xlsx.writeFile(to);
}

/** A sheet's rows, every cell (blank ones as null). */
export async function sheetRows(file: string, name: string): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const ws = book.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    rows.push(Array.from((row.values as unknown[]).slice(1), (v) => v ?? null));
  });
  return rows;
}
