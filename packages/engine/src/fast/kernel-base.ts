// The base rules of the integer kernels: each typed rule kind (floor, ceiling, band, ramp,
// proportional, yes/no, reduction, tiers, expr) over slots of the unit's frame, before streams
// and clamping. Operands are slot indices fixed when the kernel is built; values are exact
// rationals read from the frame's typed arrays (numerator m, denominator d), so nothing is
// boxed or allocated per item. Comparisons cross-multiply; the one division is the rounding of
// the item's score, after the kernel. A product past the safe range is checked, never caught:
// the kernel then hands the item to the exact evaluator.
import type { UnitInput } from '../model/result.ts';
import type { InputDef } from '../schema/ruleset.ts';
import type { CIndicator, CompiledRuleSet, CSlope } from '../score/compile.ts';
import type { Comparison } from '../schema/rules.ts';
import { decodeValue } from '../score/env.ts';
import { isoOfDay } from '../exact/calendar.ts';
import { div, max as qmax, min as qmin, mul, q, ZERO, type Q } from '../exact/exact.ts';
import { fmtScoreText, rampLowerIsBetter } from '../score/base-rules.ts';
import { startsAtZero } from '../score/bounds.ts';
import { piecewiseBase, piecewiseKernel } from '../kinds/piecewise.ts';
import {
  ceilDiv,
  cmpRat,
  floorDiv,
  mulRat,
  ratOfQ,
  readRat,
  reduceRat,
  roundScaled,
  scaledOfQ,
  subRat,
  type Rat,
} from './fixed.ts';
import { BLANK, OK, state, state2, state3, type Frame, type FramePlan } from './frame.ts';
import type { Adjustment, Msg } from '../model/result.ts';
import { msgOf } from '../messages/text.ts';
import { show, showRat, showWithUnit, withUnit } from '../messages/format.ts';
import {
  bandReason,
  itemWords,
  missedDirection,
  slopeAdjustment,
  thresholdReason,
} from '../score/base-rules.ts';
import * as R from '../score/reasons.ts';
import { inputValue, NOT_REPORTED, operandValues } from '../score/operand-text.ts';
import {
  BETWEEN,
  CREDIT,
  FAILED,
  MET,
  NOT_ASSESSED,
  SLOPED,
  slotText,
  scoreText,
  TRACE,
  traced,
  ZERO_END,
  type RenderContext,
  type Trace,
} from './trace.ts';

/** A score (integer count of 10^-dp), null for a missing input, NA when the item does not
 *  apply, FRAC (base kernels only) for the fraction in frame.q, undefined to hand the item to
 *  the exact evaluator. */
export type Kernel = (f: Frame) => number | null | undefined;

/** Returned by a kernel for an item that does not apply to the unit. */
export const NA = Number.NEGATIVE_INFINITY;

/** Returned by a base kernel whose score is the fraction f.q[0] / f.q[1] of 10^-dp points;
 *  f.q[2] is 1 when that fraction is also the item's upper bound (credit above a target). */
export const FRAC = Number.POSITIVE_INFINITY;

export interface SlopeK {
  /** One step, n / d (> 0). */
  perN: number;
  perD: number;
  /** Points for one step, in 10^-dp points: n / d (a step of 0.375 at 2 places is 75/2). */
  pointsN: number;
  pointsD: number;
  steps: CSlope['steps'];
  relative: boolean;
  /** At most this many 10^-dp points from the slope, n / d; capD 0 for no cap. */
  capN: number;
  capD: number;
}

/** The result for a slot state that is not OK: null for a blank, undefined for the exact path. */
const notOk = (st: number): null | undefined => (st === BLANK ? null : undefined);

const frac = (f: Frame, num: number, den: number): number => {
  f.q[0] = num;
  f.q[1] = den;
  return FRAC;
};

const holds = (c: number, op: Comparison): boolean =>
  op === '>=' ? c >= 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : op === '<' ? c < 0 : c === 0;

// Scratch rationals: kernels run one at a time, and each uses these only between its reads.
const G: Rat = { n: 0, d: 1 };
const H: Rat = { n: 0, d: 1 };
/** A rank rule's leader, as a rational (scratch). */
const L: Rat = { n: 0, d: 1 };
const safe = Number.isSafeInteger;

