import { compileRuleSet, parseRuleSet, scoreUnit, type RuleSet } from '@kaohe/engine';
import { baotou2012, baotou2012SampleUnits } from '@kaohe/rulesets';
import { describe, expect, it } from 'vitest';
import { whatIf } from './compare.ts';

const parsed = (json: unknown): RuleSet => {
  const r = parseRuleSet(json);
  if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 3)));
  return r.value;
};

/** baotou-2012 with 人口出生率 ≤ 8‰ tightened to ≤ `target`‰, and `input` renamed if given. */
function draft(target: number, renameBirthRate = false, renumber = false): RuleSet {
  const json = JSON.parse(JSON.stringify(baotou2012)) as {
    sections: {
      items: {
        items: { code: string; formerly?: string; rule: { target: number; value: string } }[];
      }[];
    }[];
    inputs: { id: string }[];
  };
  const sub = json.sections[0]!.items[0]!.items[0]!;
  const rule = sub.rule;
  rule.target = target;
  // 一(二).1.(1) renumbered (5), its lineage recorded.
  if (renumber) Object.assign(sub, { code: '(5)', formerly: sub.code });
  if (renameBirthRate) {
    rule.value = 'birth_rate_2013';
    json.inputs.push({ ...json.inputs.find((i) => i.id === 'birth_rate')!, id: 'birth_rate_2013' });
  }
  return parsed(json);
}

describe('whatIf', () => {
  it(
    'moves exactly the units whose birth rate lies between the two targets',
    { timeout: 30_000 },
    () => {
      const base = parsed(baotou2012);
      const units = baotou2012SampleUnits;
      const result = whatIf(base, draft(7.5), units);
      expect(result.units).toBe(units.length);
      // A unit's 一(二).1.(1) score changes only if its rate is above 7.5‰ (below 8‰ it had full
      // marks, above 8‰ each started 0.1‰ more costs a point: 0.5‰ more, 5 points, capped at 5).
      const before = compileRuleSet(base);
      const after = compileRuleSet(draft(7.5));
      const itemScore = (compiled: typeof before, u: (typeof units)[number]) =>
        scoreUnit(compiled, u).sections[0]!.items[0]!.children![0]!.score;
      const changed = units
        .filter((u) => itemScore(before, u) !== itemScore(after, u))
        .map((u) => u.id)
        .sort();
      const totals = result.movers.filter((m) => m.before.total !== m.after.total);
      expect(changed.length).toBeGreaterThan(0);
      expect(totals.map((m) => m.unitId).sort()).toEqual(changed);
      for (const m of totals) expect(Number(m.after.total)).toBeLessThan(Number(m.before.total));
      expect(result.movers.every((m) => m.unscoreable.length === 0)).toBe(true);
    },
  );

  it(
    'names the items the draft cannot score for lack of a figure, never as 0',
    { timeout: 30_000 },
    () => {
      const result = whatIf(parsed(baotou2012), draft(7.5, true), baotou2012SampleUnits);
      // Last year's units have no birth_rate_2013: every unit loses that item, and is incomplete.
      expect(result.movers).toHaveLength(baotou2012SampleUnits.length);
      for (const m of result.movers) {
        expect(m.unscoreable.map((u) => [u.path, u.missing])).toEqual([
          ['一(二).1.(1)', ['birth_rate_2013']],
        ]);
        expect(m.after.complete).toBe(false);
      }
    },
  );

  it("follows a renumbered item (formerly) to last year's score of it", { timeout: 30_000 }, () => {
    // As above, the item now 一(二).1.(5) (formerly (1)): it was scored last year under (1),
    // so it is still named as the one the draft cannot score.
    const result = whatIf(parsed(baotou2012), draft(7.5, true, true), baotou2012SampleUnits);
    expect(result.movers).toHaveLength(baotou2012SampleUnits.length);
    for (const m of result.movers)
      expect(m.unscoreable.map((u) => [u.path, u.missing])).toEqual([
        ['一(二).1.(5)', ['birth_rate_2013']],
      ]);
  });
});
