// `kaohe template --counters <summary.xlsx>`: each unit's counters across periods from the previous
// period's review summary (its kaohe_results sheet, the counts with that period added), carried
// into the unit's next workbook. A unit of the new workbooks that the summary does not list is an
// error (its counts would otherwise start from zero unseen); so are counters the rules do not
// declare, and rules that declare none.
import { msgOf, type PeriodCounts, type RuleSet } from '@kaohe/engine';
import { readSummaryResults, unknownCounters } from '@kaohe/sheet';
import { CliError } from '../../errors.ts';
import { combineText as T } from '../../i18n/combine.ts';
import { readSummaryFile } from '../../io/summary.ts';

export async function loadCounters(
  path: string,
  shown: string,
  ruleSet: RuleSet,
  unitIds: readonly string[],
): Promise<Map<string, Record<string, PeriodCounts>>> {
  const byId = await readCounters(path, shown, ruleSet);
  const missing = unitIds.filter((id) => !byId.has(id));
  if (missing.length > 0) throw new CliError('input-invalid', T.countersMissing(shown, missing));
  return byId;
}

/** Each unit's counts with the summary's period added, by unit id, from a review summary (as
 *  `template --counters` and `review --counters` read it); rules without counters, a file that
 *  is not a summary, or counters the rules do not declare: refused. */
export async function readCounters(
  path: string,
  shown: string,
  ruleSet: RuleSet,
): Promise<Map<string, Record<string, PeriodCounts>>> {
  if ((ruleSet.counters ?? []).length === 0)
    throw new CliError('usage', T.countersNotDeclared(msgOf(ruleSet.title).zh));
  const read = await readSummaryFile(path, shown, readSummaryResults, T.countersUnusable(shown));
  const byId = new Map(read.units.map((u) => [u.unitId, u.counters]));
  for (const [id, counts] of byId) {
    const unknown = unknownCounters(counts, ruleSet);
    if (unknown.length > 0)
      throw new CliError('input-invalid', T.countersUnknown(shown, id, unknown));
  }
  return byId;
}
