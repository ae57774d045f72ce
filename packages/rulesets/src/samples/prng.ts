// A tiny seeded PRNG (mulberry32): the same seed gives the same cohort on every machine.
// Not for anything secret; only to spread synthetic figures.

export interface Prng {
  /** A float in [0, 1) (a plain function: it may be taken off the object). */
  next: () => number;
  /** An integer in [lo, hi], both included. */
  int: (lo: number, hi: number) => number;
  /** True with probability p. */
  chance: (p: number) => boolean;
}

export function mulberry32(seed: number): Prng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
  };
}

/** An integer count of 1/10^dp written as a plain decimal string: (9205, 2) → "92.05". */
export function decimalText(scaled: number, dp: number): string {
  if (!Number.isSafeInteger(scaled))
    throw new RangeError(`decimalText: ${scaled} is not a safe integer`);
  if (dp === 0) return String(scaled);
  const sign = scaled < 0 ? '-' : '';
  const digits = String(Math.abs(scaled)).padStart(dp + 1, '0');
  return `${sign}${digits.slice(0, -dp)}.${digits.slice(-dp)}`;
}
