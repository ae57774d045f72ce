import { describe, expect, it } from 'vitest';
import { parseRuleSet } from '../validate/parse.ts';
import { compileRuleSet } from './compile.ts';
import { scoreUnit } from './score-unit.ts';
import type { IndicatorInput as Indicator, InputDef, RuleSetInput } from '../schema/ruleset.ts';
import type { IndicatorResult, InputValue, UnitResult } from '../model/result.ts';

/** One-section rule set around the given items; points are the items' total. */
function ruleSet(
  inputs: Partial<InputDef>[],
  items: Indicator[],
  extra: Partial<RuleSetInput> = {},
) {
  const points = items.reduce((s, i) => s + Number(i.points), 0);
  const json: RuleSetInput = {
    schemaVersion: 1,
    id: 'kinds',
    title: '规则类型',
    issuer: '市',
    level: '县',
    year: 2014,
    edition: 1,
    points,
    rounding: { scores: { dp: 2, mode: 'half-up' } },
    inputs: inputs.map((i) => ({ label: i.id ?? 'x', unit: 'number', ...i }) as InputDef),
    sections: [{ code: '一', title: '甲', points, items }],
    ...extra,
  };
  const parsed = parseRuleSet(json);
  if (!parsed.ok)
    throw new Error(JSON.stringify(parsed.issues.map((i) => `${i.path}: ${i.message.en}`)));
  return compileRuleSet(parsed.value);
}
const run = (
  rs: ReturnType<typeof ruleSet>,
  values: Record<string, InputValue>,
  cls?: string,
): UnitResult => scoreUnit(rs, { id: 'u', name: 'u', values, ...(cls ? { class: cls } : {}) });
const first = (r: UnitResult): IndicatorResult => r.sections[0]!.items[0]!;

