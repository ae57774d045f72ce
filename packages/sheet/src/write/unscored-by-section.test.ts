import { describe, expect, it } from 'vitest';
import { compileRuleSet, scoreUnit } from '@kaohe/engine';
import { goodValues, ruleSetOf, unit } from '../__tests__/fixture.ts';
import { unscoredBySection } from './result-problems.ts';

const compiled = compileRuleSet(ruleSetOf());
const score = (values: Record<string, unknown>) =>
  scoreUnit(compiled, { ...unit, values: { ...goodValues, ...values } as never });

describe('unscoredBySection: the sections whose sum is only a part', () => {
  it('counts the leaf items not scored in each section, sub-items included', () => {
    // 一.2 reads the blank birth rate; 一.3.(2) the blank 经费到位 (a sub-item of 一.3).
    const r = score({ birth_rate: null, funds_ok: null });
    expect([...unscoredBySection(r)]).toEqual([['一', 2]]);
  });

  it('counts a ratio that cannot be worked out (population 0) as not scored, never as 0 points', () => {
    const r = score({ pop: 0, group: null });
    expect([...unscoredBySection(r)]).toEqual([
      ['一', 1],
      ['二', 1],
    ]);
  });

  it('is empty when every item is scored', () => {
    expect(unscoredBySection(score({})).size).toBe(0);
  });
});
