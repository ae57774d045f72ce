import { describe, expect, it } from 'vitest';
import { parseRuleSet } from '../validate/parse.ts';
import { compileRuleSet } from './compile.ts';
import { scoreUnit } from './score-unit.ts';
import { rankCohort } from '../fast/rank-cohort.ts';
import type { RuleSetInput } from '../schema/ruleset.ts';
import type { InputValue } from '../model/result.ts';

// 1 point when nothing was reported, else 1 point per 20 cases done, at most 5.
const json: RuleSetInput = {
  schemaVersion: 1,
  id: 'blank-refused',
  title: '空白与错填',
  issuer: '市',
  level: '县',
  year: 2026,
  edition: 1,
  points: 5,
  rounding: { scores: { dp: 2, mode: 'half-up' } },
  inputs: [{ id: 'done', label: '办结件数', unit: 'number', min: 0, max: 100 }],
  sections: [
    {
      code: '一',
      title: '办结',
      points: 5,
      items: [
        {
          code: '1',
          title: '办结件数',
          points: 5,
          rule: { kind: 'expr', score: 'if(blank(done), 1, min(5, done / 20))' },
        },
      ],
    },
  ],
};

const parsed = parseRuleSet(json);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const rs = compileRuleSet(parsed.value);
const both = (done: InputValue) => {
  const unit = { id: 'u', name: '某县', values: { done } };
  const full = scoreUnit(rs, unit);
  const lean = rankCohort(rs, [unit]).units[0];
  expect([lean?.total, lean?.complete]).toEqual([full.total, full.complete]);
  return full;
};

describe('blank() tells a blank from a figure typed but refused', () => {
  it('a blank is blank: 1 point, as the rule says', () => {
    const r = both(null);
    expect([r.total, r.complete, r.sections[0]?.items[0]?.status]).toEqual(['1', true, 'partly-met']);
  });

  it('text or a figure out of range is not scored (never 1 point as if the cell were empty)', () => {
    for (const typed of ['abc', '912', '-3']) {
      const r = both(typed);
      const item = r.sections[0]?.items[0];
      expect([item?.score, item?.status, r.complete]).toEqual([null, 'missing-input', false]);
      expect(item?.missingInputs).toEqual(['done']);
      expect(r.issues.map((i) => i.code)).toContain(typed === 'abc' ? 'bad-value' : 'out-of-range');
    }
  });

  it('a figure is read as one: 60 done → 3 points', () => {
    expect(both('60').total).toBe('3');
  });
});