describe('rule kinds', () => {
  it('reduction against last year, tier chosen by last year (超出107的部分下降10%/12%)', () => {
    const rs = ruleSet(
      [{ id: 'sr' }, { id: 'sr_prev', source: 'previous' }],
      [
        {
          code: '1',
          title: '性别比下降',
          points: 6,
          rule: {
            kind: 'reduction',
            value: 'sr',
            previous: 'sr_prev',
            base: 107,
            required: [
              { from: 107, to: 120, pct: 10 },
              { from: 120, pct: 12 },
            ],
          },
        },
      ],
    );
    // prev 117: excess 10, 10 % → must reach 116; 116 is exactly met
    expect(first(run(rs, { sr: 116, sr_prev: 117 })).score).toBe('6');
    expect(first(run(rs, { sr: '116.1', sr_prev: 117 })).score).toBe('0');
    // prev 127: excess 20, 12 % → 124.6
    expect(first(run(rs, { sr: '124.6', sr_prev: 127 })).status).toBe('met');
    expect(first(run(rs, { sr: '124.7', sr_prev: 127 })).status).toBe('not-met');
    // prev within normal range: no tier applies
    expect(first(run(rs, { sr: 105, sr_prev: 106 })).status).toBe('not-applicable');
    // A rise (117 → 118.17: up 1.17 of the 10 excess = 11.7 %) is said as a rise, not "下降-11.7%".
    const rose = first(run(rs, { sr: '118.17', sr_prev: 117 }));
    expect(rose.status).toBe('not-met');
    expect(rose.reason.zh).toContain('升至118.17,上升11.7%,要求下降10%');
    expect(rose.reason.zh).not.toContain('下降-');
    expect(rose.reason.en).toContain('up 11.7%');
  });

  it('ramp: ≤ 3‰ full, ≥ 5‰ zero, linear between', () => {
    const rs = ruleSet(
      [{ id: 'r', unit: '‰' }],
      [
        {
          code: '1',
          title: '多孩率',
          points: 4,
          rule: { kind: 'ramp', value: 'r', full: 3, zero: 5 },
        },
      ],
    );
    expect(first(run(rs, { r: 3 })).score).toBe('4');
    expect(first(run(rs, { r: '3.5' })).score).toBe('3');
    expect(first(run(rs, { r: 5 })).score).toBe('0');
    expect(first(run(rs, { r: '4.999' })).score).toBe('0'); // 0.002 rounds to 0.00
  });

  it('proportional credit capped at the points, exact through division', () => {
    const rs = ruleSet(
      [{ id: 'v' }],
      [
        {
          code: '1',
          title: '完成率',
          points: 3,
          rule: { kind: 'proportional', value: 'v', target: 360 },
        },
      ],
    );
    expect(first(run(rs, { v: 15 })).score).toBe('0.13'); // 3 × 15 / 360 = 0.125 → 0.13 half-up
    expect(first(run(rs, { v: 400 })).score).toBe('3');
  });

  it('tiers by value and by outcome', () => {
    const rs = ruleSet(
      [
        { id: 'pct' },
        {
          id: 'outcome',
          unit: 'choice',
          choices: [
            { value: 'won', label: '获得' },
            { value: 'tried', label: '申报' },
          ],
        },
      ],
      [
        {
          code: '1',
          title: '完成',
          points: 5,
          rule: {
            kind: 'tiers',
            value: 'pct',
            tiers: [
              { op: '>=', than: 100, points: 5 },
              { op: '>=', than: 80, points: 3 },
            ],
          },
        },
        {
          code: '2',
          title: '争创',
          points: 15,
          rule: {
            kind: 'tiers',
            value: 'outcome',
            tiers: [
              { equals: 'won', points: 15 },
              { equals: 'tried', points: 10 },
            ],
          },
        },
      ],
    );
    const r = run(rs, { pct: 85, outcome: '申报' });
    expect(r.sections[0]!.items.map((i) => i.score)).toEqual(['3', '10']);
    // The reason names the choice by its label (申报), never its id (tried).
    expect(r.sections[0]!.items[1]!.reason.zh).toContain('申报');
    expect(r.sections[0]!.items[1]!.reason.zh).not.toContain('tried');
    expect(run(rs, { pct: 79, outcome: 'won' }).sections[0]!.items.map((i) => i.score)).toEqual([
      '0',
      '15',
    ]);
  });

  it('asymmetric slopes: −1 per point below, +5 per point above, capped', () => {
    const rs = ruleSet(
      [{ id: 'v', unit: '%' }],
      [
        {
          code: '1',
          title: '率',
          points: 10,
          rule: {
            kind: 'threshold',
            value: 'v',
            op: '>=',
            target: 90,
            below: { per: 1, points: 1, steps: 'each-full' },
            above: { per: 1, points: 5, steps: 'each-full', cap: 8 },
          },
        },
      ],
    );
    expect(first(run(rs, { v: '87.9' })).score).toBe('8'); // two full points below
    expect(first(run(rs, { v: '91.5' })).score).toBe('15');
    expect(first(run(rs, { v: 99 })).score).toBe('18');
  });

  it('relative gap: per 1 % of the target', () => {
    const rs = ruleSet(
      [{ id: 'v' }],
      [
        {
          code: '1',
          title: '任务',
          points: 5,
          rule: {
            kind: 'threshold',
            value: 'v',
            op: '>=',
            target: 200,
            below: { per: 1, points: 0.5, steps: 'pro-rata', gap: 'relative' },
          },
        },
      ],
    );
    expect(first(run(rs, { v: 194 })).score).toBe('3.5'); // 3 % short × 0.5
    const zero = ruleSet(
      [{ id: 'v' }, { id: 't' }],
      [
        {
          code: '1',
          title: '任务',
          points: 5,
          rule: {
            kind: 'threshold',
            value: 'v',
            op: '>=',
            target: 't',
            below: { per: 1, points: 0.5, steps: 'pro-rata', gap: 'relative' },
          },
        },
      ],
    );
    const r = run(zero, { v: -1, t: 0 });
    // Nothing is missing: the gap relative to a target of 0 cannot be computed (its own status).
    expect([first(r).score, first(r).status, r.issues.map((i) => i.code)]).toEqual([
      null,
      'cannot-compute',
      ['cannot-compute'],
    ]);
  });

  it('escalating per-case deductions, a case that zeroes the item, multipliers and caps', () => {
    const rs = ruleSet(
      [
        { id: 'cases', unit: 'count' },
        { id: 'found', unit: 'count', blankMeans: 0 },
        { id: 'good', unit: 'count' },
      ],
      [
        {
          code: '1',
          title: '超生',
          points: 40,
          deductions: [
            {
              kind: 'per-case',
              input: 'cases',
              each: 1,
              schedule: [0, 8, 10],
              increment: 10,
              zeroAt: 6,
            },
          ],
        },
        {
          code: '2',
          title: '违规',
          points: 10,
          deductions: [
            { kind: 'per-case', input: 'found', each: 1, multiplied: { input: 'good', factor: 2 } },
          ],
        },
        {
          code: '3',
          title: '典型',
          points: 20,
          rule: { kind: 'expr', score: '0' },
          deductions: [{ kind: 'per-case', input: 'good', each: 0.4, direction: 'add', cap: 20 }],
        },
      ],
    );
    // 4 cases: 0 + 8 + 10 + 20 = 38
    expect(run(rs, { cases: 4, good: 0 }).sections[0]!.items[0]!.score).toBe('2');
    const six = run(rs, { cases: 6, good: 0 }).sections[0]!.items[0]!;
    expect(six.status).toBe('gated');
    expect(six.score).toBe('0');
    // 1 found + 2 found by the city × 2 = 5
    expect(run(rs, { cases: 0, found: 1, good: 2 }).sections[0]!.items[1]!.score).toBe('5');
    expect(run(rs, { cases: 0, good: 60 }).sections[0]!.items[2]!.score).toBe('20');
    expect(run(rs, { cases: 0, good: 10 }).sections[0]!.items[2]!.score).toBe('4');
  });

  it('state penalties, deadline penalties and gates', () => {
    const rs = ruleSet(
      [
        {
          id: 'st',
          unit: 'choice',
          choices: [
            { value: 'none', label: '未建' },
            { value: 'bad', label: '建而不用' },
            { value: 'ok', label: '正常' },
          ],
        },
        { id: 'accepted', unit: 'yesno' },
      ],
      [
        {
          code: '1',
          title: '服务站',
          points: 5,
          deductions: [{ kind: 'state', input: 'st', amounts: { none: 1, bad: 3 } }],
          gates: [{ when: 'accepted == false', reason: '验收不合格不记分' }],
        },
      ],
    );
    expect(first(run(rs, { st: '建而不用', accepted: true })).score).toBe('2');
    expect(first(run(rs, { st: 'ok', accepted: true })).score).toBe('5');
    const gated = first(run(rs, { st: 'ok', accepted: '否' }));
    expect(gated.status).toBe('gated');
    expect(gated.reason.zh).toContain('验收不合格不记分');
  });

  it('negative items (倒扣分) beside items that stop at zero', () => {
    const rs = ruleSet(
      [{ id: 'n', unit: 'count' }],
      [
        {
          code: '1',
          title: '倒扣',
          points: 2,
          min: -10,
          deductions: [{ kind: 'per-case', input: 'n', each: 3 }],
        },
        {
          code: '2',
          title: '扣完为止',
          points: 2,
          deductions: [{ kind: 'per-case', input: 'n', each: 3 }],
        },
      ],
    );
    const r = run(rs, { n: 2 });
    expect(r.sections[0]!.items.map((i) => i.score)).toEqual(['-4', '0']);
    expect(r.total).toBe('-4');
  });

  it('maxima by class, not-applicable items and a rescaled section', () => {
    const rs = ruleSet(
      [{ id: 'v', unit: '%' }],
      [
        {
          code: '1',
          title: '甲',
          points: 10,
          pointsByClass: { farm: 'not-assessed' },
          rule: { kind: 'threshold', value: 'v', op: '>=', target: 90 },
        },
        {
          code: '2',
          title: '乙',
          points: 10,
          pointsByClass: { farm: 20 },
          rule: { kind: 'threshold', value: 'v', op: '>=', target: 50 },
        },
      ],
      {
        classes: [
          { id: 'town', label: '镇' },
          { id: 'farm', label: '农场' },
        ],
        // For farms the items are 10 (not assessed: it does not apply) + 20 = 30 points.
        pointsByClass: { farm: 30 },
        sections: [
          {
            code: '一',
            title: '甲',
            points: 20,
            pointsByClass: { farm: 30 },
            items: [
              {
                code: '1',
                title: '甲',
                points: 10,
                pointsByClass: { farm: 'not-assessed' },
                rule: { kind: 'threshold', value: 'v', op: '>=', target: 90 },
              },
              {
                code: '2',
                title: '乙',
                points: 10,
                pointsByClass: { farm: 20 },
                rule: { kind: 'threshold', value: 'v', op: '>=', target: 50 },
              },
            ],
          },
        ],
      },
    );
    const farm = run(rs, { v: 60 }, 'farm');
    expect(farm.sections[0]!.items.map((i) => [i.status, i.score, i.max])).toEqual([
      ['not-applicable', null, '0'],
      ['met', '20', '20'],
    ]);
    expect(farm.max).toBe('20');
    const town = run(rs, { v: 60 }, 'town');
    expect(town.total).toBe('10');
    expect(town.max).toBe('20');
  });

  it('sub-items sum into their parent, capped; bonus capped per item and in total', () => {
    const rs = ruleSet(
      [
        { id: 'a', unit: 'yesno' },
        { id: 'b', unit: 'yesno' },
        { id: 'fund', unit: 'yesno' },
        { id: 'award', unit: 'count' },
      ],
      [
        {
          code: '1',
          title: '组织',
          points: 4,
          items: [
            { code: '(1)', title: '小组', points: 2, rule: { kind: 'yesno', input: 'a' } },
            { code: '(2)', title: '方案', points: 2, rule: { kind: 'yesno', input: 'b' } },
          ],
        },
      ],
      {
        bonus: {
          cap: 3,
          items: [
            { code: '1', title: '单列奖励资金', points: 2, rule: { kind: 'yesno', input: 'fund' } },
            {
              code: '2',
              title: '获奖',
              points: 2,
              rule: { kind: 'expr', score: '0' },
              deductions: [{ kind: 'per-case', input: 'award', each: 1, direction: 'add' }],
            },
          ],
        },
      },
    );
    const r = run(rs, { a: true, b: false, fund: true, award: 5 });
    const parent = first(r);
    expect(parent.score).toBe('2');
    expect(parent.status).toBe('not-met');
    expect(parent.children?.map((c) => c.path)).toEqual(['一.1.(1)', '一.1.(2)']);
    expect(r.bonus.items.map((i) => i.score)).toEqual(['2', '2']);
    expect(r.bonus.uncapped).toBe('4');
    expect(r.bonus.score).toBe('3');
    expect(r.total).toBe('5');
  });

  it('applicability by expression (counted only if such funding exists)', () => {
    const rs = ruleSet(
      [
        { id: 'has_fund', unit: 'yesno' },
        { id: 'used', unit: '%' },
      ],
      [
        {
          code: '1',
          title: '资金使用',
          points: 3,
          applicable: 'has_fund',
          rule: { kind: 'threshold', value: 'used', op: '>=', target: 90 },
        },
      ],
    );
    expect(first(run(rs, { has_fund: false })).status).toBe('not-applicable');
    expect(first(run(rs, { has_fund: true, used: 95 })).score).toBe('3');
  });

  it('linear composite with negative weights through an expression', () => {
    const rs = ruleSet(
      [
        { id: 'plan', unit: '%' },
        { id: 'one', unit: '%' },
        { id: 'multi', unit: '%' },
      ],
      [
        {
          code: '1',
          title: '综合',
          points: 100,
          rule: { kind: 'expr', score: 'plan + one - 10 * multi' },
        },
      ],
    );
    expect(first(run(rs, { plan: '60.5', one: 30, multi: '1.2' })).score).toBe('78.5');
  });

  it('shrinks a parent whose sub-item does not apply, and asks no evidence for an item that earned nothing', () => {
    const rs = ruleSet(
      [
        { id: 'farm', unit: 'yesno' },
        { id: 'a', unit: 'yesno', evidence: true },
        { id: 'b', unit: 'yesno' },
      ],
      [
        {
          code: '1',
          title: '组织',
          points: 8,
          items: [
            { code: '(1)', title: '小组', points: 4, rule: { kind: 'yesno', input: 'b' } },
            {
              code: '(2)',
              title: '农场',
              points: 4,
              applicable: '!farm',
              rule: { kind: 'yesno', input: 'a' },
            },
          ],
        },
      ],
    );
    const farm = first(run(rs, { farm: true, b: true }));
    expect([farm.score, farm.max, farm.status]).toEqual(['4', '4', 'met']);
    expect(run(rs, { farm: true, b: true }).max).toBe('4');
    const noPoints = first(run(rs, { farm: false, b: true, a: false })).children?.[1];
    expect([noPoints?.status, noPoints?.missingEvidence]).toEqual(['not-met', []]);
  });

  it('rounds a derived value the same way for tiers as for thresholds', () => {
    const rs = ruleSet(
      [{ id: 'done' }, { id: 'plan' }],
      [
        {
          code: '1',
          title: '门槛',
          points: 2,
          rule: { kind: 'threshold', value: 'done / plan * 100', op: '>=', target: 95 },
        },
        {
          code: '2',
          title: '档次',
          points: 2,
          rule: {
            kind: 'tiers',
            value: 'done / plan * 100',
            tiers: [{ op: '>=', than: 95, points: 2 }],
            otherwise: 1,
          },
        },
      ],
      { rounding: { scores: { dp: 2, mode: 'half-up' }, rates: { dp: 1, mode: 'half-up' } } },
    );
    // 9496 / 10000 × 100 = 94.96 → 95.0 at one place: both rules see 95
    expect(run(rs, { done: 9496, plan: 10000 }).sections[0]!.items.map((i) => i.score)).toEqual([
      '2',
      '2',
    ]);
  });

  it('treats a figure outside the declared range as a typing error, not a score', () => {
    const rs = ruleSet(
      [{ id: 'rate', unit: '%', min: 0, max: 100 }],
      [
        {
          code: '1',
          title: '率',
          points: 4,
          rule: { kind: 'threshold', value: 'rate', op: '>=', target: 92 },
        },
      ],
    );
    const r = run(rs, { rate: 912 });
    expect(first(r).status).toBe('missing-input');
    expect(r.issues.map((i) => i.code)).toEqual(['out-of-range']);
    expect(r.issues[0]?.message.zh).toContain('超出允许范围 0–100');
  });

  it('computes an escalating schedule in closed form, even for a mistyped huge count', () => {
    const rs = ruleSet(
      [{ id: 'n', unit: 'count' }],
      [
        {
          code: '1',
          title: '超生',
          points: 10,
          min: -1e16,
          deductions: [
            { kind: 'per-case', input: 'n', each: 1, schedule: [0, 8, 10], increment: 10 },
          ],
        },
      ],
    );
    // 5 cases: 0 + 8 + 10 + 20 + 30 = 68
    expect(first(run(rs, { n: 5 })).score).toBe('-58');
    const started = performance.now();
    // 30,000,000 cases: 18 + 29,999,997 × 10 + 10 × m(m+1)/2 with m = 29,999,997
    expect(first(run(rs, { n: 30000000 })).score).toBe(
      String(10 - (18 + 29999997 * 10 + (10 * 29999997 * 29999998) / 2)),
    );
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
