// One filled workbook → its result and the workbook with the scores written in: read → decode
// → score → encode → patch, all in memory.
import {
  compileRuleSet,
  scoreUnit,
  type CarriedOut,
  type Msg,
  type UnitResult,
} from '@kaohe/engine';
import { carriedFor, withCarried } from '../../io/carried.ts';
import {
  parseRange,
  planWrites,
  readSheet,
  type RangeWrite,
  type SheetIssue,
  type SheetMap,
  type SheetRead,
  type Stage,
} from '@kaohe/sheet';
import { common } from '../../i18n/common.ts';
import { scoreText } from '../../i18n/score.ts';
import { sheetFailure } from '../../io/sheet-issues.ts';
import { decodeWorkbook, patchWorkbook } from '../../io/workbook.ts';

export interface ScoredWorkbook {
  read: SheetRead;
  result: UnitResult;
  warnings: SheetIssue[];
  bytes: Uint8Array;
  /** Figures in the workbook that the carried data replaced (none without --carried). */
  carriedNotes: Msg[];
}

/** The codec promises never to write an input cell; a bug there must not reach a file. */
function assertScoringOnly(writes: readonly RangeWrite[], map: SheetMap): void {
  const allowed = new Set([
    map.scoring.columns.self,
    map.scoring.columns.review,
    map.scoring.columns.final,
    map.scoring.columns.reason,
  ]);
  for (const w of writes) {
    const range = parseRange(w.address);
    const ok =
      w.sheet === map.scoring.sheet &&
      range !== undefined &&
      range.left === range.right &&
      allowed.has(range.left);
    if (!ok) throw new Error(common.internal(scoreText.inputCell(`${w.sheet}!${w.address}`).en).en);
  }
}

export async function scoreWorkbook(
  bytes: Uint8Array,
  shown: string,
  as: Stage,
  /** Values carried in from other assessments (--carried), with their provenance. */
  carried?: readonly CarriedOut[],
): Promise<ScoredWorkbook> {
  const grids = await decodeWorkbook(bytes, shown);
  const read = readSheet(grids);
  if (!read.ok) throw sheetFailure(shown, read.issues);
  const { unit, notes } = carried?.length
    ? withCarried(read.value.unit, carriedFor(carried, read.value.ruleSet), read.value.ruleSet)
    : { unit: read.value.unit, notes: [] };
  const result = scoreUnit(compileRuleSet(read.value.ruleSet), unit);
  const writes = planWrites(read.value.map, result, as, { read: read.value });
  assertScoringOnly(writes, read.value.map);
  return {
    read: read.value,
    result,
    warnings: read.warnings,
    bytes: await patchWorkbook(bytes, writes, shown),
    carriedNotes: notes,
  };
}
