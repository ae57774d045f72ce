// BENCH-30: one rule set of 30 items, scored by every engine on the same figures. The figures
// of the rule set (targets, limits, points) live here once; each engine encodes the rules in its
// own way from them, and the Kaohe rule set (ruleset.ts) is built from them too.
//
// The rule set (all scores rounded half-up to 0.01, no item below 0):
// - r1..r10 floor rates (r in 0..1) against target t, 4 points: met if r ≥ t, else
//   4 − ceil((t − r) × 100) × 0.5 (0.5 per started percentage point below);
// - c1..c5 ceilings with limit L, 3 points: met if v ≤ L, else 3 − ceil((v − L) ÷ 0.0005) × 1;
// - b1..b3 band 103..107, 4 points: inside 4, else 4 − ceil(distance outside) × 1;
// - d1..d4 reduction against last year (p this year's figure d), 20 % required, 3 points:
//   cut = (p − d) ÷ p; 3 if cut ≥ 0.2, else 3 × max(0, cut) ÷ 0.2;
// - q1..q4 budget ÷ population against 22 yuan a head, 5 points: 5 if bud ÷ pop ≥ 22, else
//   5 × (bud ÷ pop) ÷ 22;
// - y1..y4 yes/no with evidence, 2 points: yes with evidence 2, yes without 1, no 0;
// - bonus x1 → 2, x2 → 1.5, capped at 3 together;
// - vetoes: b1 > 120 with ineffective measures; a major petition case. A veto keeps the score.
// Total = the sum of the rounded items + the capped bonus.

/** Floor-rate targets t1..t10 (decimal spellings: every engine reads them the same). */
export const RATE_TARGETS = [
  '0.92',
  '0.95',
  '0.80',
  '0.85',
  '0.90',
  '0.95',
  '0.98',
  '0.75',
  '0.88',
  '0.93',
] as const;
export const RATE_POINTS = '4';
/** 0.5 points per started percentage point (0.01) below the target. */
export const RATE_STEP = '0.01';
export const RATE_STEP_POINTS = '0.5';

/** Ceiling limits L1..L5. */
export const CEILING_LIMITS = ['0.008', '0.010', '0.006', '0.012', '0.009'] as const;
export const CEILING_POINTS = '3';
/** 1 point per started 0.0005 above the limit. */
export const CEILING_STEP = '0.0005';
export const CEILING_STEP_POINTS = '1';

const BAND_COUNT = 3;
export const BAND_LOW = '103';
export const BAND_HIGH = '107';
export const BAND_POINTS = '4';
/** 1 point per started unit outside the band. */
export const BAND_STEP_POINTS = '1';

const REDUCTION_COUNT = 4;
/** The reduction required: 20 % of last year's figure. */
export const REDUCTION_REQUIRED = '0.2';
export const REDUCTION_POINTS = '3';

const PER_HEAD_COUNT = 4;
/** Yuan per person. */
export const PER_HEAD_TARGET = '22';
export const PER_HEAD_POINTS = '5';

const YESNO_COUNT = 4;
export const YESNO_POINTS = '2';
/** A yes without evidence earns this much (one of two). */
export const YESNO_WITHOUT_EVIDENCE = '1';

export const BONUS_X1 = '2';
export const BONUS_X2 = '1.5';
export const BONUS_CAP = '3';

/** The sex-ratio veto: b1 above this with ineffective measures. */
export const VETO_BAND = '120';

const ids = (prefix: string, n: number): readonly string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

/** Input ids, in item order. */
export const R = ids('r', RATE_TARGETS.length);
export const C = ids('c', CEILING_LIMITS.length);
export const B = ids('b', BAND_COUNT);
/** Last year's figure and this year's, per reduction item. */
export const P = ids('p', REDUCTION_COUNT);
export const D = ids('d', REDUCTION_COUNT);
/** Budget (yuan) and population, per per-head item. */
export const BUD = ids('bud', PER_HEAD_COUNT);
export const POP = ids('pop', PER_HEAD_COUNT);
/** The yes/no and its evidence (yes/no), per yes/no item. */
export const Y = ids('y', YESNO_COUNT);
export const E = ids('e', YESNO_COUNT);

/** One unit of the cohort: numbers as plain decimal spellings, yes/no as booleans. */
export interface Bench30Unit {
  id: string;
  name: string;
  values: Record<string, string | boolean>;
}

/** What every engine hands back, per unit in cohort order. */
export interface EngineOutput {
  /** The total as the engine spells it (a decimal with at most 2 places). */
  totals: string[];
  vetoed: boolean[];
}
