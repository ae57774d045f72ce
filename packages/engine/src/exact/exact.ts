// Exact rationals for points and rates, through fraction.js (BigInt-backed, well kept).
// Every value on the scoring path is a Q; rounding happens only where a rule set declares it,
// so "divide once, last" holds by construction: 3 × (3 ÷ 360) ÷ 0.2 is exactly 1/8.
import Fraction from 'fraction.js';
import type { Rounding } from '../schema/common.ts';

export type Q = Fraction;

const DECIMAL = /^-?\d+(\.\d+)?$/;

export const ZERO: Q = new Fraction(0);
export const ONE: Q = new Fraction(1);
export const HUNDRED: Q = new Fraction(100);

/** A decimal literal (number or plain decimal string) as an exact rational. */
export function q(value: number | string | bigint): Q {
  if (typeof value === 'bigint') return new Fraction(value);
  // A JS number is read through its shortest decimal spelling: 0.1 → "0.1" → 1/10.
  const text = typeof value === 'number' ? numberToDecimal(value) : value.trim();
  if (!DECIMAL.test(text)) throw new RangeError(`not a plain decimal: ${JSON.stringify(value)}`);
  return fromDecimal(text);
}

/** Parses a plain decimal string; undefined when it is not one. */
export function tryQ(text: string): Q | undefined {
  const t = text.trim();
  return DECIMAL.test(t) ? fromDecimal(t) : undefined;
}

/** 10^k as a BigInt, the first few kept (places of scores and figures are small). */
const POW10: bigint[] = Array.from({ length: 32 }, (_, k) => 10n ** BigInt(k));
const pow10 = (k: number): bigint => POW10[k] ?? 10n ** BigInt(k);

/** A text DECIMAL accepts, as digits over a power of ten (what fraction.js makes of it). */
function fromDecimal(text: string): Q {
  const point = text.indexOf('.');
  if (point < 0) return new Fraction(BigInt(text));
  const places = text.length - point - 1;
  return new Fraction(BigInt(text.slice(0, point) + text.slice(point + 1)), pow10(places));
}

function numberToDecimal(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  const s = String(n);
  if (!/e/i.test(s)) return s;
  // Exponent form (1e-7, 1e21): expand it exactly from its digits.
  const [mant = '0', expText = '0'] = s.toLowerCase().split('e');
  const neg = mant.startsWith('-');
  const [int = '0', frac = ''] = mant.replace('-', '').split('.');
  const digits = int + frac;
  const point = int.length + Number(expText);
  let out: string;
  if (point <= 0) out = '0.' + '0'.repeat(-point) + digits;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = digits.slice(0, point) + '.' + digits.slice(point);
  return (neg ? '-' : '') + out;
}

export const add = (a: Q, b: Q): Q => a.add(b);
export const sub = (a: Q, b: Q): Q => a.sub(b);
export const mul = (a: Q, b: Q): Q => a.mul(b);
export const div = (a: Q, b: Q): Q => a.div(b);
export const neg = (a: Q): Q => a.neg();
export const abs = (a: Q): Q => a.abs();
export const cmp = (a: Q, b: Q): -1 | 0 | 1 => Math.sign(a.compare(b)) as -1 | 0 | 1;
export const isZero = (a: Q): boolean => a.n === 0n;
export const sign = (a: Q): -1 | 0 | 1 => (a.n === 0n ? 0 : (Number(a.s) as -1 | 1));
export const min = (a: Q, b: Q): Q => (a.compare(b) <= 0 ? a : b);
export const max = (a: Q, b: Q): Q => (a.compare(b) >= 0 ? a : b);
export const clamp = (a: Q, lo: Q | undefined, hi: Q | undefined): Q => {
  let r = a;
  if (lo !== undefined && r.compare(lo) < 0) r = lo;
  if (hi !== undefined && r.compare(hi) > 0) r = hi;
  return r;
};
export const floor = (a: Q): Q => a.floor();
export const ceil = (a: Q): Q => a.ceil();
export const sum = (xs: readonly Q[]): Q => xs.reduce((s, x) => s.add(x), ZERO);

/** Rounds to `dp` places by the declared mode; half-up is 四舍五入 (ties away from zero). */
export function round(a: Q, rounding: Rounding): Q {
  const scale = pow10(rounding.dp);
  // Already on the grid of 10^-dp (the usual case): nothing to round.
  if (scale % a.d === 0n) return a;
  // |a| × 10^dp = whole + rest/d, with a.n ≥ 0 and the sign in a.s.
  const scaled = a.n * scale;
  const whole = scaled / a.d;
  const rest = scaled % a.d;
  let up: boolean;
  switch (rounding.mode) {
    case 'down':
      up = false;
      break;
    case 'up':
      up = rest !== 0n;
      break;
    case 'half-up':
      up = 2n * rest >= a.d;
      break;
    case 'half-even': {
      const twice = 2n * rest;
      up = twice > a.d || (twice === a.d && whole % 2n === 1n);
      break;
    }
  }
  const magnitude = up ? whole + 1n : whole;
  return new Fraction(a.s < 0n ? -magnitude : magnitude, scale);
}

/** The places of a value's finite decimal form (0.125 → 3), undefined when it has none (1/3). */
export function decimalPlaces(a: Q): number | undefined {
  let d = a.d;
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) {
    d /= 2n;
    twos++;
  }
  while (d % 5n === 0n) {
    d /= 5n;
    fives++;
  }
  return d === 1n ? Math.max(twos, fives) : undefined;
}

/**
 * Canonical decimal text: no exponent, no trailing zeros ("12.7", "0.125", "-3").
 * A value with no finite decimal expansion (1/3) must be rounded first: that is a bug.
 */
export function fmt(a: Q): string {
  const places = decimalPlaces(a);
  if (places === undefined)
    throw new RangeError(`${a.toFraction()} has no finite decimal form; round it first`);
  // Exactly as many places as the value has (fraction.js defaults to 15 and would cut): the
  // digits of |a| × 10^places, an integer, with the point put back.
  const digits = ((a.n * pow10(places)) / a.d).toString();
  const sign = a.s < 0n && a.n !== 0n ? '-' : '';
  if (places === 0) return sign + digits;
  const padded = digits.padStart(places + 1, '0');
  return `${sign}${padded.slice(0, -places)}.${padded.slice(-places)}`;
}

/** Fixed decimal places for display ("0.50"), rounding half-up. */
export function fmtFixed(a: Q, dp: number): string {
  const r = round(a, { dp, mode: 'half-up' });
  const text = fmt(r);
  if (dp === 0) return text;
  const [int, frac = ''] = text.split('.');
  return `${int}.${frac.padEnd(dp, '0')}`;
}
