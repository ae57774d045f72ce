// Figures as real sheets hold them — rates with 4–6 places, budgets over populations, last
// year's figures in the millions, bounds from the cohort — on the kernels, held to the exact
// evaluator item by item (each item is its own section, so one kernel that disagreed would show).
import { describe, expect, it } from 'vitest';
import { ruleSetHeader } from '@kaohe/test-utils';
import fc from 'fast-check';
import { parseRuleSet } from '../validate/parse.ts';
import { compileRuleSet } from '../score/compile.ts';
import { createUnitScorer, scoreUnit, scoreWith } from '../score/score-unit.ts';
import { buildPeerStats } from '../cohort/peers.ts';
import { scoreCohort } from '../cohort/score-cohort.ts';
import { createLeanScorer } from './score-lean.ts';
import { rankCohort } from './rank-cohort.ts';
import { addRat, gcd, mulRat, parseRat, readRat, scaledText } from './fixed.ts';
import type { RuleSetInput } from '../schema/ruleset.ts';
import { q } from '../exact/exact.ts';

type Item = NonNullable<RuleSetInput['sections']>[number]['items'][number];

const items: Item[] = [
  {
    code: '1',
    title: '下限(4位小数)',
    points: 4,
    rule: {
      kind: 'threshold',
      value: 'r1',
      op: '>=',
      target: 0.92345,
      below: { per: 0.01, points: 0.5, steps: 'each-started' },
    },
  },
  {
    code: '2',
    title: '上限(千分率5位)',
    points: 3,
    rule: {
      kind: 'threshold',
      value: 'c1',
      op: '<=',
      target: 0.008,
      below: { per: 0.0005, points: 1, steps: 'each-started' },
    },
  },
  {
    code: '3',
    title: '相对差距',
    points: 3,
    rule: {
      kind: 'threshold',
      value: 'r2',
      op: '>',
      target: 0.875,
      below: { per: 1.5, points: 0.7, steps: 'pro-rata', gap: 'relative', cap: 2.5 },
    },
  },
  {
    code: '4',
    title: '区间',
    points: 4,
    rule: {
      kind: 'band',
      value: 'sr',
      low: 103,
      high: 107,
      outside: { per: 1, points: 1, steps: 'each-started' },
    },
  },
  {
    code: '5',
    title: '比上年下降(按比例)',
    points: 3,
    rule: {
      kind: 'reduction',
      value: 'd',
      previous: 'p',
      required: [{ pct: 20 }],
      below: { per: 20, points: 3, steps: 'pro-rata', cap: 3 },
    },
  },
  {
    code: '6',
    title: '超出部分下降(分档)',
    points: 5,
    rule: {
      kind: 'reduction',
      value: 'd',
      previous: 'p',
      base: 'p_base',
      required: [
        { to: 1000, pct: 12.5 },
        { from: 1000, pct: 7.25 },
      ],
      below: { per: 1, points: 0.4, steps: 'each-full' },
    },
  },
  {
    code: '7',
    title: '人均经费(按比例)',
    points: 5,
    rule: { kind: 'proportional', value: 'bud / pop', target: 22 },
  },
  {
    code: '8',
    title: '万元折人均',
    points: 4,
    rule: {
      kind: 'threshold',
      value: 'bud_wan * 10000 / pop',
      op: '>=',
      target: 20,
      below: { per: 0.5, points: 0.3, steps: 'pro-rata' },
    },
  },
  {
    code: '9',
    title: '派生率(按规则取舍)',
    points: 4,
    rule: {
      kind: 'threshold',
      value: 'policy * 100 / births',
      op: '>=',
      target: 91.5,
      below: { per: 1, points: 0.5, steps: 'each-started' },
    },
  },
  {
    code: '10',
    title: '斜坡',
    points: 3,
    rule: { kind: 'ramp', value: 'r2', full: 0.98, zero: 0.9 },
  },
  {
    code: '11',
    title: '派生值分档',
    points: 3,
    rule: {
      kind: 'tiers',
      value: 'bud / pop',
      tiers: [
        { op: '>=', than: 22, points: 3 },
        { op: '>=', than: 20.5, points: 1.75 },
      ],
      otherwise: 0.5,
    },
  },
  {
    code: '12',
    title: '公式',
    points: 5,
    rule: { kind: 'expr', score: 'min(5, 3 * r1 + bud / pop / 22)' },
  },
  {
    code: '13',
    title: '取舍后比较',
    points: 2,
    rule: { kind: 'threshold', value: 'round(bud / pop, 1)', op: '>=', target: 22 },
  },
  {
    code: '14',
    title: '对照均值',
    points: 4,
    rule: {
      kind: 'threshold',
      value: 'r1',
      op: '>=',
      target: 'peer_mean(r1)',
      below: { per: 0.005, points: 0.25, steps: 'pro-rata', cap: 3 },
    },
  },
  {
    code: '15',
    title: '对照最优',
    points: 3,
    rule: { kind: 'ramp', value: 'r2', full: 'peer_max(r2)', zero: 0.9, better: 'higher' },
  },
  {
    code: '17',
    title: '超额加分',
    points: 3,
    rule: {
      kind: 'threshold',
      value: 'c1',
      op: '<',
      target: 0.0105,
      below: { per: 0.001, points: 1, steps: 'each-full' },
      above: { per: 0.0004, points: 0.15, steps: 'pro-rata', cap: 1.25 },
    },
    deductions: [{ kind: 'per-case', input: 'cases', each: 0.25 }],
  },
  {
    code: '16',
    title: '门槛与条件',
    points: 2,
    applicable: 'p > 150',
    rule: { kind: 'band', value: 'sr', low: 'peer_min(sr) + 2', high: 110 },
    gates: [{ when: 'c1 > 0.0125', reason: '超过0.0125不得分' }],
  },
  {
    code: '18',
    title: '分段计分(4–6位小数)',
    points: 3,
    rule: {
      kind: 'piecewise',
      value: 'r2',
      breakpoints: [
        { at: 0.9, points: 0 },
        { at: 0.95, points: 2 },
        { at: 0.98, points: 3 },
      ],
      beforeFirst: 'zero',
    },
  },
  {
    code: '19',
    title: '派生值分段计分',
    points: 2,
    rule: {
      kind: 'piecewise',
      value: 'bud / pop',
      breakpoints: [
        { at: 20, points: 0.5 },
        { at: 21.5, points: 1.75 },
        { at: 23, points: 2 },
      ],
      beforeFirst: 'extend',
      afterLast: 'extend',
    },
  },
];

