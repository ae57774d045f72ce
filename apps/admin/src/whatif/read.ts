// One chosen .xlsx, read as the what-if reads it: a review summary (its kaohe_results sheet) or a
// unit's returned workbook, read by the last edition's rules (@kaohe/xlsx's grids, @kaohe/sheet's
// readSheet) — the one reader of the cohort's files and of one unit's workbook opened alone. A
// file that cannot be read is refused with its first problem at its cell (sheet!cell), never
// half read. Loaded in the what-if's worker only: ExcelJS stays out of the first load.
import type { Msg, RuleSet, UnitInput } from '@kaohe/engine';
import { readSheet, readSummaryResults, type SheetIssue, type SummaryResults } from '@kaohe/sheet';
import { readWorkbook, XlsxError } from '@kaohe/xlsx';

export type FileRead =
  | { kind: 'unit'; unit: UnitInput; warnings: Msg[] }
  | { kind: 'summary'; summary: SummaryResults }
  | { kind: 'refused'; message: Msg };

/** A sheet issue with its place first: 「数据填报!D7:…」. */
const atCell = (i: SheetIssue): Msg => ({
  zh: `${i.address}:${i.message.zh}`,
  en: `${i.address}: ${i.message.en}`,
});

export async function readReturned(bytes: Uint8Array, base: RuleSet): Promise<FileRead> {
  let grids;
  try {
    grids = await readWorkbook(bytes);
  } catch (e) {
    return {
      kind: 'refused',
      message:
        e instanceof XlsxError
          ? e.msg
          : { zh: `无法读取:${String(e)}`, en: `cannot be read: ${String(e)}` },
    };
  }
  const summary = readSummaryResults(grids.sheets);
  if (summary.ok) return { kind: 'summary', summary: summary.value };
  const read = readSheet(grids.sheets, { ruleSet: base });
  if (read.ok) return { kind: 'unit', unit: read.value.unit, warnings: read.warnings.map(atCell) };
  const first = read.issues.find((i) => i.severity === 'error') ?? read.issues[0];
  return {
    kind: 'refused',
    message: first ? atCell(first) : { zh: '无法读取', en: 'cannot be read' },
  };
}
