import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalPlaces, roundScaled } from './fixed.ts';
import { decimalPlaces, fmt, q, round, tryQ } from '../exact/exact.ts';

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

// A share of large figures (a reduction's achieved %) is rounded past the safe range of
// n × 10^dp without BigInt: held to the exact evaluator's rounding.
describe('roundScaled past the safe range of n × 10^dp', () => {
  it('rounds as the exact evaluator does, by every mode', () => {
    const modes = ['half-up', 'half-even', 'up', 'down'] as const;
    fc.assert(
      fc.property(
        fc.integer({ min: -Number.MAX_SAFE_INTEGER + 1e9, max: Number.MAX_SAFE_INTEGER - 1e9 }),
        fc.integer({ min: 1, max: 1e9 }),
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom(...modes),
        (n, d, dp, mode) => {
          const exact = round(q(n).div(q(d)), { dp, mode }).mul(q(10 ** dp));
          const expected = Number(fmt(exact));
          // (-0 and 0 are one count.)
          const got = roundScaled(n, d, dp, mode) + 0;
          expect(Number.isSafeInteger(expected) ? got : Number.NaN).toBe(
            Number.isSafeInteger(expected) ? expected : got,
          );
        },
      ),
      { numRuns: 5000, seed: 29 },
    );
  });
});