items.push(
  {
    code: '20',
    title: '派生值(人均)',
    points: 2,
    rule: {
      kind: 'threshold',
      value: 'perHead',
      op: '>=',
      target: 21.5,
      below: { per: 0.5, points: 0.5, steps: 'pro-rata' },
    },
  },
  {
    code: '21',
    title: '派生值对照均值',
    points: 3,
    rule: {
      kind: 'threshold',
      value: 'policyRate',
      op: '>=',
      target: 'peer_mean(policyRate)',
      below: { per: 1, points: 0.5, steps: 'each-started', cap: 3 },
    },
  },
  {
    // 累进扣分 (forms 20–23): an escalating scale, then 0.75 more a case; of which those the
    // city found weigh × 2; the sixth case zeroes the item.
    code: '22',
    title: '累进扣分',
    points: 10,
    deductions: [
      {
        kind: 'per-case',
        input: 'found',
        each: 1,
        schedule: [0, 1.5, 2.5],
        increment: 0.75,
        zeroAt: 6,
        multiplied: { input: 'city', factor: 2, cases: 'of-which' },
      },
    ],
  },
  {
    // Besides the cases, those found by the city at × 1.5, capped; a second scale after them.
    code: '23',
    title: '另计加倍扣分',
    points: 5,
    rule: {
      kind: 'threshold',
      value: 'r1',
      op: '>=',
      target: 0.9,
      below: { per: 0.01, points: 0.5, steps: 'pro-rata' },
    },
    deductions: [
      {
        kind: 'per-case',
        input: 'cases',
        each: 0.5,
        multiplied: { input: 'city', factor: 1.5 },
        cap: 2,
      },
      { kind: 'per-case', input: 'found', each: 0.25, schedule: [0.25, 0.5] },
      // By formula (form 21): figures with 4–6 places, and a ratio over a population.
      { kind: 'expr', amount: 'max(0, 0.95 - r1) * 10', cap: 0.5 },
      { kind: 'expr', amount: 'max(0, 22 - bud / pop) * 0.3', direction: 'deduct' },
    ],
  },
);

