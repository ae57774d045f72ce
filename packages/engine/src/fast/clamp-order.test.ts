import { describe, expect, it } from 'vitest';
import { parseRuleSet } from '../validate/parse.ts';
import { compileRuleSet } from '../score/compile.ts';
import { scoreUnit } from '../score/score-unit.ts';
import { rankCohort } from './rank-cohort.ts';
import type { RuleSetInput } from '../schema/ruleset.ts';

// A 10-point parent with a floor of 7 and two 5-point sub-items; for a farm the second does not
// apply, so the parent's maximum shrinks to 5, below its floor. The exact evaluator raises to
// the floor first and then caps (clamp: the cap wins): 5, never 7 points out of 5.
const json: RuleSetInput = {
  schemaVersion: 1,
  id: 'clamp-order',
  title: '保底分',
  issuer: '市',
  level: '县',
  year: 2026,
  edition: 1,
  points: 10,
  rounding: { scores: { dp: 1, mode: 'half-up' } },
  inputs: [
    { id: 'a', label: '甲', unit: 'yesno' },
    { id: 'b', label: '乙', unit: 'yesno' },
  ],
  sections: [
    {
      code: '一',
      title: '工作',
      points: 10,
      items: [
        {
          code: '1',
          title: '合计',
          points: 10,
          min: 7,
          items: [
            { code: '(1)', title: '甲', points: 5, rule: { kind: 'yesno', input: 'a' } },
            {
              code: '(2)',
              title: '乙',
              points: 5,
              applicable: "class != 'farm'",
              rule: { kind: 'yesno', input: 'b' },
            },
          ],
        },
      ],
    },
  ],
  classes: [
    { id: 'farm', label: '农场' },
    { id: 'town', label: '城镇' },
  ],
};

describe('the floor and the cap are applied in one order on both paths', () => {
  it('a maximum shrunk below the floor caps the score (5 of 5, not 7)', () => {
    const parsed = parseRuleSet(json);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const rs = compileRuleSet(parsed.value);
    const units = [
      { id: 'f', name: '农场', class: 'farm', values: { a: '否', b: '否' } },
      { id: 't', name: '城镇', class: 'town', values: { a: '否', b: '否' } },
    ];
    // farm: sub-items 0 (of a 5 maximum), floor 7 → capped at 5; town: 0 of 10 → floor 7.
    expect(units.map((u) => scoreUnit(rs, u).total)).toEqual(['5', '7']);
    const ranked = rankCohort(rs, units);
    expect(ranked.units.map((u) => [u.unitId, u.total])).toEqual([
      ['t', '7'],
      ['f', '5'],
    ]);
    expect(ranked.routes.exact).toBe(0);
  });
});
