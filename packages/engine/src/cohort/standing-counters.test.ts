// Ranks and grades inside counters (RULE-FORMS 39 with 55; issue 14 point 10): "three years in a
// row in the bottom two → interview" is a counter `bottom_rank() <= 2` read by a sanction
// `consecutive('bottom2') >= 3`. Decided by scoreCohort and rankCohort after ranking and grading
// (one decision, src/cohort/standing.ts); a unit scored alone, or a cohort with a unit
// incomplete, carries the counts over and leaves the sanction open. Worked out by hand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ruleSetHeader } from '@kaohe/test-utils';
import { rankCohort } from '../fast/rank-cohort.ts';
import type { UnitInput } from '../model/result.ts';
import { carryCounters } from '../score/counters.ts';
import { compileRuleSet } from '../score/compile.ts';
import { scoreUnit } from '../score/score-unit.ts';
import { parseRuleSet, validateRuleSet } from '../validate/parse.ts';
import { scoreCohort } from './score-cohort.ts';

const COUNTERS = [
  { id: 'bottom2', label: { zh: '排名后两位', en: 'bottom two' }, when: 'bottom_rank() <= 2' },
  { id: 'low', label: { zh: '处于后20%', en: 'lowest fifth' }, when: 'percentile_rank() < 20' },
  { id: 'fail', label: { zh: '考核不合格', en: 'graded fail' }, when: "grade == 'fail'" },
];
const SANCTIONS = [
  {
    id: 'talk',
    level: 'interview',
    when: "consecutive('bottom2') >= 3 || cumulative('bottom2') >= 5",
    reason: { zh: '连续3年或累计5年排名后两位', en: 'bottom two 3 years running or 5 in all' },
  },
  {
    id: 'named',
    level: 'notice',
    when: "consecutive('fail') >= 2",
    reason: { zh: '连续2年不合格', en: 'graded fail 2 years running' },
  },
  // Reads no standing: scored by each unit alone, as before.
  {
    id: 'low_score',
    level: 'notice',
    when: 'total < 60',
    reason: { zh: '总分低于60分', en: 'total below 60' },
  },
];
const doc = (over: Record<string, unknown> = {}) =>
  ruleSetHeader({
    points: 100,
    inputs: [{ id: 's', label: '得分', unit: 'number' }],
    sections: [
      {
        code: '一',
        title: '工作',
        points: 100,
        items: [{ code: '1', title: '得分', points: 100, rule: { kind: 'expr', score: 's' } }],
      },
    ],
    grades: {
      bands: [
        { id: 'good', label: { zh: '良好', en: 'good' }, min: 80 },
        { id: 'pass', label: { zh: '合格', en: 'pass' }, min: 60 },
        { id: 'fail', label: { zh: '不合格', en: 'fail' }, min: null },
      ],
    },
    counters: COUNTERS,
    sanctions: SANCTIONS,
    ...over,
  });
const compiled = () => {
  const p = parseRuleSet(doc());
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return compileRuleSet(p.value);
};
const u = (id: string, s: number | null, counters: UnitInput['counters'] = {}): UnitInput => ({
  id,
  name: id,
  values: { s },
  counters,
});

// a 95, b 85, c 70, d 70 (tied), e 50: ranks 1, 2, 3, 3, 5.
// From the bottom (1 + the units ranked below): e 1, c and d 2, b 4, a 5 → bottom two: c, d, e.
// percentile_rank = 100 × units strictly below ÷ 5: e 0, c and d 20 (neither is below the
// other), b 60, a 80 → below 20: e alone. Graded 不合格 (below 60): e.
const UNITS = [
  u('a', 95, { bottom2: { consecutive: 2, cumulative: 2 } }),
  u('b', 85),
  u('c', 70, { bottom2: { consecutive: 2, cumulative: 3 } }),
  u('d', 70, { bottom2: { consecutive: 1, cumulative: 1 } }),
  u('e', 50, {
    bottom2: { consecutive: 0, cumulative: 4 },
    fail: { consecutive: 1, cumulative: 1 },
  }),
];

