// The shapes the codec reads and writes: plain 2-D arrays of cell values, as Office.js
// `range.values` gives them, plus the layout hints an adapter needs for styling.
import type { Issue } from '@kaohe/engine';

/** One cell's value. Dates arrive as Excel serial numbers (Office.js and the xlsx adapter). */
export type CellValue = string | number | boolean | null;
export type Grid = CellValue[][];

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

/** A worksheet as read: values, optionally the number formats (same shape) and visibility. */
export interface SheetGrid {
  name: string;
  values: Grid;
  numberFormats?: (string | null)[][];
  state?: SheetState;
}

/** An issue found in a sheet: `path` and `address` are the cell, e.g. "基础数据!E7". */
export interface SheetIssue extends Issue {
  address: string;
}

export type SheetResult<T> =
  { ok: true; value: T; warnings: SheetIssue[] } | { ok: false; issues: SheetIssue[] };

/** Column roles of the scoring sheet (考核评分表). */
export type ScoringColumn =
  | 'code'
  | 'title'
  | 'criteria'
  | 'points'
  | 'inputs'
  | 'self'
  | 'review'
  | 'final'
  | 'reason'
  | 'note';

/** Column roles of the data sheet (基础数据表). */
export type DataColumn =
  'id' | 'label' | 'unit' | 'source' | 'value' | 'previous' | 'evidence' | 'usedBy' | 'note';

/** Header fields above the scoring table. */
export type HeaderField =
  'issuer' | 'unitName' | 'unitId' | 'year' | 'ruleSetId' | 'edition' | 'unitClass' | 'checksum';

export type RowKind =
  'section' | 'item' | 'bonus' | 'bonus-item' | 'sanctions' | 'sanction' | 'total';

/** A 0-based cell position. */
export interface CellPos {
  row: number;
  col: number;
}

/**
 * Where things are in a workbook: built by `buildTemplate`, found again by `readSheet` after
 * an official inserted rows or widened columns. `planWrites` needs nothing else.
 */
export interface SheetMap {
  scoring: {
    sheet: string;
    headerRow: number;
    columns: Record<ScoringColumn, number>;
    /** Row keys in sheet order: "一", "一.1", "一.1.(2)", "加分", "加分.1", "否决", "否决.petition", "合计";
     *  `cell`: what the 序号 cell says when it is not the key (a sanction's "否决.1"). */
    rows: { key: string; kind: RowKind; row: number; cell?: string }[];
    header: Partial<Record<HeaderField, CellPos>>;
  };
  data: {
    sheet: string;
    headerRow: number;
    columns: Record<DataColumn, number>;
    /** By input id. */
    rows: { id: string; row: number }[];
  };
  meta: { sheet: string };
  /** The case table (案件明细), when the rule set declares `cases` inputs: per input its key
   *  row, header row, a column per field id, and the sheet row of each case read (in order). */
  cases?: {
    sheet: string;
    blocks: {
      id: string;
      keyRow: number;
      headerRow: number;
      columns: Record<string, number>;
      rows: number[];
    }[];
  };
}

export type CellFormat = 'percent' | 'permille' | 'integer' | 'decimal' | 'score' | 'text' | 'date';

/** What an adapter needs to style one cell. */
export interface CellHint {
  row: number;
  col: number;
  /** input: unlocked and marked for filling; the rest is protected. */
  kind:
    | 'title'
    | 'label'
    | 'header'
    | 'section'
    | 'item'
    | 'input'
    | 'score'
    | 'reason'
    | 'total'
    | 'value'
    /** A sign-off blank (负责人, 填表人, 日期…): unlocked, a line to write on, no fill. */
    | 'sign';
  format?: CellFormat;
  /** A list for data validation (是/否, the choices, the unit classes). */
  list?: string[];
  /**
   * Where that list is written for Excel's data validation, an absolute reference into the meta
   * sheet ('kaohe_meta'!$D$1:$D$4): use it as the validation's source, never `list` joined by
   * commas (a comma inside an entry would split it).
   */
  listRange?: string;
  /** An input the rules need (blank is an error, or evidence is required). */
  required?: boolean;
}

export interface SheetLayout {
  name: string;
  role: 'scoring' | 'data' | 'meta' | 'cases';
  state: SheetState;
  values: Grid;
  /** Column widths in characters, by column. */
  widths: number[];
  /** Wrap text in these columns. */
  wrap: number[];
  /** 0-based inclusive rows repeated on each printed page. */
  printTitleRows?: [number, number];
  /** 0-based inclusive columns repeated on each printed page (a sheet too wide for one page). */
  printTitleCols?: [number, number];
  /**
   * Printed at 100 % across as many pages as it takes, instead of shrunk to one page wide
   * (default): for a table whose width grows with the number of units or items.
   */
  printAcross?: true;
  /** Left of the printed footer (the unit whose form this is); the page number is centred. */
  footer?: string;
  /** Rows printed at a set height in points, whatever their text (the sign-off block: room for a stamp). */
  tallRows?: { row: number; height: number }[];
  freeze?: { rows: number; cols: number };
  /** Merged ranges, 0-based inclusive. */
  merges: { top: number; left: number; bottom: number; right: number }[];
  cells: CellHint[];
}

export interface Template {
  sheets: SheetLayout[];
  map: SheetMap;
  checksum: string;
}

/** A range write: one 2-D array for one contiguous range; `null` leaves a cell unchanged. */
export interface RangeWrite {
  sheet: string;
  address: string;
  values: CellValue[][];
  /**
   * The cells' fills, the shape of `values`: an ARGB colour is a solid fill (it prints), `''`
   * no fill, `null` leaves the cell's fill as it is. `planWrites` gives one for every cell it
   * writes, so a highlight (FILLS.unscored) goes when a later scoring judges the row.
   */
  fills?: (string | null)[][];
}
