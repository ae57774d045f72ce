// What-if: last year's units scored under the last edition and under the draft, side by side —
// who moves (total, rank, grade, veto) and which items the draft cannot score for lack of a
// figure (shown as such, never as 0). The scoring is the engine's (scoreCohort), twice.
import {
  compileRuleSet,
  scoreCohort,
  type CohortUnit,
  type IndicatorResult,
  type Msg,
  type RuleSet,
  type UnitInput,
} from '@kaohe/engine';

interface Standing {
  total: string;
  rank: number;
  grade: Msg | null;
  vetoed: boolean;
  complete: boolean;
}

interface Mover {
  unitId: string;
  name: string;
  before: Standing;
  after: Standing;
  /** Items scored under the last edition that the draft cannot score: a figure is missing. */
  unscoreable: { path: string; title: Msg; missing: string[] }[];
}

export interface WhatIf {
  units: number;
  movers: Mover[];
  /** Milliseconds the two cohorts took to score. */
  ms: number;
}

const standing = (u: CohortUnit): Standing => ({
  total: u.total,
  rank: u.rank,
  grade: u.gradeLabel,
  vetoed: u.vetoed,
  complete: u.complete,
});

function leaves(u: CohortUnit): IndicatorResult[] {
  const walk = (items: readonly IndicatorResult[]): IndicatorResult[] =>
    items.flatMap((i) => (i.children?.length ? walk(i.children) : [i]));
  return [...u.result.sections.flatMap((s) => walk(s.items)), ...walk(u.result.bonus.items)];
}

export function whatIf(base: RuleSet, draft: RuleSet, units: readonly UnitInput[]): WhatIf {
  const started = performance.now();
  const before = scoreCohort(compileRuleSet(base), units);
  const after = scoreCohort(compileRuleSet(draft), units);
  const ms = performance.now() - started;
  const was = new Map(before.units.map((u) => [u.unitId, u]));
  const movers: Mover[] = [];
  for (const now of after.units) {
    const then = was.get(now.unitId);
    if (!then) continue;
    const scored = new Set(
      leaves(then)
        .filter((i) => i.score !== null)
        .map((i) => i.path),
    );
    const unscoreable = leaves(now)
      .filter((i) => i.score === null && i.missingInputs.length > 0 && scored.has(i.path))
      .map((i) => ({ path: i.path, title: i.title, missing: i.missingInputs }));
    const a = standing(then);
    const b = standing(now);
    const moved =
      a.total !== b.total ||
      a.rank !== b.rank ||
      a.grade?.zh !== b.grade?.zh ||
      a.vetoed !== b.vetoed ||
      a.complete !== b.complete;
    if (moved || unscoreable.length > 0)
      movers.push({ unitId: now.unitId, name: now.name, before: a, after: b, unscoreable });
  }
  return { units: after.units.length, movers, ms };
}
