// The oracle on the README's own worked examples, figures worked out by hand: before it judges
// the engine on generated rule sets, it must get these right itself (and so must the engine).
import { describe, expect, it } from 'vitest';
import { ruleSetHeader } from '@kaohe/test-utils';
import { parseRuleSet } from '../../validate/parse.ts';
import { compileRuleSet } from '../../score/compile.ts';
import { scoreUnit } from '../../score/score-unit.ts';
import { scoreCohort } from '../../cohort/score-cohort.ts';
import type { IndicatorInput, RuleSetInput } from '../../schema/ruleset.ts';
import type { InputValue } from '../../model/result.ts';
import { oracleCohort, oracleUnit } from './oracle.ts';

type Inputs = RuleSetInput['inputs'];

/** One section of one item; the unit's score for it by the oracle and by scoreUnit. */
function one(
  inputs: Inputs,
  item: Omit<IndicatorInput, 'code' | 'title'>,
  values: Record<string, InputValue>,
  rounding: RuleSetInput['rounding'] = { scores: { dp: 2, mode: 'half-up' } },
): { oracle: string | null; engine: string | null; status: string } {
  const points = Number(item.points);
  const p = parseRuleSet(
    ruleSetHeader({
      rounding,
      points,
      inputs,
      sections: [{ code: '一', title: '甲', points, items: [{ code: '1', title: '项', ...item }] }],
    }),
  );
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  const unit = { id: 'u', name: 'u', values };
  const o = oracleUnit(p.value, unit).items[0];
  const e = scoreUnit(compileRuleSet(p.value), unit).sections[0]?.items[0];
  return { oracle: o?.score ?? null, engine: e?.score ?? null, status: o?.status ?? '' };
}

