import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseRuleSet } from '../validate/parse.ts';
import { compileRuleSet } from './compile.ts';
import { scoreUnit } from './score-unit.ts';
import { add, cmp, q, sum } from '../exact/exact.ts';
import type { RuleSetInput } from '../schema/ruleset.ts';
import type { IndicatorResult, UnitResult } from '../model/result.ts';

// Inputs where a larger figure is better (up) or worse (down), for the monotonicity property.
const direction = { rate: 'up', birth: 'down', cases: 'down', done: 'up', fund: 'up' } as const;

const json: RuleSetInput = {
  schemaVersion: 1,
  id: 'props',
  title: '性质',
  issuer: '市',
  level: '县',
  year: 2017,
  edition: 1,
  points: 30,
  rounding: { scores: { dp: 2, mode: 'half-up' } },
  inputs: [
    { id: 'rate', label: '符合政策生育率', unit: '%' },
    { id: 'birth', label: '出生率', unit: '‰' },
    { id: 'cases', label: '违法生育', unit: 'count' },
    { id: 'done', label: '完成数', unit: 'number' },
    { id: 'fund', label: '奖励资金', unit: 'yesno' },
    { id: 'petition', label: '重大信访', unit: 'yesno' },
  ],
  sections: [
    {
      code: '一',
      title: '甲',
      points: 20,
      items: [
        {
          code: '1',
          title: '率',
          points: 6,
          rule: {
            kind: 'threshold',
            value: 'rate',
            op: '>=',
            target: 92,
            below: { per: 1, points: 0.5, steps: 'pro-rata' },
          },
        },
        {
          code: '2',
          title: '出生率',
          points: 4,
          rule: { kind: 'ramp', value: 'birth', full: 8, zero: 12 },
        },
        {
          code: '3',
          title: '违法',
          points: 5,
          min: -5,
          deductions: [
            { kind: 'per-case', input: 'cases', each: 1, schedule: [1, 2, 3], increment: 1 },
          ],
        },
        {
          code: '4',
          title: '完成',
          points: 5,
          rule: { kind: 'proportional', value: 'done', target: 120 },
        },
      ],
    },
    {
      code: '二',
      title: '乙',
      points: 10,
      items: [
        {
          code: '1',
          title: '档次',
          points: 10,
          rule: {
            kind: 'tiers',
            value: 'rate',
            tiers: [
              { op: '>=', than: 95, points: 10 },
              { op: '>=', than: 90, points: 6 },
            ],
          },
        },
      ],
    },
  ],
  bonus: {
    cap: 2,
    items: [
      { code: '1', title: '单列资金', points: 1.5, rule: { kind: 'yesno', input: 'fund' } },
      {
        code: '2',
        title: '完成突出',
        points: 1.5,
        rule: { kind: 'threshold', value: 'done', op: '>=', target: 150 },
      },
    ],
  },
  sanctions: [
    { id: 'veto', level: 'veto', when: 'petition', reason: '重大信访案件' },
    { id: 'low', level: 'notice', when: 'total < 15', reason: '总分低于15分' },
  ],
};
const parsed = parseRuleSet(json);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const rs = compileRuleSet(parsed.value);

const dec = (lo: number, hi: number) =>
  fc.integer({ min: lo * 100, max: hi * 100 }).map((i) => (i / 100).toFixed(2));
const values = fc.record({
  rate: dec(70, 100),
  birth: dec(4, 15),
  cases: fc.integer({ min: 0, max: 8 }),
  done: dec(0, 200),
  fund: fc.boolean(),
  petition: fc.boolean(),
});
const leaves = (r: UnitResult): IndicatorResult[] => [
  ...r.sections.flatMap((s) => s.items),
  ...r.bonus.items,
];
const score = (values: Record<string, string | number | boolean>) =>
  scoreUnit(rs, { id: 'u', name: 'u', values });

describe('scoring properties', () => {
  it('keeps each score within its limits (below zero only where the item allows it)', () => {
    fc.assert(
      fc.property(values, (v) => {
        for (const item of leaves(score(v))) {
          const s = q(item.score ?? '0');
          expect(cmp(s, q(item.max))).toBeLessThanOrEqual(0);
          if (item.path !== '一.3') expect(cmp(s, q(0))).toBeGreaterThanOrEqual(0);
          else expect(cmp(s, q(-5))).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('makes the total the section scores plus the capped bonus', () => {
    fc.assert(
      fc.property(values, (v) => {
        const r = score(v);
        const bonus = sum(r.bonus.items.map((i) => q(i.score ?? '0')));
        const capped = cmp(bonus, q(2)) > 0 ? q(2) : bonus;
        expect(r.bonus.score).toBe(capped.toString());
        expect(cmp(q(r.total), add(sum(r.sections.map((s) => q(s.score!))), capped))).toBe(0);
      }),
    );
  });

  it('never lowers a score for a better figure', () => {
    const key = fc.constantFrom(...(Object.keys(direction) as (keyof typeof direction)[]));
    fc.assert(
      fc.property(values, key, fc.integer({ min: 1, max: 500 }), (v, k, step) => {
        const better = { ...v };
        if (k === 'fund') better.fund = true;
        else if (k === 'cases') better.cases = Math.max(0, v.cases - 1);
        else {
          const delta = (step / 100) * (direction[k] === 'up' ? 1 : -1);
          better[k] = (Number(v[k]) + delta).toFixed(2);
        }
        expect(cmp(q(score(better).total), q(score(v).total))).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('never lets a veto change the score', () => {
    fc.assert(
      fc.property(values, (v) => {
        const a = score({ ...v, petition: false });
        const b = score({ ...v, petition: true });
        expect(b.vetoed).toBe(true);
        expect(a.vetoed).toBe(false);
        expect(b.total).toBe(a.total);
        expect(b.sections).toEqual(a.sections);
      }),
    );
  });

  it('never decides on a blank: any blank input leaves the unit incomplete, the total unjudged', () => {
    // No input declares blankMeans, and every input is read: a unit with a blank can never be
    // complete, and "total < 15" is never held on an incomplete total (it is undecided).
    const key = fc.constantFrom(...(Object.keys(direction) as string[]), 'petition');
    fc.assert(
      fc.property(values, key, (v, k) => {
        const r = score({ ...v, [k]: null } as Record<string, string | number | boolean>);
        expect(r.complete).toBe(false);
        // A blank item input leaves the total incomplete; petition is read by the veto only.
        if (k !== 'petition') expect(r.sanctions.map((s) => s.id)).not.toContain('low');
        const whole = score(v);
        expect(whole.complete).toBe(true);
        const low = cmp(q(whole.total), q(15)) < 0;
        expect(whole.sanctions.some((s) => s.id === 'low')).toBe(low);
      }),
      { numRuns: 300, seed: 20261201 },
    );
  });

  it('gives the same bytes for the same input, whatever the key order', () => {
    fc.assert(
      fc.property(values, (v) => {
        const reversed = Object.fromEntries(Object.entries(v).reverse());
        expect(JSON.stringify(score(reversed))).toBe(JSON.stringify(score(v)));
      }),
    );
  });
});
