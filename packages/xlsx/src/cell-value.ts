// ExcelJS cell values → the plain values the sheet codec reads (what Office.js gives):
// formulas by their cached result, rich text and hyperlinks by their text, dates as serials.
import type { CellValue as ExcelValue } from 'exceljs';
import type { CellValue } from '@kaohe/sheet';

const DAY_MS = 86_400_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A Date (ExcelJS reads date cells as UTC Dates) as an Excel 1900-system serial number. */
export function dateToSerial(d: Date): number {
  const serial = (d.getTime() - EXCEL_EPOCH) / DAY_MS;
  // Excel's phantom 1900-02-29 shifts every serial before 1900-03-01 by one.
  return serial < 61 ? serial - 1 : serial;
}

export function toPlain(value: ExcelValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean')
    return value;
  if (value instanceof Date) return dateToSerial(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value)
      return toPlain((value as { result?: ExcelValue }).result);
    if ('hyperlink' in value && 'text' in value) return toPlain(value.text);
    if ('error' in value) return value.error;
  }
  return String(value);
}