describe('the oracle on the README examples', () => {
  it('works in exact decimals: 13 − 3 × 0.1 is 12.7', () => {
    const r = one(
      [{ id: 'n', label: 'n', unit: 'count' }],
      {
        points: 13,
        rule: { kind: 'expr', score: '13 - n * 0.1' },
      },
      { n: 3 },
    );
    expect(r).toEqual({ oracle: '12.7', engine: '12.7', status: 'partly-met' });
  });

  it('rounds an expr item once by rounding.scores: 0.7 × 6.5 + 0.3 × 4 = 5.75 stays 5.75', () => {
    const r = one(
      [
        { id: 'a', label: 'a', unit: 'number' },
        { id: 'b', label: 'b', unit: 'number' },
      ],
      { points: 10, rule: { kind: 'expr', score: '0.7 * a + 0.3 * b' } },
      { a: '6.5', b: 4 },
      { scores: { dp: 2, mode: 'half-up' }, rates: { dp: 1, mode: 'half-up' } },
    );
    expect([r.oracle, r.engine]).toEqual(['5.75', '5.75']);
  });

  it('never rounds a count by rates: 85 % of 9,999 births is 8,499.15, and 8,499 falls short', () => {
    const r = one(
      [
        { id: 'births', label: '出生', unit: '人' },
        { id: 'assigned', label: '任务', unit: '人', source: 'assigned' },
      ],
      {
        points: 4,
        rule: { kind: 'threshold', value: 'births', op: '>=', target: 'assigned * 0.85' },
      },
      { births: 8499, assigned: 9999 },
      { scores: { dp: 2, mode: 'half-up' }, rates: { dp: 0, mode: 'half-up' } },
    );
    expect(r).toEqual({ oracle: '0', engine: '0', status: 'not-met' });
  });

  it('rounds a derived rate before comparing: 91.96 % at 1 place is 92.0 and meets ≥ 92', () => {
    // members × 100 ÷ population = 2299 × 100 ÷ 2500 = 91.96, rounded half-up at 1 place: 92.
    const r = one(
      [
        { id: 'members', label: '人数', unit: '人' },
        { id: 'pop', label: '人口', unit: '人' },
      ],
      {
        points: 6,
        rule: { kind: 'threshold', value: 'members * 100 / pop', op: '>=', target: 92 },
      },
      { members: 2299, pop: 2500 },
      { scores: { dp: 2, mode: 'half-up' }, rates: { dp: 1, mode: 'half-up' } },
    );
    expect(r).toEqual({ oracle: '6', engine: '6', status: 'met' });
  });

  it('deducts 0.5 a point below 92 %: 91.2 is 0.8 below, each started step: 6 − 0.5 = 5.5', () => {
    const r = one(
      [{ id: 'rate', label: '率', unit: '%' }],
      {
        points: 6,
        rule: {
          kind: 'threshold',
          value: 'rate',
          op: '>=',
          target: 92,
          below: { per: 1, points: 0.5, steps: 'each-started' },
        },
      },
      { rate: '91.2' },
    );
    expect([r.oracle, r.engine]).toEqual(['5.5', '5.5']);
  });

  it('gap relative to the target: 194 of 200 is 3 % short, 0.5 a 1 %: 10 − 1.5 = 8.5', () => {
    const r = one(
      [{ id: 'done', label: '完成户数', unit: '户' }],
      {
        points: 10,
        rule: {
          kind: 'threshold',
          value: 'done',
          op: '>=',
          target: 200,
          below: { per: 1, points: 0.5, steps: 'pro-rata', gap: 'relative' },
        },
      },
      { done: 194 },
    );
    expect([r.oracle, r.engine]).toEqual(['8.5', '8.5']);
  });

  it('counts multiplied cases extra (3 + 1 × 2 = 5) or of which (3 + 1 = 4)', () => {
    const inputs: Inputs = [
      { id: 'cases', label: '违规', unit: 'count' },
      { id: 'city', label: '市级查出', unit: 'count' },
    ];
    const item = (cases: 'extra' | 'of-which') => ({
      points: 10,
      deductions: [
        {
          kind: 'per-case' as const,
          input: 'cases',
          each: 1,
          multiplied: { input: 'city', factor: 2, cases },
        },
      ],
    });
    expect(one(inputs, item('extra'), { cases: 3, city: 1 }).oracle).toBe('5'); // 10 − 5
    expect(one(inputs, item('of-which'), { cases: 3, city: 1 }).oracle).toBe('6'); // 10 − 4
    expect(one(inputs, item('of-which'), { cases: 3, city: 1 }).engine).toBe('6');
    expect(one(inputs, item('of-which'), { cases: 1, city: 2 }).status).toBe('cannot-compute');
  });

  it('escalates by schedule then increment: 0, 8, 10, then 20, 30 — five cases cost 68', () => {
    const r = one(
      [{ id: 'n', label: 'n', unit: 'count' }],
      {
        points: 100,
        deductions: [
          { kind: 'per-case', input: 'n', each: 1, schedule: [0, 8, 10], increment: 10 },
        ],
      },
      { n: 5 },
    );
    expect([r.oracle, r.engine]).toEqual(['32', '32']); // 100 − (0 + 8 + 10 + 20 + 30)
  });

  it('scores a ramp 0 when the best unit is itself beyond the zero point', () => {
    const r = one(
      [{ id: 'b', label: '出生率', unit: '‰' }],
      {
        points: 4,
        rule: { kind: 'ramp', value: 'b', full: 8, zero: 12 },
      },
      { b: 13 },
    );
    expect([r.oracle, r.engine]).toEqual(['0', '0']);
    // 10 ‰ is half way from 12 to 8: 4 × (12 − 10) ÷ (12 − 8) = 2.
    expect(
      one(
        [{ id: 'b', label: '出生率', unit: '‰' }],
        {
          points: 4,
          rule: { kind: 'ramp', value: 'b', full: 8, zero: 12 },
        },
        { b: 10 },
      ).oracle,
    ).toBe('2');
  });

  it('gives rank points in proportion to the leader: 84 ÷ 96 × 10 = 8.75', () => {
    const p = parseRuleSet(
      ruleSetHeader({
        points: 10,
        inputs: [{ id: 'cov', label: '覆盖率', unit: '%' }],
        sections: [
          {
            code: '一',
            title: '甲',
            points: 10,
            items: [
              {
                code: '1',
                title: '排名',
                points: 10,
                rule: { kind: 'rank', value: 'cov', points: 'proportional-to-leader' },
              },
            ],
          },
        ],
      }),
    );
    if (!p.ok) throw new Error(JSON.stringify(p.issues));
    const units = [
      { id: 'a', name: '甲', values: { cov: 96 } },
      { id: 'b', name: '乙', values: { cov: 84 } },
    ];
    const o = oracleCohort(p.value, units);
    expect(o.results.map((r) => r.total)).toEqual(['10', '8.75']);
    expect(o.ranked.map((r) => [r.unitId, r.rank])).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    const e = scoreCohort(compileRuleSet(p.value), units);
    expect(e.units.map((u) => u.total)).toEqual(['10', '8.75']);
  });
});

