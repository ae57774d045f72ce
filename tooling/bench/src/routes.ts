// How the benchmarks print the routes an evaluation took (RankedCohort.routes).
import type { Routes } from '@kaohe/engine';

/** The share of sanction decisions made on the integers, and how many the exact evaluator made. */
export function sanctionShare(r: Routes): string {
  const all = r.sanctionsFast + r.sanctionsExact;
  return all === 0
    ? 'none to decide'
    : `${((100 * r.sanctionsFast) / all).toFixed(2)} % (${r.sanctionsExact.toLocaleString('en')} exact)`;
}
