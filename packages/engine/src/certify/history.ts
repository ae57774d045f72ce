// A certification result used as an input elsewhere (association certified → 2 points): the
// standing of a unit on a date is its latest record on or before that date.
import { compareDates } from './dates.ts';
import type { CertificationRecord } from './types.ts';

/** The latest record of the unit under the rule set on or before `asOf`; undefined if none. */
export function latestCertification(
  history: readonly CertificationRecord[],
  unitId: string,
  ruleSetId: string,
  asOf: string,
): CertificationRecord | undefined {
  let best: CertificationRecord | undefined;
  for (const r of history) {
    if (r.unitId !== unitId || r.ruleSetId !== ruleSetId || compareDates(r.assessedOn, asOf) > 0)
      continue;
    // Same day: the later attempt wins.
    if (
      !best ||
      compareDates(r.assessedOn, best.assessedOn) > 0 ||
      (r.assessedOn === best.assessedOn && r.attempt > best.attempt)
    )
      best = r;
  }
  return best;
}

/** As a yes/no input value for another sheet: true certified, false not, null never assessed. */
export function certifiedInput(
  history: readonly CertificationRecord[],
  unitId: string,
  ruleSetId: string,
  asOf: string,
): boolean | null {
  return latestCertification(history, unitId, ruleSetId, asOf)?.passed ?? null;
}
