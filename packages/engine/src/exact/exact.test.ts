import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { add, cmp, div, fmt, fmtFixed, mul, q, round, sub } from './exact.ts';

describe('exact decimals', () => {
  it('keeps 13 − 3 × 0.1 at exactly 12.7', () => {
    expect(fmt(sub(q(13), mul(q(3), q(0.1))))).toBe('12.7');
  });
  it('reads JSON numbers through their decimal spelling', () => {
    expect(fmt(add(q(0.1), q(0.2)))).toBe('0.3');
    expect(fmt(q(1e-7))).toBe('0.0000001');
    expect(fmt(q(-2.5e21))).toBe('-2500000000000000000000');
  });
  it('divides exactly: 3 × (3 ÷ 360) ÷ 0.2 rounds half-up to 0.13', () => {
    const v = div(mul(q(3), div(q(3), q(360))), q('0.2'));
    expect(fmt(v)).toBe('0.125');
    expect(fmt(round(v, { dp: 2, mode: 'half-up' }))).toBe('0.13');
    expect(fmt(round(v, { dp: 2, mode: 'half-even' }))).toBe('0.12');
    expect(fmt(round(q('-0.125'), { dp: 2, mode: 'half-up' }))).toBe('-0.13');
    expect(fmt(round(q('0.129'), { dp: 2, mode: 'down' }))).toBe('0.12');
    expect(fmt(round(q('0.121'), { dp: 2, mode: 'up' }))).toBe('0.13');
  });
  it('compares a rate of exactly 92 as meeting ≥ 92', () => {
    expect(cmp(q('92.0'), q(92))).toBe(0);
  });
  it('refuses to print a value with no finite decimal form', () => {
    expect(() => fmt(div(q(1), q(3)))).toThrow(/round it first/);
    expect(fmtFixed(div(q(1), q(3)), 2)).toBe('0.33');
  });
  it('prints every place a value has, beyond 15', () => {
    expect(fmt(q('0.30000000000000004'))).toBe('0.30000000000000004');
    expect(fmt(div(q(1), q(2 ** 40)))).toBe('0.0000000000009094947017729282379150390625');
  });
  it('rejects text that is not a plain decimal', () => {
    expect(() => q('9 2')).toThrow();
    expect(() => q('1e3')).toThrow();
  });
  it('round-trips every integer-cent amount exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (cents) => {
        const text = fmt(div(q(cents), q(100)));
        expect(fmt(mul(q(text), q(100)))).toBe(String(cents));
      }),
    );
  });
});

describe('round and fmt on BigInt digits', () => {
  const r = (x: string, dp: number, mode: 'down' | 'up' | 'half-up' | 'half-even') =>
    fmt(round(q(x), { dp, mode }));
  it('rounds magnitudes, keeping the sign, by each mode', () => {
    // -2.345 × 100 = -234.5: down keeps 234, up and half-up take 235, half-even the even 234.
    expect(r('-2.345', 2, 'down')).toBe('-2.34');
    expect(r('-2.345', 2, 'up')).toBe('-2.35');
    expect(r('-2.345', 2, 'half-up')).toBe('-2.35');
    expect(r('-2.345', 2, 'half-even')).toBe('-2.34');
    // 0.0351 × 100 = 3.51: above the half, half-even goes up to 4.
    expect(r('0.0351', 2, 'half-even')).toBe('0.04');
    // A value already on the grid comes back as it is, in every mode.
    expect(r('-7.5', 2, 'up')).toBe('-7.5');
  });
  it('writes the leading zeros of a small value and no sign on zero', () => {
    expect(fmt(q('-0.005'))).toBe('-0.005');
    expect(fmt(div(q(1), q(-8)))).toBe('-0.125');
    expect(fmt(round(q('-0.004'), { dp: 2, mode: 'half-up' }))).toBe('0');
  });
});
