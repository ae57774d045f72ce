// The production paths held to the reference oracle (./oracle/oracle.ts) on generated rule sets
// and cohorts: scoreUnit item by item, scoreCohort unit by unit, rankCohort's totals, ranks and
// grades — equal to the last digit.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseRuleSet } from '../validate/parse.ts';
import { compileRuleSet, type CompiledRuleSet } from '../score/compile.ts';
import { scoreUnit } from '../score/score-unit.ts';
import { scoreCohort } from '../cohort/score-cohort.ts';
import { allIndicators } from '../cohort/tie-break.ts';
import { rankCohort } from '../fast/rank-cohort.ts';
import { scaledText } from '../fast/fixed.ts';
import type { RuleSet } from '../schema/ruleset.ts';
import type { UnitResult } from '../model/result.ts';
import { oracleCohort, oracleUnit, type OracleUnit } from './oracle/oracle.ts';
import { caseArb, type Case } from './oracle/arbitraries.ts';

const SEED = 20261201;

function prepare(c: Case): { parsed: RuleSet; rs: CompiledRuleSet } {
  const p = parseRuleSet(c.ruleSet);
  if (!p.ok) throw new Error(`generated rule set refused: ${JSON.stringify(p.issues.slice(0, 3))}`);
  return { parsed: p.value, rs: compileRuleSet(p.value) };
}

/** What the oracle knows of a unit, read off the engine's result. */
function seen(r: UnitResult): Omit<OracleUnit, 'unitId'> {
  return {
    items: allIndicators(r).map((i) => ({
      path: i.path,
      score: i.score,
      max: i.max,
      status: i.status,
    })),
    sections: r.sections.map((s) => ({ code: s.code, score: s.score, max: s.max })),
    bonus: r.bonus.score,
    total: r.total,
    max: r.max,
    complete: r.complete,
    vetoed: r.vetoed,
    noCommendation: r.noCommendation,
    sanctions: r.sanctions.map((s) => s.id),
  };
}
const expected = ({ unitId: _, ...o }: OracleUnit) => o;

describe('the production paths equal the reference oracle', () => {
  it(
    'scoreUnit: every item score, maximum and status, sections, bonus, total, sanctions',
    { timeout: 120_000 },
    () => {
      fc.assert(
        // Many units a rule set: parsing and compiling one costs more than scoring a unit.
        fc.property(caseArb({ minLength: 10, maxLength: 30 }), (c) => {
          const { parsed, rs } = prepare(c);
          for (const unit of c.units)
            expect([unit.values, seen(scoreUnit(rs, unit))]).toEqual([
              unit.values,
              expected(oracleUnit(parsed, unit)),
            ]);
        }),
        { numRuns: 100, seed: SEED },
      );
    },
  );

  it('scoreCohort and rankCohort: results, totals, ranks and grades', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(caseArb({ minLength: 1, maxLength: 12 }), (c) => {
        const { parsed, rs } = prepare(c);
        const oracle = oracleCohort(parsed, c.units);
        const full = scoreCohort(rs, c.units);
        // Unit by unit, in the cohort's order: peers and rank places included.
        const byId = new Map(full.units.map((u) => [u.unitId, u.result]));
        for (const o of oracle.results)
          expect([o.unitId, seen(byId.get(o.unitId) as UnitResult)]).toEqual([
            o.unitId,
            expected(o),
          ]);
        const listing = oracle.ranked.map((u) => [
          u.unitId,
          u.position,
          u.rank,
          u.total,
          u.vetoed,
          u.complete,
          u.grade,
          u.pending,
        ]);
        expect(
          full.units.map((u) => [
            u.unitId,
            u.position,
            u.rank,
            u.total,
            u.vetoed,
            u.complete,
            u.grade,
            u.gradeLabel?.zh === '待定',
          ]),
        ).toEqual(listing);
        const lean = rankCohort(rs, c.units);
        expect(
          lean.units.map((u) => [
            u.unitId,
            u.position,
            u.rank,
            u.total,
            u.vetoed,
            u.complete,
            u.grade,
            u.gradeLabel?.zh === '待定',
          ]),
        ).toEqual(listing);
        const dp = parsed.rounding.scores.dp;
        const sections = new Map(
          oracle.results.map((o) => [o.unitId, o.sections.map((s) => s.score)]),
        );
        for (const u of lean.units)
          expect([u.unitId, u.sections.map((s) => (s === null ? null : scaledText(s, dp)))]).toEqual([
            u.unitId,
            sections.get(u.unitId),
          ]);
      }),
      { numRuns: 150, seed: SEED },
    );
  });
});
