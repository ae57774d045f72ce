import { describe, expect, it } from 'vitest';
import { fieldText, fieldValue, formulaValue } from './fields.ts';

describe('form fields', () => {
  it('keeps decimals exact and never turns a blank into 0', () => {
    expect(fieldValue('7.5')).toBe(7.5);
    expect(fieldValue(' 8 ')).toBe(8);
    expect(fieldValue('0.30000000000000001')).toBe('0.30000000000000001'); // no float rounding
    expect(fieldValue('7.50')).toBe('7.50'); // as written
    expect(fieldValue('birth_rate * 2')).toBe('birth_rate * 2');
    expect(fieldValue('')).toBeNull();
    expect(fieldValue('  ', true)).toBeUndefined();
    expect([fieldText(8), fieldText('a'), fieldText(null), fieldText(undefined)]).toEqual([
      '8',
      'a',
      '',
      '',
    ]);
  });

  it('keeps a formula as text, a bare number too; a blank formula is null or, if optional, absent', () => {
    expect(formulaValue(' total < 60 ')).toBe('total < 60');
    expect(formulaValue('1')).toBe('1');
    expect(formulaValue(' ')).toBeNull();
    expect(formulaValue('', true)).toBeUndefined();
  });
});
