import { describe, expect, it, onTestFinished } from 'vitest';
import fc from 'fast-check';
import { parseRuleSet } from '../validate/parse.ts';
import { compileRuleSet } from '../score/compile.ts';
import { createUnitScorer, scoreUnit, scoreWith } from '../score/score-unit.ts';
import { createLeanScorer } from './score-lean.ts';
import { forceReading } from './frame.ts';
import { roundDiv, scaledText, toMicro } from './fixed.ts';
import { fmt, q } from '../exact/exact.ts';
import type { RuleSetInput } from '../schema/ruleset.ts';
import type { UnitInput } from '../model/result.ts';

// Every shape the kernels take, plus shapes they hand to the exact evaluator.
const json: RuleSetInput = {
  schemaVersion: 1,
  id: 'lean',
  title: '快速路径',
  pointsMismatch: '总分77分,各部分合计79分(农场78分)',
  issuer: '市',
  level: '县',
  year: 2015,
  edition: 1,
  points: 77,
  rounding: { scores: { dp: 2, mode: 'half-up' }, rates: { dp: 1, mode: 'half-up' } },
  classes: [
    { id: 'town', label: '乡镇' },
    { id: 'farm', label: '农场' },
  ],
  inputs: [
    { id: 'a', label: 'a', unit: '%' },
    { id: 'b', label: 'b', unit: '‰' },
    { id: 'c', label: 'c', unit: 'number' },
    { id: 'y', label: 'y', unit: 'yesno', evidence: true },
    { id: 'z', label: 'z', unit: 'yesno', evidence: true },
    { id: 'n', label: 'n', unit: 'count', blankMeans: 0 },
    { id: 'budget', label: 'budget', unit: '元' },
    { id: 'pop', label: 'pop', unit: '人' },
    { id: 'sr', label: 'sr', unit: 'number' },
    { id: 'sr_prev', label: 'sr_prev', unit: 'number', source: 'previous' },
    {
      id: 'st',
      label: 'st',
      unit: 'choice',
      choices: [
        { value: 'late', label: '逾期' },
        { value: 'none', label: '未报' },
        { value: 'ok', label: '按时' },
      ],
    },
  ],
  sections: [
    {
      code: '一',
      title: '甲',
      points: 24,
      items: [
        {
          code: '1',
          title: '下限',
          points: 4,
          rule: {
            kind: 'threshold',
            value: 'a',
            op: '>=',
            target: 92,
            below: { per: 1, points: 0.5, steps: 'each-started' },
          },
          deductions: [{ kind: 'per-case', input: 'n', each: 0.7 }],
        },
        {
          code: '2',
          title: '上限',
          points: 3,
          rule: {
            kind: 'threshold',
            value: 'b',
            op: '<=',
            target: 8,
            below: { per: 0.1, points: 0.3, steps: 'pro-rata', cap: 2 },
          },
        },
        {
          code: '3',
          title: '区间',
          points: 3,
          rule: {
            kind: 'band',
            value: 'c',
            low: 103,
            high: 107,
            outside: { per: 1, points: 1, steps: 'each-full' },
          },
        },
        {
          code: '4',
          title: '斜坡',
          points: 3,
          rule: { kind: 'ramp', value: 'b', full: 3, zero: 7 },
        },
        {
          code: '5',
          title: '比例',
          points: 3,
          rule: { kind: 'proportional', value: 'c', target: 110 },
        },
        { code: '6', title: '是否', points: 2, rule: { kind: 'yesno', input: 'y' } },
        {
          code: '7',
          title: '人均',
          points: 3,
          rule: { kind: 'threshold', value: 'budget / pop', op: '>=', target: 22 },
        },
        {
          code: '8',
          title: '倒扣',
          points: 3,
          min: -5,
          deductions: [{ kind: 'per-case', input: 'n', each: 1.5 }],
        },
      ],
    },
    {
      code: '三',
      title: '丙',
      points: 17,
      items: [
        {
          code: '1',
          title: '父项',
          points: 5,
          pointsMismatch: '三.1 的小项合计6分,按上限5分计',
          items: [
            {
              code: '(1)',
              title: '档次',
              points: 3,
              rule: {
                kind: 'tiers',
                value: 'c',
                tiers: [
                  { op: '>=', than: 110, points: 3 },
                  { op: '>=', than: 100, points: 1.5 },
                ],
              },
            },
            {
              code: '(2)',
              title: '结果',
              points: 3,
              rule: {
                kind: 'tiers',
                value: 'st',
                tiers: [
                  { equals: 'ok', points: 3 },
                  { equals: 'late', points: 1 },
                ],
              },
            },
          ],
        },
        {
          code: '3',
          title: '按类别考核',
          points: 5,
          pointsByClass: { farm: 'not-assessed' },
          items: [
            { code: '(1)', title: '是否', points: 2, rule: { kind: 'yesno', input: 'z' } },
            {
              code: '(2)',
              title: '细分扣分',
              points: 3,
              rule: {
                kind: 'threshold',
                value: 'n',
                op: '<=',
                target: 1,
                below: { per: 1, points: 0.375, steps: 'each-full' },
              },
            },
          ],
        },
        {
          code: '2',
          title: '状态',
          points: 7,
          deductions: [
            { kind: 'state', input: 'st', amounts: { late: 0.5, none: 1 } },
            { kind: 'state', input: 'y', amounts: { no: 2.25 } },
          ],
        },
      ],
    },
    {
      code: '四',
      title: '丁',
      points: 8,
      items: [
        {
          code: '1',
          title: '下降',
          points: 5,
          rule: {
            kind: 'reduction',
            value: 'sr',
            previous: 'sr_prev',
            base: 107,
            required: [
              { from: 107, to: 120, pct: 10 },
              { from: 120, pct: 12 },
            ],
            below: { per: 1, points: 0.4, steps: 'each-started' },
          },
        },
        {
          code: '2',
          title: '门槛',
          points: 3,
          rule: { kind: 'threshold', value: 'a', op: '>=', target: 'c - 20' },
          gates: [{ when: 'n >= 5', reason: '达到5例不记分' }],
        },
      ],
    },
    // Containers whose sub-items may not apply (a reduction with nothing to reduce), nested two
    // deep, in a section rescaled over the items that apply (so a container's maximum counts).
    {
      code: '五',
      title: '戊',
      points: 8,
      notApplicable: 'rescale',
      items: [
        {
          code: '1',
          title: '嵌套',
          points: 6,
          pointsMismatch: '五.1 的小项合计7分,按上限6分计',
          items: [
            {
              code: '(1)',
              title: '下降',
              points: 4,
              rule: {
                kind: 'reduction',
                value: 'sr',
                previous: 'sr_prev',
                base: 107,
                required: [{ from: 107, pct: 10 }],
                below: { per: 1, points: 1, steps: 'each-full' },
              },
            },
            {
              code: '(2)',
              title: '小计',
              points: 3,
              pointsMismatch: '五.1.(2) 的小项合计4分,按上限3分计',
              items: [
                { code: '①', title: '是否', points: 2, rule: { kind: 'yesno', input: 'z' } },
                {
                  code: '②',
                  title: '上限',
                  points: 2,
                  min: -1,
                  rule: {
                    kind: 'threshold',
                    value: 'b',
                    op: '<=',
                    target: 8,
                    below: { per: 1, points: 1.5, steps: 'each-started' },
                  },
                },
              ],
            },
          ],
        },
        {
          code: '2',
          title: '比例',
          points: 2,
          rule: { kind: 'proportional', value: 'c', target: 110 },
        },
      ],
    },
    // A ramp whose full end is worked out per unit (it may fall on the wrong side of the zero
    // end), and a rate whose denominator may be 0 (a case count).
    {
      code: '六',
      title: '己',
      points: 6,
      items: [
        {
          code: '1',
          title: '斜坡',
          points: 3,
          rule: { kind: 'ramp', value: 'b', full: 'c - 100', zero: 7, better: 'lower' },
        },
        {
          code: '2',
          title: '比率',
          points: 3,
          rule: { kind: 'threshold', value: 'c * 100 / n', op: '>=', target: 2000 },
        },
      ],
    },
    // Rescaled to the points of the unit's own class (farms 20, towns 16).
    {
      code: '二',
      title: '乙',
      points: 16,
      pointsByClass: { farm: 20 },
      notApplicable: 'rescale',
      items: [
        {
          code: '1',
          title: '条件',
          points: 8,
          applicable: 'y',
          rule: { kind: 'threshold', value: 'a', op: '>=', target: 80 },
        },
        {
          code: '2',
          title: '公式',
          points: 8,
          pointsByClass: { farm: 12 },
          rule: { kind: 'expr', score: 'min(8, c / 20)' },
        },
      ],
    },
  ],
  bonus: {
    cap: 1.5,
    items: [
      {
        code: '1',
        title: '奖',
        points: 2,
        rule: { kind: 'threshold', value: 'a', op: '>=', target: 99 },
      },
    ],
  },
  sanctions: [
    { id: 'v', level: 'veto', when: 'b > 12', reason: '否决' },
    { id: 'nc', level: 'no-commendation', when: 'total < 20', reason: '不予评先' },
    { id: 'ramp', level: 'notice', when: "!met('六.1')", reason: '斜坡未满分' },
  ],
};