const json: RuleSetInput = {
  schemaVersion: 1,
  id: 'rational',
  title: '真实数据',
  issuer: '市',
  level: '县',
  year: 2024,
  edition: 1,
  points: items.reduce((s, i) => s + (i.points as number), 0),
  rounding: { scores: { dp: 2, mode: 'half-up' }, rates: { dp: 2, mode: 'half-up' } },
  inputs: [
    { id: 'r1', label: 'r1', unit: 'number' },
    { id: 'r2', label: 'r2', unit: 'number' },
    { id: 'c1', label: 'c1', unit: 'number' },
    { id: 'sr', label: 'sr', unit: 'number' },
    { id: 'd', label: 'd', unit: 'number' },
    { id: 'p', label: 'p', unit: 'number', source: 'previous' },
    { id: 'p_base', label: 'p_base', unit: 'number' },
    { id: 'bud', label: 'bud', unit: '元' },
    { id: 'bud_wan', label: 'bud_wan', unit: '万元' },
    { id: 'pop', label: 'pop', unit: '人' },
    { id: 'policy', label: 'policy', unit: 'count' },
    { id: 'births', label: 'births', unit: 'count' },
    { id: 'cases', label: 'cases', unit: 'count', blankMeans: 0 },
    { id: 'found', label: '查实例数', unit: 'count', blankMeans: 0 },
    { id: 'city', label: '市级查实', unit: 'count', blankMeans: 0 },
  ],
  // Named derived values: money a head rounded half even, and a rate of counts read by peers.
  derived: [
    {
      id: 'perHead',
      label: '人均经费',
      unit: '元',
      expression: 'bud / pop',
      rounding: { dp: 2, mode: 'half-even' },
    },
    { id: 'policyRate', label: '政策率', unit: '%', expression: 'policy * 100 / births' },
  ],
  sections: items.map((item, i) => ({
    code: `S${i + 1}`,
    title: item.title,
    points: item.points,
    items: [item],
  })),
  sanctions: [
    { id: 'v', level: 'veto', when: 'r1 < 0.88 && bud / pop < 19.5', reason: '否决' },
    { id: 'nc', level: 'no-commendation', when: 'total < 30', reason: '不予评先' },
  ],
};
const parsed = parseRuleSet(json);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const rs = compileRuleSet(parsed.value);

/** A decimal with `dp` places between lo and hi, as text. */
const decimal = (lo: number, hi: number, dp: number) =>
  fc
    .integer({ min: Math.round(lo * 10 ** dp), max: Math.round(hi * 10 ** dp) })
    .map((i) => scaledText(i, dp));
const places = fc.integer({ min: 4, max: 6 });

/** One unit's figures: rates with 4–6 places, a previous year up to ten million. */
const unitValues = fc
  .record({
    r1: places.chain((dp) => decimal(0.86, 1, dp)),
    r2: places.chain((dp) => decimal(0.88, 1, dp)),
    c1: places.chain((dp) => decimal(0.006, 0.014, dp)),
    sr: decimal(98, 125, 1),
    big: fc.boolean(),
    pScale: fc.double({ min: 0, max: 1, noNaN: true }),
    dRatio: fc.double({ min: 0.6, max: 1.15, noNaN: true }),
    baseRatio: fc.double({ min: 0, max: 1.05, noNaN: true }),
    pop: fc.integer({ min: 50_000, max: 500_000 }),
    perHead: fc.double({ min: 17, max: 27, noNaN: true }),
    births: fc.integer({ min: 0, max: 4000 }),
    policyShare: fc.double({ min: 0.85, max: 1, noNaN: true }),
    cases: fc.integer({ min: 0, max: 3 }),
    found: fc.integer({ min: 0, max: 7 }),
    city: fc.integer({ min: 0, max: 7 }),
  })
  .map((g) => {
    // Last year's figure: a few hundred cases, or millions (yuan, with fen).
    const p = g.big ? Math.round(1e8 + g.pScale * 9e8) / 100 : 100 + Math.floor(400 * g.pScale);
    const d = g.big ? Math.round(p * g.dRatio * 100) / 100 : Math.floor(p * g.dRatio);
    const bud = Math.floor(g.pop * g.perHead);
    return {
      r1: g.r1,
      r2: g.r2,
      c1: g.c1,
      sr: g.sr,
      p: String(p),
      d: String(d),
      p_base: String(Math.floor(p * g.baseRatio)),
      bud,
      bud_wan: (Math.round(bud / 100) / 100).toFixed(2),
      pop: g.pop,
      policy: Math.floor(g.births * g.policyShare),
      births: g.births,
      cases: g.cases,
      found: g.found,
      // Of which the city found: never more than were found (more cannot be judged).
      city: Math.min(g.city, g.found),
    };
  });

