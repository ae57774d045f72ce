// Integer kernels for the item shapes of real rule sets (floor, ceiling, band, ramp,
// proportional, tiers, yes/no, reduction, expressions, per-case deductions — escalating,
// multiplied, zeroing —, deductions by state and by formula, gates, evidence) over exact
// rationals. Each returns the item's score as an integer count of 10^-dp
// points, null for a missing input, NA when it does not apply, or undefined to hand the item to
// the exact evaluator (a value the fast reader cannot take, a product past the safe range).
import { q, type Q } from '../exact/exact.ts';
import type { InputDef } from '../schema/ruleset.ts';
import type { CIndicator, CompiledRuleSet, CSlope } from '../score/compile.ts';
import { BLANK as V_BLANK, EXACT as V_EXACT, TRUE, FALSE, type MicroExpr } from '../expr/micro.ts';
import {
  addRat,
  cmpRat,
  mulRat,
  ratOfQ,
  reduceRat,
  roundDiv,
  scaledOfQ,
  type Rat,
} from './fixed.ts';
import {
  BLANK,
  NO_CODE,
  NUMERIC,
  OK,
  state,
  YES_CODE,
  type Frame,
  type FramePlan,
} from './frame.ts';
import { decodeValue } from '../score/env.ts';
import { compileRecords, R_BLANK, R_OK, type RecordsKernel } from './records.ts';
import { scoreWithoutEvidence } from '../score/bounds.ts';
import { deadlineOutcome } from '../score/deadline.ts';
import { baseKernel, FRAC, NA, yesNoWords, type Kernel, type SlopeK } from './kernel-base.ts';
import type { Adjustment, Msg } from '../model/result.ts';
import { show, showRat } from '../messages/format.ts';
import * as R from '../score/reasons.ts';
import {
  cappedStream,
  multipliedLabel,
  stateMsg,
  streamLabel,
  withMultiplied,
} from '../score/streams.ts';
import {
  CAPPED,
  FLOORED,
  MAX_TRACED_STREAMS,
  renders,
  TRACE,
  traced,
  type Render,
} from './trace.ts';

const NO_ADJUSTMENTS: readonly Adjustment[] = Object.freeze([]);

/** A plain yes/no kernel, for a caller that reads it inline: its slot, its scores (clamped) for
 *  yes and no, and whether a yes without its own evidence scores 0. */
export interface YesNoShape {
  k: number;
  onYes: number;
  onNo: number;
  ownEvidence: boolean;
}

/** The shape of each plain yes/no kernel (one whose evidence, if any, is its own input). */
export const yesNoShape = new WeakMap<Kernel, YesNoShape>();

/** Said by a kernel's last steps when a product leaves the safe range (never a score: scores
 *  are whole counts of 10^-dp points). */
const TOO_BIG = 0.5;
const LOWEST: Rat = { n: 0, d: 1 };
/** A formula stream's amount in 10^-dp points, and the item's fraction with it (scratch:
 *  kernels run one at a time). */
const AMOUNT: Rat = { n: 0, d: 1 };
const SUM: Rat = { n: 0, d: 1 };
/** A formula's figure, or a per-record stream's amount, in points (scratch). */
const FIGURE: Rat = { n: 0, d: 1 };

/** An item that only sums its sub-items: no rule, streams, gates or applicability (its points,
 *  by class or not, are the caller's). */
export function isContainer(item: CIndicator): boolean {
  return (
    item.children.length > 0 &&
    !item.rule &&
    item.streams.length === 0 &&
    item.gates.length === 0 &&
    !item.applicable
  );
}

interface CaseStream {
  /** The stream's place among the item's streams (its trace and its adjustment's order). */
  at: number;
  k: number;
  each: number;
  /** An escalating scale (累进): the nth case's amount, then `increment` more a case beyond it
   *  (or `each` a case without one); all in 10^-dp points. */
  schedule: readonly number[] | undefined;
  increment: number | undefined;
  /** Multiplied cases: their count's slot (-1: none) and what each costs on top, each × factor
   *  (`extra`) or each × (factor − 1) (`of-which`, never more of them than cases). */
  mk: number;
  eachOnTop: number;
  ofWhich: boolean;
  /** The case count that zeroes the item (Infinity: none). */
  zeroAt: number;
  cap: number | undefined;
  sign: 1 | -1;
}