/**
 * The points a gap gN / gD (≥ 0) makes on a slope, as the exact path's applySlope, into H (in
 * 10^-dp points): the gap in steps (relative: in % of |target| tn / td), pro rata or whole steps,
 * capped. False when a product leaves the safe range, or the target is 0 for a relative gap
 * (the exact evaluator reports that).
 */
function slopeAmount(
  gN: number,
  gD: number,
  s: SlopeK,
  strict: boolean,
  tn: number,
  td: number,
): boolean {
  if (s.relative) {
    if (tn === 0) return false;
    if (!safe(100 * td)) {
      // In lowest terms (figures on the kernels need not be), where the safe range allows.
      reduceRat(tn, td, H);
      tn = H.n;
      td = H.d;
      if (!safe(100 * td)) return false;
    }
    // g × 100 / |t|
    if (!mulRat(gN, gD, 100 * td, tn < 0 ? -tn : tn, H)) return false;
    gN = H.n;
    gD = H.d;
    if (TRACE.on) {
      TRACE.gn = gN;
      TRACE.gd = gD;
    }
  }
  // steps = g / per
  if (!mulRat(gN, gD, s.perD, s.perN, G)) return false;
  if (s.steps !== 'pro-rata') {
    const whole =
      s.steps === 'each-full' ? floorDiv(G.n, G.d) : strict && gN === 0 ? 1 : ceilDiv(G.n, G.d);
    G.n = whole;
    G.d = 1;
  }
  // amount = steps × points, capped
  if (!mulRat(G.n, G.d, s.pointsN, s.pointsD, H)) return false;
  if (s.capD !== 0 && cmpRat(H.n, H.d, s.capN, s.capD) > 0) {
    H.n = s.capN;
    H.d = s.capD;
  }
  if (TRACE.on) {
    TRACE.an = H.n;
    TRACE.ad = H.d;
  }
  return true;
}

/** A traced slope's relative gap as its reason shows it (undefined when not relative). */
const relativeText = (t: Trace): string | undefined =>
  t.gd === 0 ? undefined : showRat(t.gn, t.gd);

/** What a renderer's slope says of an amount, by the amount's rounded score (10^-dp points):
 *  the same figures word the same adjustment, so a cohort's units share it (a result copies
 *  what it lists, never changes it). At most this many amounts per renderer (a 3-point slope
 *  pro rata at 2 places has 300); a relative slope's words also carry its gap: not kept. */
const SAID_KEPT = 512;

/** A traced slope's adjustment (a deduction unless `credit`), for one item's renderer. */
function slopeWords(
  direction: Parameters<typeof slopeAdjustment>[0],
  s: CSlope | undefined,
  unit: Parameters<typeof slopeAdjustment>[2],
  credit: boolean,
  /** The value is a date: steps are days earlier or later (每晚1天). */
  dates = false,
): (c: RenderContext, t: Trace) => readonly Adjustment[] {
  const said = new Map<number, { signed: number; adjustments: readonly Adjustment[] }>();
  return (c, t) => {
    if (!s) return NO_ADJUSTMENTS;
    const mode = c.rs.scoreRounding.mode;
    const amount = roundScaled(t.an, t.ad, 0, mode);
    const signed = credit ? amount : roundScaled(-t.an, t.ad, 0, mode);
    const relative = t.gd !== 0;
    const known = relative ? undefined : said.get(amount);
    if (known !== undefined && known.signed === signed) return known.adjustments;
    const adjustments = Object.freeze([
      slopeAdjustment(
        direction,
        s,
        unit,
        scoreText(c, t.an, t.ad),
        scoreText(c, t.an, t.ad, credit ? 1 : -1),
        relativeText(t),
        dates,
      ),
    ]);
    if (!relative && said.size < SAID_KEPT) said.set(amount, { signed, adjustments });
    return adjustments;
  };
}

const NO_ADJUSTMENTS: readonly Adjustment[] = Object.freeze([]);
const words = (reason: Msg, adjustments: readonly Adjustment[] = NO_ADJUSTMENTS) => ({
  reason,
  adjustments,
});

/** points + sign × H as a score or FRAC; undefined past the safe range (H in lowest terms). */
function plus(f: Frame, points: number, sign: 1 | -1): number | undefined {
  if (H.d === 1) {
    const v = points + sign * H.n;
    return safe(v) ? v : undefined;
  }
  const whole = points * H.d;
  const num = whole + sign * H.n;
  if (safe(whole) && safe(num)) return frac(f, num, H.d);
  const d = H.d;
  reduceRat(H.n, d, H);
  return H.d === d ? undefined : plus(f, points, sign);
}

