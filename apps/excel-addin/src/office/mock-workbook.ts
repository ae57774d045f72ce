// An Excel workbook for office-addin-mock. The mock checks load-before-read and sync order on
// ranges and sheets; it has no collections, so the worksheets collection gets its own `load`
// that enforces the same order on `items`.
import { OfficeMockObject } from 'office-addin-mock';
import { a1, a1Range } from '@kaohe/sheet';
import { parseCell } from '../core/a1.ts';
import type { Cell } from '../core/workbook-port.ts';

export interface MockSheet {
  name: string;
  values: Cell[][];
  /** Office.js Worksheet.visibility (default Visible). */
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
  /** Protected without a password, as Kaohe's templates are: Excel refuses writes to it. */
  protected?: boolean;
}

export interface MockWorkbook {
  excel: { run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T> };
  /** Every range write, in order: [sheet, address, values]. */
  writes: [string, string, unknown[][]][];
  /** Sheets a chart was added to. */
  charts: string[];
  /**
   * Cells whose written value Excel took as a formula: [sheet, cell, text]. As Office.js
   * documents for Range.values, a string starting with "=" (or "+", "-", "@" not followed by a
   * plain number) is entered as a formula, unless the cell's number format is text ("@") by then.
   */
  formulas: [string, string, string][];
  /** Sheets renamed (a worksheet's name set): [from, to]. */
  renamed: [string, string][];
  /** Sheets added (worksheets.add), each with the visibility last set on it. */
  added: { name: string; visibility: 'Visible' | 'Hidden' | 'VeryHidden' }[];
  /** Fills set on ranges, in order: [sheet, range, '#RRGGBB'], or null for format.fill.clear(). */
  fills: [string, string, string | null][];
  /** Protection calls, in order: [sheet, 'protect' | 'unprotect']. */
  protections: [string, 'protect' | 'unprotect'][];
  /** Whether each sheet is protected now (by name). */
  isProtected(sheet: string): boolean;
  /** context.sync() calls so far, failed ones included: the round trips, counted outside the port. */
  readonly syncs: number;
  /** Headers the next guard read returns (a colleague edited the sheet). */
  setGuardValues(values: Cell[][]): void;
}

const office = (values: Cell[][]) => values.map((row) => row.map((v) => (v === null ? '' : v)));

export interface MockOptions {
  /** A range asked of a missing sheet fails the batch with ItemNotFound (instead of a null object). */
  missingSheetRangeFails?: boolean;
}

