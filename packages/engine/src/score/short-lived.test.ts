// A scored unit's result dies young: nothing the scorer leaves behind (a getter on an object
// literal, a closure stored into an object's field once it exists) keeps it reachable for V8's
// young-generation collections. Such a link lives until a full collection, so every unit's
// result would be copied and promoted by each scavenge, and V8 would then allocate results
// straight into the old generation (allocation-site pretenuring): scoreUnit ran at less than
// half its speed, most of it garbage collection. And what a cohort keeps is compact: its
// reasons flat strings, not trees of concatenated parts.
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { compileRuleSet } from './compile.ts';
import { parseRuleSet } from '../validate/parse.ts';
import { createUnitScorer, scoreUnit, scoreWith } from './score-unit.ts';
import { scoreCohort } from '../cohort/score-cohort.ts';
import type { RuleSetInput } from '../schema/ruleset.ts';
import type { UnitResult } from '../model/result.ts';
import { ruleSetHeader } from '@kaohe/test-utils';

const rules: RuleSetInput = {
  ...ruleSetHeader({ id: 'short-lived', level: '县区', year: 2012 }),
  points: 10,
  inputs: [
    { id: 'rate', label: { zh: '符合政策生育率', en: 'policy-compliant birth rate' }, unit: '%' },
    { id: 'group', label: { zh: '成立领导小组', en: 'leading group set up' }, unit: 'yesno' },
  ],
  sections: [
    {
      code: '一',
      title: '稳定低生育水平',
      points: 10,
      items: [
        {
          code: '1',
          title: '符合政策生育率',
          points: 6,
          rule: {
            kind: 'threshold',
            value: 'rate',
            op: '>=',
            target: 92,
            below: { per: 1, points: 0.5, steps: 'each-started' },
          },
        },
        { code: '2', title: '领导小组', points: 4, rule: { kind: 'yesno', input: 'group' } },
      ],
    },
  ],
};

// Results kept by the test itself (earlier tests in this worker) must not decide where V8 puts
// them: without pretenuring, what survives a young collection is what is still reachable.
setFlagsFromString('--expose-gc');
setFlagsFromString('--no-allocation-site-pretenuring');
const gc = runInNewContext('gc') as (o?: { type: 'major' | 'minor' }) => void;

/** Bytes used in the young and the old generation. */
function used(): number {
  let n = 0;
  for (const s of getHeapSpaceStatistics())
    if (s.space_name === 'new_space' || s.space_name === 'old_space') n += s.space_used_size;
  return n;
}

describe('a unit scored is garbage once dropped', () => {
  it('its result does not survive young-generation collections', { timeout: 60_000 }, () => {
    const parsed = parseRuleSet(rules);
    if (!parsed.ok) throw new Error(parsed.issues[0]?.message.en);
    const rs = compileRuleSet(parsed.value);
    const unit = (i: number) => ({
      id: `u${i}`,
      name: `单位${i}`,
      values: { rate: String(85 + (i % 100) / 10), group: i % 3 !== 0 },
    });
    const score = (i: number): UnitResult => {
      return scoreWith(rs, createUnitScorer(rs, unit(i)));
    };
    // What one unit's result and scorer hold, measured on results kept on purpose.
    gc();
    let base = used();
    const held = Array.from({ length: 200 }, (_, i) => score(i));
    gc();
    const perUnit = (used() - base) / held.length;
    held.length = 0;
    expect(perUnit).toBeGreaterThan(500);
    // Units scored and dropped, then two young collections (an object that survives one is
    // copied, two: promoted): what they left in either generation.
    gc();
    base = used();
    // Enough units that what the run itself leaves (compiled code, feedback: about 0.35 MB)
    // stays clear of the bound below, now that a result holds less (its empty lists shared).
    const n = 3000;
    let sink = 0;
    for (let i = 0; i < n; i++) sink += score(i).sections.length;
    gc({ type: 'minor' });
    gc({ type: 'minor' });
    const kept = used() - base;
    expect(sink).toBe(n);
    // Held by a getter or a stored closure, every one of them was still there (kept ≈ n units).
    expect(kept).toBeLessThan(0.1 * n * perUnit);
  });
});