/** points − the deduction for a gap on a slope: a score, FRAC, or undefined (see slopeAmount). */
function deduct(
  f: Frame,
  points: number,
  gN: number,
  gD: number,
  s: SlopeK,
  strict: boolean,
  tn: number,
  td: number,
): number | undefined {
  return slopeAmount(gN, gD, s, strict, tn, td) ? plus(f, points, -1) : undefined;
}

export function baseKernel(
  rs: CompiledRuleSet,
  plan: FramePlan,
  item: CIndicator,
  points: number,
  slope: (s: CSlope | undefined) => SlopeK | null | undefined,
): Kernel | undefined {
  const rule = item.rule;
  if (!rule) {
    const start = startsAtZero(item) ? 0 : points;
    const said = startsAtZero(item)
      ? R.startsAtZero
      : R.fullMarks(showRat(points, 10 ** rs.scoreRounding.dp));
    return traced(
      () => start,
      () => words(said),
    );
  }
  const slot = (key: string): number | undefined => plan.operandSlot(item.operands.get(key));
  const dp = rs.scoreRounding.dp;
  const scale = 10 ** dp;
  const T = TRACE;

  switch (rule.kind) {
    case 'threshold': {
      const kv = slot('value');
      const kt = slot('target');
      const below = slope(item.slopes.get('below'));
      const above = slope(item.slopes.get('above'));
      if (kv === undefined || kt === undefined || below === undefined || above === undefined)
        return undefined;
      const op = rule.op;
      const strict = op === '>' || op === '<';
      const ceiling = op === '<=' || op === '<';
      const unit = itemWords(item).unit;
      // A date (早于 / 晚于 a deadline, 每晚1天): its figures shown as their ISO day.
      const dates = unit === 'date';
      const text = dates ? dateText : slotText;
      const sayAbove = slopeWords('above', item.slopes.get('above'), unit, true, dates);
      const sayBelow = slopeWords(
        missedDirection(op),
        item.slopes.get('below'),
        unit,
        false,
        dates,
      );
      const kernel: Kernel = (f) => {
        const st = state2(f, kv, kt);
        if (st !== OK) return notOk(st);
        const m = f.m;
        const d = f.d;
        const vn = m[kv] as number;
        const vd = d[kv] as number;
        const tn = m[kt] as number;
        const td = d[kt] as number;
        if (holds(cmpRat(vn, vd, tn, td), op)) {
          if (T.on) T.branch = MET;
          if (!above) return points;
          // Credit beyond the target: points + amount, which is also the item's upper bound.
          if (!(ceiling ? subRat(tn, td, vn, vd, G) : subRat(vn, vd, tn, td, G))) return undefined;
          if (G.n <= 0) return points;
          if (T.on) T.branch = CREDIT;
          if (!slopeAmount(G.n, G.d, above, false, tn, td)) return undefined;
          const v = plus(f, points, 1);
          if (v === undefined) return undefined;
          if (v !== FRAC) frac(f, v, 1);
          f.q[2] = 1;
          return FRAC;
        }
        if (T.on) T.branch = below ? SLOPED : FAILED;
        if (!below) return 0;
        // |t − v|
        if (!subRat(tn, td, vn, vd, G)) return undefined;
        return deduct(f, points, Math.abs(G.n), G.d, below, strict, tn, td);
      };
      return traced(kernel, (f, t, c) => {
        const w = c.words;
        const sv = w.op('value', text(f, kv));
        const st = w.op('target', text(f, kt));
        const met = t.branch === MET || t.branch === CREDIT;
        const reason = thresholdReason(w, op, sv, st, met, t.branch === SLOPED, dates);
        if (t.branch === CREDIT) return words(reason, t.an === 0 ? NO_ADJUSTMENTS : sayAbove(c, t));
        if (t.branch === SLOPED) return words(reason, sayBelow(c, t));
        return words(reason);
      });
    }
    case 'band': {
      const kv = slot('value');
      const kl = slot('low');
      const kh = slot('high');
      const outside = slope(item.slopes.get('outside'));
      if (kv === undefined || kl === undefined || kh === undefined || outside === undefined)
        return undefined;
      const sayOutside = slopeWords(
        'outside',
        item.slopes.get('outside'),
        itemWords(item).unit,
        false,
      );
      const kernel: Kernel = (f) => {
        const st = state3(f, kv, kl, kh);
        if (st !== OK) return notOk(st);
        const m = f.m;
        const d = f.d;
        const vn = m[kv] as number;
        const vd = d[kv] as number;
        const under = cmpRat(vn, vd, m[kl] as number, d[kl] as number) < 0;
        if (!under && cmpRat(vn, vd, m[kh] as number, d[kh] as number) <= 0) {
          if (T.on) T.branch = MET;
          return points;
        }
        if (T.on) T.branch = outside ? SLOPED : FAILED;
        if (!outside) return 0;
        const ke = under ? kl : kh;
        const en = m[ke] as number;
        const ed = d[ke] as number;
        if (!subRat(en, ed, vn, vd, G)) return undefined;
        return deduct(f, points, Math.abs(G.n), G.d, outside, false, en, ed);
      };
      return traced(kernel, (f, t, c) => {
        const w = c.words;
        const reason = bandReason(
          w,
          w.op('value', slotText(f, kv)),
          w.op('low', slotText(f, kl)),
          w.op('high', slotText(f, kh)),
          t.branch === MET,
          t.branch === SLOPED,
        );
        return t.branch === SLOPED ? words(reason, sayOutside(c, t)) : words(reason);
      });
    }
    case 'ramp': {
      const kv = slot('value');
      const kf = slot('full');
      const kz = slot('zero');
      if (kv === undefined || kf === undefined || kz === undefined) return undefined;
      const lowerIsBetter = rampLowerIsBetter(item);
      const kernel: Kernel = (f) => {
        const st = state3(f, kv, kf, kz);
        if (st !== OK) return notOk(st);
        const m = f.m;
        const d = f.d;
        const vn = m[kv] as number;
        const vd = d[kv] as number;
        const fn = m[kf] as number;
        const fd = d[kf] as number;
        const zn = m[kz] as number;
        const zd = d[kz] as number;
        // As the exact path: the declared direction, the zero point checked first.
        const cz = cmpRat(vn, vd, zn, zd);
        if (T.on) T.branch = ZERO_END;
        if (lowerIsBetter ? cz >= 0 : cz <= 0) return 0;
        const cf = cmpRat(vn, vd, fn, fd);
        if (T.on) T.branch = MET;
        if (lowerIsBetter ? cf <= 0 : cf >= 0) return points;
        // points × (zero − v) / (zero − full)
        if (!subRat(zn, zd, vn, vd, G) || !subRat(zn, zd, fn, fd, H)) return undefined;
        const hn = H.n;
        const hd = H.d;
        if (!mulRat(G.n, G.d, hn < 0 ? -hd : hd, hn < 0 ? -hn : hn, G)) return undefined;
        if (!mulRat(G.n, G.d, points, 1, G)) return undefined;
        if (T.on) between(G);
        return frac(f, G.n, G.d);
      };
      return traced(kernel, (f, t, c) => {
        const w = c.words;
        return words(
          R.rampText(
            w.label,
            w.op('value', slotText(f, kv)),
            w.op('full', slotText(f, kf)),
            w.op('zero', slotText(f, kz)),
            baseText(c, t, points),
          ),
        );
      });
    }
    case 'proportional': {
      const kv = slot('value');
      const kt = slot('target');
      if (kv === undefined || kt === undefined) return undefined;
      const kernel: Kernel = (f) => {
        const st = state2(f, kv, kt);
        if (st !== OK) return notOk(st);
        const tn = f.m[kt] as number;
        const td = f.d[kt] as number;
        // A target not above 0 is the exact evaluator's to report.
        if (tn <= 0) return undefined;
        const vn = f.m[kv] as number;
        if (T.on) T.branch = ZERO_END;
        // max(0, min(points, …)): nothing for a figure not above 0, nor for points below 0.
        if (vn <= 0 || points <= 0) return 0;
        // min(points, points × v / t)
        if (!mulRat(vn, f.d[kv] as number, td, tn, G)) return undefined;
        if (T.on) T.branch = MET;
        if (cmpRat(G.n, G.d, 1, 1) >= 0) return points;
        if (!mulRat(G.n, G.d, points, 1, G)) return undefined;
        if (T.on) between(G);
        return frac(f, G.n, G.d);
      };
      return traced(kernel, (f, t, c) => {
        const w = c.words;
        return words(
          R.proportionalText(
            w.label,
            w.op('value', slotText(f, kv)),
            w.op('target', slotText(f, kt)),
            baseText(c, t, points),
          ),
        );
      });
    }
    case 'expr': {
      // The score is the expression's value (in points), rounded once with the item's score.
      const ks = slot('score');
      if (ks === undefined) return undefined;
      const formula = item.operands.get('score');
      const formulaWords = formula?.words ?? { zh: rule.score, en: rule.score };
      const kernel: Kernel = (f) => {
        const st = state(f, ks);
        if (st !== OK) return notOk(st);
        // value × 10^dp, as a fraction of 10^-dp points
        if (!mulRat(f.m[ks] as number, f.d[ks] as number, scale, 1, G)) return undefined;
        if (T.on) between(G);
        return G.d === 1 ? G.n : frac(f, G.n, G.d);
      };
      return traced(kernel, (f, t, c) => {
        // The score first: listing the operands may score the items a formula reads (score()),
        // whose kernels reuse the trace.
        const score = scoreText(c, t.xn, t.xd);
        const operands = formula?.expr
          ? operandValues(c.rs, formula.expr, c.env, (def) => frameValue(plan, f, def))
          : [];
        return words(R.exprText(formulaWords, operands, score));
      });
    }
    case 'yesno': {
      const input = plan.inputSlot(rule.input);
      const yes = rule.yes === undefined ? points : scaledDecimal(rule.yes, dp);
      const no = rule.no === undefined ? 0 : scaledDecimal(rule.no, dp);
      if (input?.kind !== 'symbol' || yes === undefined || no === undefined) return undefined;
      const k = input.k;
      const said = yesNoWords(rs, item, rule, showRat(points, scale));
      const kernel: Kernel = (f) => {
        const st = f.s[k] as number;
        if (st !== OK) return notOk(st);
        const code = f.m[k];
        if (T.on) T.branch = code as number;
        return code === 1 ? yes : code === 0 ? no : undefined;
      };
      return traced(kernel, (_f, t) => words(t.branch === 1 ? said.yes : said.no));
    }
    case 'reduction': {
      const kv = slot('value');
      const kp = slot('previous');
      const kb = item.operands.has('base') ? slot('base') : plan.constSlot(0, 1);
      const below = slope(item.slopes.get('below'));
      const tiers: { from: Rat | undefined; to: Rat | undefined; pct: Rat }[] = [];
      for (const t of rule.required) {
        const from = t.from === undefined ? undefined : ratOfText(t.from);
        const to = t.to === undefined ? undefined : ratOfText(t.to);
        const pct = ratOfText(t.pct);
        // A bound past the safe range sends the item to the exact path.
        if (
          pct === undefined ||
          (t.from !== undefined && from === undefined) ||
          (t.to !== undefined && to === undefined)
        )
          return undefined;
        tiers.push({ from, to, pct });
      }
      if (kv === undefined || kp === undefined || kb === undefined || below === undefined)
        return undefined;
      const sayShort = slopeWords('short', item.slopes.get('below'), '%', false);
      const pctTexts = rule.required.map((t) => show(q(t.pct)));
      const kernel: Kernel = (f) => {
        const st = state3(f, kv, kp, kb);
        if (st !== OK) return notOk(st);
        const m = f.m;
        const d = f.d;
        const pn = m[kp] as number;
        const pd = d[kp] as number;
        let tier: (typeof tiers)[number] | undefined;
        for (let i = 0; i < tiers.length; i++) {
          const t = tiers[i] as (typeof tiers)[number];
          if (
            (t.from === undefined || cmpRat(pn, pd, t.from.n, t.from.d) >= 0) &&
            (t.to === undefined || cmpRat(pn, pd, t.to.n, t.to.d) < 0)
          ) {
            tier = t;
            if (T.on) T.tier = i;
            break;
          }
        }
        // excess = previous − base; achieved % = (previous − value) × 100 / excess
        if (!subRat(pn, pd, m[kb] as number, d[kb] as number, H)) return undefined;
        if (T.on) T.branch = NOT_ASSESSED;
        if (!tier || H.n <= 0) return NA;
        let en = H.n;
        let ed = H.d;
        if (!subRat(pn, pd, m[kv] as number, d[kv] as number, G)) return undefined;
        if (!safe(100 * ed)) {
          // In lowest terms (figures on the kernels need not be), where the safe range allows.
          reduceRat(en, ed, H);
          if (!safe(100 * H.d)) return undefined;
          en = H.n;
          ed = H.d;
        }
        if (!mulRat(G.n, G.d, 100 * ed, en, G)) return undefined;
        const pct = tier.pct;
        if (T.on) {
          T.xn = G.n;
          T.xd = G.d;
          T.branch = MET;
        }
        if (cmpRat(G.n, G.d, pct.n, pct.d) >= 0) return points;
        if (T.on) T.branch = below ? SLOPED : FAILED;
        if (!below) return 0;
        // short by pct − achieved
        if (!subRat(pct.n, pct.d, G.n, G.d, G)) return undefined;
        return deduct(f, points, G.n, G.d, below, false, pct.n, pct.d);
      };
      return traced(kernel, (f, t, c) => {
        const w = c.words;
        if (t.branch === NOT_ASSESSED) return words(R.noReductionTier(w.shown(slotText(f, kp))));
        const reason = R.reductionText(
          w.label,
          w.op('value', slotText(f, kv)),
          w.op('previous', slotText(f, kp)),
          showRat(t.xn, t.xd),
          pctTexts[t.tier] as string,
          t.branch === MET,
        );
        return t.branch === SLOPED ? words(reason, sayShort(c, t)) : words(reason);
      });
    }
    case 'tiers': {
      const valueOp = item.operands.get('value');
      if (!valueOp) return undefined;
      const def = valueOp.input;
      const input = def && !valueOp.derived ? plan.inputSlot(def.id) : undefined;
      // Numeric tiers compare the figure (or a derived value); `equals` tiers compare a yes/no
      // or choice by its code.
      const symbolic = input?.kind === 'symbol';
      const kv = symbolic ? input.k : input ? input.k : plan.operandSlot(valueOp);
      const tiers: { op?: Comparison; than: number; code: number; points: number }[] = [];
      for (const [i, tier] of rule.tiers.entries()) {
        const pts = scaledDecimal(tier.points, dp);
        if (pts === undefined) return undefined;
        if ('equals' in tier)
          tiers.push({ code: symbolic ? plan.codeOf(tier.equals) : -1, than: -1, points: pts });
        else {
          const than = plan.operandSlot(item.operands.get(`tier${i}`));
          if (than === undefined || symbolic || kv === undefined) return undefined;
          tiers.push({ op: tier.op, than, code: -1, points: pts });
        }
      }
      const otherwise = rule.otherwise === undefined ? 0 : scaledDecimal(rule.otherwise, dp);
      if (otherwise === undefined) return undefined;
      // Each tier's score as its reason shows it, and its label.
      const said = rule.tiers.map((t) => ({
        score: show(q(t.points)),
        label: t.label ? msgOf(t.label) : undefined,
      }));
      const otherwiseText = show(q(rule.otherwise ?? 0));
      if (kv !== undefined) {
        const kernel: Kernel = (f) => {
          const st = state(f, kv);
          if (st !== OK) return notOk(st);
          const vn = f.m[kv] as number;
          const vd = f.d[kv] as number;
          for (let i = 0; i < tiers.length; i++) {
            const t = tiers[i] as (typeof tiers)[number];
            if (t.op !== undefined) {
              // The exact path works each tier's bound out in turn: a blank one is missing.
              const sb = state(f, t.than);
              if (sb !== OK) return notOk(sb);
              if (holds(cmpRat(vn, vd, f.m[t.than] as number, f.d[t.than] as number), t.op)) {
                if (T.on) T.tier = i;
                return t.points;
              }
            } else if (symbolic && vn === t.code) {
              if (T.on) T.tier = i;
              return t.points;
            } else if (!symbolic) return undefined;
          }
          return otherwise;
        };
        return traced(kernel, (f, t, c) => {
          const w = c.words;
          let value: Msg;
          if (!symbolic) value = w.op('value', slotText(f, kv));
          else {
            // A choice by its label (有效果), never its id; a yes/no as the exact path spells it.
            const raw = plan.symbol(f.m[kv] as number);
            const choice =
              typeof raw === 'string' ? def?.choices?.find((x) => x.value === raw) : undefined;
            value = choice ? msgOf(choice.label) : { zh: String(raw), en: String(raw) };
          }
          const tier = t.tier < 0 ? undefined : said[t.tier];
          return words(R.tierText(w.label, value, tier?.label, tier ? tier.score : otherwiseText));
        });
      }
      // A text input: only `equals` tiers can hold; decoded per unit.
      if (!def || tiers.some((t) => t.op !== undefined)) return undefined;
      const texts = rule.tiers.map((t) => ('equals' in t ? t.equals : undefined));
      // Its words: the text as typed (trimmed, as the exact path decodes it), the tier it met.
      const textKernel: Kernel = (f) => textTier(f.unit, def, texts, tiers, otherwise);
      return traced(textKernel, (f, t, c) => {
        const d = decodeValue(def, f.unit.values[def.id]);
        if (typeof d.value !== 'string') return undefined;
        const value = { zh: d.value, en: d.value };
        const tier = t.tier < 0 ? undefined : said[t.tier];
        return words(
          R.tierText(c.words.label, value, tier?.label, tier ? tier.score : otherwiseText),
        );
      });
    }
    case 'piecewise': {
      const kv = slot('value');
      const at = piecewiseKernel(rule, dp);
      if (kv === undefined || !at) return undefined;
      const kernel: Kernel = (f) => {
        const st = state(f, kv);
        if (st !== OK) return notOk(st);
        if (!at(f.m[kv] as number, f.d[kv] as number, G)) return undefined;
        return G.d === 1 ? G.n : frac(f, G.n, G.d);
      };
      // The words are piecewiseBase's (the exact path's own), on the value the kernel read.
      return traced(kernel, (f, _t, c) => {
        const w = c.words;
        const v = q(f.m[kv] as number).div(f.d[kv] as number);
        const shown = {
          label: w.label,
          value: w.op('value', slotText(f, kv)),
          unit: w.unit,
          score: (x: Q) => fmtScoreText(c.rs, x),
        };
        return words(piecewiseBase(rule, v, shown).reason);
      });
    }
    case 'rank': {
      // Points by place (第1名5分…) or in proportion to the leader: the place is the cohort's
      // (cohort/peers.ts, worked out exactly before scoring), read by the unit's id. A unit
      // without a place (its value blank, no cohort) is the exact path's to report.
      const path = item.path;
      if (rule.points === 'proportional-to-leader') {
        const kv = slot('value');
        if (kv === undefined || points < 0) return undefined;
        const desc = rule.order === 'desc';
        const leaderKernel: Kernel = (f) => {
          const place = f.peers?.rank(path, f.unit.id);
          if (!place) return undefined;
          const st = state(f, kv);
          if (st !== OK) return notOk(st);
          if (!ratOfQ(place.leader, L)) return undefined;
          // value ÷ leader (desc), or leader ÷ value (lower is better), of the points.
          const vn = f.m[kv] as number;
          const vd = f.d[kv] as number;
          const nn = desc ? vn : L.n;
          const nd = desc ? vd : L.d;
          const dn = desc ? L.n : vn;
          const dd = desc ? L.d : vd;
          if (dn === 0) return points;
          // num / den with a positive denominator, then within [0, 1] of the points.
          if (!mulRat(dn < 0 ? -nn : nn, nd, dd, dn < 0 ? -dn : dn, G)) return undefined;
          if (G.n <= 0) return 0;
          if (cmpRat(G.n, G.d, 1, 1) >= 0) return points;
          if (!mulRat(G.n, G.d, points, 1, G)) return undefined;
          return G.d === 1 ? G.n : frac(f, G.n, G.d);
        };
        // The exact path's words (leaderText) on the value and the leader the kernel read.
        const pointsQ = q(points).div(scale);
        return traced(leaderKernel, (f, _t, c) => {
          const place = f.peers?.rank(path, f.unit.id);
          if (!place) return undefined;
          const w = c.words;
          const v = q(f.m[kv] as number).div(f.d[kv] as number);
          const [num, den] = desc ? [v, place.leader] : [place.leader, v];
          const base =
            den.n === 0n ? pointsQ : qmin(pointsQ, qmax(ZERO, div(mul(pointsQ, num), den)));
          const ratio =
            den.n === 0n ? undefined : { num: show(num), den: show(den), points: show(pointsQ) };
          return words(
            R.leaderText(
              w.label,
              w.op('value', slotText(f, kv)),
              showWithUnit(place.leader, w.unit),
              ratio,
              fmtScoreText(c.rs, base),
            ),
          );
        });
      }
      const byPlace = rule.points.map((p) => scaledDecimal(p, dp));
      const otherwise = rule.otherwise === undefined ? 0 : scaledDecimal(rule.otherwise, dp);
      if (otherwise === undefined || byPlace.some((p) => p === undefined)) return undefined;
      const placeKernel: Kernel = (f) => {
        const place = f.peers?.rank(path, f.unit.id);
        if (!place) return undefined;
        return byPlace[place.rank - 1] ?? otherwise;
      };
      // The exact path's words (rankText): the place, of how many, the points it gives.
      const declared = rule.points.map((p) => q(p));
      const otherwiseQ = q(rule.otherwise ?? 0);
      return traced(placeKernel, (f, _t, c) => {
        const place = f.peers?.rank(path, f.unit.id);
        if (!place) return undefined;
        const base = declared[place.rank - 1] ?? otherwiseQ;
        return words(R.rankText(place.rank, place.count, fmtScoreText(c.rs, base)));
      });
    }
    default:
      return undefined;
  }
}