describe('counters on the ranking or the grade', () => {
  it('count this period from the cohort’s standing, and the sanctions on them are decided', () => {
    const out = scoreCohort(compiled(), UNITS);
    const counts = Object.fromEntries(
      out.units.map((x) => [
        x.unitId,
        x.result.counters.map(
          (c) => `${c.id}:${String(c.counts)}:${c.consecutive}/${c.cumulative}`,
        ),
      ]),
    );
    expect(counts).toEqual({
      // a: not in the bottom two, its run of 2 ends: 0 / 2.
      a: ['bottom2:false:0/2', 'low:false:0/0', 'fail:false:0/0'],
      b: ['bottom2:false:0/0', 'low:false:0/0', 'fail:false:0/0'],
      // c: 2 + 1 = 3 in a row, 3 + 1 = 4 in all; percentile 20 is not below 20.
      c: ['bottom2:true:3/4', 'low:false:0/0', 'fail:false:0/0'],
      d: ['bottom2:true:2/2', 'low:false:0/0', 'fail:false:0/0'],
      // e: 1 in a row, 4 + 1 = 5 in all; percentile 0; 不合格 a second year running.
      e: ['bottom2:true:1/5', 'low:true:1/1', 'fail:true:2/2'],
    });
    const held = Object.fromEntries(
      out.units.map((x) => [x.unitId, x.result.sanctions.map((s) => s.id)]),
    );
    // c: 3 in a row → interview; e: 5 in all → interview, 2 years 不合格 → notice, and 50 < 60.
    expect(held).toEqual({ a: [], b: [], c: ['talk'], d: [], e: ['low_score', 'talk', 'named'] });
    // Decided: no note "decided after ranking" is left, on a counter or a sanction.
    expect(
      out.units.flatMap((x) =>
        x.result.issues.filter((i) => /undecided/.test(i.code)).map((i) => i.path),
      ),
    ).toEqual([]);
    // The next year brings these counts.
    expect(
      carryCounters(out.units.find((x) => x.unitId === 'c')?.result ?? { counters: [] }),
    ).toEqual({
      bottom2: { consecutive: 3, cumulative: 4 },
      low: { consecutive: 0, cumulative: 0 },
      fail: { consecutive: 0, cumulative: 0 },
    });
  });

  it('rankCohort decides the sanctions on them the same', () => {
    const rs = compiled();
    const exact = scoreCohort(rs, UNITS);
    const ranked = rankCohort(rs, UNITS);
    expect(ranked.units.map((x) => [x.unitId, [...x.sanctions]])).toEqual(
      exact.units.map((x) => [x.unitId, x.result.sanctions.map((s) => s.id)]),
    );
    // The two on the standing are the exact evaluator's, after ranking, and counted as such;
    // the one on the total is decided on the integers with the unit's score.
    expect(ranked.routes).toMatchObject({
      sanctionsExact: 2 * UNITS.length,
      sanctionsFast: UNITS.length,
    });
  });

  it('percentile_rank counts only the units strictly below: ties share it, the first of n is 100 × (n−1) ÷ n', () => {
    const p = parseRuleSet(
      doc({
        counters: [
          { id: 'p80', label: '80', when: 'percentile_rank() == 80' },
          { id: 'p20', label: '20', when: 'percentile_rank() == 20' },
          { id: 'p0', label: '0', when: 'percentile_rank() == 0' },
        ],
        sanctions: [],
      }),
    );
    if (!p.ok) throw new Error(JSON.stringify(p.issues));
    const out = scoreCohort(compileRuleSet(p.value), UNITS);
    const hits = Object.fromEntries(
      out.units.map((x) => [x.unitId, x.result.counters.filter((c) => c.counts).map((c) => c.id)]),
    );
    // a 4 below of 5 → 80; b 3 → 60 (none); c, d 1 → 20; e 0 → 0.
    expect(hits).toEqual({ a: ['p80'], b: [], c: ['p20'], d: ['p20'], e: ['p0'] });
  });

  it('a unit scored alone carries its counts over, says why, and leaves the sanction on them open', () => {
    const r = scoreUnit(compiled(), UNITS[2] as UnitInput);
    expect(r.counters[0]).toMatchObject({
      id: 'bottom2',
      counts: null,
      consecutive: 2,
      cumulative: 3,
    });
    expect(r.issues.find((i) => i.path === 'counters.bottom2')?.message.zh).toBe(
      '计数器「排名后两位」按排名或等次计数,待全部单位排名、评定等次后由考核单位判定;单独计分时本期是否计入无法确定,沿用上期计数',
    );
    expect(r.sanctions).toEqual([]);
    expect(r.issues.filter((i) => i.code === 'sanction-undecided').map((i) => i.path)).toEqual([
      'talk',
      'named',
    ]);
    // Its own figures are complete (as for any sanction on the ranking).
    expect(r.complete).toBe(true);
  });

  it('a cohort with a unit incomplete: every rank is provisional, counts carried, sanctions open', () => {
    const units = [...UNITS.slice(0, 4), u('e', null, UNITS[4]?.counters)];
    const out = scoreCohort(compiled(), units);
    const c = out.units.find((x) => x.unitId === 'c')?.result;
    expect(c?.counters[0]).toMatchObject({ counts: null, consecutive: 2, cumulative: 3 });
    expect(c?.issues.find((i) => i.path === 'counters.bottom2')?.message.zh).toBe(
      '计数器「排名后两位」:有单位数据不完整,排名和等次尚未确定,本期是否计入无法确定,沿用上期计数',
    );
    expect(c?.issues.find((i) => i.path === 'talk')?.message.zh).toBe(
      '无法判定「连续3年或累计5年排名后两位」:计数器「排名后两位」本期是否计入尚未确定',
    );
    // The incomplete unit's grade is pending: its 不合格 counter is undecided too.
    const e = out.units.find((x) => x.unitId === 'e')?.result;
    expect(e?.counters[2]).toMatchObject({ id: 'fail', counts: null, consecutive: 1 });
    expect(out.units.flatMap((x) => x.result.sanctions.map((s) => s.id))).toEqual([]);
  });

  it('is checked where it is written', () => {
    const errs = (over: Record<string, unknown>) =>
      validateRuleSet(doc(over))
        .filter((i) => i.severity === 'error')
        .map((i) => `${i.code}@${i.path}`);
    expect(errs({})).toEqual([]);
    // A sanction on such a counter cannot change the ranking or the grades it follows from.
    expect(errs({ sanctions: [{ ...SANCTIONS[0], level: 'veto' }] })).toEqual([
      'cohort-sanction-level@sanctions[0]',
    ]);
    // A band that is not declared is a typo that would never count.
    expect(
      errs({ counters: [{ ...COUNTERS[2], when: "grade == 'fial'" }], sanctions: [] }),
    ).toEqual(['expr-type@counters[0].when']);
    expect(errs({ grades: undefined, sanctions: [] })).toEqual([
      'grade-without-grades@counters[2].when',
    ]);
    // In an item still refused.
    expect(
      errs({
        sections: [
          {
            code: '一',
            title: '工作',
            points: 100,
            items: [
              {
                code: '1',
                title: '得分',
                points: 100,
                rule: { kind: 'expr', score: 'percentile_rank()' },
              },
            ],
          },
        ],
      }),
    ).toEqual(['standing-misplaced@sections[0].items[0].rule.score']);
  });
});

