import { describe, expect, it } from 'vitest';
import type { InputDef } from '../schema/ruleset.ts';
import { expressionUnit } from './rate-operands.ts';

const inputs = new Map<string, InputDef>(
  (
    [
      ['a', '人'],
      ['b', '人'],
      ['rate', '%'],
      ['budget', '万元'],
      ['pop', '人'],
    ] as const
  ).map(([id, unit]) => [id, { id, label: id, unit, source: 'unit', evidence: false }]),
);
const unit = (source: string) => expressionUnit(source, inputs);

describe('the unit a reason shows a derived value in', () => {
  it('is the one the formula keeps, and none where it does not say', () => {
    expect(unit('rate * 0.999')).toBe('%');
    expect(unit('a + b')).toBe('人');
    expect(unit('a * 0.85')).toBe('人');
    expect(unit('max(a, b) - 2')).toBe('人');
    expect(unit('peer_mean(rate)')).toBe('%');
    expect(unit('a / b * 100')).toBe('%');
    expect(unit('a / b')).toBeUndefined(); // a ratio of persons: a plain number
    expect(unit('budget * 10000')).toBeUndefined(); // 万元 to 元: a conversion
    expect(unit('budget / pop')).toBeUndefined();
    expect(unit('a + rate')).toBeUndefined();
  });
});
