// The BENCH-30 cohort: N units drawn from a seeded uniform generator, so the same seed gives the
// same figures, byte for byte. The figures are handed to every engine as the same decimal
// spellings ("0.9123", "0.00812", "104.5"); yes/no as booleans.
import {
  B,
  BUD,
  C,
  CEILING_LIMITS,
  D,
  E,
  P,
  POP,
  R,
  RATE_TARGETS,
  Y,
  type Bench30Unit,
} from './spec.ts';
import { mulberry32 } from '@kaohe/rulesets';

/** An integer count of 10^-places as a plain decimal, trailing zeros dropped: 9100, 4 → "0.91". */
function decimalText(scaled: number, places: number): string {
  if (!Number.isSafeInteger(scaled) || scaled < 0)
    throw new RangeError(`not a whole number ≥ 0: ${scaled}`);
  if (places === 0) return String(scaled);
  const digits = String(scaled).padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const frac = digits.slice(digits.length - places).replace(/0+$/, '');
  return frac === '' ? whole : `${whole}.${frac}`;
}

const RATE_T = RATE_TARGETS.map(Number);
const LIMIT = CEILING_LIMITS.map(Number);

/**
 * `count` units from `seed`, drawn in the order the specification lists them, per unit:
 * - r_k = round(min(1, t_k − 0.06 + 0.1 u), 4 places)
 * - c_k = round(L_k × (0.8 + 0.5 u), 5 places)
 * - b_k = round(100 + 25 u, 1 place)
 * - p_k = 100 + floor(400 u); d_k = floor(p_k × (0.7 + 0.4 u))
 * - pop_k = 50,000 + floor(450,000 u); bud_k = floor(pop_k × (18 + 8 u))
 * - y_k = u < 0.85, e_k = u < 0.8; x1, x2 = u < 0.3; ineffective = u < 0.5; petition = u < 0.02
 * Rounding to places is Math.round of the scaled figure (the draw is the figure's definition;
 * the spelling is then exact).
 */
export function generateCohort(count: number, seed: number): Bench30Unit[] {
  const u = mulberry32(seed).next;
  const units: Bench30Unit[] = new Array<Bench30Unit>(count);
  const width = String(count).length;
  for (let i = 0; i < count; i++) {
    const values: Record<string, string | boolean> = {};
    for (let k = 0; k < R.length; k++) {
      const t = RATE_T[k] as number;
      values[R[k] as string] = decimalText(Math.round(Math.min(1, t - 0.06 + 0.1 * u()) * 1e4), 4);
    }
    for (let k = 0; k < C.length; k++) {
      const l = LIMIT[k] as number;
      values[C[k] as string] = decimalText(Math.round(l * (0.8 + 0.5 * u()) * 1e5), 5);
    }
    for (const b of B) values[b] = decimalText(Math.round((100 + 25 * u()) * 10), 1);
    for (let k = 0; k < P.length; k++) {
      const p = 100 + Math.floor(400 * u());
      values[P[k] as string] = String(p);
      values[D[k] as string] = String(Math.floor(p * (0.7 + 0.4 * u())));
    }
    for (let k = 0; k < POP.length; k++) {
      const pop = 50000 + Math.floor(450000 * u());
      values[POP[k] as string] = String(pop);
      values[BUD[k] as string] = String(Math.floor(pop * (18 + 8 * u())));
    }
    for (let k = 0; k < Y.length; k++) {
      values[Y[k] as string] = u() < 0.85;
      values[E[k] as string] = u() < 0.8;
    }
    values.x1 = u() < 0.3;
    values.x2 = u() < 0.3;
    values.ineffective = u() < 0.5;
    values.petition = u() < 0.02;
    const id = `u${String(i + 1).padStart(width, '0')}`;
    units[i] = { id, name: id, values };
  }
  return units;
}
