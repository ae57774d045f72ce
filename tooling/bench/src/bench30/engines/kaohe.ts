// Kaohe on the BENCH-30 rule set: the cohort path (rankCohort: totals and vetoes without
// reasons) and the full path (scoreCohort: every item with its reasons in zh and en).
import { rankCohort, scoreCohort, type CompiledRuleSet, type Routes } from '@kaohe/engine';
import type { Bench30Unit, EngineOutput } from '../spec.ts';

/** scoreCohort lists units in ranking order; this puts its results back in cohort order. */
function inCohortOrder(
  units: readonly Bench30Unit[],
  listed: readonly { unitId: string; total: string; vetoed: boolean; complete: boolean }[],
): EngineOutput {
  const at = new Map<string, number>();
  for (let i = 0; i < units.length; i++) at.set((units[i] as Bench30Unit).id, i);
  const totals = new Array<string>(units.length);
  const vetoed = new Array<boolean>(units.length);
  for (const r of listed) {
    const i = at.get(r.unitId);
    if (i === undefined) throw new Error(`a result for a unit not in the cohort: ${r.unitId}`);
    // Every item judged: a figure Kaohe could not judge is reported, never taken as a score.
    if (!r.complete) throw new Error(`unit ${r.unitId} is not complete under BENCH-30`);
    totals[i] = r.total;
    vetoed[i] = r.vetoed;
  }
  for (let i = 0; i < units.length; i++)
    if (totals[i] === undefined)
      throw new Error(`no result for unit ${(units[i] as Bench30Unit).id}`);
  return { totals, vetoed };
}

/** The item evaluations on each route in the last rankCohort run (for the report). */
export const kaoheRoutes: Routes = { fast: 0, exact: 0, sanctionsFast: 0, sanctionsExact: 0 };

export function scoreKaoheCohort(
  rules: CompiledRuleSet,
  units: readonly Bench30Unit[],
): EngineOutput {
  const cohort = rankCohort(rules, units);
  Object.assign(kaoheRoutes, cohort.routes);
  // rankCohort's columns are in the cohort's order already.
  const { ids, vetoed: v, complete } = cohort.columns;
  if (cohort.size !== units.length)
    throw new Error(`${cohort.size} results for ${units.length} units`);
  const totals = new Array<string>(units.length);
  const vetoed = new Array<boolean>(units.length);
  for (let i = 0; i < units.length; i++) {
    if (ids[i] !== (units[i] as Bench30Unit).id)
      throw new Error(`result ${i} is unit ${ids[i]}, not ${(units[i] as Bench30Unit).id}`);
    // Every item judged: a figure Kaohe could not judge is reported, never taken as a score.
    if (complete[i] !== 1) throw new Error(`unit ${ids[i]} is not complete under BENCH-30`);
    totals[i] = cohort.total(i);
    vetoed[i] = v[i] === 1;
  }
  return { totals, vetoed };
}

export function scoreKaoheReasons(
  rules: CompiledRuleSet,
  units: readonly Bench30Unit[],
): EngineOutput {
  return inCohortOrder(units, scoreCohort(rules, units).units);
}