describe('a cohort keeps its results compact', () => {
  it('its reasons are held as flat strings, not trees of their parts', { timeout: 60_000 }, () => {
    const parsed = parseRuleSet(rules);
    if (!parsed.ok) throw new Error(parsed.issues[0]?.message.en);
    const rs = compileRuleSet(parsed.value);
    const units = Array.from({ length: 2000 }, (_, i) => ({
      id: `u${i}`,
      name: `单位${i}`,
      // Below the target: each reason is worded from several parts (figure, gap, slope, amount).
      values: { rate: String(85 + (i % 60) / 10), group: i % 3 !== 0 },
    }));
    const size = (make: () => unknown): number => {
      gc();
      const base = used();
      const kept = make();
      gc();
      const n = used() - base;
      expect(kept).toBeDefined();
      return n;
    };
    const alone = size(() => units.map((u) => scoreUnit(rs, u)));
    // The results alone, as the cohort keeps them (its ranking dropped).
    const cohort = size(() => scoreCohort(rs, units).units.map((u) => u.result));
    // The same results: with each reason a tree of concatenated parts they held more than
    // scored alone (1.19× measured without flattening); with flat reasons, about as much
    // (0.95–1.01× measured; 0.85–0.87× before a unit scored alone shared its adjustments'
    // words and its figures' texts, which made `alone` smaller): the bound sits between the two.
    expect(cohort).toBeLessThan(1.1 * alone);
  });
});

describe('an item with nothing to list holds no list of its own', () => {
  it('its empty lists (missing inputs, missing evidence, adjustments) are one frozen list', () => {
    const parsed = parseRuleSet(rules);
    if (!parsed.ok) throw new Error(parsed.issues[0]?.message.en);
    const rs = compileRuleSet(parsed.value);
    // Rate 95 meets 92 (no adjustment) and the group is set up: nothing missing in either unit.
    const [a, b] = [0, 1].map((i) =>
      scoreUnit(rs, { id: `u${i}`, name: `单位${i}`, values: { rate: '95', group: true } }),
    );
    const lists = [a, b].flatMap((r) =>
      (r?.sections[0]?.items ?? []).flatMap((item) => [
        item.missingInputs,
        item.missingEvidence,
        item.adjustments,
      ]),
    );
    // 2 units × 2 items × 3 lists, every one empty.
    expect(lists).toHaveLength(12);
    expect(lists.every((l) => l.length === 0)).toBe(true);
    // One list, frozen: 12 empty lists would be 12 objects kept per unit's two items.
    expect(new Set(lists).size).toBe(1);
    expect(lists.every((l) => Object.isFrozen(l))).toBe(true);
  });
});

describe('a cohort keeps each adjustment wording once', () => {
  it('units whose adjustments read the same share one reason object', () => {
    const parsed = parseRuleSet(rules);
    if (!parsed.ok) throw new Error(parsed.issues[0]?.message.en);
    const rs = compileRuleSet(parsed.value);
    // Rates 85.0–88.9 repeat every 40 units: each below 92, one deduction each (0.5 per
    // started point below: 92 − 85.0 = 7 → 3.5, …, 92 − 88.9 = 3.1 → 4 steps, 2).
    const units = Array.from({ length: 120 }, (_, i) => ({
      id: `u${i}`,
      name: `单位${i}`,
      values: { rate: String(85 + (i % 40) / 10), group: true },
    }));
    const results = scoreCohort(rs, units).units.map((u) => u.result);
    const kept = results.map((r) => r.sections[0]?.items[0]);
    const adjustments = kept.flatMap((item) => item?.adjustments.map((a) => a.reason) ?? []);
    expect(adjustments).toHaveLength(120);
    const texts = new Set(adjustments.map((r) => `${r.zh}|${r.en}`)).size;
    // Fewer wordings than units (the amounts repeat), and one object for each wording.
    expect(texts).toBeLessThan(40);
    expect(new Set(adjustments).size).toBe(texts);
    // Scored alone, a unit says the same. (The traced renderer words an amount once and every
    // unit that scores it shares those words, alone or in a cohort: a reason is a value.)
    const alone = scoreUnit(rs, units[0] as (typeof units)[number]).sections[0]?.items[0];
    const inCohort = results.find((r) => r.unitId === 'u0')?.sections[0]?.items[0];
    expect(alone?.adjustments[0]?.reason).toEqual(inCohort?.adjustments[0]?.reason);
  });
});
