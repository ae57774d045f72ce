// A summary `kaohe review` (or `kaohe combine`) wrote, read back by one of @kaohe/sheet's readers
// (readSummaryResults, readCertificationRecords): its value, or an input error naming the file
// and each cell — the one way `kaohe combine`, `template --counters` and `--history` read one.
import type { Msg } from '@kaohe/engine';
import type { SheetGrid, SheetResult } from '@kaohe/sheet';
import { CliError } from '../errors.ts';
import { decodeWorkbook, readWorkbookFile } from './workbook.ts';

export async function readSummaryFile<T>(
  path: string,
  shown: string,
  read: (grids: readonly SheetGrid[]) => SheetResult<T>,
  /** What the error says of the file (its details name the cells). */
  unusable: Msg,
): Promise<T> {
  const result = read(await decodeWorkbook(await readWorkbookFile(path, shown), shown));
  if (!result.ok)
    throw new CliError(
      'input-corrupt',
      unusable,
      result.issues.map((i) => ({ code: i.code, where: i.address, message: i.message })),
    );
  return result.value;
}
