// Number formats and fills for the layout's cell kinds, shared by every adapter (ExcelJS here,
// Office.js in the add-in) so a template looks and reads the same whoever wrote it.
// % uses Excel's own percent format: the cell holds 0.92 and shows 92.00 %; with a percent
// format set, Excel turns a typed 92 or 0.92 into 92 % (its automatic percent entry), which
// is also how the reader treats an unmarked 0 < x < 1. ‰ has no native format, so the cell holds
// the per-mille number (8) shown through 0.00"‰".
import type { CellFormat, CellHint } from './types.ts';

export const NUMBER_FORMATS: Record<CellFormat, string> = {
  percent: '0.00%',
  permille: '0.00"‰"',
  integer: '#,##0',
  decimal: 'General',
  score: 'General',
  text: '@',
  date: 'yyyy-mm-dd',
};

/**
 * ARGB fills: light blue marks a cell to fill, a deeper blue a required one; light red marks
 * what could not be judged (an unscored item's score and reason, a 待定 sanction, the 合计 of an
 * incomplete result). All solid, so they print.
 */
export const FILLS = {
  input: 'FFDDEBF7',
  required: 'FFBDD7EE',
  header: 'FFD9D9D9',
  section: 'FFF2F2F2',
  unscored: 'FFFFC7CE',
} as const;

/** The template's own fill of a cell of this kind ('' for none): what a write restores. */
export function hintFill(hint: Pick<CellHint, 'kind' | 'required'>): string {
  switch (hint.kind) {
    case 'header':
      return FILLS.header;
    case 'section':
    case 'total':
      return FILLS.section;
    case 'input':
      return hint.required ? FILLS.required : FILLS.input;
    default:
      return '';
  }
}
