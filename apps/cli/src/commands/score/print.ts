// One unit's result for a person: total, sections, sanctions, what could not be scored.
import { allIndicators, msgOf, type UnitResult } from '@kaohe/engine';
import type { SheetIssue, Stage } from '@kaohe/sheet';
import { scoreText } from '../../i18n/score.ts';
import type { Output } from '../../io/output.ts';
import { formatSheetIssues } from '../../report/issues.ts';

const countMissing = (r: UnitResult): number =>
  allIndicators(r).filter((i) => i.status === 'missing-input' || i.status === 'cannot-compute')
    .length;

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
  if (!result.complete) {
    const missing = countMissing(result);
    // Every item scored, but a sanction could not be decided (a blank only it reads).
    out.line(missing > 0 ? scoreText.incomplete(missing) : scoreText.sanctionsUndecided);
  }
  for (const line of formatSheetIssues(warnings, out)) out.line(line);
}