const parsed = parseRuleSet(json);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const rs = compileRuleSet(parsed.value);
const lean = createLeanScorer(rs);
/** Fills one result for every unit (rankCohort's): it must carry nothing from one to the next. */
const reusing = createLeanScorer(rs, { reuse: true });
const somePaths = [...rs.byPath.keys()].slice(0, 4);

const decimal = (lo: number, hi: number, dp: number) =>
  fc.integer({ min: lo * 10 ** dp, max: hi * 10 ** dp }).map((i) => scaledText(i, dp));
const maybe = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 9, arbitrary: arb }, { weight: 1, arbitrary: fc.constant(null) });

/** One unit's figures for every input of the rule set above, each within its range. */
const FIGURES = {
  a: '93.125',
  b: '7.25',
  c: '104.5',
  y: true,
  z: true,
  n: 2,
  budget: '2000000',
  pop: '81817',
  st: 'late',
  sr: '110.5',
  sr_prev: '113.75',
};

/** scoreUnit's result through the exact evaluator alone: scoreUnit's own kernels read the unit
 *  through a frame too, which would read it the same (wrong) way as the frame under test. */
const exactly = (unit: UnitInput) =>
  scoreWith(rs, createUnitScorer(rs, unit, {}, { kernels: false }));

describe('lean scorer', () => {
  it('counts item evaluations per route as they happen: every leaf of clean figures on the kernels', () => {
    const scorer = createLeanScorer(rs);
    const values = { ...FIGURES, z: false };
    scorer({ id: 'u', name: 'u', values, class: 'farm' });
    // A farm: 23 leaves — 一 8; 三 (1)(2), 3 (not assessed for farms: one evaluation, no
    // sub-items) and 2; 四 2; 五 (1), ①, ② and 2; 六 2; 二 2 (one applicable only where y, one
    // with points by class); the bonus item. Containers only sum. Its three sanctions (on b, on
    // the total, on met('六.1')) are decided on the integers too.
    expect(scorer.routes).toEqual({ fast: 23, exact: 0, sanctionsFast: 3, sanctionsExact: 0 });
    // A town: 三.3 is assessed, its two sub-items count instead: 24.
    scorer({ id: 't', name: 't', values, class: 'town' });
    expect(scorer.routes).toEqual({ fast: 23 + 24, exact: 0, sanctionsFast: 6, sanctionsExact: 0 });
    // Text in a number cell can only be judged by the exact evaluator: the four items that read
    // `a` (一.1, 四.2, 二.1, 加分.1) take it, the other 19 stay on the kernels. The total is then
    // incomplete: the sanction on it is undecided, which the integers tell as well.
    scorer({ id: 'v', name: 'v', values: { ...values, a: '九十' }, class: 'farm' });
    expect(scorer.routes).toEqual({ fast: 47 + 19, exact: 4, sanctionsFast: 9, sanctionsExact: 0 });
    // A class the rule set does not declare: the items with points by class (二.2, 三.3) are the
    // exact path's, which reports it; 21 others on the kernels.
    scorer({ id: 'w', name: 'w', values, class: 'ranch' });
    expect(scorer.routes).toEqual({
      fast: 66 + 21,
      exact: 4 + 2,
      sanctionsFast: 12,
      sanctionsExact: 0,
    });
  });

  it('gives the same totals, sections, completeness and sanctions as scoreUnit, to the digit', () => {
    fc.assert(
      fc.property(
        fc.record({
          a: maybe(decimal(70, 100, 3)),
          b: maybe(decimal(0, 15, 2)),
          c: maybe(decimal(90, 125, 1)),
          y: maybe(fc.boolean()),
          z: maybe(fc.boolean()),
          n: maybe(fc.integer({ min: 0, max: 6 })),
          budget: maybe(decimal(100000, 3000000, 0)),
          pop: decimal(10000, 100000, 0),
          st: maybe(fc.constantFrom('late', 'none', 'ok', '按时', 'bogus')),
          sr: maybe(decimal(100, 135, 2)),
          sr_prev: maybe(decimal(100, 135, 2)),
        }),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('town', 'farm', 'ranch', undefined),
        (values, evidence, zEvidence, cls) => {
          const unit = {
            id: 'u',
            name: 'u',
            values,
            evidence: { y: evidence, z: zEvidence },
            ...(cls === undefined ? {} : { class: cls }),
          };
          const full = scoreUnit(rs, unit);
          const fast = lean(unit);
          expect(fast.total).toBe(full.total);
          expect(fast.sections.map((s) => (s === null ? null : scaledText(s, 2)))).toEqual(
            full.sections.map((s) => s.score),
          );
          expect(fast.complete).toBe(full.complete);
          expect(fast.vetoed).toBe(full.vetoed);
          expect(fast.noCommendation).toBe(full.noCommendation);
          expect(fast.sanctions).toEqual(full.sanctions.map((s) => s.id));
          // The reusing scorer, unit after unit, gives what a fresh result holds.
          const once = lean(unit, undefined, somePaths);
          const filled = reusing(unit, undefined, somePaths);
          expect(filled).toBe(reusing(unit, undefined, somePaths));
          expect({ ...filled, sections: [...filled.sections], items: [...filled.items] }).toEqual(
            once,
          );
        },
      ),
      { numRuns: 600, seed: 20261201 },
    );
  });

  it.each(['walk', 'id', undefined] as const)(
    'reads each value as values[id] and each evidence as evidence[id], whatever the object (reading: %s)',
    (way) => {
      // One scorer for unit after unit (a walk remembers the last unit's key order): keys in
      // another order, keys that are not inputs, inputs absent, a value the object inherits, a
      // value it does not list (non-enumerable), evidence the same ways. Each unit against
      // the exact evaluator alone, read walking the keys, by id, and as the frame chooses by trial.
      forceReading(way);
      onTestFinished(() => forceReading(undefined));
      const scorer = createLeanScorer(rs);
      const base: Record<string, string | number | boolean> = { ...FIGURES };
      const reversed = Object.fromEntries(Object.entries(base).reverse());
      const inherited = Object.assign(Object.create({ a: '71.5', y: false }) as object, {
        ...base,
        a: undefined,
      }) as Record<string, string | number | boolean>;
      delete inherited.a;
      delete inherited.y;
      const hidden = { ...base };
      Object.defineProperty(hidden, 'c', { value: '91.5', enumerable: false });
      const hiddenEvidence = { y: true };
      Object.defineProperty(hiddenEvidence, 'z', { value: true, enumerable: false });
      const units = [
        { values: base, evidence: { y: true, z: true } },
        { values: { extra: 1, ...reversed, more: 'x' }, evidence: { z: true, y: false } },
        { values: { b: '7.25', pop: '81817' }, evidence: {} },
        { values: inherited, evidence: Object.create({ y: true }) as Record<string, boolean> },
        { values: hidden, evidence: hiddenEvidence },
        { values: base, evidence: { y: true, z: true } },
      ];
      // Chosen: past the warm-up and the first trial, so that the way chosen reads them.
      if (way === undefined)
        for (let i = 0; i < 1600; i++) scorer({ id: 'w', name: 'w', class: 'town', values: base });
      const seen = new Set<string>();
      for (const [i, u] of units.entries()) {
        const unit = { id: `u${i}`, name: `u${i}`, class: 'town', ...u };
        const full = exactly(unit);
        const fast = scorer(unit);
        expect({ i, total: fast.total, complete: fast.complete }).toEqual({
          i,
          total: full.total,
          complete: full.complete,
        });
        expect(fast.sections.map((x) => (x === null ? null : scaledText(x, 2)))).toEqual(
          full.sections.map((x) => x.score),
        );
        seen.add(full.total);
      }
      // The units differ where their values do (a walk that missed the inherited or unlisted
      // values would score them as blanks): at least four distinct totals.
      expect(seen.size).toBeGreaterThanOrEqual(4);
    },
  );

  it(
    'scores alike before, during and after its trials of the two readings',
    { timeout: 60_000 },
    () => {
      // 2,000 units through one scorer: the warm-up (1,024 units by id), the trial's 32 timed
      // blocks of 16 (16 walked) and the way chosen after them, on objects built from a literal
      // and key by key, some with values they inherit or do not list. Every total and
      // completeness as the exact evaluator's alone.
      const scorer = createLeanScorer(rs);
      const ids = ['a', 'b', 'c', 'y', 'z', 'n', 'budget', 'pop', 'st', 'sr', 'sr_prev'];
      for (let i = 0; i < 2000; i++) {
        const a = `${80 + (i % 20)}.${i % 8}`;
        const literal = {
          a,
          b: '7.25',
          c: String(100 + (i % 9)),
          y: i % 3 !== 0,
          z: true,
          n: i % 4,
          budget: '2000000',
          pop: String(80000 + i),
          st: i % 5 === 0 ? 'late' : 'on-time',
          sr: '110.5',
          sr_prev: '113.75',
        };
        let values: Record<string, unknown> = literal;
        if (i % 3 === 1) {
          values = {};
          for (const id of ids) values[id] = literal[id as keyof typeof literal];
          values[`extra${i % 7}`] = 'x';
        } else if (i % 3 === 2) {
          values = Object.assign(Object.create({ a, y: literal.y }) as object, literal);
          delete values.a;
          delete values.y;
          Object.defineProperty(values, 'c', { value: literal.c, enumerable: false });
        }
        const unit = {
          id: `u${i}`,
          name: `u${i}`,
          class: 'town',
          values: values as Record<string, string | number | boolean>,
          evidence: (i % 2 === 0 ? { y: true, z: true } : { z: true }) as Record<string, boolean>,
        };
        const full = exactly(unit);
        const fast = scorer(unit);
        expect({ i, total: fast.total, complete: fast.complete }).toEqual({
          i,
          total: full.total,
          complete: full.complete,
        });
      }
    },
  );

  it('does exact integer arithmetic on the way', () => {
    expect(toMicro('91.2')).toBe(91_200_000);
    expect(toMicro('-0.000001')).toBe(-1);
    expect(toMicro('0.0000001')).toBeUndefined();
    expect(toMicro('1e3')).toBeUndefined();
    expect(roundDiv(125, 1000, 'half-up')).toBe(0);
    expect(roundDiv(5, 10, 'half-up')).toBe(1);
    expect(roundDiv(-5, 10, 'half-up')).toBe(-1);
    expect(roundDiv(25, 10, 'half-even')).toBe(2);
    expect(scaledText(-5, 2)).toBe('-0.05');
    expect(scaledText(1950, 2)).toBe('19.5');
  });

  it('writes integer counts of 10^-dp as the exact formatter writes the same decimals', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -20_000, max: 20_000 }),
          fc.maxSafeInteger(),
          fc.maxSafeNat().map((n) => -n),
        ),
        fc.integer({ min: 0, max: 6 }),
        (value, dp) => {
          expect(scaledText(value, dp)).toBe(fmt(q(value).div(q(10).pow(dp))));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('reads decimal text to micro units exactly as the plain-decimal grammar says', () => {
    const reference = (text: string): number | undefined => {
      const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
      if (!m || (m[3] ?? '').length > 6) return undefined;
      const v = Number(m[2] + (m[3] ?? '').padEnd(6, '0'));
      return Number.isSafeInteger(v) ? (m[1] && v !== 0 ? -v : v) : undefined;
    };
    const texts = fc.oneof(
      fc.stringMatching(/^ ?-?[0-9]{0,12}(\.[0-9]{0,8})? ?$/),
      fc.string(),
      fc.double({ noNaN: true }).map(String),
    );
    fc.assert(
      fc.property(texts, (t) => {
        expect([t, toMicro(t)]).toEqual([t, reference(t)]);
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: -9e9, max: 9e9 }), (n) => {
        expect(toMicro(n)).toBe(reference(String(n)));
      }),
    );
  });
});

