// Fixed-point integers for the cohort hot path. A figure is held as an integer count of
// 10^-6 (its "micro" value) and a score as an integer count of 10^-dp points, both within
// Number.MAX_SAFE_INTEGER, so every operation below is exact integer arithmetic. Anything
// that would not fit returns undefined and the caller falls back to exact rationals.
import type { Rounding } from '../schema/common.ts';

export const MICRO_DP = 6;
export const MICRO = 1_000_000;

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8] as const;

/** A plain decimal (or finite JS number) as micro units; undefined when it does not fit. */
export function toMicro(raw: string | number): number | undefined {
  // Neither text nor a number at run time (an object from JSON): the exact reader reports it.
  if (typeof raw !== 'number' && typeof raw !== 'string') return undefined;
  if (typeof raw === 'number') {
    // Whole numbers (counts, populations) need no text at all.
    if (Number.isInteger(raw) && Math.abs(raw) <= MAX_WHOLE) return raw * MICRO + 0;
    return parseMicro(String(raw));
  }
  const first = raw.charCodeAt(0);
  const last = raw.charCodeAt(raw.length - 1);
  return parseMicro(first <= 32 || last <= 32 ? raw.trim() : raw);
}

const MAX_WHOLE = Math.floor(Number.MAX_SAFE_INTEGER / MICRO);

/** Plain decimal text (-?digits[.digits]) to micro units, by hand on the hot path: the same
 *  grammar as the exact parser, at most 6 places, within the safe range. */
function parseMicro(text: string): number | undefined {
  const n = text.length;
  let i = 0;
  let negative = false;
  if (text.charCodeAt(0) === 45) {
    negative = true;
    i = 1;
  }
  let whole = 0;
  let wholeDigits = 0;
  let frac = 0;
  let fracDigits = 0;
  let dot = false;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      if (dot || wholeDigits === 0) return undefined;
      dot = true;
    } else if (c >= 48 && c <= 57) {
      if (dot) {
        if (++fracDigits > MICRO_DP) return undefined;
        frac = frac * 10 + (c - 48);
      } else {
        whole = whole * 10 + (c - 48);
        if (++wholeDigits > 16 || whole > MAX_WHOLE) return undefined;
      }
    } else return undefined;
  }
  if (wholeDigits === 0 || (dot && fracDigits === 0)) return undefined;
  const value = whole * MICRO + frac * (POW10[MICRO_DP - fracDigits] ?? 1);
  if (!Number.isSafeInteger(value)) return undefined;
  return negative && value !== 0 ? -value : value;
}

/** A decimal as an integer count of 10^-dp; undefined if it has more places or does not fit. */
export function toScaled(raw: string | number, dp: number): number | undefined {
  const micro = toMicro(raw);
  if (micro === undefined) return undefined;
  const div = POW10[MICRO_DP - dp];
  if (div === undefined || micro % div !== 0) return undefined;
  return micro / div;
}

const safe = (x: number): number | undefined => (Number.isSafeInteger(x) ? x : undefined);

export function mulSafe(a: number, b: number): number | undefined {
  return safe(a * b);
}

/** floor(a / b) for safe integers, b > 0, exact despite floating division. */
export function floorDiv(a: number, b: number): number {
  let quotient = Math.floor(a / b);
  let rest = a - quotient * b;
  while (rest < 0) {
    quotient -= 1;
    rest += b;
  }
  while (rest >= b) {
    quotient += 1;
    rest -= b;
  }
  return quotient;
}

export function ceilDiv(a: number, b: number): number {
  return -floorDiv(-a, b);
}

/**
 * Whether a magnitude with a remainder rounds up, by the declared mode (half-up: ties away from
 * zero). `half` compares twice the remainder with the divisor: < 0, 0 (a tie) or > 0.
 */
export function roundsUp(
  mode: Rounding['mode'],
  half: number,
  restNonZero: boolean,
  quotientOdd: boolean,
): boolean {
  switch (mode) {
    case 'down':
      return false;
    case 'up':
      return restNonZero;
    case 'half-up':
      return half >= 0 && restNonZero;
    case 'half-even':
      return half > 0 || (half === 0 && restNonZero && quotientOdd);
  }
}

/** n / d rounded to an integer by the declared mode (half-up: ties away from zero); d > 0. */
export function roundDiv(n: number, d: number, mode: Rounding['mode']): number {
  const negative = n < 0;
  const a = negative ? -n : n;
  const quotient = floorDiv(a, d);
  const rest = a - quotient * d;
  const magnitude = roundsUp(mode, Math.sign(2 * rest - d), rest > 0, quotient % 2 === 1)
    ? quotient + 1
    : quotient;
  return negative ? -magnitude : magnitude;
}

/** An integer count of 10^-dp as canonical decimal text: 1950 at dp 2 → "19.5". */
export function scaledText(value: number, dp: number): string {
  if (dp === 0) return String(value + 0);
  const unit = POW10[dp];
  if (unit === undefined || !Number.isSafeInteger(value)) return scaledTextSlow(value, dp);
  const magnitude = value < 0 ? -value : value;
  let frac = magnitude % unit;
  const int = (magnitude - frac) / unit;
  const sign = value < 0 ? '-' : '';
  if (frac === 0) return sign + String(int);
  // The places without trailing zeros: 50 of 100 → "5", 5 of 100 → "05".
  let places = dp;
  while (frac % 10 === 0) {
    frac /= 10;
    places--;
  }
  const digits = String(frac);
  return `${sign}${int}.${digits.length < places ? '0'.repeat(places - digits.length) + digits : digits}`;
}

function scaledTextSlow(value: number, dp: number): string {
  const negative = value < 0;
  const digits = String(negative ? -value : value).padStart(dp + 1, '0');
  const int = digits.slice(0, digits.length - dp);
  const frac = digits.slice(digits.length - dp).replace(/0+$/, '');
  return (negative && value !== 0 ? '-' : '') + (frac ? `${int}.${frac}` : int);
}