/**
 * What n whole cases cost on an escalating scale, in 10^-dp points: the first min(n, len) listed,
 * then each one beyond at `each`, or at the last listed plus `increment` more a case (the closed
 * form of streams.ts's `scheduled`); NaN when a product leaves the safe range.
 */
function scheduledScaled(
  n: number,
  schedule: readonly number[],
  each: number,
  increment: number | undefined,
): number {
  const len = schedule.length;
  const listed = n < len ? n : len;
  let total = 0;
  for (let i = 0; i < listed; i++) total += schedule[i] as number;
  if (n <= len) return total;
  const beyond = n - len;
  // Each product checked on its own: a sum of unsafe terms may land back in the safe range.
  const safe = Number.isSafeInteger;
  if (increment === undefined) {
    const rest = beyond * each;
    total += rest;
    return safe(rest) && safe(total) ? total : NaN;
  }
  const last = len > 0 ? (schedule[len - 1] as number) : each;
  // Σ_{k=1..m} (last + increment × k) = m × last + increment × m(m+1)/2; m(m+1) is even.
  const triangle = beyond % 2 === 0 ? (beyond / 2) * (beyond + 1) : beyond * ((beyond + 1) / 2);
  const flat = beyond * last;
  const rising = increment * triangle;
  total += flat + rising;
  return safe(triangle) && safe(flat) && safe(rising) && safe(flat + rising) && safe(total)
    ? total
    : NaN;
}

/** A case count read from its slot: a whole number ≥ 0; null when blank, undefined when only the
 *  exact path can read or report it (text, a fraction, a negative count). */
function caseCount(f: Frame, k: number): number | null | undefined {
  const st = f.s[k];
  if (st === BLANK) return null;
  if (st !== OK) return undefined;
  const n = f.m[k] as number;
  const d = f.d[k] as number;
  if (n < 0 || n % d !== 0) return undefined;
  return n / d;
}

/** What n cases of a per-case stream cost before its multiplied cases and its cap (10^-dp
 *  points; NaN past the safe range). The multiplied ones add m × eachOnTop. */
function casesPaid(s: CaseStream, n: number): number {
  const paid = s.schedule ? scheduledScaled(n, s.schedule, s.each, s.increment) : n * s.each;
  return Number.isSafeInteger(paid) ? paid : NaN;
}

interface StateStream {
  at: number;
  k: number;
  /** Amount by symbol code (sparse). */
  amounts: (number | undefined)[];
  cap: number | undefined;
  sign: 1 | -1;
}

/** A deduction by formula (`expr`): its amount's slot (a figure in points), worked out on first
 *  use like any derived operand. */
interface ExprStream {
  at: number;
  /** The formula's slot (an expr stream), or -1 for a per-record stream, whose amount its
   *  records kernel works out for the unit. */
  k: number;
  records: RecordsKernel | undefined;
  cap: number | undefined;
  sign: 1 | -1;
}

/** The kinds of stream, as the one loop over them in the item's order tells them apart. */
const S_CASE = 0;
const S_STATE = 1;
const S_DEADLINE = 2;
const S_EXPR = 3;

/** A deadline stream on a date slot: the one decision is deadline.ts's, read per unit. */
interface DeadlineK {
  at: number;
  k: number;
  stream: Extract<CIndicator['streams'][number]['stream'], { kind: 'deadline' }>;
  due: number;
  cap: number | undefined;
  sign: 1 | -1;
}

interface EvidenceCheck {
  id: string;
  def: InputDef;
  slot: { k: number; kind: 'number' | 'symbol' } | undefined;
  /** Symbol codes that claim nothing: no, 'false', '0'. */
  noCodes: readonly number[];
}

/**
 * The kernel of a leaf item, at `points` (the item's own, or its points for one class). With an
 * `applicable` condition, the item does not apply (NA) where it is false, as the exact path has it.
 */
export function buildKernel(
  rs: CompiledRuleSet,
  plan: FramePlan,
  item: CIndicator,
  pointsQ: Q = item.points,
): Kernel | undefined {
  if (item.children.length) return undefined;
  const kernel = withKeptEvidence(rs, plan, item, leafKernel(rs, plan, item, pointsQ));
  if (!kernel || !item.applicable) return kernel;
  const applicable = item.applicable.microBound(plan.bind);
  const render = renders.get(kernel);
  const wrapped: Kernel = (f) => {
    // Only false means "does not apply"; a blank is missing; anything else applies, unless
    // only the exact evaluator can tell.
    const st = applicable.ev(f.micro);
    if (st === FALSE) return NA;
    if (st === V_BLANK) return null;
    if (st === V_EXACT) return undefined;
    return kernel(f);
  };
  return render ? traced(wrapped, render) : wrapped;
}

