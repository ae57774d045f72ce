import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalPlaces } from './fixed.ts';
import { decimalPlaces, fmt, tryQ } from '../exact/exact.ts';

// A figure typed in canonical form is shown as typed (its result shares the string): that
// holds only when the text is exactly what fmt writes for the value it spells.
describe('canonicalPlaces', () => {
  it('tells the texts fmt writes, and their places', () => {
    // Hand-picked: canonical ones and near misses (a leading or trailing zero, "-0", a bare
    // point, a sign alone, spaces, an exponent).
    const cases: [string, number][] = [
      ['0', 0],
      ['7', 0],
      ['-12', 0],
      ['0.9286', 4],
      ['-0.5', 1],
      ['104.5', 1],
      ['1000000', 0],
      ['0.000001', 6],
      ['0.0000001', 7],
      ['-0', -1],
      ['00', -1],
      ['01.5', -1],
      ['0.50', -1],
      ['1.', -1],
      ['.5', -1],
      ['-', -1],
      ['', -1],
      [' 1', -1],
      ['1e3', -1],
      ['+1', -1],
      ['1.2.3', -1],
    ];
    for (const [text, places] of cases)
      expect([text, canonicalPlaces(text)]).toEqual([text, places]);
  });

  it('agrees with fmt on generated texts', () => {
    const text = fc
      .array(fc.constantFrom('0', '1', '5', '9', '.', '-', ' ', 'e'), {
        minLength: 1,
        maxLength: 9,
      })
      .map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, (s) => {
        const value = tryQ(s);
        const canonical = value !== undefined && fmt(value) === s;
        const places = canonicalPlaces(s);
        expect(places >= 0).toBe(canonical);
        if (value !== undefined && canonical) expect(places).toBe(decimalPlaces(value));
      }),
      { numRuns: 5000, seed: 13 },
    );
  });
});
