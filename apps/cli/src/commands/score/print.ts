// One unit's result for a person: total, sections, sanctions, what could not be scored and why
// (each at its cell), what lost points for want of evidence.
import { msgOf, type UnitResult } from '@kaohe/engine';
import {
  resultProblems,
  unscoredBySection,
  type ResultContext,
  type SheetIssue,
  type Stage,
} from '@kaohe/sheet';
import { scoreText } from '../../i18n/score.ts';
import type { Output } from '../../io/output.ts';
import { formatSheetIssues } from '../../report/issues.ts';

export function printUnitResult(
  result: UnitResult,
  as: Stage,
  warnings: readonly SheetIssue[],
  out: Output,
  context: ResultContext,
): void {
  const problems = resultProblems(result, context);
  out.line(
    scoreText.heading(result.name, result.total, result.max, scoreText.stage[as], result.complete),
  );
  // A section whose items are pending has no score (listed below as not scored), never 0;
  // one with items not scored shows its sum as a part, never as the section's score.
  const unscored = unscoredBySection(result);
  for (const s of result.sections) {
    const n = unscored.get(s.code) ?? 0;
    out.line(scoreText.section(s.code, out.text(msgOf(s.title)), s.score ?? '—', s.max, n));
    // A pool section's items have no points of their own: how the section's score came about.
    if (s.reason) out.line(scoreText.sectionReason(out.text(s.reason)));
  }
  for (const s of result.sanctions)
    out.line(scoreText.sanction(out.text(scoreText.levels[s.level]), out.text(s.reason)));
  for (const a of result.amounts ?? [])
    out.line(scoreText.amount(out.text(a.label), a.amount === null, a.reason));
  // Figures refused at their cells first, then the items they (and blanks) left unscored.
  for (const line of formatSheetIssues(problems.values, out, Infinity)) out.line(line);
  for (const u of problems.unscored) {
    const reason = out.text(u.reason);
    const cells = u.cells.filter((c) => !reason.includes(c));
    out.line(scoreText.unscoredItem(u.path, out.text(u.title), reason, cells));
  }
  for (const e of problems.evidence)
    out.line(scoreText.evidenceItem(e.path, out.text(e.title), e.score ?? '—', e.max, e.cells));
  if (!result.complete) {
    const items = problems.unscored.filter((u) => !u.pendingSection).map((u) => u.path);
    const sections = problems.unscored.filter((u) => u.pendingSection).map((u) => u.path);
    // Every item scored, but a sanction could not be decided (a blank only it reads).
    out.line(
      items.length + sections.length > 0
        ? scoreText.incomplete(items, sections)
        : scoreText.sanctionsUndecided,
    );
  }
  for (const line of formatSheetIssues(warnings, out)) out.line(line);
}
