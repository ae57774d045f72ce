// Ranking and grading of scored units: the part of a cohort that needs only results.
import { q } from '../exact/exact.ts';
import { assignGrades, GRADE_PENDING } from '../grades/assign.ts';
import { msgOf } from '../messages/text.ts';
import type { Issue, UnitInput, UnitResult } from '../model/result.ts';
import type { RuleSet } from '../schema/ruleset.ts';
import { sortIssues } from '../validate/issues.ts';
import { rankRows } from './rank.ts';
import { duplicateIds, incompleteUnit } from './unit-issues.ts';
import { checkTieBreaks, parseTieBreaks, tieBreakKey } from './tie-break.ts';
import type { CohortResult, CohortUnit } from './types.ts';

export function rankAndGrade(
  ruleSet: Pick<RuleSet, 'id' | 'edition' | 'ranking' | 'grades'> &
    Partial<Pick<RuleSet, 'inputs' | 'sanctions'>>,
  results: readonly UnitResult[],
  units: readonly UnitInput[] = [],
): Omit<CohortResult, 'peers'> {
  const issues: Issue[] = [];
  const { tieBreaks, issues: tbIssues } = parseTieBreaks(ruleSet.ranking.tieBreak);
  issues.push(
    ...tbIssues,
    ...checkTieBreaks(
      tieBreaks,
      results[0],
      ruleSet.inputs && new Set(ruleSet.inputs.map((d) => d.id)),
    ),
  );
  const unitById = new Map(units.map((u) => [u.id, u]));
  const inputs = new Map((ruleSet.inputs ?? []).map((d) => [d.id, d]));
  issues.push(
    ...duplicateIds(
      results.length,
      (i) => (results[i] as (typeof results)[number]).unitId,
      (i) => {
        const r = results[i] as (typeof results)[number];
        return { id: r.unitId, name: r.name };
      },
    ),
  );
  for (const r of results) {
    if (!r.complete) issues.push(incompleteUnit({ id: r.unitId, name: r.name }));
  }
  // Rows keep the result's index (seq) so that duplicate ids stay distinct and nothing is lost.
  const rows = results.map((r, i) => ({
    id: r.unitId,
    seq: i,
    vetoed: r.vetoed,
    // units[i] is this result's own unit (scoreCohort keeps the order); by id only as a fallback.
    keys: [
      q(r.total),
      ...tieBreaks.map((tb) =>
        tieBreakKey(tb, r, units[i]?.id === r.unitId ? units[i] : unitById.get(r.unitId), inputs),
      ),
    ],
  }));
  const ordered = rankRows(rows, ruleSet.ranking).map((p) => ({
    p,
    r: results[p.seq ?? 0] as UnitResult,
  }));

  const gradeRule = ruleSet.grades;
  const assignment = gradeRule
    ? assignGrades(
        ordered.map(({ p, r }) => ({
          id: r.unitId,
          name: r.name,
          rank: p.rank,
          total: q(r.total),
          vetoed: r.vetoed,
          noCommendation: r.noCommendation,
          complete: r.complete,
          sanctions: r.sanctions.map((s) => s.id),
        })),
        gradeRule,
        ruleSet.sanctions,
      )
    : undefined;
  if (assignment) issues.push(...assignment.issues);
  const labels = new Map(gradeRule?.bands.map((b) => [b.id, msgOf(b.label)]));

  const out: CohortUnit[] = ordered.map(({ p, r }, i) => {
    const g = assignment?.units[i];
    return {
      unitId: r.unitId,
      name: r.name,
      position: p.position,
      rank: p.rank,
      tied: p.tied,
      total: r.total,
      vetoed: r.vetoed,
      noCommendation: r.noCommendation,
      complete: r.complete,
      grade: g?.grade ?? null,
      gradeLabel: g?.pending ? GRADE_PENDING : g?.grade ? (labels.get(g.grade) ?? null) : null,
      gradeNotes: g?.notes ?? [],
      result: r,
    };
  });
  return {
    ruleSetId: ruleSet.id,
    edition: ruleSet.edition,
    units: out,
    grades: assignment ? { graded: assignment.graded, bands: assignment.bands } : null,
    issues: sortIssues(issues),
  };
}