describe('lean scorer on values it cannot judge itself', () => {
  const build = (extra: Partial<RuleSetInput>) => {
    const p = parseRuleSet({
      schemaVersion: 1,
      id: 'handover',
      title: '移交',
      issuer: '市',
      level: '县',
      year: 2015,
      edition: 1,
      points: 6,
      rounding: { scores: { dp: 2, mode: 'half-up' } },
      inputs: [],
      sections: [],
      ...extra,
    } as RuleSetInput);
    if (!p.ok) throw new Error(JSON.stringify(p.issues));
    return compileRuleSet(p.value);
  };

  it('hands an item to the exact path when a figure that needs evidence has more places than it reads', () => {
    // The gate reads `a` (so the item stays on a kernel); `a` needs evidence and has 7 places.
    const rules = build({
      inputs: [
        { id: 'a', label: 'a', unit: '%', evidence: true },
        { id: 'c', label: 'c', unit: 'number' },
      ],
      sections: [
        {
          code: '一',
          title: '甲',
          points: 6,
          items: [
            {
              code: '1',
              title: '门槛',
              points: 6,
              rule: { kind: 'threshold', value: 'c', op: '>=', target: 90 },
              gates: [{ when: 'a > 100', reason: '超过100' }],
            },
          ],
        },
      ],
    });
    for (const a of ['95.1234567', '95.5', 0.1 + 0.2]) {
      for (const evidence of [{}, { a: true }] as Record<string, boolean>[]) {
        const unit = { id: 'u', name: 'u', values: { a, c: 95 }, evidence };
        expect([a, evidence, createLeanScorer(rules)(unit).total]).toEqual([
          a,
          evidence,
          scoreUnit(rules, unit).total,
        ]);
      }
    }
  });

  it('counts a unit incomplete when a sub-item of an exactly scored parent lacks an input', () => {
    const rules = build({
      points: 4,
      inputs: [
        { id: 'g', label: 'g', unit: 'yesno' },
        { id: 'y', label: 'y', unit: 'yesno' },
        { id: 'z', label: 'z', unit: 'yesno' },
      ],
      sections: [
        {
          code: '一',
          title: '甲',
          points: 4,
          items: [
            {
              code: '1',
              title: '父项',
              points: 4,
              gates: [{ when: 'g', reason: '事件' }],
              items: [
                { code: '(1)', title: 'y', points: 2, rule: { kind: 'yesno', input: 'y' } },
                { code: '(2)', title: 'z', points: 2, rule: { kind: 'yesno', input: 'z' } },
              ],
            },
          ],
        },
      ],
    });
    for (const values of [
      { g: true, y: null, z: true },
      { g: false, y: null, z: true },
      { g: true, y: true, z: true },
    ]) {
      const unit = { id: 'u', name: 'u', values };
      const full = scoreUnit(rules, unit);
      const fast = createLeanScorer(rules)(unit);
      expect([values, fast.total, fast.complete]).toEqual([values, full.total, full.complete]);
    }
  });
});
