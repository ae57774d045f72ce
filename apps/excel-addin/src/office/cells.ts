// Office.js hands blanks back as "" and wants a 2-D array the size of its range; grids use null.
import type { Cell, SheetGrid } from '../core/workbook-port.ts';

function fromOffice(values: readonly (readonly unknown[])[] | undefined): Cell[][] {
  return (values ?? []).map((row) =>
    row.map((v) => (v === '' || v === undefined ? null : (v as Cell))),
  );
}

export interface LoadedRange {
  isNullObject: boolean;
  values: unknown[][];
  numberFormat: unknown[][];
  rowIndex: number;
  columnIndex: number;
}

export function gridOf(name: string, range: LoadedRange): SheetGrid {
  if (range.isNullObject === true) return { name, top: 0, left: 0, values: [], numberFormats: [] };
  return {
    name,
    top: range.rowIndex,
    left: range.columnIndex,
    values: fromOffice(range.values),
    numberFormats: (range.numberFormat ?? []).map((row) =>
      row.map((f) => (typeof f === 'string' ? f : 'General')),
    ),
  };
}

export const RANGE_PROPS = ['values', 'numberFormat', 'rowIndex', 'columnIndex'];

/**
 * Would Excel enter this value as a formula? Office.js documents that a Range.values string
 * starting with "=" (or "+", "-", "@") is a formula; a plain signed number ("-2.5") is entered
 * as that number, which is what a score written as text wants.
 */
function enteredAsFormula(value: unknown): value is string {
  if (typeof value !== 'string' || !/^[=+\-@]/.test(value)) return false;
  return !/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$/.test(value);
}

/** The cells (row, column) of a write that must be text ("@") before their values go in. */
export function textCells(values: readonly (readonly unknown[])[]): [number, number][] {
  return values.flatMap((row, r) =>
    row.flatMap((v, c): [number, number][] => (enteredAsFormula(v) ? [[r, c]] : [])),
  );
}
