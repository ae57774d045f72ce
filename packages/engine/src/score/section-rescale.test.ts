// A section with `notApplicable: 'rescale'` is scaled back to its points over the items that
// apply: round(score × points ÷ the applicable maximum), once, by the declared rounding. Scored
// on the kernels the sum is in integers (10^-dp points); held here to figures worked out by
// hand, in every rounding mode, and to the exact route.
import { describe, expect, it } from 'vitest';
import { parseRuleSet } from '../validate/parse.ts';
import { compileRuleSet } from './compile.ts';
import { createUnitScorer, scoreWith } from './score-unit.ts';
import type { RuleSetInput } from '../schema/ruleset.ts';

type Mode = 'half-up' | 'half-even' | 'down' | 'up';

/** Section 一 of 10 points: item 1 (2 points, applicable only where `assessed`), item 2 (8
 *  points, pro rata v ÷ 100). Where item 1 does not apply the maximum is 8, so the section
 *  score is rescaled by 10/8. */
function rules(mode: Mode) {
  const json: RuleSetInput = {
    schemaVersion: 1,
    id: 'rescale',
    title: '不适用项按比例折算',
    issuer: '市',
    level: '县',
    year: 2014,
    edition: 1,
    points: 10,
    rounding: { scores: { dp: 2, mode } },
    inputs: [
      { id: 'assessed', label: '参加考核', unit: 'yesno' },
      { id: 'ok', label: '已完成', unit: 'yesno' },
      { id: 'v', label: '完成数', unit: 'number' },
    ],
    sections: [
      {
        code: '一',
        title: '甲',
        points: 10,
        notApplicable: 'rescale',
        items: [
          {
            code: '1',
            title: '甲',
            points: 2,
            applicable: 'assessed',
            rule: { kind: 'yesno', input: 'ok' },
          },
          {
            code: '2',
            title: '乙',
            points: 8,
            rule: { kind: 'proportional', value: 'v', target: 100 },
          },
        ],
      },
    ],
  };
  const parsed = parseRuleSet(json);
  if (!parsed.ok)
    throw new Error(JSON.stringify(parsed.issues.map((i) => `${i.path}: ${i.message.en}`)));
  return compileRuleSet(parsed.value);
}

describe('a rescaled section', () => {
  // v = 0.25: item 2 scores 8 × 0.25 / 100 = 0.02; rescaled 0.02 × 10 / 8 = 0.025, a tie at 2
  // places. v = 0.75: 0.06 × 10 / 8 = 0.075, also a tie.
  const cases: [Mode, string, string][] = [
    ['half-up', '0.03', '0.08'],
    ['half-even', '0.02', '0.08'],
    ['down', '0.02', '0.07'],
    ['up', '0.03', '0.08'],
  ];
  for (const [mode, quarter, threeQuarters] of cases)
    it(`rounds score × points ÷ applicable maximum once, ${mode}`, () => {
      const rs = rules(mode);
      for (const [v, expected] of [
        [0.25, quarter],
        [0.75, threeQuarters],
      ] as const) {
        const unit = { id: 'u', name: '单位', values: { assessed: false, ok: true, v } };
        const fast = scoreWith(rs, createUnitScorer(rs, unit));
        const exact = scoreWith(rs, createUnitScorer(rs, unit, {}, { kernels: false }));
        expect(fast.sections[0]?.score).toBe(expected);
        expect(fast.sections[0]?.max).toBe('10');
        expect(fast.total).toBe(expected);
        expect(JSON.stringify(fast)).toBe(JSON.stringify(exact));
      }
    });
});
