// The base rules of the integer kernels: each typed rule kind (floor, ceiling, band, ramp,
// proportional, yes/no, reduction, tiers) over slots of the unit's frame, before streams and
// clamping. Operands are slot indices fixed when the kernel is built; values are read from the
// frame's typed arrays, so nothing is boxed or allocated per item.
import type { UnitInput } from '../model/result.ts';
import type { InputDef } from '../schema/ruleset.ts';
import type { CIndicator, CompiledRuleSet, CSlope } from '../score/compile.ts';
import type { Comparison } from '../schema/rules.ts';
import { decodeValue } from '../score/env.ts';
import { rampLowerIsBetter } from '../score/base-rules.ts';
import { ceilDiv, floorDiv, MICRO, mulSafe, toMicro, toScaled } from './fixed.ts';
import { BLANK, microOf, OK, state2, state3, type Frame, type FramePlan } from './frame.ts';

export { microOf };

/** A score (integer count of 10^-dp), null for a missing input, NA when the item does not
 *  apply, FRAC (base kernels only) for the fraction in frame.q, undefined to hand the item to
 *  the exact evaluator. */
export type Kernel = (f: Frame) => number | null | undefined;

/** Returned by a kernel for an item that does not apply to the unit. */
export const NA = Number.NEGATIVE_INFINITY;

/** Returned by a base kernel whose score is the fraction f.q[0] / f.q[1] of 10^-dp points. */
export const FRAC = Number.POSITIVE_INFINITY;

export interface SlopeK {
  per: number;
  points: number;
  steps: CSlope['steps'];
  cap: number | undefined;
}

/** The result for a slot state that is not OK: null for a blank, undefined for the exact path. */
const notOk = (st: number): null | undefined => (st === BLANK ? null : undefined);

const frac = (f: Frame, num: number, den: number): number => {
  f.q[0] = num;
  f.q[1] = den;
  return FRAC;
};