function leafKernel(
  rs: CompiledRuleSet,
  plan: FramePlan,
  item: CIndicator,
  pointsQ: Q,
): Kernel | undefined {
  const dp = rs.scoreRounding.dp;
  const mode = rs.scoreRounding.mode;
  const sc = (value: Q | string | number): number | undefined =>
    scaledOfQ(typeof value === 'object' ? value : q(value), dp);
  // An uncapped bonus item (加分不设上限): no ceiling at all; its points (0) hold nothing.
  const uncapped = item.uncapped;
  const points = sc(pointsQ);
  // No floor at all (min 'none'): −∞ clamps nothing, and a gate keeps a negative score.
  const min = item.min === undefined ? Number.NEGATIVE_INFINITY : sc(item.min);
  if (points === undefined || min === undefined) return undefined;
  const scale = q(10 ** dp);
  const unitScale = 10 ** dp;
  const slope = (s: CSlope | undefined): SlopeK | null | undefined => {
    if (!s) return null;
    const per: Rat = { n: 0, d: 1 };
    const pts: Rat = { n: 0, d: 1 };
    const cap: Rat = { n: 0, d: 0 };
    if (
      !ratOfQ(s.per, per) ||
      per.n <= 0 ||
      !ratOfQ(s.points.mul(scale), pts) ||
      (s.cap && !ratOfQ(s.cap.mul(scale), cap))
    )
      return undefined;
    return {
      perN: per.n,
      perD: per.d,
      pointsN: pts.n,
      pointsD: pts.d,
      steps: s.steps,
      relative: s.gap === 'relative',
      capN: cap.n,
      capD: s.cap ? cap.d : 0,
    };
  };

  // Streams: per-case amounts (escalating, multiplied, zeroing), amounts by state, deadlines.
  const cases: CaseStream[] = [];
  const states: StateStream[] = [];
  const deadlines: DeadlineK[] = [];
  const exprs: ExprStream[] = [];
  // The streams in the item's order, each as its kind and its place in that kind's list: read in
  // that order, the first blank or the first figure only the exact path can judge decides, as
  // evaluateStreams has it.
  const kindOf: number[] = [];
  const indexOf: number[] = [];
  for (const [at, { stream, cap, due, amount, records }] of item.streams.entries()) {
    const capSc = cap ? sc(cap) : undefined;
    if (cap && capSc === undefined) return undefined;
    const sign = stream.direction === 'add' ? 1 : -1;
    if (stream.kind === 'expr') {
      // The amount's formula as a derived operand: its slot holds the figure in points.
      const k = amount
        ? plan.operandSlot({
            expr: amount,
            derived: true,
            rate: false,
            path: `${item.path}.deductions[${at}].amount`,
          })
        : undefined;
      if (k === undefined) return undefined;
      kindOf.push(S_EXPR);
      indexOf.push(exprs.length);
      exprs.push({ at, k, records: undefined, cap: capSc, sign });
      continue;
    }
    if (stream.kind === 'per-record') {
      // An amount in points worked out over the unit's cases, added as a formula's is.
      const rk = records ? compileRecords(records) : undefined;
      if (!rk) return undefined;
      kindOf.push(S_EXPR);
      indexOf.push(exprs.length);
      exprs.push({ at, k: -1, records: rk, cap: capSc, sign });
      continue;
    }
    if (stream.kind === 'state') {
      const slot = plan.inputSlot(stream.input);
      if (slot?.kind !== 'symbol') return undefined;
      const amounts: (number | undefined)[] = [];
      for (const [key, v] of Object.entries(stream.amounts)) {
        const a = sc(v);
        if (a === undefined) return undefined;
        // yes/no amounts are keyed 'yes' / 'no'; a choice's by its value.
        const def = rs.inputs.get(stream.input);
        const value =
          def?.unit === 'yesno' && (key === 'yes' || key === 'no') ? key === 'yes' : key;
        amounts[plan.codeOf(value)] = a;
      }
      kindOf.push(S_STATE);
      indexOf.push(states.length);
      states.push({ at, k: slot.k, amounts, cap: capSc, sign });
      continue;
    }
    if (stream.kind === 'deadline') {
      const slot = plan.inputSlot(stream.input);
      if (slot?.kind !== 'number' || !due) return undefined;
      kindOf.push(S_DEADLINE);
      indexOf.push(deadlines.length);
      deadlines.push({ at, k: slot.k, stream, due: due.day, cap: capSc, sign });
      continue;
    }
    if (stream.kind !== 'per-case') return undefined;
    const each = sc(stream.each);
    const slot = plan.inputSlot(stream.input);
    if (each === undefined || slot?.kind !== 'number') return undefined;
    const schedule = stream.schedule?.map((v) => sc(v));
    if (schedule?.some((v) => v === undefined)) return undefined;
    const increment = stream.increment === undefined ? undefined : sc(stream.increment);
    if (stream.increment !== undefined && increment === undefined) return undefined;
    let mk = -1;
    let eachOnTop = 0;
    const multiplied = stream.multiplied;
    if (multiplied) {
      const ms = plan.inputSlot(multiplied.input);
      const factor = q(multiplied.factor);
      const weight = multiplied.cases === 'of-which' ? factor.sub(1) : factor;
      const onTop = sc(q(stream.each).mul(weight));
      if (ms?.kind !== 'number' || onTop === undefined) return undefined;
      mk = ms.k;
      eachOnTop = onTop;
    }
    kindOf.push(S_CASE);
    indexOf.push(cases.length);
    cases.push({
      at,
      k: slot.k,
      each,
      schedule: schedule as number[] | undefined,
      increment,
      mk,
      eachOnTop,
      ofWhich: multiplied?.cases === 'of-which',
      zeroAt: stream.zeroAt ?? Number.POSITIVE_INFINITY,
      cap: capSc,
      sign,
    });
  }
  const evidence = evidenceChecks(rs, plan, item);
  // Under `keep` the leaf scores as under `flag`; withKeptEvidence then applies what is kept.
  const zeroOnMissingEvidence = item.evidence.policy === 'zero';
  const gates = item.gates.map((g) => g.when.microBound(plan.bind));

  const rule = item.rule;
  if (rule?.kind === 'yesno' && kindOf.length === 0 && gates.length === 0 && !uncapped) {
    // The commonest item (46 of Baotou's 81): one fused function, no base call and no loops.
    const input = plan.inputSlot(rule.input);
    const yes = rule.yes === undefined ? points : sc(rule.yes);
    const no = rule.no === undefined ? 0 : sc(rule.no);
    if (input?.kind !== 'symbol' || yes === undefined || no === undefined) return undefined;
    const k = input.k;
    // Raised to the floor first, then capped at the points: the exact evaluator's order.
    const clamp = (v: number): number =>
      v < min ? (min > points ? points : min) : v > points ? points : v;
    const onYes = clamp(yes);
    const onNo = clamp(no);
    const checkEvidence = zeroOnMissingEvidence && evidence.length > 0;
    // The usual case: the evidence asked for is the yes/no's own — a "yes" claims, a "no" does not.
    const ownEvidenceOnly = evidence.length === 1 && evidence[0]?.slot?.k === k;
    const kernel: Kernel = (f) => {
      const st = f.s[k];
      if (st !== OK) return st === BLANK ? null : undefined;
      const code = f.m[k];
      const score = code === YES_CODE ? onYes : code === NO_CODE ? onNo : undefined;
      if (TRACE.on && score !== undefined) {
        const raw = code === YES_CODE ? yes : no;
        TRACE.branch = code as number;
        TRACE.score = score;
        TRACE.clamp = raw > points ? CAPPED : raw < min ? FLOORED : 0;
        TRACE.hn = points;
        TRACE.hd = 1;
      }
      if (score === undefined || score <= 0 || !checkEvidence) return score;
      if (ownEvidenceOnly) return code === YES_CODE && f.x[k] === 0 ? 0 : score;
      return withEvidence(score, unevidenced(f, evidence));
    };
    if (!checkEvidence || ownEvidenceOnly)
      yesNoShape.set(kernel, { k, onYes, onNo, ownEvidence: checkEvidence });
    const said = yesNoWords(rs, item, rule, showRat(points, 10 ** dp));
    const onYesWords = { reason: said.yes, adjustments: NO_ADJUSTMENTS };
    const onNoWords = { reason: said.no, adjustments: NO_ADJUSTMENTS };
    return traced(kernel, (_f, t) => (t.branch === YES_CODE ? onYesWords : onNoWords));
  }

  const base = baseKernel(rs, plan, item, points, slope);
  if (base === undefined) return undefined;
  const T = TRACE;

  const kernel: Kernel = (f) => {
    const b = base(f);
    if (b === null || b === undefined) return b;
    if (b === NA) return NA;
    let num: number;
    let den: number;
    // The upper bound: the item's points, or the base itself when it has credit above a target.
    let upper = false;
    if (b === FRAC) {
      num = f.q[0] as number;
      den = f.q[1] as number;
      upper = f.q[2] === 1;
      f.q[2] = 0;
    } else {
      num = b;
      den = 1;
    }
    const v = settle(f, num, den, upper);
    if (v !== TOO_BIG) return v;
    // A fraction the rational operations left out of lowest terms (fixed.ts), in them: the
    // products below then leave the safe range only when the exact figures do.
    reduceRat(num, den, LOWEST);
    if (LOWEST.d === den) return undefined;
    const w = settle(f, LOWEST.n, LOWEST.d, upper);
    return w === TOO_BIG ? undefined : w;
  };
  /** The base's fraction num / den with the streams, clamped and rounded, gated; TOO_BIG when a
   *  product leaves the safe range. */
  const settle = (
    f: Frame,
    num: number,
    den: number,
    upper: boolean,
  ): number | null | undefined => {
    // The base's own numerator, for credit above a target; scaled with den when a formula's
    // amount brings a denominator.
    let upperNum = num;
    // The last per-case stream whose count reached its zeroAt (-1: none), as evaluateStreams.
    let zeroedBy = -1;
    for (let j = 0; j < kindOf.length; j++) {
      const kind = kindOf[j] as number;
      const i = indexOf[j] as number;
      // The stream's signed amount in 10^-dp points, over 1 but for a formula's.
      let add: number;
      if (kind === S_CASE) {
        const s = cases[i] as CaseStream;
        // A case count is a whole number ≥ 0; anything else is for the exact path to report.
        const n = caseCount(f, s.k);
        if (n === null || n === undefined) return n;
        let m = 0;
        if (s.mk >= 0) {
          const c = caseCount(f, s.mk);
          if (c === null || c === undefined) return c;
          // More of which than cases cannot be judged: the exact path reports it at the item.
          if (s.ofWhich && c > n) return undefined;
          m = c;
        }
        const onTop = m * s.eachOnTop;
        let amount = casesPaid(s, n) + onTop;
        if (!Number.isSafeInteger(amount) || !Number.isSafeInteger(onTop)) return undefined;
        if (n >= s.zeroAt) zeroedBy = s.at;
        if (T.on) {
          T.streams[s.at] = amount;
          T.capped[s.at] = s.cap !== undefined && amount > s.cap ? 1 : 0;
        }
        if (s.cap !== undefined && amount > s.cap) amount = s.cap;
        add = amount * s.sign * den;
      } else if (kind === S_STATE) {
        const st = states[i] as StateStream;
        const held = f.s[st.k];
        if (held === BLANK) return null;
        if (held !== OK) return undefined;
        let amount = st.amounts[f.m[st.k] as number];
        if (T.on) {
          T.streams[st.at] = amount ?? NaN;
          T.capped[st.at] = amount !== undefined && st.cap !== undefined && amount > st.cap ? 1 : 0;
        }
        if (amount === undefined) continue;
        if (st.cap !== undefined && amount > st.cap) amount = st.cap;
        add = amount * st.sign * den;
      } else if (kind === S_DEADLINE) {
        const dl = deadlines[i] as DeadlineK;
        const held = f.s[dl.k];
        // A blank date is the declared case `missing` (or a missing input, when so declared); a
        // date refused is the exact path's to report.
        if (held !== OK && held !== BLANK) return undefined;
        if (held === BLANK && dl.stream.missing === 'missing-input') return null;
        const outcome = deadlineOutcome(dl.stream, dl.due, held === BLANK ? undefined : f.m[dl.k]);
        let amount = sc(outcome.amount);
        if (amount === undefined) return undefined;
        if (T.on) {
          T.streams[dl.at] = amount;
          T.capped[dl.at] = dl.cap !== undefined && amount > dl.cap ? 1 : 0;
        }
        if (dl.cap !== undefined && amount > dl.cap) amount = dl.cap;
        add = amount * dl.sign * den;
      } else {
        const ex = exprs[i] as ExprStream;
        if (ex.records) {
          const got = ex.records.amount(f.unit, FIGURE);
          if (got !== R_OK) return got === R_BLANK ? null : undefined;
          if (ex.records.zeroed && zeroedBy < 0) zeroedBy = ex.at;
        } else {
          const st = state(f, ex.k);
          if (st !== OK) return st === BLANK ? null : undefined;
          FIGURE.n = f.m[ex.k] as number;
          FIGURE.d = f.d[ex.k] as number;
        }
        // The formula's (or the cases') figure in points, as a fraction of 10^-dp points: an / ad.
        if (!mulRat(FIGURE.n, FIGURE.d, unitScale, 1, AMOUNT)) return undefined;
        let an = AMOUNT.n;
        let ad = AMOUNT.d;
        const capped = ex.cap !== undefined && cmpRat(an, ad, ex.cap, 1) > 0;
        if (T.on) {
          // Its words show the amount rounded as scores are; 2: exactly 0 (no adjustment).
          T.streams[ex.at] = roundDiv(an, ad, mode);
          T.capped[ex.at] = capped ? 1 : an === 0 ? 2 : 0;
        }
        if (capped) {
          an = ex.cap as number;
          ad = 1;
        }
        if (ad !== 1) {
          // num/den + sign × an/ad, in lowest terms when the plain products would not fit.
          if (!addRat(num, den, an * ex.sign, ad, SUM)) return TOO_BIG;
          // In lowest terms (one greatest common divisor): the products after it — points × den,
          // the next stream's amount × den — then leave the safe range only when the exact
          // figures do.
          reduceRat(SUM.n, SUM.d, SUM);
          const was = den;
          num = SUM.n;
          den = SUM.d;
          // The base's numerator over the new denominator, for credit above a target (a sum
          // brought to lowest terms may drop the base's denominator: the exact path's then).
          if (upper && den !== was) {
            if (den % was !== 0) return undefined;
            upperNum *= den / was;
          }
          add = 0;
        } else add = an * ex.sign * den;
      }
      if (!Number.isSafeInteger(add)) return TOO_BIG;
      num += add;
      // Each partial sum checked: one past the safe range may come back into it and be wrong.
      if (!Number.isSafeInteger(num)) return TOO_BIG;
    }
    // clamp(num/den, min, upper) then round: the one division
    const hi = uncapped
      ? Number.POSITIVE_INFINITY
      : upper && upperNum > points * den
        ? upperNum
        : points * den;
    const lo = min === Number.NEGATIVE_INFINITY ? min : min * den;
    if (
      (!uncapped && !Number.isSafeInteger(hi)) ||
      (lo !== Number.NEGATIVE_INFINITY && !Number.isSafeInteger(lo)) ||
      !Number.isSafeInteger(num)
    )
      return TOO_BIG;
    if (T.on) {
      T.clamp = num > hi ? CAPPED : num < lo ? FLOORED : 0;
      T.hn = hi;
      T.hd = den;
    }
    // The floor first, then the cap (exact.clamp's order: the cap wins over a floor above it).
    if (num < lo) num = lo;
    if (num > hi) num = hi;
    const score = den === 1 ? num : roundDiv(num, den, mode);
    if (T.on) T.score = score;
    for (let i = 0; i < gates.length; i++) {
      // A gate that holds zeroes the item; a blank one leaves it missing; one the integers
      // cannot decide (or that is not true/false) is the exact evaluator's.
      const g = (gates[i] as MicroExpr).ev(f.micro);
      if (g === TRUE) {
        if (T.on) T.gate = i;
        return min < 0 ? Math.min(score, 0) : 0;
      }
      if (g === V_BLANK) return null;
      if (g !== FALSE) return undefined;
    }
    // A case count at its zeroAt zeroes the item as a gate does (a gate that holds says why first).
    if (zeroedBy >= 0) {
      if (T.on) T.zeroed = zeroedBy;
      return min < 0 ? Math.min(score, 0) : 0;
    }
    if (score > 0 && zeroOnMissingEvidence && evidence.length > 0)
      return withEvidence(score, unevidenced(f, evidence));
    return score;
  };
  const baseRender = renders.get(base);
  // (A per-record stream's words list each case: the exact path says them.)
  if (
    !baseRender ||
    item.streams.length > MAX_TRACED_STREAMS ||
    exprs.some((ex) => ex.records !== undefined)
  )
    return kernel;
  // The streams' words, in the item's order, as evaluateStreams gives them.
  const streamWords = item.streams.map(({ stream, cap, due }, at) => {
    const perCase = cases.find((s) => s.at === at);
    const deadline = deadlines.find((s) => s.at === at);
    const read =
      perCase ?? deadline ?? states.find((s) => s.at === at) ?? exprs.find((s) => s.at === at);
    const label = streamLabel(rs, item, stream);
    return {
      kind: stream.kind,
      k: read?.k ?? -1,
      capAt: read?.cap ?? 0,
      perCase,
      // Multiplied cases, as evaluateStreams words them: their label, factor and each × factor.
      multiplied:
        stream.kind === 'per-case' && stream.multiplied
          ? {
              cases: stream.multiplied.cases ?? 'extra',
              label: multipliedLabel(rs, stream.multiplied.input, label),
              factor: show(q(stream.multiplied.factor)),
              each: show(q(stream.each).mul(q(stream.multiplied.factor))),
            }
          : undefined,
      label,
      // A deadline: its due date as the words name it.
      deadline:
        deadline && due ? { ...deadline, words: { iso: due.iso, label: due.label } } : undefined,
      def:
        stream.kind === 'expr'
          ? undefined
          : (rs.inputs.get(stream.input) ?? rs.derived.get(stream.input)?.shown),
      each: stream.kind === 'per-case' ? show(q(stream.each)) : '',
      cap: cap ? show(cap) : '',
      add: stream.direction === 'add',
    };
  });
  const unit = 10 ** dp;
  // The streams' trace, kept before the base's words (a formula's renderer may score the items
  // it reads, whose kernels reuse the trace).
  const amounts = new Float64Array(streamWords.length);
  const cut = new Uint8Array(streamWords.length);
  const render: Render = (f, t, c) => {
    const zeroedAt = t.zeroed;
    for (let i = 0; i < streamWords.length; i++) {
      amounts[i] = t.streams[i] as number;
      cut[i] = t.capped[i] as number;
    }
    const said = baseRender(f, t, c);
    if (!said || streamWords.length === 0) return said;
    // The base's adjustments may be shared (see slopeWords): the streams' follow in a new list.
    const adjustments: Adjustment[] = [...said.adjustments];
    for (let i = 0; i < streamWords.length; i++) {
      const w = streamWords[i] as (typeof streamWords)[number];
      const amount = amounts[i] as number;
      if (Number.isNaN(amount)) continue; // a state without an amount
      const capped = cut[i] === 1;
      const kept = capped ? w.capAt : amount;
      let reason: Msg;
      if (w.kind === 'per-case' && w.perCase) {
        const s = w.perCase;
        const n = showRat(f.m[w.k] as number, f.d[w.k] as number);
        // The kernel read these counts: whole numbers ≥ 0, their amounts within the safe range.
        const paid = casesPaid(s, (f.m[w.k] as number) / (f.d[w.k] as number));
        const onTop = s.mk >= 0 ? ((f.m[s.mk] as number) / (f.d[s.mk] as number)) * s.eachOnTop : 0;
        reason = s.schedule
          ? R.scheduleText(w.label, n, showRat(paid, unit), w.add)
          : R.perCaseText(w.label, n, w.each, showRat(paid, unit), w.add);
        if (w.multiplied && onTop !== 0) {
          const part = R.multipliedText(
            w.multiplied.cases,
            w.multiplied.label,
            showRat(f.m[s.mk] as number, f.d[s.mk] as number),
            w.multiplied.factor,
            w.multiplied.each,
            showRat(onTop, unit),
            w.add,
          );
          reason = withMultiplied(reason, part);
        }
      } else if (w.kind === 'expr') {
        // Exactly 0: no adjustment, as evaluateStreams skips it.
        if (cut[i] === 2) continue;
        reason = R.exprStreamText(w.label, showRat(amount, unit), w.add);
      } else if (w.kind === 'state') {
        const v = plan.symbol(f.m[w.k] as number);
        if (v === undefined) return undefined;
        const key = typeof v === 'boolean' ? (v ? 'yes' : 'no') : v;
        reason = R.stateText(w.label, stateMsg(w.def, v, key), showRat(amount, unit), w.add);
      } else if (w.kind === 'deadline' && w.deadline) {
        // The kernel read the date (or its blank, the declared case `missing`): the same
        // outcome, in the exact path's words.
        const dl = w.deadline;
        const submitted = f.s[dl.k] === BLANK ? undefined : (f.m[dl.k] as number);
        const outcome = deadlineOutcome(dl.stream, dl.due, submitted);
        reason = R.deadlineText(w.label, dl.words, dl.stream, outcome, submitted, show, w.add);
      } else return undefined;
      if (capped) reason = cappedStream(reason, w.cap);
      // A formula's amount rounded to 0 is still an adjustment (it is not exactly 0: above);
      // one capped at 0 is not (the exact path skips an amount of exactly 0).
      if (kept === 0 && (w.kind !== 'expr' || capped)) continue;
      adjustments.push({ amount: showRat(w.add ? kept : 0 - kept, unit), reason, inputs: {} });
    }
    const z = zeroedAt >= 0 ? streamWords[zeroedAt] : undefined;
    if (!z?.perCase) return { reason: said.reason, adjustments };
    const zeroed = R.zeroAtText(
      z.label,
      showRat(f.m[z.k] as number, f.d[z.k] as number),
      z.perCase.zeroAt,
    );
    return { reason: said.reason, adjustments, zeroed };
  };
  return traced(kernel, render);
}

