export { XlsxError, type XlsxErrorCode } from './errors.ts';
export { DEFAULT_LIMITS, guardXlsx, type GuardLimits } from './guard.ts';
export { readWorkbook, type WorkbookGrids } from './read-workbook.ts';
export { writeTemplateWorkbook, type WriteTemplateOptions } from './write-template.ts';
export { applyWrites, type ApplyOptions, type WholeSheet } from './apply-writes.ts';
