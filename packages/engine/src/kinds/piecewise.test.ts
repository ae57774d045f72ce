// Piecewise linear scoring (按比例分段计分): golden figures worked out by hand, on the exact
// path and on the kernels alike; its checks, its reason, two editions compared, its criteria.
import { describe, expect, it } from 'vitest';
import { parseRuleSet, validateRuleSet } from '../validate/parse.ts';
import { compileRuleSet } from '../score/compile.ts';
import { scoreUnit } from '../score/score-unit.ts';
import { rankCohort } from '../fast/rank-cohort.ts';
import { Rule } from '../schema/rules.ts';
import { compareRule } from '../diff/rules.ts';
import type { IndicatorInput, RuleSetInput } from '../schema/ruleset.ts';
import type { InputValue } from '../model/result.ts';
import { piecewiseCriteria, PiecewiseRule } from './piecewise.ts';
import { q } from '../exact/exact.ts';

type Ends = { beforeFirst?: 'clamp' | 'zero' | 'extend'; afterLast?: 'clamp' | 'zero' | 'extend' };

/** 80% → 2, 90% → 6, 100% → 10 on a 10-point item (the shape of a 按比例分段计分 clause). */
const rule = (ends: Ends = {}, value = 'rate'): IndicatorInput['rule'] => ({
  kind: 'piecewise',
  value,
  breakpoints: [
    { at: 80, points: 2 },
    { at: 90, points: 6 },
    { at: 100, points: 10 },
  ],
  ...ends,
});

function json(
  item: Partial<IndicatorInput>,
  extra: Partial<RuleSetInput> = {},
  points = 10,
): RuleSetInput {
  return {
    schemaVersion: 1,
    id: 'piecewise',
    title: '分段计分',
    issuer: '市',
    level: '县',
    year: 2024,
    edition: 1,
    points,
    rounding: { scores: { dp: 2, mode: 'half-up' } },
    inputs: [
      { id: 'rate', label: '兑现率', unit: '%', evidence: true },
      { id: 'members', label: '会员数', unit: '人' },
      { id: 'pop', label: '人口', unit: '人' },
      { id: 'state', label: '状态', unit: 'choice', choices: [{ value: 'a', label: '甲' }] },
    ],
    sections: [
      {
        code: '一',
        title: '甲',
        points,
        items: [{ code: '1', title: '兑现', points, rule: rule(), ...item } as IndicatorInput],
      },
    ],
    ...extra,
  };
}
const compiled = (j: RuleSetInput) => {
  const p = parseRuleSet(j);
  if (!p.ok) throw new Error(JSON.stringify(p.issues.map((i) => `${i.path}: ${i.message.en}`)));
  return compileRuleSet(p.value);
};
const units = (list: Record<string, InputValue>[]) =>
  list.map((values, i) => ({ id: `u${i}`, name: `单位${i}`, values, evidence: { rate: true } }));

/** Each figure's score on the exact path and on the kernels, which must agree (and be fast). */
function scores(j: RuleSetInput, list: Record<string, InputValue>[]): (string | null)[] {
  const rs = compiled(j);
  const us = units(list);
  const exact = us.map((u) => scoreUnit(rs, u).sections[0]?.items[0]?.score ?? null);
  const fast = rankCohort(rs, us);
  const byId = new Map(fast.units.map((u) => [u.unitId, u.total]));
  // A unit that is not complete has no total on either path; else the same figure.
  expect(us.map((u, i) => (exact[i] === null ? null : byId.get(u.id)))).toEqual(exact);
  expect(fast.routes.exact).toBe(0);
  return exact;
}