/** The figures an item reads that need evidence. */
function evidenceChecks(rs: CompiledRuleSet, plan: FramePlan, item: CIndicator): EvidenceCheck[] {
  return item.inputsUsed.flatMap((id) => {
    const def = rs.inputs.get(id);
    return def?.evidence
      ? [
          {
            id,
            def,
            slot: plan.inputSlot(id),
            noCodes: [NO_CODE, plan.codeOf('false'), plan.codeOf('0')],
          },
        ]
      : [];
  });
}

/**
 * An item that keeps part of its points without evidence (`evidencePolicy: { keep }`): the leaf's
 * score (as under `flag`), then, when a figure lacks its evidence, what bounds.ts's
 * scoreWithoutEvidence leaves of it — the exact path's own decision, on this item's few units.
 */
function withKeptEvidence(
  rs: CompiledRuleSet,
  plan: FramePlan,
  item: CIndicator,
  kernel: Kernel | undefined,
): Kernel | undefined {
  const rule = item.evidence;
  if (!kernel || rule.policy !== 'keep') return kernel;
  const evidence = evidenceChecks(rs, plan, item);
  if (evidence.length === 0) return kernel;
  const dp = rs.scoreRounding.dp;
  const scale = q(10n ** BigInt(dp));
  return (f) => {
    const score = kernel(f);
    // Nothing earned (or gated) needs no evidence, as on the exact path.
    if (score === undefined || score === null || score === NA || score <= 0) return score;
    const check = unevidenced(f, evidence);
    if (check !== 0) return check === null ? score : undefined;
    return scaledOfQ(scoreWithoutEvidence(rule, q(score).div(scale)), dp);
  };
}

