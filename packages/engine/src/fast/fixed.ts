// Integers for the cohort hot path. A score is an integer count of 10^-dp points; a figure is an
// exact rational held as two safe integers (below); a tie-break key read from an input is a
// count of 10^-6 ("micro" units). Every operation is exact integer arithmetic; one that would
// leave Number.MAX_SAFE_INTEGER says so (undefined, false or NaN), and is never rounded.
import type { Rounding } from '../schema/common.ts';

export const MICRO_DP = 6;
const MICRO = 1_000_000;

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
  // Past the micro range (a score above 9·10^9 at 6 places) but within the scale's own range.
  if (micro === undefined)
    return typeof raw === 'string' ? scaledOfText(raw.trim(), dp) : undefined;
  const div = POW10[MICRO_DP - dp];
  if (div === undefined || micro % div !== 0) return undefined;
  return micro / div;
}

/** Plain decimal text with at most `dp` places as a count of 10^-dp, within the safe range. */
function scaledOfText(text: string, dp: number): number | undefined {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  const unit = POW10[dp];
  if (!m || unit === undefined) return undefined;
  const [, sign = '', whole = '', frac = ''] = m;
  if (frac.length > dp) return undefined;
  const value = Number(whole) * unit + Number(frac.padEnd(dp, '0') || '0');
  if (!Number.isSafeInteger(value) || !Number.isSafeInteger(Number(whole) * unit)) return undefined;
  return sign && value !== 0 ? -value : value;
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
function roundsUp(
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

/**
 * The places of decimal text in canonical form (fmt's: -?(0|[1-9][0-9]*)(.[0-9]*[1-9])?, never
 * "-0"), -1 for any other text. A figure typed that way is its own canonical text: its result
 * can show the string as typed instead of writing it out again.
 */
export function canonicalPlaces(s: string): number {
  const len = s.length;
  let i = s.charCodeAt(0) === 45 ? 1 : 0;
  const negative = i === 1;
  if (i >= len) return -1;
  let c = s.charCodeAt(i);
  let nonzero = false;
  if (c === 48) i++;
  else if (c >= 49 && c <= 57) {
    nonzero = true;
    i++;
    while (i < len && (c = s.charCodeAt(i)) >= 48 && c <= 57) i++;
  } else return -1;
  if (i === len) return negative && !nonzero ? -1 : 0;
  if (s.charCodeAt(i) !== 46 || i + 1 === len || s.charCodeAt(len - 1) === 48) return -1;
  const point = i++;
  for (; i < len; i++) {
    c = s.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
  }
  // The last digit is not 0: the value is not zero.
  return len - point - 1;
}

/** Texts of small counts (|value| < SMALL) by places, made once: an item's score, a slope's
 *  amount (3.5, 0.25) recur in every unit's results, which then share one string. */
const SMALL = 4096;
const SMALL_TEXTS: (string | undefined)[][] = [];

/** An integer count of 10^-dp as canonical decimal text: 1950 at dp 2 → "19.5". */
export function scaledText(value: number, dp: number): string {
  if (dp === 0) return String(value + 0);
  const unit = POW10[dp];
  if (unit === undefined || !Number.isSafeInteger(value)) return scaledTextSlow(value, dp);
  if (value > -SMALL && value < SMALL) {
    const texts = (SMALL_TEXTS[dp] ??= new Array<string | undefined>(2 * SMALL));
    const known = texts[value + SMALL];
    if (known !== undefined) return known;
    return (texts[value + SMALL] = placesText(value, dp, unit));
  }
  return placesText(value, dp, unit);
}

/**
 * scaledText for the totals of one cohort, each text made once: a cohort's totals repeat (they
 * span a few thousand counts of 10^-dp), kept by the count below 2^15 (an array read), in a
 * bounded map past that.
 */
export function scaledTexts(dp: number): (total: number) => string {
  const small = new Array<string | undefined>(1 << 15);
  const large = new Map<number, string>();
  return (total) => {
    if (total >= 0 && total < 1 << 15) return (small[total] ??= scaledText(total, dp));
    let text = large.get(total);
    if (text === undefined) {
      text = scaledText(total, dp);
      if (large.size >= 65_536) large.clear();
      large.set(total, text);
    }
    return text;
  };
}

function placesText(value: number, dp: number, unit: number): string {
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

/** n / d (safe integers, d > 0) in lowest terms, into `out`, and the places of its decimal
 *  form: -1 when it has none (a prime other than 2 and 5 in the denominator). No object is
 *  made: show's text is asked for every figure of every reason. */
export function lowestTerms(n: number, d: number, out: Rat): number {
  const g = gcd(n, d);
  if (g > 1) {
    n /= g;
    d /= g;
  }
  out.n = n;
  out.d = d;
  let rest = d;
  let twos = 0;
  let fives = 0;
  while (rest % 2 === 0) {
    rest /= 2;
    twos++;
  }
  while (rest % 5 === 0) {
    rest /= 5;
    fives++;
  }
  return rest === 1 ? (twos > fives ? twos : fives) : -1;
}

const LOWEST: Rat = { n: 0, d: 1 };

/** The rational n / d (safe integers, d > 0) as canonical decimal text (fmt's), undefined when
 *  it has no finite decimal form or its digits would leave the safe range. */
export function decimalText(n: number, d: number): string | undefined {
  const places = lowestTerms(n, d, LOWEST);
  const unit = places < 0 ? undefined : POW10R[places];
  if (unit === undefined) return undefined;
  const digits = LOWEST.n * (unit / LOWEST.d);
  return Number.isSafeInteger(digits) ? scaledText(digits, places) : undefined;
}

function scaledTextSlow(value: number, dp: number): string {
  const negative = value < 0;
  const digits = String(negative ? -value : value).padStart(dp + 1, '0');
  const int = digits.slice(0, digits.length - dp);
  const frac = digits.slice(digits.length - dp).replace(/0+$/, '');
  return (negative && value !== 0 ? '-' : '') + (frac ? `${int}.${frac}` : int);
}

// Exact rationals as pairs of safe integers, for figures that are not a whole count of 10^-6
// (4–6 place rates, ratios such as budget ÷ population, reductions against last year). A pair
// is n / d with d > 0. Every operation checks its products against the safe range and reports
// one that would leave it (false / NaN) instead of rounding; comparisons fall back to BigInt.

/** A rational's numerator and denominator (d > 0). */
export interface Rat {
  n: number;
  d: number;
}

const isSafe = Number.isSafeInteger;

export function gcd(a: number, b: number): number {
  if (a < 0) a = -a;
  if (b < 0) b = -b;
  // Double-precision remainders are slow; below 2^31 the same steps run on int32.
  while (b !== 0 && (a > 0x7fffffff || b > 0x7fffffff)) {
    const r = a % b;
    a = b;
    b = r;
  }
  if (b === 0) return a;
  let x = a | 0;
  let y = b | 0;
  while (y !== 0) {
    const r = (x % y) | 0;
    x = y;
    y = r;
  }
  return x;
}

/** The sign of a/b − c/d (b, d > 0), by cross-multiplying; BigInt only when a product would
 *  leave the safe range. */
export function cmpRat(a: number, b: number, c: number, d: number): number {
  if (b === d) return a < c ? -1 : a > c ? 1 : 0;
  const x = a * d;
  const y = c * b;
  if (isSafe(x) && isSafe(y)) return x < y ? -1 : x > y ? 1 : 0;
  const bx = BigInt(a) * BigInt(d);
  const by = BigInt(c) * BigInt(b);
  return bx < by ? -1 : bx > by ? 1 : 0;
}

/**
 * a/b + c/d into `out`; false when it would leave the safe range. While the cross products fit,
 * no common factor is looked for (a greatest common divisor costs more than the rest of the
 * operation): results are exact, not always in lowest terms. Only when they would not fit are
 * both operands brought to lowest terms and added over their least common denominator, so an
 * operation fails only when its exact result (in lowest terms) is past the safe range.
 */
export function addRat(a: number, b: number, c: number, d: number, out: Rat): boolean {
  if (b === d) {
    const n = a + c;
    if (isSafe(n)) {
      out.n = n + 0;
      out.d = b;
      return true;
    }
  } else {
    const x = a * d;
    const y = c * b;
    const den = b * d;
    const n = x + y;
    if (isSafe(x) && isSafe(y) && isSafe(den) && isSafe(n)) {
      out.n = n + 0;
      out.d = den;
      return true;
    }
  }
  const g1 = gcd(a, b);
  const g2 = gcd(c, d);
  return addLowest(a / g1, b / g1, c / g2, d / g2, out);
}

/** a/b + c/d over the least common denominator, the operands in lowest terms. */
function addLowest(a: number, b: number, c: number, d: number, out: Rat): boolean {
  const g = gcd(b, d);
  const x = a * (d / g);
  const y = c * (b / g);
  const den = (b / g) * d;
  const n = x + y;
  if (!isSafe(x) || !isSafe(y) || !isSafe(den) || !isSafe(n)) return false;
  // The sum's own common factor (a sum of fractions in lowest terms need not be in them).
  const h = gcd(n, den);
  out.n = n / h + 0;
  out.d = den / h;
  return true;
}

/** a/b − c/d into `out`; false when it would leave the safe range. */
export function subRat(a: number, b: number, c: number, d: number, out: Rat): boolean {
  return addRat(a, b, -c, d, out);
}

/** a/b × c/d into `out`; false when it would leave the safe range. As addRat: the products as
 *  they are while they fit, else the operands in lowest terms and cross-reduced. */
export function mulRat(a: number, b: number, c: number, d: number, out: Rat): boolean {
  if (a === 0 || c === 0) {
    out.n = 0;
    out.d = 1;
    return true;
  }
  const n = a * c;
  const den = b * d;
  if (isSafe(n) && isSafe(den)) {
    out.n = n + 0;
    out.d = den;
    return true;
  }
  const g1 = gcd(a, b);
  const g2 = gcd(c, d);
  return mulLowest(a / g1, b / g1, c / g2, d / g2, out);
}

/** a/b × c/d, the operands in lowest terms: cross-reduced, so the product is in lowest terms. */
function mulLowest(a: number, b: number, c: number, d: number, out: Rat): boolean {
  const g1 = gcd(a, d);
  const g2 = gcd(c, b);
  const n = (a / g1) * (c / g2);
  const den = (b / g2) * (d / g1);
  if (!isSafe(n) || !isSafe(den)) return false;
  out.n = n + 0;
  out.d = den;
  return true;
}

/** n / d in lowest terms into `out` (d > 0). */
export function reduceRat(n: number, d: number, out: Rat): void {
  const g = gcd(n, d);
  out.n = g > 1 ? n / g : n;
  out.d = g > 1 ? d / g : d;
}

/** n / d (d > 0) as an integer count of 10^-dp, rounded once by the mode; NaN when the result
 *  leaves the safe range. BigInt only when n × 10^dp would. */
export function roundScaled(n: number, d: number, dp: number, mode: Rounding['mode']): number {
  const scale = 10 ** dp;
  const x = n * scale;
  if (isSafe(x)) return d === 1 ? x + 0 : roundDiv(x, d, mode);
  // n × 10^dp past the safe range (a share such as a reduction's achieved %, of large figures):
  // |n| = q·d + r with 0 ≤ r < d, so |n| × 10^dp = (q × 10^dp + q2)·d + rest where
  // r × 10^dp = q2·d + rest, all in safe integers while d × 10^dp (and |n| + d) is.
  const mag = n < 0 ? -n : n;
  if (isSafe(d * scale) && isSafe(mag + d)) {
    const q0 = floorDiv(mag, d);
    const x2 = (mag - q0 * d) * scale;
    const q2 = floorDiv(x2, d);
    const rest = x2 - q2 * d;
    const quotient = q0 * scale + q2;
    if (isSafe(quotient + 1)) {
      const m = roundsUp(mode, Math.sign(2 * rest - d), rest > 0, quotient % 2 === 1)
        ? quotient + 1
        : quotient;
      return (n < 0 ? -m : m) + 0;
    }
  }
  const bn = BigInt(n) * BigInt(scale);
  const bd = BigInt(d);
  const negative = bn < 0n;
  const a = negative ? -bn : bn;
  const quotient = a / bd;
  const rest = a - quotient * bd;
  const twice = 2n * rest;
  const up = roundsUp(
    mode,
    twice > bd ? 1 : twice === bd ? 0 : -1,
    rest > 0n,
    quotient % 2n === 1n,
  );
  const m = up ? quotient + 1n : quotient;
  const v = Number(negative ? -m : m);
  return isSafe(v) ? v + 0 : NaN;
}

const POW10R = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** Plain decimal text (-?digits[.digits], the exact parser's grammar) as n / 10^places into
 *  `out`, trailing zeros dropped; false when it is not one or does not fit the safe range. */
export function parseRat(text: string, out: Rat): boolean {
  const len = text.length;
  let i = 0;
  let negative = false;
  if (text.charCodeAt(0) === 45) {
    negative = true;
    i = 1;
  }
  // Past 15 characters a figure may leave the safe range: checked digit by digit.
  if (len - i > 15) return parseLongRat(text, i, negative, out);
  // At most 15 digits: below 10^15 < 2^53, so no digit needs a check.
  const first = i;
  let n = 0;
  let dot = -1;
  for (; i < len; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c >= 0 && c <= 9) n = n * 10 + c;
    else if (c === -2 && dot < 0) dot = i;
    else return false;
  }
  // A digit before the dot and one after it, or digits alone.
  let places = 0;
  if (dot >= 0) {
    if (dot === first || dot === len - 1) return false;
    places = len - 1 - dot;
  } else if (len === first) return false;
  return ratOfDigits(n, places, negative, out);
}

function parseLongRat(text: string, i: number, negative: boolean, out: Rat): boolean {
  const len = text.length;
  let n = 0;
  let digits = 0;
  let places = 0;
  let dot = false;
  for (; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      if (dot || digits === 0) return false;
      dot = true;
    } else if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      digits++;
      if (dot) places++;
      if (n > Number.MAX_SAFE_INTEGER || places > 15) return false;
    } else return false;
  }
  if (digits === places || (dot && places === 0)) return false;
  return ratOfDigits(n, places, negative, out);
}

/** n / 10^places (n ≥ 0) into `out`, trailing zeros dropped. */
function ratOfDigits(n: number, places: number, negative: boolean, out: Rat): boolean {
  while (places > 0 && n % 10 === 0) {
    n /= 10;
    places--;
  }
  out.n = negative && n !== 0 ? -n : n;
  out.d = POW10R[places] as number;
  return true;
}

/**
 * A JS number as the decimal it is spelt as (its shortest round-trip spelling, as String() and
 * the exact reader have it), without making the text: the fewest places p such that
 * y = round(x × 10^p) has at most 15 digits and y ÷ 10^p is x again. Any decimal of at most 15
 * significant digits is the only one of its length that reads as its double, so this is the
 * shortest spelling's value. False (the caller spells it out) past 15 digits.
 */
function ratOfNumber(x: number, out: Rat): boolean {
  for (let p = 1; p <= 15; p++) {
    const scale = POW10R[p] as number;
    const y = Math.round(x * scale);
    if (y > 999_999_999_999_999 || y < -999_999_999_999_999) return false;
    if (y / scale === x) {
      out.n = y + 0;
      out.d = scale;
      return true;
    }
  }
  return false;
}

/** A figure typed as text or a JS number as a rational into `out`; false when it is neither
 *  plain decimal text nor a finite number the fast reader can take (the exact reader decides). */
export function readRat(raw: string | number, out: Rat): boolean {
  if (typeof raw === 'number') {
    if (Number.isInteger(raw) && isSafe(raw)) {
      out.n = raw + 0;
      out.d = 1;
      return true;
    }
    return Number.isFinite(raw) && (ratOfNumber(raw, out) || parseRat(String(raw), out));
  }
  const first = raw.charCodeAt(0);
  const last = raw.charCodeAt(raw.length - 1);
  return parseRat(first <= 32 || last <= 32 ? raw.trim() : raw, out);
}

/** An exact value (fraction.js) as a rational of safe integers into `out`; false when its
 *  numerator or denominator is past the safe range. An explicit check, never a caught error. */
export function ratOfQ(value: { s: bigint; n: bigint; d: bigint }, out: Rat): boolean {
  const max = BigInt(Number.MAX_SAFE_INTEGER);
  if (value.n > max || value.d > max) return false;
  const n = Number(value.n);
  out.n = value.s < 0n && n !== 0 ? -n : n;
  out.d = Number(value.d);
  return true;
}

/** An exact value as an integer count of 10^-dp; undefined when it has more places or does not
 *  fit (checked, never caught). */
export function scaledOfQ(
  value: { s: bigint; n: bigint; d: bigint },
  dp: number,
): number | undefined {
  const scale = 10n ** BigInt(dp);
  if (scale % value.d !== 0n) return undefined;
  const v = Number((value.n * scale) / value.d);
  if (!isSafe(v)) return undefined;
  return value.s < 0n && v !== 0 ? -v : v;
}