export function mockWorkbook(
  sheets: MockSheet[],
  activeName: string,
  options: MockOptions = {},
): MockWorkbook {
  let notFound = false;
  let syncs = 0;
  const writes: [string, string, unknown[][]][] = [];
  const charts: string[] = [];
  const formulas: [string, string, string][] = [];
  const renamed: [string, string][] = [];
  const added: MockWorkbook['added'] = [];
  const fills: [string, string, string | null][] = [];
  let guardValues: Cell[][] | null = null;
  const protections: MockWorkbook['protections'] = [];
  const locked = new Map(sheets.map((s) => [s.name, s.protected === true]));
  // A write or format on a protected sheet fails the batch at its sync, as Excel's AccessDenied.
  let denied: string | null = null;
  const touch = (sheet: string) => {
    if (locked.get(sheet)) denied ??= sheet;
  };
  const sheetData = (s: MockSheet) => ({
    name: s.name,
    visibility: s.visibility ?? 'Visible',
    protection: {
      protected: s.protected === true,
      options: { allowFormatCells: false, selectionMode: 'Normal' },
      protect(this: { setValue(k: string, v: unknown): void }) {
        if (locked.get(s.name))
          throw new Error('InvalidOperation: the worksheet is already protected');
        locked.set(s.name, true);
        protections.push([s.name, 'protect']);
        this.setValue('protected', true);
      },
      unprotect(this: { setValue(k: string, v: unknown): void }) {
        locked.set(s.name, false);
        protections.push([s.name, 'unprotect']);
        this.setValue('protected', false);
      },
    },
    used: {
      values: office(s.values),
      numberFormat: s.values.map((row) => row.map(() => 'General')),
      rowIndex: 0,
      columnIndex: 0,
    },
    getUsedRangeOrNullObject() {
      return this.used;
    },
    activate() {},
    delete() {},
    freezePanes: { freezeRows() {} },
    charts: {
      chart: { title: { text: '' }, legend: { visible: true }, setPosition() {} },
      add(this: { chart: unknown }) {
        charts.push(s.name);
        return this.chart;
      },
    },
    range: {
      values: [],
      numberFormat: [],
      format: { columnWidth: 0, wrapText: false },
      select() {},
    },
    getRange(this: { range: Record<string, unknown> }, address: string) {
      const source = guardValues ?? office(s.values);
      // Whole columns ("C:C", for widths) carry no values here.
      const [from, to] = /^[A-Z]+:[A-Z]+$/.test(address) ? [] : address.split(':').map(parseCell);
      const block = from
        ? source
            .slice(from.row, (to ?? from).row + 1)
            .map((row) => row.slice(from.col, (to ?? from).col + 1))
        : [];
      // The mock's own setter: the values are there again only after load and sync.
      (this.range['setValue'] as (key: string, value: unknown) => void).call(
        this.range,
        'values',
        block,
      );
      // Capture assignments: the write under test sets .values on the range it asked for.
      return from ? cellsOf(s.name, from, this.range, address) : this.range;
    },
  });
  // Number formats by sheet and "row,col", as the port set them (unset: General).
  const formats = new Map<string, string>();
  const formulaLike = (v: unknown) =>
    typeof v === 'string' &&
    (v.startsWith('=') || (/^[+\-@]/.test(v) && !/^[+-]?\d+(\.\d+)?%?$/.test(v)));
  function cellsOf(
    sheet: string,
    origin: { row: number; col: number },
    range: Record<string, unknown>,
    address: string,
  ): Record<string, unknown> {
    const key = (r: number, c: number) => `${sheet}|${origin.row + r},${origin.col + c}`;
    return new Proxy(range, {
      get(target, prop, receiver) {
        if (prop === 'getCell')
          return (r: number, c: number) =>
            cellsOf(
              sheet,
              { row: origin.row + r, col: origin.col + c },
              range,
              a1(origin.row + r, origin.col + c),
            );
        // A range grown from its top-left cell (Office.js getResizedRange: rows and columns added).
        if (prop === 'getResizedRange')
          return (rows: number, cols: number) =>
            cellsOf(
              sheet,
              origin,
              range,
              a1Range(origin.row, origin.col, origin.row + rows, origin.col + cols),
            );
        // format.fill of this range: colours set and clears, recorded with the range's address.
        if (prop === 'format')
          return {
            fill: {
              set color(color: string) {
                touch(sheet);
                fills.push([sheet, address, color]);
              },
              clear() {
                touch(sheet);
                fills.push([sheet, address, null]);
              },
            },
          };
        return Reflect.get(target, prop, receiver) as unknown;
      },
      set(target, prop, value) {
        // (Loading a range sets its properties too, never to a 2-D array.)
        if ((prop === 'numberFormat' || prop === 'values') && Array.isArray(value)) touch(sheet);
        if (prop === 'numberFormat') {
          const grid = Array.isArray(value) ? (value as unknown[][]) : [[value]];
          grid.forEach((row, r) => row.forEach((f, c) => formats.set(key(r, c), String(f))));
        }
        if (prop === 'values' && Array.isArray(value)) {
          writes.push([sheet, address, value as unknown[][]]);
          (value as unknown[][]).forEach((row, r) =>
            row.forEach((v, c) => {
              if (formulaLike(v) && formats.get(key(r, c)) !== '@')
                formulas.push([sheet, a1(origin.row + r, origin.col + c), v as string]);
            }),
          );
        }
        return Reflect.set(target, prop, value);
      },
    });
  }
  let itemsState: 'unloaded' | 'loaded' | 'synced' = 'unloaded';
  const items = sheets.map((s) => ({ name: s.name, id: `id-${s.name}` }));
  const bySheet = Object.fromEntries(sheets.map((s) => [s.name, sheetData(s)]));
  const root = new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          ...bySheet,
          nothing: {
            name: '',
            visibility: 'Visible',
            // A null object's protection loads (its values say nothing: the sheet is not there).
            protection: { protected: false, options: {} },
            used: { values: [], numberFormat: [], rowIndex: 0, columnIndex: 0 },
            getUsedRangeOrNullObject() {
              if (options.missingSheetRangeFails) notFound = true;
              return this.used;
            },
          },
          load() {
            itemsState = 'loaded';
          },
          getActiveWorksheet() {
            return (this as Record<string, unknown>)[activeName];
          },
          getItem(name: string) {
            const sheet = (this as Record<string, unknown>)[name] as object;
            // A name set on the sheet renames it (recorded; reads keep the mock's layout).
            return new Proxy(sheet, {
              set(target, key, value) {
                if (key === 'name') renamed.push([name, String(value)]);
                return Reflect.set(target, key, value);
              },
            });
          },
          getItemOrNullObject(name: string) {
            return (
              (this as Record<string, unknown>)[name] ??
              (this as Record<string, unknown>)['nothing']
            );
          },
          add(name: string) {
            const sheet: MockWorkbook['added'][number] = { name, visibility: 'Visible' };
            added.push(sheet);
            // Office.js takes only these three (Excel.SheetVisibility).
            return {
              set visibility(v: string) {
                if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden')
                  throw new Error(`InvalidArgument: visibility ${v}`);
                sheet.visibility = v;
              },
            };
          },
        },
      },
    },
  }) as unknown as {
    context: Record<string, Record<string, Record<string, unknown>>> & { sync(): Promise<void> };
  };
  const worksheets = root.context['workbook']!['worksheets']!;
  const nothing = worksheets['nothing'] as Record<string, unknown>;
  nothing['isNullObject'] = true;
  (nothing['used'] as Record<string, unknown>)['isNullObject'] = true;
  Object.defineProperty(worksheets, 'items', {
    get() {
      if (itemsState !== 'synced') throw new Error('worksheets.items read before load and sync');
      return items;
    },
  });
  const context = root.context;
  const sync = context.sync.bind(context);
  context.sync = async () => {
    syncs += 1;
    if (notFound) {
      notFound = false;
      itemsState = 'unloaded';
      throw new Error("RichApi.Error: ItemNotFound: The requested resource doesn't exist.");
    }
    if (denied !== null) {
      const sheet = denied;
      denied = null;
      throw new Error(
        `RichApi.Error: AccessDenied: The cell or chart you're trying to change is on a protected sheet (${sheet}).`,
      );
    }
    if (itemsState === 'loaded') itemsState = 'synced';
    await sync();
  };
  return {
    excel: { run: (batch) => batch(context as unknown as Excel.RequestContext) },
    writes,
    charts,
    formulas,
    renamed,
    added,
    fills,
    protections,
    isProtected: (sheet) => locked.get(sheet) === true,
    get syncs() {
      return syncs;
    },
    setGuardValues(values) {
      guardValues = office(values);
    },
  };
}