/** The score after the evidence check: kept (null), 0, or undefined for the exact path to judge. */
const withEvidence = (score: number, check: 0 | null | undefined): number | undefined =>
  check === null ? score : check;

/**
 * Under the zero policy, a positive score stands only when every figure that claims something
 * has its evidence: 0 when one lacks it, undefined when only the exact path can tell, null
 * (keep the score) otherwise.
 */
function unevidenced(f: Frame, evidence: readonly EvidenceCheck[]): 0 | null | undefined {
  for (let i = 0; i < evidence.length; i++) {
    const e = evidence[i] as EvidenceCheck;
    if (e.slot) {
      if ((f.x[e.slot.k] as number) !== 0) continue; // blank as typed, or evidence supplied
    } else {
      const raw = f.unit.values[e.id];
      if (
        raw === null ||
        raw === undefined ||
        (typeof raw === 'string' && raw.trim() === '') ||
        f.unit.evidence?.[e.id]
      )
        continue;
    }
    const positive = claims(f, e);
    if (positive === undefined) return undefined;
    if (positive) return 0;
  }
  return null;
}

/** Whether a typed value claims something evidence must back (not blank, not no, not zero);
 *  undefined when only the exact path can tell. */
function claims(f: Frame, e: EvidenceCheck): boolean | undefined {
  const slot = e.slot;
  if (slot) {
    const st = f.s[slot.k];
    if (st === BLANK) return false;
    if (st !== OK) return undefined;
    const v = f.m[slot.k] as number;
    // A date claims whatever day it is (1970-01-01 is day 0), as the exact path has it.
    if (e.def.unit === 'date') return true;
    return slot.kind === 'number' ? v !== 0 : !e.noCodes.includes(v);
  }
  if (NUMERIC.has(e.def.unit)) return undefined;
  const d = decodeValue(e.def, f.unit.values[e.id]);
  if (d.problem !== undefined || typeof d.value === 'object') return undefined;
  const v = d.value;
  return v !== undefined && v !== false && v !== 'false' && v !== '0';
}
