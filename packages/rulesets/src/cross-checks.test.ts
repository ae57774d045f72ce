// Cross-checks against other engine paths: the fast lean scorer must give the exact scorer's
// figures on the sample cohort and on generated cohorts, and the association rule set's 20
// points must weigh the same as the document's 20 % when combined as a weighted part.
import { combineParts, rankCohort, scoreCohort, scoreUnit } from '@kaohe/engine';
import { createLeanScorer, createUnitScorer, scoreWith } from '@kaohe/engine/internal';
import { describe, expect, it } from 'vitest';
import { compiled } from './__tests__/helpers.ts';
import { baotou2012, exampleRuleSets } from './index.ts';
import { generateUnitsFor } from './samples/generate-for.ts';
import { baotou2012SampleUnits } from './samples/baotou-2012-units.ts';
import { generateUnits } from './samples/generate-units.ts';

describe('lean scorer against scoreUnit on baotou-2012', () => {
  const rules = compiled(baotou2012);
  const lean = createLeanScorer(rules);
  it.each([
    ['the sample cohort', baotou2012SampleUnits],
    ['200 generated units', generateUnits(200, 7)],
  ])('%s: same totals, vetoes and completeness', (_label, units) => {
    for (const u of units) {
      const exact = scoreUnit(rules, u);
      const fast = lean(u);
      expect({
        id: u.id,
        total: fast.total,
        vetoed: fast.vetoed,
        complete: fast.complete,
        sanctions: fast.sanctions,
      }).toEqual({
        id: u.id,
        total: exact.total,
        vetoed: exact.vetoed,
        complete: exact.complete,
        sanctions: exact.sanctions.map((s) => s.id),
      });
    }
  });
});

describe('rankCohort against scoreCohort on baotou-2012', () => {
  it('300 generated units: same ranks, totals, grades and band counts', () => {
    const rules = compiled(baotou2012);
    const units = generateUnits(300, 11);
    const full = scoreCohort(rules, units);
    const lean = rankCohort(rules, units);
    expect(
      lean.units.map((u) => [u.unitId, u.rank, u.total, u.grade, u.vetoed, u.noCommendation]),
    ).toEqual(
      full.units.map((u) => [u.unitId, u.rank, u.total, u.grade, u.vetoed, u.noCommendation]),
    );
    expect(lean.grades).toEqual(full.grades);
  });
});

describe('rankCohort against scoreCohort on every example rule set', () => {
  // Figures with 4–6 places within each input's declared bounds, made from the declarations
  // alone (generateUnitsFor): the integer path must give the exact path's ranks, totals and
  // grades, and take the fast route for every figure a unit types in.
  it.each(Object.entries(exampleRuleSets))(
    '%s: 400 generated units, same ranks, totals, grades and vetoes',
    (_id, input) => {
      const rules = compiled(input);
      const units = generateUnitsFor(input, 400, 24);
      const full = scoreCohort(rules, units);
      const lean = rankCohort(rules, units);
      const row = (u: (typeof lean.units)[number] | (typeof full.units)[number]) =>
        [u.unitId, u.rank, u.total, u.grade, u.vetoed, u.noCommendation, u.complete].join('|');
      expect(lean.units.map(row)).toEqual(full.units.map(row));
      expect(lean.grades).toEqual(full.grades);
      // Most units are complete: the figures are judged, not refused.
      expect(full.units.filter((u) => u.complete).length).toBeGreaterThan(300);
      expect(lean.routes.exact).toBe(0);
    },
    30_000,
  );
});

describe('scoreUnit’s traced route on every example rule set', () => {
  // Every item of every example rule set is worded from the integer kernels' trace, and the
  // result is the exact route's, byte for byte (reasons, inputs, issues and all).
  it.each(Object.entries(exampleRuleSets))(
    '%s: 100 generated units, the same JSON, every leaf traced',
    (_id, input) => {
      const rules = compiled(input);
      const leaves = [...rules.byPath.values()].filter((i) => i.children.length === 0);
      for (const u of generateUnitsFor(input, 100, 31)) {
        const traced = createUnitScorer(rules, u, {});
        const viaTrace = JSON.stringify(scoreWith(rules, traced));
        const exact = JSON.stringify(
          scoreWith(rules, createUnitScorer(rules, u, {}, { kernels: false })),
        );
        expect(viaTrace).toBe(exact);
        // Each leaf of a unit through the traced route: one scorer an item.
        const untraced = leaves.filter((item) => {
          const one = createUnitScorer(rules, u, {});
          one.evaluate(item);
          return one.traced() === 0;
        });
        expect(untraced.map((i) => i.path)).toEqual([]);
      }
    },
    60_000,
  );
});

describe('association work as 20 % of the population score', () => {
  it('20 points out of 20 weigh exactly as the 20 % weight', () => {
    // 0.2 × 16.19 ÷ 20 × 100 = 16.19; 0.8 × 72 ÷ 80 × 100 = 72; 16.19 + 72 = 88.19
    const combined = combineParts(
      [
        {
          id: 'association',
          label: { zh: '计生协工作', en: 'Association work' },
          weight: 20,
          score: '16.19',
          max: 20,
        },
        {
          id: 'population',
          label: { zh: '其他人口计生工作', en: 'Other population work' },
          weight: 80,
          score: '72',
          max: 80,
        },
      ],
      { dp: 2, mode: 'half-up' },
      { weights: 'percent', outOf: 100 },
    );
    if (!combined.ok) throw new Error(combined.issues.map((i) => i.message.en).join('; '));
    expect(combined.value.value).toBe('88.19');
    expect(combined.value.parts.map((p) => p.contribution)).toEqual(['16.19', '72']);
  });
});
