// How the layout hints look in Excel (number formats and fills come from @kaohe/sheet, shared
// with the add-in's Office.js writer).
import type ExcelJS from 'exceljs';
import { hintFill, NUMBER_FORMATS, type CellHint } from '@kaohe/sheet';

const fill = (argb: string): ExcelJS.Fill => ({
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb },
});
const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const box: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

export function styleCell(cell: ExcelJS.Cell, hint: CellHint, wrap: boolean): void {
  const font: Partial<ExcelJS.Font> = { name: '宋体', size: 10 };
  const alignment: Partial<ExcelJS.Alignment> = { vertical: 'middle', wrapText: wrap };
  switch (hint.kind) {
    case 'title':
      cell.font = { ...font, size: 16, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle' };
      return;
    case 'label':
      cell.font = { ...font, bold: true };
      cell.alignment = { vertical: 'middle', wrapText: true };
      return;
    case 'value':
      cell.font = font;
      cell.alignment = {
        horizontal: 'left',
        vertical: hint.wrap ? 'top' : 'middle',
        ...(hint.wrap ? { wrapText: true } : {}),
      };
      return;
    case 'sign':
      // A line to write on: unlocked, no fill (it prints), only the bottom border.
      cell.font = font;
      cell.alignment = { horizontal: 'left', vertical: 'bottom' };
      cell.border = { bottom: thin };
      cell.protection = { locked: false };
      return;
    case 'header':
      cell.font = { ...font, bold: true };
      cell.fill = fill(hintFill(hint));
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = box;
      return;
    case 'section':
      cell.font = { ...font, bold: true };
      cell.fill = fill(hintFill(hint));
      break;
    case 'total':
      cell.font = { ...font, bold: true };
      cell.fill = fill(hintFill(hint));
      break;
    case 'input':
      cell.font = font;
      cell.fill = fill(hintFill(hint));
      cell.protection = { locked: false };
      break;
    case 'item':
    case 'score':
    case 'reason':
      cell.font = font;
      break;
  }
  cell.alignment = alignment;
  cell.border = box;
  if (hint.format) cell.numFmt = NUMBER_FORMATS[hint.format];
  // The list's range in the meta sheet (a literal "a,b" list splits at every comma).
  const source = hint.list && (hint.listRange ?? literalList(hint.list));
  if (hint.list && source) {
    cell.dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [source],
      showErrorMessage: true,
      // A warning, not a stop: √, 有 and the like are read too.
      errorStyle: 'warning',
      errorTitle: '请选择',
      error: clipped(`请从列表中选择:${hint.list.join('、')}`, MAX_ERROR_TEXT),
    };
  }
}

/** Excel refuses a validation message longer than 225 characters. */
const MAX_ERROR_TEXT = 225;
/** Excel refuses a validation formula longer than 255 characters. */
const MAX_LIST_FORMULA = 255;

function clipped(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** A literal list, for hints without a range (layouts not built by buildTemplate): only when no
 *  entry holds a comma or a quote and it fits Excel's limit; else no list at all (what is typed
 *  is read and checked anyway). */
function literalList(list: readonly string[]): string | undefined {
  const formula = `"${list.join(',')}"`;
  const safe = list.every((e) => !/[,"]/.test(e)) && formula.length <= MAX_LIST_FORMULA;
  return safe ? formula : undefined;
}
