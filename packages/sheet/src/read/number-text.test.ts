import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type InputDef } from '@kaohe/engine';
import { fmt, q } from '@kaohe/engine/internal';
import { numberText } from './number-text.ts';
import { parseInput } from './parse-input.ts';

const def = (unit: InputDef['unit']): InputDef => ({
  id: 'x',
  label: 'x',
  unit,
  source: 'unit',
  evidence: false,
});
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** A decimal with at most 15 significant digits, as Excel keeps them: n / 10^dp. */
const decimal = fc
  .tuple(fc.integer({ min: -(10 ** 12), max: 10 ** 12 }), fc.integer({ min: 0, max: 3 }))
  .map(([n, dp]) => fmt(q(n).div(10 ** dp)));

describe('numbers to exact decimal text', () => {
  it('spells every finite double as a plain decimal that reads back to the same double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (d) => {
        const text = numberText(d);
        expect(text).toMatch(DECIMAL);
        expect(Number(text)).toBe(Object.is(d, -0) ? 0 : d);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a percent-formatted cell (Excel holds the fraction) as exactly the percentage shown', () => {
    fc.assert(
      fc.property(decimal, (pct) => {
        const stored = Number(fmt(q(pct).div(100)));
        expect(parseInput(stored, '0.00%', def('%'), 'A1').value).toBe(pct);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads numbers typed with thousands separators or stored as text exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.integer({ min: 0, max: 99 }),
        (int, cents) => {
          const grouped = int.toLocaleString('en-US');
          const text = cents ? `${grouped}.${String(cents).padStart(2, '0')}` : grouped;
          const expected = fmt(q(`${int}.${String(cents).padStart(2, '0')}`));
          expect(parseInput(text, null, def('元'), 'A1')).toEqual({ value: expected, issues: [] });
        },
      ),
      { numRuns: 1000 },
    );
  });
});
