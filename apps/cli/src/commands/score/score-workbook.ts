// One filled workbook → its result and the workbook with the scores written in: read → decode
// → score → encode → patch, all in memory.
import { compileRuleSet, scoreUnit, type Msg, type UnitResult } from '@kaohe/engine';
import {
  parseRange,
  planWrites,
  readSheet,
  type RangeWrite,
  type SheetIssue,
  type SheetMap,
  type SheetGrid,
  type SheetRead,
  type Stage,
} from '@kaohe/sheet';
import { carriedFor, withCarried, type CarriedFile } from '../../io/carried.ts';
import { common } from '../../i18n/common.ts';
import { scoreText } from '../../i18n/score.ts';
import { sheetFailure } from '../../io/sheet-issues.ts';
import { decodeWorkbook, patchWorkbook } from '../../io/workbook.ts';

export interface ScoredWorkbook {
  read: SheetRead;
  result: UnitResult;
  warnings: SheetIssue[];
  bytes: Uint8Array;
  /** Figures in the workbook that the carried data replaced, or blanked for a unit missing from
   *  it (none without --carried). */
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

/** A decoded workbook read by its own rules; a sheet that cannot be read is the CLI's error. */
export function readGrids(
  grids: readonly SheetGrid[],
  shown: string,
): { read: SheetRead; warnings: SheetIssue[] } {
  const read = readSheet(grids);
  if (!read.ok) throw sheetFailure(shown, read.issues);
  return { read: read.value, warnings: read.warnings };
}

/** Scores what was read (with any values carried in from other assessments, --carried) and
 *  writes the scores (and `extra` writes, such as a draft mark). */
export async function scoreRead(
  bytes: Uint8Array,
  { read, warnings }: { read: SheetRead; warnings: SheetIssue[] },
  shown: string,
  as: Stage,
  extra: readonly RangeWrite[] = [],
  carried?: readonly CarriedFile[],
): Promise<ScoredWorkbook> {
  const { unit, notes } = carried?.length
    ? withCarried(read.unit, carriedFor(carried, read.ruleSet), read.ruleSet)
    : { unit: read.unit, notes: [] };
  const result = scoreUnit(compileRuleSet(read.ruleSet), unit);
  const writes = planWrites(read.map, result, as, { read });
  assertScoringOnly(writes, read.map);
  return {
    read,
    result,
    warnings,
    bytes: await patchWorkbook(bytes, [...writes, ...extra], shown),
    carriedNotes: notes,
  };
}

export async function scoreWorkbook(
  bytes: Uint8Array,
  shown: string,
  as: Stage,
  /** Values carried in from other assessments (--carried), with their provenance. */
  carried?: readonly CarriedFile[],
): Promise<ScoredWorkbook> {
  return scoreRead(
    bytes,
    readGrids(await decodeWorkbook(bytes, shown), shown),
    shown,
    as,
    [],
    carried,
  );
}
