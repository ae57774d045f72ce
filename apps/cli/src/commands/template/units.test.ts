import type { RuleSet } from '@kaohe/engine';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../errors.ts';
import { parseUnitSpec, parseUnitSpecs } from './units.ts';

const withClasses = {
  classes: [{ id: 'town', label: { zh: '镇', en: 'town' } }],
} as unknown as RuleSet;
const without = {} as unknown as RuleSet;

describe('parseUnitSpec', () => {
  it('reads name, id=name and id=name@class (class by id or label)', () => {
    expect(parseUnitSpec('昆都仑区', without)).toEqual({ id: '昆都仑区', name: '昆都仑区' });
    expect(parseUnitSpec('kdq=昆都仑区', without)).toEqual({ id: 'kdq', name: '昆都仑区' });
    expect(parseUnitSpec('a=甲镇@镇', withClasses)).toEqual({
      id: 'a',
      name: '甲镇',
      class: 'town',
    });
  });

  it('refuses an unknown class, a class without classes, duplicates', () => {
    expect(() => parseUnitSpec('a=甲@farm', withClasses)).toThrow(CliError);
    expect(() => parseUnitSpec('a=甲@town', without)).toThrow(CliError);
    expect(() => parseUnitSpecs(['a=甲', 'b=甲'], without)).toThrow(CliError);
  });
});