/** A declared decimal as a rational; undefined past the safe range. */
function ratOfText(value: string | number): Rat | undefined {
  const r: Rat = { n: 0, d: 1 };
  const text = typeof value === 'number' ? String(value) : value;
  return readRat(text, r) ? r : undefined;
}

/** A declared decimal (points, amounts) as an integer count of 10^-dp; undefined when it has
 *  more places or does not fit. */
function scaledDecimal(value: string | number, dp: number): number | undefined {
  return scaledOfQ(q(value), dp);
}

function textTier(
  unit: UnitInput,
  def: InputDef,
  texts: readonly (string | boolean | undefined)[],
  tiers: readonly { points: number }[],
  otherwise: number,
): number | null | undefined {
  const raw = unit.values[def.id];
  if ((raw === null || raw === undefined || raw === '') && def.blankMeans === undefined)
    return null;
  const d = decodeValue(def, raw);
  if (d.problem !== undefined || d.value === undefined || typeof d.value === 'object')
    return undefined;
  for (let i = 0; i < texts.length; i++)
    if (d.value === texts[i]) {
      if (TRACE.on) TRACE.tier = i;
      return (tiers[i] as { points: number }).points;
    }
  return otherwise;
}

/** A slot holding a day number as showWithUnit shows a date: its ISO day (a whole day, as the
 *  exact value in lowest terms has it), else the figure. */
