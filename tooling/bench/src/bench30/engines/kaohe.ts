// Kaohe on the BENCH-30 rule set: the cohort path (rankCohort: totals and vetoes without
// reasons) and the full path (scoreCohort: every item with its reasons in zh and en).
import { rankCohort, scoreCohort, type CompiledRuleSet } from '@kaohe/engine';
import type { Bench30Unit, EngineOutput } from '../spec.ts';

/** rankCohort lists units in ranking order; this puts its results back in cohort order. */
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

export function scoreKaoheCohort(
  rules: CompiledRuleSet,
  units: readonly Bench30Unit[],
): EngineOutput {
  return inCohortOrder(units, rankCohort(rules, units).units);
}

export function scoreKaoheReasons(
  rules: CompiledRuleSet,
  units: readonly Bench30Unit[],
): EngineOutput {
  return inCohortOrder(units, scoreCohort(rules, units).units);
}
