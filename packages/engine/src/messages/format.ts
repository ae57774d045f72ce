import Fraction from 'fraction.js';
import { decimalPlaces, fmt, fmtFixed, ONE, type Q } from '../exact/exact.ts';
import { lowestTerms, roundScaled, scaledText, type Rat } from '../fast/fixed.ts';
import type { InputUnit } from '../schema/ruleset.ts';
import { isoOfDay } from '../exact/calendar.ts';

/** Places a value is shown with in full: the 4–6 places of a typed rate or per-mille figure. */
export const SHOWN_PLACES = 6;

/**
 * A value for a person: exact when it has at most 6 decimals (0.01001 is never shown as 0.01
 * beside a limit of 0.01); else approximate, marked "≈", to 2 places from 1 up (a derived
 * 21.38172… yuan a head) and to 6 below (≈0.333333).
 */
export function show(value: Q): string {
  const places = decimalPlaces(value);
  if (places !== undefined && places <= SHOWN_PLACES) return fmt(value);
  return `≈${fmtFixed(value, value.abs().compare(ONE) >= 0 ? 2 : SHOWN_PLACES)}`;
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6] as const;
/** showRat's scratch (lowest terms), read at once. */
const LOWEST: Rat = { n: 0, d: 1 };

/**
 * `show` of the rational n / d (safe integers, d > 0) without BigInt: the same text as
 * show(n / d) (a property test holds them equal). The kernels' traces carry figures this way;
 * a value whose digits would leave the safe range is shown through show itself.
 */
export function showRat(n0: number, d0: number): string {
  // A figure as typed: n / 10^p with p ≤ 6 (scaledText drops the trailing zeros lowest terms
  // would have taken off).
  for (let p = 0; p <= SHOWN_PLACES; p++) if (d0 === POW10[p]) return scaledText(n0, p);
  const places = lowestTerms(n0, d0, LOWEST);
  const n = LOWEST.n;
  const d = LOWEST.d;
  if (places >= 0 && places <= SHOWN_PLACES) {
    const digits = n * ((POW10[places] as number) / d);
    if (Number.isSafeInteger(digits)) return scaledText(digits, places);
  } else {
    // No finite form within 6 places: ≈, to 2 places from 1 up and to 6 below, half-up.
    const dp = (n < 0 ? -n : n) >= d ? 2 : SHOWN_PLACES;
    const r = roundScaled(n, d, dp, 'half-up');
    if (Number.isSafeInteger(r)) {
      const text = scaledText(r, dp);
      const point = text.indexOf('.');
      const frac = point < 0 ? 0 : text.length - point - 1;
      return `≈${point < 0 ? `${text}.` : text}${'0'.repeat(dp - frac)}`;
    }
  }
  return show(new Fraction(BigInt(n), BigInt(d)));
}

const SUFFIX: Partial<Record<InputUnit, { zh: string; en: string }>> = {
  '%': { zh: '%', en: '%' },
  '‰': { zh: '‰', en: '‰' },
  元: { zh: '元', en: ' yuan' },
  万元: { zh: '万元', en: ' ×10k yuan' },
  人: { zh: '人', en: ' persons' },
  户: { zh: '户', en: ' households' },
  个: { zh: '个', en: '' },
  次: { zh: '次', en: ' times' },
  天: { zh: '天', en: ' days' },
  月: { zh: '个月', en: ' months' },
};

/** "91.2%", "8‰", "22元" / "22 yuan". */
export function showWithUnit(value: Q, unit: InputUnit | undefined): { zh: string; en: string } {
  // A date is held as its day number: shown as the date (2013-03-31).
  if (unit === 'date' && value.d === 1n) {
    const iso = isoOfDay(Number(value.s * value.n));
    return { zh: iso, en: iso };
  }
  return withUnit(show(value), unit);
}

/** A value's text (show or showRat) with its unit (a date's text is its day number's: a
 *  caller with a date shows it through showWithUnit). */
export function withUnit(text: string, unit: InputUnit | undefined): { zh: string; en: string } {
  const suffix = unit ? SUFFIX[unit] : undefined;
  return suffix ? { zh: text + suffix.zh, en: text + suffix.en } : { zh: text, en: text };
}

/** Step size in words: 1 on a % value is "1个百分点" / "1 percentage point". */
export function showStep(per: Q, unit: InputUnit | undefined): { zh: string; en: string } {
  const text = show(per);
  // A step on a date is a number of days, never a date itself.
  if (unit === 'date') return { zh: `${text}天`, en: `${text} day${text === '1' ? '' : 's'}` };
  if (unit === '%' || unit === '‰') return stepText(text, unit);
  return showWithUnit(per, unit);
}

/** A step's text in words (see showStep). */
function stepText(text: string, unit: '%' | '‰'): { zh: string; en: string } {
  if (unit === '%')
    return { zh: `${text}个百分点`, en: `${text} percentage point${text === '1' ? '' : 's'}` };
  return { zh: `${text}个千分点`, en: `${text} per-mille point${text === '1' ? '' : 's'}` };
}
