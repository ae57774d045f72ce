// One unit's result for a person: total, sections, sanctions, what could not be scored.
import { allIndicators, msgOf, type UnitResult } from '@kaohe/engine';
import type { SheetIssue, Stage } from '@kaohe/sheet';
import { scoreText } from '../../i18n/score.ts';
import type { Output } from '../../io/output.ts';
import { formatSheetIssues } from '../../report/issues.ts';

const countMissing = (r: UnitResult): number =>
  allIndicators(r).filter((i) => i.status === 'missing-input').length;

export function printUnitResult(
  result: UnitResult,
  as: Stage,
  warnings: readonly SheetIssue[],
  out: Output,
): void {
  out.line(scoreText.heading(result.name, result.total, result.max, scoreText.stage[as]));
  for (const s of result.sections)
    out.line(scoreText.section(s.code, out.text(msgOf(s.title)), s.score, s.max));
  for (const s of result.sanctions)
    out.line(scoreText.sanction(out.text(scoreText.levels[s.level]), out.text(s.reason)));
  if (!result.complete) out.line(scoreText.incomplete(countMissing(result)));
  for (const line of formatSheetIssues(warnings, out)) out.line(line);
}