describe('piecewise linear scoring (按比例分段计分)', () => {
  it('is linear between breakpoints, exact at them, division last, rounded by rounding.scores', () => {
    expect(
      scores(json({}), [
        { rate: 94 }, // 6 + (10 − 6) × (94 − 90) ÷ (100 − 90) = 6 + 1.6 = 7.6
        { rate: '80.5' }, // 2 + 4 × 0.5 ÷ 10 = 2.2
        { rate: 90 }, // at a breakpoint: its points, 6
        { rate: '91.234' }, // 6 + 4 × 1.234 ÷ 10 = 6.4936 → 6.49 (2 places, half up)
        { rate: 100 }, // the last breakpoint: 10
      ]),
    ).toEqual(['7.6', '2.2', '6', '6.49', '10']);
    // One place, rounded down: 6.4936 → 6.4; half up: 6.5.
    const at = (mode: 'down' | 'half-up') =>
      scores(json({}, { rounding: { scores: { dp: 1, mode } } }), [{ rate: '91.234' }]);
    expect([at('down'), at('half-up')]).toEqual([['6.4'], ['6.5']]);
    // A third of a span: 0 → 0, 3 → 10 at 1 is 10 ÷ 3 = 3.333… → 3.33, never a float's 3.3333333333333335.
    const third = json({
      rule: {
        kind: 'piecewise',
        value: 'rate',
        breakpoints: [
          { at: 0, points: 0 },
          { at: 3, points: 10 },
        ],
      },
    });
    expect(scores(third, [{ rate: 1 }, { rate: 2 }])).toEqual(['3.33', '6.67']);
  });

  it('beyond the ends: clamp (the default), zero or the end segment carried on, then bounded', () => {
    const figures = [{ rate: 70 }, { rate: 105 }];
    // clamp: 70 below 80 takes 80's 2 points; 105 above 100 takes 100's 10.
    expect(scores(json({}), figures)).toEqual(['2', '10']);
    // zero: 0 on either side.
    expect(
      scores(json({ rule: rule({ beforeFirst: 'zero', afterLast: 'zero' }) }), figures),
    ).toEqual(['0', '0']);
    // extend: 2 + (6 − 2) × (70 − 80) ÷ 10 = −2 → 0 (the item's floor); 6 + 4 × 15 ÷ 10 = 12 → 10.
    const extend = rule({ beforeFirst: 'extend', afterLast: 'extend' });
    expect(scores(json({ rule: extend }), figures)).toEqual(['0', '10']);
    // With 倒扣分 allowed (min −5) the carried-on −2 stands; 78: 2 + 4 × (−2) ÷ 10 = 1.2.
    expect(scores(json({ rule: extend, min: -5 }), [{ rate: 70 }, { rate: 78 }])).toEqual([
      '-2',
      '1.2',
    ]);
  });

  it('on a bonus without a cap (加分不设上限) the breakpoints give the points, carried on past the last', () => {
    // 加分.1: 0 → 0, 10 → 5 points, carried on: 20 cases give 5 + 5 × (20 − 10) ÷ 10 = 10.
    const bonus = json(
      {},
      {
        bonus: {
          cap: 'none',
          items: [
            {
              code: '1',
              title: '创新加分',
              points: 'uncapped',
              rule: {
                kind: 'piecewise',
                value: 'members',
                breakpoints: [
                  { at: 0, points: 0 },
                  { at: 10, points: 5 },
                ],
                afterLast: 'extend',
              },
            },
          ],
        },
      },
    );
    expect(validateRuleSet(bonus).filter((i) => i.severity === 'error')).toEqual([]);
    const rs = compiled(bonus);
    const bonusOf = (members: number) =>
      scoreUnit(rs, {
        id: 'u',
        name: '甲',
        values: { rate: 100, members },
        evidence: { rate: true },
      }).bonus?.items[0]?.score;
    expect([bonusOf(20), bonusOf(4)]).toEqual(['10', '2']); // 4 cases: 5 × 4 ÷ 10 = 2
    // A breakpoint below 0 points is still refused there.
    const below = structuredClone(bonus);
    (below.bonus!.items[0]!.rule as { breakpoints: { points: number }[] }).breakpoints[0]!.points =
      -1;
    expect(
      validateRuleSet(below)
        .filter((i) => i.severity === 'error')
        .map((i) => `${i.code}@${i.path}`),
    ).toEqual(['piecewise-points@bonus.items[0].rule.breakpoints[0].points']);
  });

  it('reads a derived rate rounded by rounding.rates, and a blank is missing, never 0', () => {
    const derived = json(
      { rule: rule({}, 'members * 100 / pop') },
      { rounding: { scores: { dp: 2, mode: 'half-up' }, rates: { dp: 1, mode: 'half-up' } } },
    );
    // 9475 × 100 ÷ 10000 = 94.75 → 94.8 (rates at 1 place); 6 + 4 × 4.8 ÷ 10 = 7.92 (not 7.9).
    expect(scores(derived, [{ members: 9475, pop: 10000 }])).toEqual(['7.92']);
    const rs = compiled(json({}));
    const blank = scoreUnit(rs, { id: 'u', name: 'u', values: { rate: null } });
    expect(blank.sections[0]?.items[0]).toMatchObject({
      score: null,
      status: 'missing-input',
      missingInputs: ['rate'],
    });
    // Evidence follows the value: 94% typed without its 佐证材料 scores 0 (evidencePolicy zero).
    const unbacked = scoreUnit(rs, { id: 'u', name: 'u', values: { rate: 94 } });
    expect(unbacked.sections[0]?.items[0]).toMatchObject({
      score: '0',
      status: 'missing-evidence',
    });
  });

  it('says the rule as applied, zh-CN and English', () => {
    const rs = compiled(json({ rule: rule({ beforeFirst: 'zero' }) }));
    const reason = (rate: InputValue) =>
      scoreUnit(rs, { id: 'u', name: 'u', values: { rate }, evidence: { rate: true } }).sections[0]
        ?.items[0]?.reason;
    expect(reason(94)).toEqual({
      zh: '兑现率 94%,介于分段点 90%(6分) 与 100%(10分) 之间,按比例分段计分:6 + (10 − 6) × (94 − 90) ÷ (100 − 90),得7.6分',
      en: '兑现率 94%, between breakpoints 90% (6) and 100% (10), linear between: 6 + (10 − 6) × (94 − 90) ÷ (100 − 90) = 7.6',
    });
    expect(reason(90)).toEqual({
      zh: '兑现率 90%,为分段点 90%,按分段计分得6分',
      en: '兑现率 90%, at breakpoint 90%: 6 by the breakpoints',
    });
    expect(reason(70)).toEqual({
      zh: '兑现率 70%,低于最低分段点 80%(2分),不得分',
      en: '兑现率 70%, below the first breakpoint 80% (2): no points',
    });
    expect(reason(105)).toEqual({
      zh: '兑现率 105%,高于最高分段点 100%(10分),按该分段点计10分',
      en: '兑现率 105%, above the last breakpoint 100% (10): scored as at that breakpoint: 10',
    });
  });

  it('refuses breakpoints out of order, points outside the item, fewer than two, a text value', () => {
    const issues = (r: unknown) =>
      validateRuleSet(json({ rule: r as IndicatorInput['rule'] }))
        .filter((i) => i.severity === 'error')
        .map((i) => [i.code, i.path, i.message.zh]);
    const rp = 'sections[0].items[0].rule';
    expect(
      issues({
        kind: 'piecewise',
        value: 'rate',
        breakpoints: [
          { at: 90, points: 6 },
          { at: 90, points: 8 },
          { at: 100, points: 12 },
        ],
      }),
    ).toEqual([
      [
        'piecewise-order',
        `${rp}.breakpoints[1].at`,
        '一.1:第2个分段点 90 须大于前一个分段点 90(分段点应严格递增)',
      ],
      [
        'piecewise-points',
        `${rp}.breakpoints[2].points`,
        '一.1:第3个分段点的得分 12 不在 0 至该项分值 10 之间',
      ],
    ]);
    const one = issues({ kind: 'piecewise', value: 'rate', breakpoints: [{ at: 90, points: 6 }] });
    expect(one.map(([, path, zh]) => [path, String(zh).includes('至少需要2项')])).toEqual([
      [`${rp}.breakpoints`, true],
    ]);
    expect(issues(rule({}, 'state'))).toEqual([
      ['input-unit', `${rp}.value`, '一.1:按比例分段计分的数值须为数字,输入项「state」不是'],
    ]);
    // A blank breakpoint is named at its own place.
    const blank = issues({
      kind: 'piecewise',
      value: 'rate',
      breakpoints: [
        { at: 80, points: null },
        { at: 90, points: 6 },
      ],
    });
    expect(blank.map(([code, path]) => [code, path])).toEqual([
      ['missing-number', `${rp}.breakpoints[0].points`],
    ]);
  });
});