export function baseKernel(
  rs: CompiledRuleSet,
  plan: FramePlan,
  item: CIndicator,
  points: number,
  slope: (s: CSlope | undefined) => SlopeK | null | undefined,
): Kernel | undefined {
  const rule = item.rule;
  if (!rule) return () => points;
  const slot = (key: string): number | undefined => plan.operandSlot(item.operands.get(key));
  const dp = rs.scoreRounding.dp;

  /** points − deduction for a gap (micro units) on a slope. */
  const deduct = (f: Frame, gap: number, s: SlopeK, strict: boolean): number | undefined => {
    if (s.steps === 'pro-rata') {
      // points − gap × pts / per, capped
      let cut = mulSafe(gap, s.points);
      if (cut === undefined) return undefined;
      if (s.cap !== undefined && cut > s.cap * s.per) cut = s.cap * s.per;
      const num = mulSafe(points, s.per);
      return num === undefined ? undefined : frac(f, num - cut, s.per);
    }
    let steps = s.steps === 'each-full' ? floorDiv(gap, s.per) : ceilDiv(gap, s.per);
    if (strict && gap === 0 && s.steps === 'each-started') steps = 1;
    let cut = mulSafe(steps, s.points);
    if (cut === undefined) return undefined;
    if (s.cap !== undefined && cut > s.cap) cut = s.cap;
    return points - cut;
  };

  switch (rule.kind) {
    case 'threshold': {
      const kv = slot('value');
      const kt = slot('target');
      const below = slope(item.slopes.get('below'));
      if (kv === undefined || kt === undefined || below === undefined || item.slopes.has('above'))
        return undefined;
      const op = rule.op;
      const strict = op === '>' || op === '<';
      return (f) => {
        const st = state2(f, kv, kt);
        if (st !== OK) return notOk(st);
        const v = f.m[kv] as number;
        const t = f.m[kt] as number;
        const ok =
          op === '>='
            ? v >= t
            : op === '>'
              ? v > t
              : op === '<='
                ? v <= t
                : op === '<'
                  ? v < t
                  : v === t;
        if (ok) return points;
        if (!below) return 0;
        return deduct(f, Math.abs(t - v), below, strict);
      };
    }
    case 'band': {
      const kv = slot('value');
      const kl = slot('low');
      const kh = slot('high');
      const outside = slope(item.slopes.get('outside'));
      if (kv === undefined || kl === undefined || kh === undefined || outside === undefined)
        return undefined;
      return (f) => {
        const st = state3(f, kv, kl, kh);
        if (st !== OK) return notOk(st);
        const v = f.m[kv] as number;
        const lo = f.m[kl] as number;
        const hi = f.m[kh] as number;
        if (v >= lo && v <= hi) return points;
        if (!outside) return 0;
        return deduct(f, v < lo ? lo - v : v - hi, outside, false);
      };
    }
    case 'ramp': {
      const kv = slot('value');
      const kf = slot('full');
      const kz = slot('zero');
      if (kv === undefined || kf === undefined || kz === undefined) return undefined;
      const lowerIsBetter = rampLowerIsBetter(item);
      return (f) => {
        const st = state3(f, kv, kf, kz);
        if (st !== OK) return notOk(st);
        const v = f.m[kv] as number;
        const full = f.m[kf] as number;
        const zero = f.m[kz] as number;
        // As the exact path: the declared direction, the zero point checked first.
        if (lowerIsBetter ? v >= zero : v <= zero) return 0;
        if (lowerIsBetter ? v <= full : v >= full) return points;
        const num = mulSafe(points, zero - v);
        const den = zero - full;
        if (num === undefined) return undefined;
        return den > 0 ? frac(f, num, den) : frac(f, -num, -den);
      };
    }
    case 'proportional': {
      const kv = slot('value');
      const kt = slot('target');
      if (kv === undefined || kt === undefined) return undefined;
      return (f) => {
        const st = state2(f, kv, kt);
        if (st !== OK) return notOk(st);
        const v = f.m[kv] as number;
        const t = f.m[kt] as number;
        if (t <= 0) return undefined;
        const num = mulSafe(points, Math.max(0, v));
        return num === undefined ? undefined : frac(f, Math.min(num, points * t), t);
      };
    }
    case 'yesno': {
      const input = plan.inputSlot(rule.input);
      const yes = rule.yes === undefined ? points : toScaled(rule.yes, dp);
      const no = rule.no === undefined ? 0 : toScaled(rule.no, dp);
      if (input?.kind !== 'symbol' || yes === undefined || no === undefined) return undefined;
      const k = input.k;
      return (f) => {
        const st = f.s[k] as number;
        if (st !== OK) return notOk(st);
        const code = f.m[k];
        return code === 1 ? yes : code === 0 ? no : undefined;
      };
    }
    case 'reduction': {
      const kv = slot('value');
      const kp = slot('previous');
      const kb = item.operands.has('base') ? slot('base') : plan.constSlot(0);
      const below = slope(item.slopes.get('below'));
      const tiers: { from: number | undefined; to: number | undefined; pct: number }[] = [];
      for (const t of rule.required) {
        const from = t.from === undefined ? undefined : toMicro(t.from);
        const to = t.to === undefined ? undefined : toMicro(t.to);
        const pct = toMicro(t.pct);
        // A bound that does not fit micro units sends the item to the exact path.
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
      return (f) => {
        const st = state3(f, kv, kp, kb);
        if (st !== OK) return notOk(st);
        const v = f.m[kv] as number;
        const p = f.m[kp] as number;
        const b = f.m[kb] as number;
        let tier: (typeof tiers)[number] | undefined;
        for (let i = 0; i < tiers.length; i++) {
          const t = tiers[i] as (typeof tiers)[number];
          if ((t.from === undefined || p >= t.from) && (t.to === undefined || p < t.to)) {
            tier = t;
            break;
          }
        }
        const excess = p - b;
        if (!tier || excess <= 0) return NA;
        // achieved % = (p − v) × 100 / excess; short of pct by (pct·excess − (p − v)·100·MICRO) / (excess·MICRO)
        const need = mulSafe(tier.pct, excess);
        const got = mulSafe(p - v, 100 * MICRO);
        if (need === undefined || got === undefined) return undefined;
        if (got >= need) return points;
        if (!below) return 0;
        const gapNum = need - got; // in micro-percentage-points × excess
        const den = mulSafe(excess, MICRO);
        const perDen = mulSafe(below.per, excess);
        if (den === undefined || perDen === undefined) return undefined;
        if (below.steps === 'pro-rata') {
          // points − gap/per × pts = points − gapNum × pts / (per × excess)
          let cut = mulSafe(gapNum, below.points);
          const capCut = below.cap === undefined ? undefined : mulSafe(below.cap, perDen);
          if (cut === undefined || (below.cap !== undefined && capCut === undefined))
            return undefined;
          if (capCut !== undefined && cut > capCut) cut = capCut;
          const num = mulSafe(points, perDen);
          return num === undefined ? undefined : frac(f, num - cut, perDen);
        }
        const steps =
          below.steps === 'each-full' ? floorDiv(gapNum, perDen) : ceilDiv(gapNum, perDen);
        let cut = mulSafe(steps, below.points);
        if (cut === undefined) return undefined;
        if (below.cap !== undefined && cut > below.cap) cut = below.cap;
        return points - cut;
      };
    }
    case 'tiers': {
      const valueOp = item.operands.get('value');
      const def = valueOp?.input;
      if (!valueOp || !def || valueOp.derived) return undefined;
      const input = plan.inputSlot(def.id);
      // Numeric tiers compare the figure; `equals` tiers compare a yes/no or choice by its code.
      const tiers: { op?: Comparison; than?: number; code?: number; points: number }[] = [];
      for (const [i, tier] of rule.tiers.entries()) {
        const pts = toScaled(tier.points, dp);
        if (pts === undefined) return undefined;
        if ('equals' in tier)
          tiers.push({
            code: input?.kind === 'symbol' ? plan.codeOf(tier.equals) : -1,
            points: pts,
          });
        else {
          const than = item.operands.get(`tier${i}`);
          const t = than?.constant ? microOf(than.constant) : undefined;
          if (t === undefined || input?.kind !== 'number') return undefined;
          tiers.push({ op: tier.op, than: t, points: pts });
        }
      }
      const otherwise = rule.otherwise === undefined ? 0 : toScaled(rule.otherwise, dp);
      if (otherwise === undefined) return undefined;
      const pick = (f: Frame, v: number): number | undefined => {
        for (let i = 0; i < tiers.length; i++) {
          const t = tiers[i] as (typeof tiers)[number];
          if (t.op !== undefined && t.than !== undefined) {
            if (input?.kind !== 'number') return undefined;
            const c = v - t.than;
            const ok =
              t.op === '>='
                ? c >= 0
                : t.op === '>'
                  ? c > 0
                  : t.op === '<='
                    ? c <= 0
                    : t.op === '<'
                      ? c < 0
                      : c === 0;
            if (ok) return t.points;
          } else if (input?.kind === 'symbol' && v === t.code) return t.points;
        }
        return otherwise;
      };
      if (input) {
        const k = input.k;
        return (f) => {
          const st = f.s[k] as number;
          return st === OK ? pick(f, f.m[k] as number) : notOk(st);
        };
      }
      // A text input: only `equals` tiers can hold; decoded per unit.
      if (tiers.some((t) => t.op !== undefined)) return undefined;
      const texts = rule.tiers.map((t) => ('equals' in t ? t.equals : undefined));
      return (f) => textTier(f.unit, def, texts, tiers, otherwise);
    }
    default:
      return undefined;
  }
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
    if (d.value === texts[i]) return (tiers[i] as { points: number }).points;
  return otherwise;
}
