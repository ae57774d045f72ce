// How the layout hints look in Excel (number formats and fills come from @kaohe/sheet, shared
// with the add-in's Office.js writer).
import type ExcelJS from 'exceljs';
import { FILLS, NUMBER_FORMATS, type CellHint } from '@kaohe/sheet';

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
      cell.alignment = { horizontal: 'left', vertical: 'middle' };
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
      cell.fill = fill(FILLS.header);
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = box;
      return;
    case 'section':
      cell.font = { ...font, bold: true };
      cell.fill = fill(FILLS.section);
      break;
    case 'total':
      cell.font = { ...font, bold: true };
      cell.fill = fill(FILLS.section);
      break;
    case 'input':
      cell.font = font;
      cell.fill = fill(hint.required ? FILLS.required : FILLS.input);
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
  if (hint.list) {
    cell.dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${hint.list.join(',')}"`],
      showErrorMessage: true,
      // A warning, not a stop: √, 有 and the like are read too.
      errorStyle: 'warning',
      errorTitle: '请选择',
      error: `请从列表中选择:${hint.list.join('、')}`,
    };
  }
}