describe('two editions of a piecewise rule', () => {
  const where = { path: '一.1', label: { zh: '一.1 兑现率', en: '一.1 rate' } };
  const unitOf = () => '%' as const;
  // Both editions' item: 10 points, floor 0.
  const cmp = (a: unknown, b: unknown) =>
    compareRule(where, Rule.parse(a), Rule.parse(b), unitOf, { a: q(10), b: q(10) }).map((c) => [
      c.message.zh,
      c.direction,
    ]);
  /** '80:2 100:10' is 80 → 2, 100 → 10. */
  const pw = (points: string, ends: Ends = {}) => ({
    kind: 'piecewise',
    value: 'rate',
    breakpoints: points.split(' ').map((p) => {
      const [at, pts] = p.split(':');
      return { at: String(at), points: String(pts) };
    }),
    ...ends,
  });
  const side = (a: unknown, b: unknown) => cmp(a, b)[0]?.[1];

  it('a breakpoint moved up tightens, points raised loosen, a crossing is said without a side', () => {
    // 90 → 92 for 6 points: between 80 and 100 every value scores less (at 90: 6 → 5.33…).
    expect(cmp(pw('80:2 90:6 100:10'), pw('80:2 92:6 100:10'))).toEqual([
      [
        '一.1 兑现率:分段计分标准由 80%→2分、90%→6分、100%→10分 调整为 80%→2分、92%→6分、100%→10分,各数值得分均不高于原标准(收紧)',
        'tightened',
      ],
    ]);
    expect(side(pw('80:2 100:10'), pw('80:3 100:10'))).toBe('loosened');
    // 2 → 4 at 80 but 10 → 8 at 100: more at the bottom, less at the top.
    expect(cmp(pw('80:2 100:10'), pw('80:4 100:8'))).toEqual([
      [
        '一.1 兑现率:分段计分标准由 80%→2分、100%→10分 调整为 80%→4分、100%→8分,部分数值得分提高、部分降低',
        undefined,
      ],
    ]);
  });

  it('the same scores written otherwise are no change; the ends count, within the item bounds', () => {
    // 90 → 6 lies on the line from 80 → 2 to 100 → 10: the same points for every value.
    expect(cmp(pw('80:2 100:10'), pw('80:2 90:6 100:10'))).toEqual([]);
    // Below 80: clamped at 2 before, nothing after.
    expect(side(pw('80:2 100:10'), pw('80:2 100:10', { beforeFirst: 'zero' }))).toBe('tightened');
    // Below 80 the rising slope carried on gives less than the clamp at 2: adding it tightens.
    expect(side(pw('80:2 100:10'), pw('80:2 100:10', { beforeFirst: 'extend' }))).toBe('tightened');
    // Above 100 the slope carried on gives more than the clamp at 8 (up to the item's 10):
    // dropping it tightens.
    expect(side(pw('80:2 100:8', { afterLast: 'extend' }), pw('80:2 100:8'))).toBe('tightened');
    // At the item's 10 points already, carrying the slope on changes no score.
    expect(cmp(pw('80:2 100:10', { afterLast: 'extend' }), pw('80:2 100:10'))).toEqual([]);
    // 0 → 0, 5 → 5 carried on reaches the item's 10 at 10 and stays there: the same scores as a
    // third breakpoint 10 → 10 with the default clamp (not a slope dropped).
    expect(cmp(pw('0:0 5:5', { afterLast: 'extend' }), pw('0:0 5:5 10:10'))).toEqual([]);
  });

  it('without a floor (min: none) a fall carried on counts: a change the floor hid is mixed', () => {
    // 80 → 0, 100 → 10 against 80 → 0, 100 → 5, both carried on below 80. At 60: −10 against −5
    // (more for b); at 100: 10 against 5 (less for b). With the floor at 0 both give 0 below 80.
    const a = pw('80:0 100:10', { beforeFirst: 'extend' });
    const b = pw('80:0 100:5', { beforeFirst: 'extend' });
    const open = (x: unknown, y: unknown) =>
      compareRule(where, Rule.parse(x), Rule.parse(y), unitOf, {
        a: q(10),
        b: q(10),
        minA: undefined,
        minB: undefined,
      })[0]?.direction;
    expect(open(a, b)).toBeUndefined();
    expect(side(a, b)).toBe('tightened');
  });
});

describe('criteria text', () => {
  it('lists the breakpoints and says the ends', () => {
    expect(piecewiseCriteria(PiecewiseRule.parse(rule({ beforeFirst: 'zero' })), '%')).toEqual({
      zh: '按比例分段计分:80%得2分,90%得6分,100%得10分,之间按比例;低于80%不得分,高于100%按10分计',
      en: 'piecewise linear: 80% → 2, 90% → 6, 100% → 10, linear between; below 80%: none; above 100%: 10',
    });
  });
});