function dateText(f: Frame, k: number): string {
  const n = f.m[k] as number;
  const d = f.d[k] as number;
  return n % d === 0 ? isoOfDay(n / d) : slotText(f, k);
}

/** A traced value between the ends (ramp, proportional) or a formula's score: G, in 10^-dp points. */
function between(g: Rat): void {
  TRACE.branch = BETWEEN;
  TRACE.xn = g.n;
  TRACE.xd = g.d;
}

/** A ramp's or proportional item's base as its reason shows it (fmtScore's text). */
function baseText(c: RenderContext, t: Trace, points: number): string {
  if (t.branch === BETWEEN) return scoreText(c, t.xn, t.xd);
  return t.branch === MET ? scoreText(c, points, 1) : scoreText(c, 0, 1);
}

/** A yes/no item's reason for yes and for no (what it scores before clamping): its input's
 *  label, else the item's title. */
export function yesNoWords(
  rs: CompiledRuleSet,
  item: CIndicator,
  rule: { input: string; yes?: string | number; no?: string | number },
  pointsText: string,
): { yes: Msg; no: Msg } {
  const def = rs.inputs.get(rule.input);
  const label = def ? msgOf(def.label) : item.title;
  return {
    yes: R.yesNoText(label, true, rule.yes === undefined ? pointsText : show(q(rule.yes))),
    no: R.yesNoText(label, false, rule.no === undefined ? '0' : show(q(rule.no))),
  };
}

/** An input's value as a formula's reason lists it, off the frame (inputValue's words);
 *  undefined when only the exact environment can read it. */
function frameValue(plan: FramePlan, f: Frame, def: InputDef): Msg | undefined {
  const slot = plan.inputSlot(def.id);
  if (!slot) return undefined;
  const st = f.s[slot.k];
  if (st === BLANK) return NOT_REPORTED;
  // A date is shown as its day (showWithUnit's), read from the exact environment.
  if (st !== OK || def.unit === 'date') return undefined;
  if (slot.kind === 'number')
    return withUnit(showRat(f.m[slot.k] as number, f.d[slot.k] as number), def.unit);
  const v = plan.symbol(f.m[slot.k] as number);
  return v === undefined ? undefined : inputValue(def, v);
}
