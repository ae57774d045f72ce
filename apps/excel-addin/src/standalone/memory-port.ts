// WorkbookPort over an in-memory workbook (browser mode and tests). Same contract as the Office
// port: blanks are null, a null in a write leaves the cell alone, the guard is re-checked first.
// Every accepted write is also kept in `journal`, so the file can be rebuilt from the original
// bytes (styles and all) when the user downloads it.
import { parseCell, rangeStart } from '../core/a1.ts';
import type { Cell, SheetGrid, WorkbookPort, WriteRequest } from '../core/workbook-port.ts';
import { freeSheetName, type MemorySheet, type MemoryWorkbook } from './memory-workbook.ts';

export interface MemoryPort extends WorkbookPort {
  readonly workbook: MemoryWorkbook;
  readonly journal: WriteRequest[];
}

/** Reads the sheets of a .xlsx given as base64 (the standalone file adapter provides it). */
export type SheetDecoder = (base64: string) => Promise<MemorySheet[]>;

function used(sheet: MemorySheet): SheetGrid {
  let bottom = -1;
  let right = -1;
  sheet.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== '') {
        bottom = Math.max(bottom, r);
        right = Math.max(right, c);
      }
    }),
  );
  const rows = sheet.values.slice(0, bottom + 1);
  return {
    name: sheet.name,
    top: 0,
    left: 0,
    values: rows.map((row) => Array.from({ length: right + 1 }, (_, c) => row[c] ?? null)),
    numberFormats: rows.map((_, r) =>
      Array.from({ length: right + 1 }, (_, c) => sheet.numberFormats[r]?.[c] ?? 'General'),
    ),
    state: sheet.state,
  };
}

function cellsAt(sheet: MemorySheet, address: string): Cell[][] {
  const [from, to] = address.split(':').map(parseCell);
  if (!from) return [];
  const end = to ?? from;
  const out: Cell[][] = [];
  for (let r = from.row; r <= end.row; r++) {
    const row: Cell[] = [];
    for (let c = from.col; c <= end.col; c++) row.push(sheet.values[r]?.[c] ?? null);
    out.push(row);
  }
  return out;
}

function put<T>(rows: T[][], r: number, c: number, value: T, blank: T): void {
  while (rows.length <= r) rows.push([]);
  const row = rows[r]!;
  while (row.length < c) row.push(blank);
  row[c] = value;
}

export interface MemoryPortOptions {
  /**
   * Keep the charts asked for (tests that stand in for Excel). Off in browser mode: the file
   * saved there cannot hold a chart, so none is claimed.
   */
  charts?: boolean;
}

export function createMemoryPort(
  workbook: MemoryWorkbook,
  decode?: SheetDecoder,
  options: MemoryPortOptions = {},
): MemoryPort {
  const journal: WriteRequest[] = [];
  const sheet = (name: string): MemorySheet => {
    const found = workbook.sheets.find((s) => s.name === name);
    if (!found) throw new Error(`No sheet named "${name}"`);
    return found;
  };
  return {
    kind: 'standalone',
    workbook,
    journal,
    async read(named) {
      const find = (name: string) => workbook.sheets.find((s) => s.name === name);
      return {
        active: used(sheet(workbook.active)),
        sheets: Object.fromEntries(
          named.map((name) => [name, find(name) ? used(sheet(name)) : null]),
        ),
        sheetNames: workbook.sheets.map((s) => s.name),
      };
    },
    readSheets: async (names) => names.map((name) => used(sheet(name))),
    async write(request) {
      const { guard } = request;
      if (guard && !guard.holds(cellsAt(sheet(guard.sheet), guard.address))) {
        return {
          ok: false,
          reason: 'header-changed',
          sheet: guard.sheet,
          address: guard.address,
        } as const;
      }
      for (const { name, state } of request.replaceSheets ?? []) {
        workbook.sheets = workbook.sheets.filter((s) => s.name !== name);
        workbook.charts = workbook.charts.filter((c) => c.sheet !== name);
        workbook.sheets.push({ name, state: state ?? 'visible', values: [], numberFormats: [] });
      }
      let cells = 0;
      for (const write of request.writes) {
        const target = sheet(write.sheet);
        const start = rangeStart(write.address);
        write.values.forEach((row, r) =>
          row.forEach((value, c) => {
            cells += 1;
            if (value !== null) put(target.values, start.row + r, start.col + c, value, null);
            const format = write.numberFormats?.[r]?.[c];
            if (format) put(target.numberFormats, start.row + r, start.col + c, format, 'General');
          }),
        );
      }
      if (request.chart && options.charts) workbook.charts.push(request.chart);
      if (request.activate) workbook.active = request.activate;
      journal.push(request);
      return {
        ok: true,
        cells,
        requests: 1,
        chart: Boolean(request.chart && options.charts),
      } as const;
    },
    async insertWorksheets(base64) {
      if (!decode) throw new Error('This workbook cannot take sheets from files');
      const incoming = await decode(base64);
      const taken = new Set(workbook.sheets.map((s) => s.name));
      const names = incoming.map((s) => {
        const name = freeSheetName(taken, s.name);
        taken.add(name);
        workbook.sheets.push({ ...s, name });
        return name;
      });
      return names;
    },
    async renameSheets(renames) {
      for (const { from, to } of renames) {
        const target = sheet(from);
        if (workbook.sheets.some((s) => s.name === to && s !== target))
          throw new Error(`A sheet named "${to}" already exists`);
        target.name = to;
        if (workbook.active === from) workbook.active = to;
      }
    },
    async select(sheetName, address) {
      sheet(sheetName);
      workbook.active = sheetName;
      workbook.selection = { sheet: sheetName, address };
    },
  };
}
