import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normaliseSource } from './normalise.ts';

describe('normaliseSource', () => {
  it('maps full-width operators, digits and spaces outside strings', () => {
    expect(normaliseSource('（ａ＞＝９２）　×２÷１．５')).toBe('(ａ>=92) *2/1.5');
    expect(normaliseSource('a ＝＝ 1 ？ 2 ： 3')).toBe('a == 1 ? 2 : 3');
  });
  it('leaves string contents as typed and turns curly quotes into ASCII ones', () => {
    expect(normaliseSource("s == '达标（部分）'")).toBe("s == '达标（部分）'");
    expect(normaliseSource('score(‘二.1’)＞＝1')).toBe("score('二.1')>=1");
    expect(normaliseSource('t == “其’他”')).toBe('t == "其’他"');
    expect(normaliseSource("'it’s' ＋ 'a\\'（'")).toBe("'it’s' + 'a\\'（'");
  });
  it('never changes the length, so positions hold', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'（）＞＝，× ÷‘’“”\'"\\ab1．　') }), (s) => {
        expect(normaliseSource(s)).toHaveLength(s.length);
      }),
    );
  });
});