describe('counters on the standing, against a naive oracle', () => {
  // Without tie-breaks or vetoes, a unit's bottom_rank() is 1 + the units with a lower total, and
  // its percentile_rank() 100 × those ÷ the units: worked out here from the totals alone.
  const rs = compiled();
  const cohort = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 12 });
  const before = fc.record({
    consecutive: fc.integer({ min: 0, max: 3 }),
    extra: fc.integer({ min: 0, max: 3 }),
  });
  it(
    'counts exactly the units the oracle places, and rankCohort decides alike',
    { timeout: 30_000 },
    () => {
      fc.assert(
        fc.property(cohort, fc.array(before, { minLength: 12, maxLength: 12 }), (totals, prior) => {
          const units = totals.map((s, i) => {
            const p = prior[i] ?? { consecutive: 0, extra: 0 };
            const carried = { consecutive: p.consecutive, cumulative: p.consecutive + p.extra };
            return u(`u${String(i).padStart(2, '0')}`, s, { bottom2: carried, low: carried });
          });
          const out = scoreCohort(rs, units);
          for (const x of out.units) {
            const i = Number(x.unitId.slice(1));
            const total = totals[i] as number;
            const below = totals.filter((t) => t < total).length;
            const c = (id: string) => x.result.counters.find((k) => k.id === id);
            expect(c('bottom2')?.counts).toBe(1 + below <= 2);
            expect(c('low')?.counts).toBe((100 * below) / totals.length < 20);
            const p = prior[i] ?? { consecutive: 0, extra: 0 };
            const bottom = c('bottom2');
            expect(bottom?.consecutive).toBe(bottom?.counts ? p.consecutive + 1 : 0);
            expect(bottom?.cumulative).toBe(p.consecutive + p.extra + (bottom?.counts ? 1 : 0));
            // talk: 3 in a row or 5 in all in the bottom two.
            const talk = (bottom?.consecutive ?? 0) >= 3 || (bottom?.cumulative ?? 0) >= 5;
            expect(x.result.sanctions.some((s) => s.id === 'talk')).toBe(talk);
          }
          expect(rankCohort(rs, units).units.map((x) => [x.unitId, [...x.sanctions]])).toEqual(
            out.units.map((x) => [x.unitId, x.result.sanctions.map((s) => s.id)]),
          );
        }),
        { seed: 14055, numRuns: 60 },
      );
    },
  );
});
