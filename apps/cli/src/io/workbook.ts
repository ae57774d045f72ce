// The xlsx adapter behind the CLI's words: a file that cannot be opened becomes an input error
// naming the file, with the adapter's own zh/en reason.
import type { RangeWrite, SheetGrid, SheetLayout } from '@kaohe/sheet';
import {
  applyWrites,
  DEFAULT_LIMITS,
  readWorkbook,
  writeTemplateWorkbook,
  XlsxError,
} from '@kaohe/xlsx';
import { CliError } from '../errors.ts';
import { workbookText } from '../i18n/workbook.ts';
import { readBytes } from './files.ts';

/** A workbook file's bytes, read only up to the adapter's file size limit. */
export function readWorkbookFile(path: string, shown: string): Promise<Uint8Array> {
  return readBytes(path, shown, DEFAULT_LIMITS.maxFileBytes);
}

function asInputError(e: unknown, shown: string): unknown {
  return e instanceof XlsxError
    ? new CliError('input-corrupt', workbookText.unusable(shown, e.msg))
    : e;
}

export async function decodeWorkbook(bytes: Uint8Array, shown: string): Promise<SheetGrid[]> {
  try {
    return (await readWorkbook(bytes)).sheets;
  } catch (e) {
    throw asInputError(e, shown);
  }
}

/** Range writes into a copy of the workbook; the bytes given are left as they are. */
export async function patchWorkbook(
  bytes: Uint8Array,
  writes: readonly RangeWrite[],
  shown: string,
): Promise<Uint8Array> {
  try {
    return await applyWrites(bytes, writes);
  } catch (e) {
    throw asInputError(e, shown);
  }
}

/** The review summary: ranking first, left unprotected so the reviewer can annotate it. */
export function encodeSummary(sheets: readonly SheetLayout[]): Promise<Uint8Array> {
  return writeTemplateWorkbook({ sheets: [...sheets] }, { protect: false });
}