describe('the oracle on open bounds, start and partial credit (README "Open bounds, start, partial credit")', () => {
  const cases: Inputs = [{ id: 'n', label: '例数', unit: 'count' }];

  it('capped accrual from 0: 0.4 a case, at most 20', () => {
    const item = {
      points: 20,
      start: 'zero' as const,
      deductions: [{ kind: 'per-case' as const, input: 'n', each: 0.4, direction: 'add' as const }],
    };
    // 12 × 0.4 = 4.8; 60 × 0.4 = 24, capped at the item's 20; 0 cases: 0, not 20.
    expect(one(cases, item, { n: 12 })).toEqual({
      oracle: '4.8',
      engine: '4.8',
      status: 'partly-met',
    });
    expect(one(cases, item, { n: 60 })).toEqual({ oracle: '20', engine: '20', status: 'met' });
    expect(one(cases, item, { n: 0 })).toEqual({ oracle: '0', engine: '0', status: 'not-met' });
  });

  it('no floor: 5 − 4 × 2 = −3, and a gate keeps it', () => {
    const item = {
      points: 5,
      min: 'none' as const,
      deductions: [{ kind: 'per-case' as const, input: 'n', each: 2 }],
      gates: [{ when: 'n >= 4', reason: '四例以上不记分' }],
    };
    // The gate holds at 4 cases: a negative score stays −3 (a gate zeroes, never raises).
    expect(one(cases, item, { n: 4 })).toEqual({ oracle: '-3', engine: '-3', status: 'gated' });
    // 2 cases: 5 − 4 = 1, the gate does not hold.
    expect(one(cases, item, { n: 2 })).toEqual({ oracle: '1', engine: '1', status: 'partly-met' });
  });

  it('yes without evidence keeps 1 of 2', () => {
    const inputs: Inputs = [{ id: 'y', label: '有文件', unit: 'yesno', evidence: true }];
    const item = {
      points: 2,
      rule: { kind: 'yesno' as const, input: 'y' },
      evidencePolicy: { keep: 1 },
    };
    // min(2, 1) = 1 without evidence.
    expect(one(inputs, item, { y: true })).toEqual({
      oracle: '1',
      engine: '1',
      status: 'missing-evidence',
    });
  });
});

describe('the oracle on the README’s pool (items without points of their own, form 49)', () => {
  const pool = (min?: number | 'none') => {
    const p = parseRuleSet(
      ruleSetHeader({
        rounding: { scores: { dp: 1, mode: 'half-up' } },
        points: 10,
        inputs: [
          { id: 'a', label: '违法生育例数', unit: 'count' },
          { id: 'b', label: '未立案例数', unit: 'count' },
        ],
        sections: [
          {
            code: '一',
            title: '依法行政',
            points: 10,
            pool: true,
            ...(min !== undefined ? { min } : {}),
            items: [
              {
                code: '1',
                title: '违法生育',
                points: 'none',
                deductions: [{ kind: 'per-case', input: 'a', each: 1 }],
              },
              {
                code: '2',
                title: '立案',
                points: 'none',
                deductions: [{ kind: 'per-case', input: 'b', each: 1 }],
              },
            ],
          },
        ],
      }),
    );
    if (!p.ok) throw new Error(JSON.stringify(p.issues));
    return (values: Record<string, InputValue>) => {
      const unit = { id: 'u', name: 'u', values };
      return {
        oracle: oracleUnit(p.value, unit).sections[0]?.score,
        engine: scoreUnit(compileRuleSet(p.value), unit).sections[0]?.score,
      };
    };
  };

  it('10 − 3 − 2 = 5; 10 − 8 − 5 stops at 0; with min −5 it is −3; a blank is not scored', () => {
    expect(pool()({ a: 3, b: 2 })).toEqual({ oracle: '5', engine: '5' });
    expect(pool()({ a: 8, b: 5 })).toEqual({ oracle: '0', engine: '0' });
    expect(pool(-5)({ a: 8, b: 5 })).toEqual({ oracle: '-3', engine: '-3' });
    // 10 − 12 − 8 = −10: no floor at all.
    expect(pool('none')({ a: 12, b: 8 })).toEqual({ oracle: '-10', engine: '-10' });
    expect(pool()({ a: null, b: 2 })).toEqual({ oracle: null, engine: null });
  });
});
