import { describe, expect, it } from 'vitest';
import type { InputDef } from '../schema/ruleset.ts';
import { isRateExpression } from './rate-operands.ts';

const def = (id: string, unit: InputDef['unit']): [string, InputDef] => [
  id,
  { id, label: id, unit, source: 'unit', evidence: false },
];
const inputs = new Map<string, InputDef>([
  def('rate', '%'),
  def('rate_prev', '%'),
  def('birth', '‰'),
  def('births', '人'),
  def('assigned', '人'),
  def('members', '人'),
  def('population', '人'),
  def('budget', '元'),
  def('cases', 'count'),
  def('women', '人'),
]);

describe('which operands rounding.rates rounds', () => {
  it('rounds what works out to % or ‰', () => {
    for (const source of [
      'rate - rate_prev',
      '100 - rate',
      'peer_max(rate) * 0.9',
      'peer_mean(birth)',
      'min(rate, 100)',
      'rate > 90 ? rate : rate_prev',
      'members * 100 / population',
      'members / population * 100',
      '(members + births) * 100 / population',
      'births * 1000 / population',
      'cases * 100 / population',
    ])
      expect([source, isRateExpression(source, inputs)]).toEqual([source, true]);
  });

  it('leaves counts, amounts, money per head, mixed units and constants exact', () => {
    for (const source of [
      'assigned * 0.85',
      'ceil(women / 500)',
      'budget * 10000 / population',
      'budget * 100 / population',
      'members / population',
      'rate * births',
      'rate + births',
      '1 == 1 ? 50 : 40',
      "score('一.1')",
    ])
      expect([source, isRateExpression(source, inputs)]).toEqual([source, false]);
  });
});
