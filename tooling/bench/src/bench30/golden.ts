// Two units whose totals are worked out by hand, checked in every engine before the cohort: the
// exact reference must get both (or nothing is measured), and the line printed for each engine
// shows where binary floats or 28-digit division-first decimals part from the true figure.
import { RATE_TARGETS, CEILING_LIMITS, type Bench30Unit } from './spec.ts';

const targetsFrom = (prefix: string, xs: readonly string[]) =>
  Object.fromEntries(xs.map((x, k) => [`${prefix}${k + 1}`, x]));

/** Every item met, bonus over its cap: 40 + 15 + 12 + 12 + 20 + 8 + min(3, 2 + 1.5) = 110. */
const allMet: Bench30Unit = {
  id: 'golden-met',
  name: 'golden-met',
  values: {
    ...targetsFrom('r', RATE_TARGETS),
    ...targetsFrom('c', CEILING_LIMITS),
    b1: '103',
    b2: '107',
    b3: '105',
    // cut = 20 ÷ 100 = 0.2 exactly: met.
    ...{ p1: '100', d1: '80', p2: '100', d2: '80', p3: '100', d3: '80', p4: '100', d4: '80' },
    // 1,100,000 ÷ 50,000 = 22 yuan a head exactly: met.
    ...{ pop1: '50000', bud1: '1100000', pop2: '50000', bud2: '1100000' },
    ...{ pop3: '50000', bud3: '1100000', pop4: '50000', bud4: '1100000' },
    ...{ y1: true, e1: true, y2: true, e2: true, y3: true, e3: true, y4: true, e4: true },
    ...{ x1: true, x2: true, ineffective: false, petition: false },
  },
};

/**
 * Short almost everywhere, vetoed (b1 121 > 120 with ineffective measures); total 79.36:
 * - r1 0.91 vs 0.92: 1 step, 3.5; r2 0.9449 vs 0.95: 0.51 → 1 step, 3.5; r3 0.7 vs 0.80:
 *   10 steps, 4 − 5 → 0; r4..r10 at their targets, 7 × 4 = 28. Rates: 35.
 * - c1 0.0085 vs 0.008: 1 step, 2; c2 0.01001 vs 0.010: 0.02 → 1 step, 2; c3 0.0075 vs 0.006:
 *   3 steps, 0; c4, c5 at their limits, 6. Ceilings: 10.
 * - b1 121: 14 above, 0; b2 102.5: 0.5 below → 1, 3; b3 107.1: 0.1 above → 1, 3. Band: 6.
 * - d1 360 → 357: 3 × (3 ÷ 360) ÷ 0.2 = 0.125 → 0.13; d2 100 → 110: a rise, 0;
 *   d3 300 → 250: 3 × (50 ÷ 300) ÷ 0.2 = 2.5; d4 200 → 150: cut 0.25, 3. Reductions: 5.63.
 * - q1 1,000,000 ÷ 50,000 = 20: 5 × 20 ÷ 22 = 4.5454… → 4.55; q2 1,320,000 ÷ 60,000 = 22: 5;
 *   q3 1,815,000 ÷ 100,000 = 18.15: 5 × 18.15 ÷ 22 = 4.125 → 4.13; q4 1,400,000 ÷ 70,000 = 20:
 *   4.55. Per head: 18.23.
 * - y1 yes with evidence 2; y2 yes without 1; y3 no (evidence or not) 0; y4 no 0. Yes/no: 3.
 * - bonus: x2 only, 1.5.
 * 35 + 10 + 6 + 5.63 + 18.23 + 3 + 1.5 = 79.36.
 */
const short: Bench30Unit = {
  id: 'golden-short',
  name: 'golden-short',
  values: {
    ...targetsFrom('r', RATE_TARGETS),
    r1: '0.91',
    r2: '0.9449',
    r3: '0.7',
    ...targetsFrom('c', CEILING_LIMITS),
    c1: '0.0085',
    c2: '0.01001',
    c3: '0.0075',
    b1: '121',
    b2: '102.5',
    b3: '107.1',
    ...{ p1: '360', d1: '357', p2: '100', d2: '110', p3: '300', d3: '250', p4: '200', d4: '150' },
    ...{ pop1: '50000', bud1: '1000000', pop2: '60000', bud2: '1320000' },
    ...{ pop3: '100000', bud3: '1815000', pop4: '70000', bud4: '1400000' },
    ...{ y1: true, e1: true, y2: true, e2: false, y3: false, e3: true, y4: false, e4: false },
    ...{ x1: false, x2: true, ineffective: true, petition: false },
  },
};

export const GOLDEN_UNITS: readonly Bench30Unit[] = [allMet, short];
export const GOLDEN_TOTALS: readonly string[] = ['110.00', '79.36'];
export const GOLDEN_VETOED: readonly boolean[] = [false, true];
