import { compileRuleSet, parseRuleSet, scoreCohort, type RuleSet } from '@kaohe/engine';
import { baotou2012, baotou2012SampleUnits } from '@kaohe/rulesets';
import { readSummaryResults, resultsSheet } from '@kaohe/sheet';
import { describe, expect, it } from 'vitest';
import { checkSummary, scoreBase } from './compare.ts';

const parsed = (json: unknown): RuleSet => {
  const r = parseRuleSet(json);
  if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 3)));
  return r.value;
};

describe('a review summary beside the returned workbooks', () => {
  it(
    'names the units it has no figures for and those whose reviewed total differs',
    { timeout: 30_000 },
    () => {
      const base = parsed(baotou2012);
      const units = baotou2012SampleUnits;
      // Last year's summary, as kaohe review writes its kaohe_results sheet, read back.
      const sheet = resultsSheet(scoreCohort(compileRuleSet(base), units), base);
      const read = readSummaryResults([{ name: sheet.name, values: sheet.values }]);
      if (!read.ok) throw new Error(JSON.stringify(read.issues));
      // Two workbooks not chosen; one unit's workbook no longer what was reviewed.
      const [changed, ...rest] = units.slice(2);
      const altered = { ...changed!, values: { ...changed!.values, birth_rate: 99 } };
      const chosen = [altered, ...rest];
      const check = checkSummary(read.value, scoreBase(base, chosen), base, chosen);
      expect(check.units).toBe(units.length);
      expect(check.noFigures.map((u) => u.unitId)).toEqual(units.slice(0, 2).map((u) => u.id));
      expect(check.differs.map((u) => u.unitId)).toEqual([altered.id]);
      expect(check.otherRules).toBe(false);
      // The same summary against the next year's rules: said, not assumed to match.
      const next = parsed({ ...baotou2012, year: 2013, edition: 2 });
      expect(checkSummary(read.value, scoreBase(next, chosen), next, chosen).otherRules).toBe(true);
    },
  );
});
