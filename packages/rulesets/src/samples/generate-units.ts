// Synthetic cohorts for the benchmark (1 000 / 40 000 / 500 000 units) under baotou-2012.json:
// deterministic for a seed, fast (no Math.random, integer arithmetic for every figure), and
// with the mix a real cohort has — most units near the targets, a few vetoed, a few blanks,
// a few without evidence.
import type { InputValue, UnitInput } from '@kaohe/engine';
import {
  BAOTOU_BASE_VALUES,
  BAOTOU_EVIDENCE_INPUTS,
  baotouBaseValues,
  evidenceWithout,
  FULL_EVIDENCE,
} from './baotou-2012-base.ts';
import { decimalText, mulberry32, type Prng } from './prng.ts';

/** Yes/no inputs a compliant unit answers yes: each a 95 % chance here. */
const YES_NO: readonly string[] = Object.keys(BAOTOU_BASE_VALUES).filter(
  (id) => BAOTOU_BASE_VALUES[id] === true,
);

/** Figures that a unit sometimes leaves blank. */
const BLANKABLE: readonly string[] = [
  'info_coverage',
  'highrisk_followup',
  'sex_ratio_prev',
  'petitions_prev',
  'prepreg_coverage',
];

const OUTCOMES = ['effective', 'effective', 'effective', 'acted', 'planned', 'none'] as const;
const BRAND = ['on-time', 'on-time', 'on-time', 'late', 'none'] as const;

/** A rate in hundredths between lo and hi (hundredths), held at `cap` when drawn above it. */
const rate = (r: Prng, lo: number, hi: number, cap = 10000): string =>
  decimalText(Math.min(cap, r.int(lo, hi)), 2);

/** Tenths of 10 000 yuan for a per-head amount in tenths of a yuan: pop × yuan ÷ 10 000. */
const budget = (pop: number, yuanTenths: number): string =>
  decimalText(Math.round((pop * yuanTenths) / 10000), 1);

function values(r: Prng): Record<string, InputValue> {
  // A fresh literal: every unit shares one object shape; the figures are replaced below.
  const v = baotouBaseValues();
  for (const id of YES_NO) v[id] = r.chance(0.95);
  const pop = r.int(20, 900) * 1000;
  const floatPop = r.int(2, 120) * 500;
  // Most sex ratios near the band; one unit in ten well above it.
  const sexPrev = r.chance(0.9) ? r.int(10200, 11400) : r.int(11400, 12600);
  const petitionsPrev = r.int(5, 120);
  v.pop_total = String(pop);
  v.birth_rate = rate(r, 600, 950);
  v.policy_rate = rate(r, 8800, 10100);
  v.sex_ratio = decimalText(Math.max(10000, sexPrev + r.int(-400, 200)), 2);
  v.sex_ratio_prev = decimalText(sexPrev, 2);
  v.reform_mechanisms = String(r.int(0, 3));
  v.fp_budget_county = budget(pop, r.int(80, 130));
  v.fp_budget_township = budget(pop, r.int(110, 160));
  v.fp_growth = decimalText(r.int(-20, 200), 1);
  v.revenue_growth = decimalText(r.int(-20, 150), 1);
  v.reward_separate_budget = r.chance(0.3);
  v.reward_accuracy = rate(r, 9700, 10300);
  v.payment_timeliness = rate(r, 9700, 10300);
  v.info_coverage = rate(r, 9000, 10000);
  v.info_comparisons = String(r.int(2, 4));
  v.float_pop = String(floatPop);
  v.float_funding = budget(floatPop, r.int(180, 280));
  v.petitions_prev = String(petitionsPrev);
  v.petitions = String(Math.round((petitionsPrev * r.int(55, 110)) / 100));
  v.major_enforcement_case = r.chance(0.01);
  v.major_petition_case = r.chance(0.005);
  v.fee_filing_rate = r.chance(0.9) ? '100' : rate(r, 9000, 9990);
  v.highrisk_followup = rate(r, 9000, 10000);
  v.prepreg_coverage = rate(r, 7000, 9500);
  v.liangfei_outcome = OUTCOMES[r.int(0, OUTCOMES.length - 1)] ?? 'none';
  v.float_women = String(r.int(5, 150) * 40);
  v.float_assistants = String(r.int(1, 16));
  v.float_reports_on_time = String(r.int(2, 3));
  v.float_report_errors = String(r.chance(0.8) ? 0 : r.int(1, 4));
  v.brand_status = BRAND[r.int(0, BRAND.length - 1)] ?? 'none';
  v.coop_meetings = String(r.int(0, 3));
  if (r.chance(0.01)) v[BLANKABLE[r.int(0, BLANKABLE.length - 1)] ?? 'info_coverage'] = null;
  return v;
}

/**
 * `count` synthetic units for baotou-2012.json, the same for the same `seed`. About 1 % have a
 * blank figure, 2 % lack one piece of evidence, and a few are vetoed (sex ratio above 120
 * without the required cut, or a major petition case). Units with full evidence share one frozen
 * evidence record (memory: about 650 MB of heap for 500 000 units); copy it before changing it.
 */
export function generateUnits(count: number, seed: number): UnitInput[] {
  return Array.from(streamUnits(count, seed));
}

/**
 * The units `generateUnits` gives, made one at a time as they are read: an iterable that starts
 * afresh each time it is iterated (as a reader of a file would), so a cohort of any size can be
 * ranked without holding it (`rankCohort` takes any iterable).
 */
export function streamUnits(count: number, seed: number): Iterable<UnitInput> {
  if (!Number.isSafeInteger(count) || count < 0)
    throw new RangeError(`generateUnits: count must be a whole number ≥ 0, got ${count}`);
  const width = String(Math.max(count, 1)).length;
  return {
    *[Symbol.iterator]() {
      const r = mulberry32(seed);
      for (let i = 0; i < count; i++) {
        const n = String(i + 1).padStart(width, '0');
        const evidence = r.chance(0.02)
          ? evidenceWithout(
              BAOTOU_EVIDENCE_INPUTS[r.int(0, BAOTOU_EVIDENCE_INPUTS.length - 1)] ?? '',
            )
          : FULL_EVIDENCE;
        yield { id: `sim-${n}`, name: `模拟单位${n}`, values: values(r), evidence };
      }
    },
  };
}
