// The one seam between the task pane and a workbook. Two implementations: src/office/ (Excel,
// through Office.js) and src/standalone/ (an in-memory workbook opened from a file). Screens and
// the scoring flow only see this interface, so they run the same in Excel, in a browser and in tests.

/** A cell as a grid holds it: blanks are null (Office.js gives ""; the adapters turn that into null). */
export type Cell = string | number | boolean | null;

/** A sheet's used range, read in one go. `top`/`left` are the 0-based row/column of its A1 corner. */
export interface SheetGrid {
  name: string;
  top: number;
  left: number;
  values: Cell[][];
  numberFormats: string[][];
  /**
   * Whether the sheet is shown (read for the named sheets): a rules sheet made visible was
   * unhidden on purpose (very hidden, Excel's UI cannot show it). Absent where not read.
   */
  state?: 'visible' | 'hidden' | 'veryHidden';
}

/** What one read returns: the active sheet, the named sheets (null when absent), every sheet's name. */
export interface WorkbookSnapshot {
  active: SheetGrid;
  sheets: Record<string, SheetGrid | null>;
  sheetNames: string[];
}

/**
 * One rectangular write. `address` is the top-left cell ("B4") or a whole range ("B4:D9") of
 * `values`; a `null` inside `values` leaves that cell as it is (Office.js semantics, kept by both
 * ports). `numberFormats`, when given, has the same shape; so has `fills` (the codec's: an ARGB
 * colour is a solid fill, '' none, null leaves the cell's fill).
 */
export interface RangeWrite {
  sheet: string;
  address: string;
  values: Cell[][];
  numberFormats?: string[][];
  fills?: (string | null)[][];
}

/**
 * The re-check before writing: `address` (a range from A1) is read again and `holds` says whether
 * the sheet is still as it was planned against (header, keyed rows, columns). If not, nothing
 * is written.
 */
export interface HeaderGuard {
  sheet: string;
  address: string;
  /** Gets the range's values now, blanks as null. */
  holds: (values: Cell[][]) => boolean;
}

/** A native clustered bar chart of `dataAddress` (labels in the first column, values in the next). */
export interface ChartSpec {
  sheet: string;
  dataAddress: string;
  title: string;
  /** Top-left cell the chart is placed at. */
  anchor: string;
}

export interface SheetLook {
  sheet: string;
  widths: number[];
  wrap: number[];
  freezeRows: number;
}

export interface WriteRequest {
  guard?: HeaderGuard;
  /**
   * Sheets to (re)create before writing; `exists` (known from the read) says to delete it first;
   * `state` how it is shown (absent: visible). A summary's kaohe_results (its results as data)
   * is very hidden: Excel's own menu cannot show it, as in the CLI's summary workbook.
   */
  replaceSheets?: { name: string; exists: boolean; state?: SheetGrid['state'] }[];
  writes: RangeWrite[];
  chart?: ChartSpec;
  /** Column widths (in characters), wrapped columns and frozen rows of sheets made here. */
  layouts?: SheetLook[];
  /** Sheet to show after writing. */
  activate?: string;
}

export type WriteOutcome =
  /** `chart`: a chart was asked for and is in the workbook (a file saved in the browser has none). */
  | { ok: true; cells: number; requests: number; chart: boolean }
  | { ok: false; reason: 'header-changed'; sheet: string; address: string };

export interface WorkbookPort {
  readonly kind: 'office' | 'standalone';
  /** The active sheet, the named sheets (meta, data…, when present) and all names, in one round trip. */
  read(named: readonly string[]): Promise<WorkbookSnapshot>;
  /** Several sheets' used ranges, in one round trip (review: every returned unit's sheet). */
  readSheets(names: readonly string[]): Promise<SheetGrid[]>;
  /** Re-check the guard, then write everything: two round trips, more only past ~5 MB of data. */
  write(request: WriteRequest): Promise<WriteOutcome>;
  /** Bring the sheets of another workbook (an .xlsx as base64) in; returns the new sheets' names. */
  insertWorksheets(base64: string): Promise<string[]>;
  /** Rename sheets (imported ones, after their unit), in one round trip. */
  renameSheets(renames: readonly { from: string; to: string }[]): Promise<void>;
  /** Select a cell and show its sheet. */
  select(sheet: string, address: string): Promise<void>;
}