describe('real figures on the kernels', () => {
  it(
    'scores every item exactly as scoreUnit does, on the fast route only',
    { timeout: 60_000 },
    () => {
      fc.assert(
        fc.property(fc.array(unitValues, { minLength: 2, maxLength: 12 }), (rows) => {
          const units = rows.map((values, i) => ({ id: `u${i}`, name: `单位${i}`, values }));
          const ctx = { peers: buildPeerStats(rs, units).stats };
          const lean = createLeanScorer(rs);
          for (const unit of units) {
            const full = scoreUnit(rs, unit, ctx);
            const fast = lean(unit, ctx);
            // Item by item (one per section), to the last digit.
            expect(fast.sections.map((s) => (s === null ? null : scaledText(s, 2)))).toEqual(
              full.sections.map((s) => s.score),
            );
            expect([fast.total, fast.complete, fast.vetoed, fast.noCommendation]).toEqual([
              full.total,
              full.complete,
              full.vetoed,
              full.noCommendation,
            ]);
          }
          // Births of 0 make the derived rates a division by zero: only the exact evaluator reports
          // that (cannot-compute), at the two items that read policy ÷ births (one as a formula,
          // one as the named value policyRate). Every other figure stays on the kernels.
          const zeroBirths = rows.filter((r) => r.births === 0).length;
          expect(lean.routes.exact).toBe(2 * zeroBirths);
          expect(lean.routes.fast).toBe(units.length * items.length - 2 * zeroBirths);
        }),
        { numRuns: 300, seed: 13 },
      );
    },
  );

  it(
    'ranks and grades a cohort as scoreCohort does, all on the kernels',
    { timeout: 60_000 },
    () => {
      fc.assert(
        fc.property(fc.array(unitValues, { minLength: 1, maxLength: 20 }), (rows) => {
          const units = rows.map((values, i) => ({
            id: `u${i}`,
            name: `单位${i}`,
            values: { ...values, births: Math.max(1, values.births) },
          }));
          const full = scoreCohort(rs, units);
          const fast = rankCohort(rs, units);
          const row = (u: (typeof fast.units)[number] | (typeof full.units)[number]) => [
            u.unitId,
            u.rank,
            u.total,
            u.vetoed,
            u.noCommendation,
            u.complete,
          ];
          expect(fast.units.map(row)).toEqual(full.units.map(row));
          expect(fast.routes).toEqual({
            fast: units.length * items.length,
            exact: 0,
            // Its two sanctions, on a figure and on the total, decided on the integers.
            sanctionsFast: 2 * units.length,
            sanctionsExact: 0,
          });
        }),
        { numRuns: 150, seed: 14 },
      );
    },
  );

  it('scores escalating, multiplied and zeroing cases on the kernels; a mistyped huge count exactly', () => {
    const at = items.findIndex((i) => i.code === '22');
    const [values] = fc.sample(unitValues, { numRuns: 1, seed: 22 });
    const score = (found: number, city: number) => {
      const unit = { id: 'u', name: 'u', values: { ...values, births: 10, found, city } };
      const lean = createLeanScorer(rs);
      const fast = lean(unit, {});
      const full = scoreUnit(rs, unit, {});
      const item = full.sections[at]!.items[0]!;
      expect(fast.sections[at] === null ? null : scaledText(fast.sections[at]!, 2)).toBe(
        item.score,
      );
      return { item, exact: lean.routes.exact };
    };
    // 4 cases: 0 + 1.5 + 2.5, then 2.5 + 0.75 = 3.25 → 7.25; of which 1 the city found, × 2:
    // 1 more → 8.25 deducted, 10 − 8.25 = 1.75. Worked out by hand.
    const four = score(4, 1);
    expect([four.item.score, four.item.status, four.exact]).toEqual(['1.75', 'partly-met', 0]);
    expect(four.item.reason.zh).toContain(
      '查实例数4例,按累进标准扣7.25分;其中市级查实1例按2倍计,再扣1分',
    );
    // The sixth case zeroes the item, said after the deduction.
    const six = score(6, 0);
    expect([six.item.score, six.item.status, six.exact]).toEqual(['0', 'gated', 0]);
    expect(six.item.reason.zh).toContain('查实例数6例,达到6例,此项不得分');
    // 30,000,000 cases (a slip of the keyboard): the escalation's sum leaves the safe range, the
    // exact evaluator scores it — the same 0, gated, without a cost in time.
    const huge = score(30_000_000, 0);
    expect([huge.item.score, huge.item.status, huge.exact]).toEqual(['0', 'gated', 1]);
  });

  it('reads met() of an item its case count zeroes as the exact path does: gated is not met', () => {
    // 0 points, the first two cases free, the second zeroes: scores 0 (its points) yet is gated.
    const p = parseRuleSet({
      ...ruleSetHeader({ id: 'met-zeroed', title: '达到例数不得分' }),
      points: 5,
      inputs: [
        { id: 'n', label: '例数', unit: 'count' },
        { id: 'ok', label: '达标', unit: 'yesno' },
      ],
      sections: [
        {
          code: '一',
          title: '一',
          points: 5,
          items: [
            {
              code: '1',
              title: '违规',
              points: 0,
              min: -5,
              deductions: [{ kind: 'per-case', input: 'n', each: 1, schedule: [0, 0], zeroAt: 2 }],
            },
            { code: '2', title: '达标', points: 5, rule: { kind: 'yesno', input: 'ok' } },
          ],
        },
      ],
      sanctions: [{ id: 'nm', level: 'notice', when: "!met('一.1')", reason: '违规' }],
    });
    if (!p.ok) throw new Error(JSON.stringify(p.issues.map((i) => i.message.en)));
    const z = compileRuleSet(p.value);
    const units = [0, 1, 2].map((n) => ({ id: `u${n}`, name: `u${n}`, values: { n, ok: true } }));
    const held = (r: { unitId: string; sanctions: readonly unknown[] }) => [r.unitId, r.sanctions];
    const full = scoreCohort(z, units);
    expect(full.units.find((u) => u.unitId === 'u2')?.result.sections[0]?.items[0]?.status).toBe(
      'gated',
    );
    expect(rankCohort(z, units).units.map(held).sort()).toEqual(
      full.units
        .map((u) => held({ unitId: u.unitId, sanctions: u.result.sanctions.map((x) => x.id) }))
        .sort(),
    );
  });

  it('scores proportional credit under points below 0 on the kernels: nothing, as the exact path', () => {
    // max(0, min(−2, −2 × v / 10)) is 0 whatever v is; the item is then held to its −2 and −5.
    const p = parseRuleSet({
      ...ruleSetHeader({ id: 'negative-points', title: '负分值按比例' }),
      points: -2,
      inputs: [{ id: 'v', label: '完成数', unit: 'number' }],
      sections: [
        {
          code: '一',
          title: '一',
          points: -2,
          items: [
            {
              code: '1',
              title: '按比例',
              points: -2,
              min: -5,
              rule: { kind: 'proportional', value: 'v', target: 10 },
            },
          ],
        },
      ],
    });
    if (!p.ok) throw new Error(JSON.stringify(p.issues.map((i) => i.message.en)));
    const z = compileRuleSet(p.value);
    const lean = createLeanScorer(z);
    for (const v of ['0', '5', '12', '0.3333']) {
      const unit = { id: 'u', name: 'u', values: { v } };
      const full = scoreUnit(z, unit);
      const fast = lean(unit, {});
      expect(fast.sections.map((x) => (x === null ? null : scaledText(x, 2)))).toEqual(
        full.sections.map((x) => x.score),
      );
      expect(JSON.stringify(scoreWith(z, createUnitScorer(z, unit)))).toBe(
        JSON.stringify(scoreWith(z, createUnitScorer(z, unit, {}, { kernels: false }))),
      );
    }
    expect(lean.routes).toEqual({ fast: 4, exact: 0, sanctionsFast: 0, sanctionsExact: 0 });
  });

  it('asks the exact evaluator for scores and statuses only: the same as with reasons, no words built', () => {
    fc.assert(
      fc.property(unitValues, fc.boolean(), (values, noBirths) => {
        const unit = {
          id: 'u',
          name: 'u',
          values: { ...values, births: noBirths ? 0 : values.births },
        };
        const ctx = { peers: buildPeerStats(rs, [unit]).stats };
        const loud = createUnitScorer(rs, unit, ctx);
        const quiet = createUnitScorer(rs, unit, ctx, { reasons: false });
        for (const item of rs.byPath.values()) {
          const a = loud.evaluate(item);
          const b = quiet.evaluate(item);
          expect([b.score, b.max, b.status, b.missingInputs]).toEqual([
            a.score,
            a.max,
            a.status,
            a.missingInputs,
          ]);
          // What the quiet mode leaves out: the inputs shown, every figure in the words.
          expect(b.inputs).toEqual({});
          expect(b.adjustments.map((x) => x.amount)).toEqual(a.adjustments.map(() => ''));
          // (the gate's reason is the rule set's own text, figure and all)
          expect(b.reason.zh.replace('超过0.0125不得分', '')).not.toMatch(/\d\.\d|\d分/);
        }
      }),
      { numRuns: 200, seed: 15 },
    );
  });

  it('multiplies and adds rationals exactly, failing only where the result in lowest terms would not fit', () => {
    const g = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : g(b, a % b));
    const max = BigInt(Number.MAX_SAFE_INTEGER);
    const fits = (x: bigint): boolean => (x < 0n ? -x : x) <= max;
    /** n / d in lowest terms (d > 0). */
    const lowest = (n: bigint, d: bigint): [bigint, bigint] => {
      const k = g(n, d);
      return [n / k, d / k];
    };
    // Operands as they come on the kernels: not always in lowest terms (a common factor k), in
    // the millions and past 2^31, with denominators from powers of ten to populations.
    const operand = fc
      .tuple(
        fc.oneof(
          fc.integer({ min: -1e6, max: 1e6 }),
          fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
        ),
        fc.oneof(fc.constantFrom(1, 10, 100, 1e4, 1e6), fc.integer({ min: 1, max: 2 ** 32 })),
        fc.oneof(fc.constant(1), fc.integer({ min: 2, max: 2 ** 24 })),
      )
      .filter(([n, d, k]) => Number.isSafeInteger(n * k) && Number.isSafeInteger(d * k))
      .map(([n, d, k]) => [n * k, d * k] as const);
    const out = { n: 0, d: 1 };
    fc.assert(
      fc.property(operand, operand, ([a, b], [c, d]) => {
        const [A, B, C, D] = [a, b, c, d].map(BigInt) as [bigint, bigint, bigint, bigint];
        // a/b × c/d: fits exactly when the product in lowest terms does.
        const [pn, pd] = lowest(A * C, B * D);
        const mul = mulRat(a, b, c, d, out);
        expect(mul).toBe(fits(pn) && fits(pd));
        if (mul) expect(lowest(BigInt(out.n), BigInt(out.d))).toEqual([pn, pd]);
        // a/b + c/d: exact whenever it answers; it answers at least when the operands in lowest
        // terms, over their least common denominator, fit.
        const [a1, b1] = lowest(A, B);
        const [c1, d1] = lowest(C, D);
        const l = (b1 / g(b1, d1)) * d1;
        const x = a1 * (l / b1);
        const y = c1 * (l / d1);
        const [sn, sd] = lowest(A * D + C * B, B * D);
        const add = addRat(a, b, c, d, out);
        if (fits(x) && fits(y) && fits(l) && fits(x + y)) expect(add).toBe(true);
        if (add) expect(lowest(BigInt(out.n), BigInt(out.d))).toEqual([sn, sd]);
      }),
      { numRuns: 20_000, seed: 23 },
    );
  });

  it('finds greatest common divisors on int32 and past 2^31 alike', () => {
    const big = (a: bigint, b: bigint): bigint => (b === 0n ? a : big(b, a % b));
    fc.assert(
      fc.property(
        fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.integer({ min: 0, max: 2 ** 33 })),
        fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.integer({ min: 0, max: 2 ** 33 })),
        (a, b) => {
          const abs = (x: number) => BigInt(Math.abs(x));
          expect(BigInt(gcd(a, b))).toBe(big(abs(a), abs(b)));
        },
      ),
      { numRuns: 5000, seed: 17 },
    );
  });

  it('reads plain decimal text as the exact parser does, short and long, or refuses it', () => {
    const out = { n: 0, d: 1 };
    // The exact parser's grammar (-?digits[.digits]) and its value; parseRat may refuse only a
    // figure past the safe range (more than 15 places, or digits past 2^53).
    const check = (text: string): void => {
      const read = parseRat(text, out);
      const exact = /^-?\d+(\.\d+)?$/.test(text) ? q(text) : undefined;
      if (!exact) {
        expect(read).toBe(false);
        return;
      }
      const digits = text.replace(/[-.]/g, '').replace(/^0+/, '');
      const places = text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
      if (places <= 15 && BigInt(digits || '0') <= BigInt(Number.MAX_SAFE_INTEGER))
        expect(read).toBe(true);
      if (!read) return;
      // The same value, as digits over a power of ten with no trailing zero.
      expect(q(out.n).div(out.d).equals(exact)).toBe(true);
      expect(out.d === 1 || out.n % 10 !== 0).toBe(true);
      expect(Number.isInteger(Math.log10(out.d))).toBe(true);
    };
    for (const t of [
      '',
      '-',
      '.',
      '-.',
      '.5',
      '5.',
      '-5.',
      '1..2',
      '1.2.3',
      '0',
      '-0',
      '-0.0',
      '007',
      '0.50',
      '12a',
      ' 1',
      '1 ',
      '+1',
      '1e5',
      '999999999999999',
      '9999999999999999',
      '9007199254740991',
      '9007199254740992',
      '0.000000000000001',
      '0.0000000000000001',
      '-123456789012345',
      '-1234567890123456',
      '12345678901234.5',
      '0.123456789012345',
    ])
      check(t);
    const digit = fc.constantFrom('0', '1', '2', '5', '9');
    fc.assert(
      fc.property(
        fc.array(fc.oneof(digit, digit, digit, fc.constantFrom('.', '-', 'x')), { maxLength: 20 }),
        (chars) => {
          check(chars.join(''));
        },
      ),
      { numRuns: 20_000, seed: 19 },
    );
  });

  it('reads a JS number as the decimal it is spelt as, without spelling it', () => {
    const viaText = { n: 0, d: 1 };
    const direct = { n: 0, d: 1 };
    fc.assert(
      fc.property(
        fc.oneof(
          fc
            .integer({ min: 0, max: 15 })
            .chain((dp) => fc.integer({ min: -1e12, max: 1e12 }).map((i) => i / 10 ** dp)),
          fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }),
        ),
        (x) => {
          const readable = parseRat(String(x), viaText);
          const ok = readRat(x, direct);
          if (readable) expect([ok, direct.n, direct.d]).toEqual([true, viaText.n, viaText.d]);
          // Spelt with an exponent (1e-7): read only when it is the very decimal the exact reader
          // makes of it.
          else if (ok) expect(q(direct.n).div(direct.d).equals(q(x))).toBe(true);
        },
      ),
      { numRuns: 20_000, seed: 16 },
    );
    expect(readRat(1e-7, direct) && [direct.n, direct.d]).toEqual([1, 1e7]);
    // 0.1 + 0.2 is spelt 0.30000000000000004: past the safe range, the exact reader takes it
    expect(readRat(0.1 + 0.2, direct)).toBe(false);
  });

  it('hands an item whose product would leave the safe range to the exact evaluator, checked and scored the same', () => {
    const values = {
      // 15 places: the gap 0.92345 − r1 over 1e15, in steps of 1/100, is past the safe range
      r1: '0.123456789012345',
      r2: '0.95',
      c1: '0.009',
      sr: '105',
      d: '90',
      p: '120',
      p_base: '0',
      bud: 2_000_000,
      bud_wan: '200',
      pop: 90_000,
      policy: 95,
      births: 100,
      cases: 0,
    };
    const unit = { id: 'u', name: 'u', values };
    const ctx = { peers: buildPeerStats(rs, [unit]).stats };
    const lean = createLeanScorer(rs);
    const fast = lean(unit, ctx);
    const full = scoreUnit(rs, unit, ctx);
    expect(fast.sections.map((x) => (x === null ? null : scaledText(x, 2)))).toEqual(
      full.sections.map((x) => x.score),
    );
    expect(fast.total).toBe(full.total);
    // Item 1 (r1 against 0.92345) is the exact evaluator's; the others that read r1 fit.
    expect(lean.routes.exact).toBe(1);
  });

  it('keeps an item on the kernels whose figures fit in lowest terms, though not as they came', () => {
    // bud / pop = 3 × 2^40 / 2^40 = 3 a head. Held as it came (the products are not reduced
    // while they fit), the proportional item's share 3 / 22 × 500 hundredths has a denominator
    // of 22 × 2^40 ≈ 2.4e13, and points × that leaves 2^53; in lowest terms it is 750 / 11.
    const values = {
      r1: '0.95',
      r2: '0.95',
      c1: '0.009',
      sr: '105',
      d: '90',
      p: '120',
      p_base: '0',
      bud: 3 * 2 ** 40,
      bud_wan: '200',
      pop: 2 ** 40,
      policy: 95,
      births: 100,
      cases: 0,
    };
    const unit = { id: 'u', name: 'u', values };
    const ctx = { peers: buildPeerStats(rs, [unit]).stats };
    const lean = createLeanScorer(rs);
    const fast = lean(unit, ctx);
    const full = scoreUnit(rs, unit, ctx);
    expect(fast.sections.map((x) => (x === null ? null : scaledText(x, 2)))).toEqual(
      full.sections.map((x) => x.score),
    );
    // Item 7: 5 × 3 / 22 = 0.6818… → 0.68
    expect(full.sections[6]?.score).toBe('0.68');
    expect(fast.total).toBe(full.total);
    expect(lean.routes.exact).toBe(0);
  });

  it('gets the worked cases right to the digit', () => {
    const ctx = {
      peers: buildPeerStats(rs, [
        {
          id: 'x',
          name: 'x',
          values: { r1: '0.95', r2: '0.99', sr: '104', bud: 1, pop: 1, births: 1 },
        },
      ]).stats,
    };
    const values = {
      r1: '0.91345',
      r2: '0.9',
      c1: '0.0081',
      sr: '108.3',
      // 3,600,000.00 last year, 3,420,000.00 now: cut 5 % of 20 % → 3 × 0.05 / 0.2 = 0.75
      p: '3600000',
      d: '3420000.00',
      p_base: '0',
      // 18,000,001 / 818,182 = 21.99999… per head: short of 22 by 3 / 818,182
      bud: 18_000_001,
      bud_wan: '1800.0001',
      pop: 818_182,
      policy: 2,
      births: 3,
    };
    const fast = createLeanScorer(rs)({ id: 'u', name: 'u', values }, ctx);
    const full = scoreUnit(rs, { id: 'u', name: 'u', values }, ctx);
    const s = (i: number) => scaledText(fast.sections[i] as number, 2);
    // 1: 0.92345 − 0.91345 = 0.01: one step started → 4 − 0.5 = 3.5
    expect(s(0)).toBe('3.5');
    // 2: 0.0081 − 0.008 = 0.0001 < 0.0005: one step started → 3 − 1 = 2
    expect(s(1)).toBe('2');
    // 4: 108.3 − 107 = 1.3: two steps started → 4 − 2 = 2
    expect(s(3)).toBe('2');
    // 5: cut (3600000 − 3420000) / 3600000 = 5 %; 3 − (20 − 5) / 20 × 3 = 0.75
    expect(s(4)).toBe('0.75');
    // 7: 5 × (18000001 / 818182) / 22 = 90000005 / 18000004 = 4.99999… → 5.00 (half-up)
    expect(s(6)).toBe('5');
    // 8: 1800.0001 × 10000 / 818182 = 18000001 / 818182 ≥ 20: full 4
    expect(s(7)).toBe('4');
    // 9: 2 × 100 / 3 = 66.666… → 66.67 % (rates to 2 places); 91.5 − 66.67 = 24.83 → 25 steps
    //    of 0.5 = 12.5 > 4 → 0 (no item below 0)
    expect(s(8)).toBe('0');
    // 11: 21.99999… < 22, ≥ 20.5 → 1.75
    expect(s(10)).toBe('1.75');
    // 13: round(21.99999…, 1) = 22.0 ≥ 22 → 2
    expect(s(12)).toBe('2');
    // 14: the cohort's mean r1 is 0.95: 0.95 − 0.91345 = 0.03655 → 0.03655 / 0.005 × 0.25
    //    = 1.8275 → 4 − 1.8275 = 2.1725 → 2.17
    expect(s(13)).toBe('2.17');
    expect(fast.sections.map((x) => (x === null ? null : scaledText(x, 2)))).toEqual(
      full.sections.map((x) => x.score),
    );
  });
});
