// The base rules of the integer kernels: each typed rule kind (floor, ceiling, band, ramp,
// proportional, yes/no, reduction, tiers) over micro-unit operands, before streams and clamping.
import { fmt, type Q } from '../exact/exact.ts';
import type { UnitInput } from '../model/result.ts';
import type { COperand, CIndicator, CompiledRuleSet, CSlope } from '../score/compile.ts';
import type { Comparison } from '../schema/rules.ts';
import { decodeValue, type UnitEnv } from '../score/env.ts';
import { operandValue } from '../score/base-rules.ts';
import { MissingValue } from '../expr/types.ts';
import { microReader, NUMERIC, symbolReader } from './micro-env.ts';
import { FALLBACK } from '../expr/micro.ts';
import type { UnitMicroEnv } from './micro-env.ts';
import { ceilDiv, floorDiv, MICRO, MICRO_DP, mulSafe, toMicro, toScaled } from './fixed.ts';

/** Lazily made, one per unit: the exact evaluator's environment for expression operands. */
export interface EnvSource {
  /** The exact evaluator's environment of the unit, made on first use. */
  exact(): UnitEnv;
  /** The unit's integer environment, for expressions that fit it. */
  micro(): UnitMicroEnv;
}

/** A score (integer count of 10^-dp), null for a missing input, NA when the item does not
 *  apply, undefined to hand the item to the exact evaluator. */
export type Kernel = (unit: UnitInput, env: EnvSource) => number | null | undefined;

/** Returned by a kernel for an item that does not apply to the unit. */
export const NA = Number.NEGATIVE_INFINITY;

export type Get = (unit: UnitInput, env: EnvSource) => number | null | undefined;

export const microOf = (value: Q): number | undefined => {
  try {
    return toMicro(fmt(value));
  } catch {
    return undefined;
  }
};

export function getter(rs: CompiledRuleSet, op: COperand | undefined): Get | undefined {
  if (!op) return undefined;
  if (op.constant) {
    const c = microOf(op.constant);
    return c === undefined ? undefined : () => c;
  }
  const def = op.input;
  if (!def || op.derived) {
    // An expression (a derived ratio, an assigned target): evaluated exactly, rounded as the
    // rule set declares, then carried as an integer when it fits.
    const expr = op.expr;
    if (!expr) return undefined;
    const rounding = rs.rateRounding;
    const micro = rounding && rounding.dp <= MICRO_DP ? expr.microRounded(rounding.dp, rounding.mode) : expr.micro;
    return (_unit, env) => {
      try {
        const v = micro(env.micro());
        return typeof v === 'number' ? v : undefined;
      } catch (e) {
        if (e instanceof MissingValue) return null;
        if (e !== FALLBACK) return undefined;
      }
      try {
        return microOf(operandValue(rs, op, env.exact()));
      } catch (e) {
        if (e instanceof MissingValue) return null;
        return undefined;
      }
    };
  }
  if (!NUMERIC.has(def.unit)) return undefined;
  const read = microReader(def);
  return read ? (unit) => read(unit.values[def.id]) : undefined;
}


export interface SlopeK {
  per: number;
  points: number;
  steps: CSlope['steps'];
  cap: number | undefined;
}

/** A score as a fraction num/den of 10^-dp points (den > 0), before clamping and rounding. */
export interface Frac {
  num: number;
  den: number;
}

export function baseKernel(
  rs: CompiledRuleSet,
  item: CIndicator,
  points: number,
  slope: (s: CSlope | undefined) => SlopeK | null | undefined,
): ((unit: UnitInput, env: EnvSource) => number | Frac | null | undefined) | undefined {
  const rule = item.rule;
  // A whole score travels as a plain number: no allocation on the common path.
  const whole = (n: number): number => n;
  if (!rule) return () => whole(points);
  const get = (key: string) => getter(rs, item.operands.get(key));
  const dp = rs.scoreRounding.dp;

  /** points − deduction for a gap (micro units) on a slope. */
  const deduct = (gap: number, s: SlopeK, strict: boolean): number | Frac | undefined => {
    if (s.steps === 'pro-rata') {
      // points − gap × pts / per, capped
      let cut = mulSafe(gap, s.points);
      if (cut === undefined) return undefined;
      if (s.cap !== undefined && cut > s.cap * s.per) cut = s.cap * s.per;
      const num = mulSafe(points, s.per);
      return num === undefined ? undefined : { num: num - cut, den: s.per };
    }
    let steps = s.steps === 'each-full' ? floorDiv(gap, s.per) : ceilDiv(gap, s.per);
    if (strict && gap === 0 && s.steps === 'each-started') steps = 1;
    let cut = mulSafe(steps, s.points);
    if (cut === undefined) return undefined;
    if (s.cap !== undefined && cut > s.cap) cut = s.cap;
    return whole(points - cut);
  };

  switch (rule.kind) {
    case 'threshold': {
      const value = get('value');
      const target = get('target');
      const below = slope(item.slopes.get('below'));
      if (!value || !target || below === undefined || item.slopes.has('above')) return undefined;
      const op = rule.op;
      return (unit, env) => {
        const v = value(unit, env);
        const t = target(unit, env);
        if (v === null || t === null) return null;
        if (v === undefined || t === undefined) return undefined;
        const ok = op === '>=' ? v >= t : op === '>' ? v > t : op === '<=' ? v <= t : op === '<' ? v < t : v === t;
        if (ok) return whole(points);
        if (!below) return whole(0);
        return deduct(Math.abs(t - v), below, op === '>' || op === '<');
      };
    }
    case 'band': {
      const value = get('value');
      const low = get('low');
      const high = get('high');
      const outside = slope(item.slopes.get('outside'));
      if (!value || !low || !high || outside === undefined) return undefined;
      return (unit, env) => {
        const v = value(unit, env);
        const lo = low(unit, env);
        const hi = high(unit, env);
        if (v === null || lo === null || hi === null) return null;
        if (v === undefined || lo === undefined || hi === undefined) return undefined;
        if (v >= lo && v <= hi) return whole(points);
        if (!outside) return whole(0);
        return deduct(v < lo ? lo - v : v - hi, outside, false);
      };
    }
    case 'ramp': {
      const value = get('value');
      const full = get('full');
      const zero = get('zero');
      if (!value || !full || !zero) return undefined;
      return (unit, env) => {
        const v = value(unit, env);
        const f = full(unit, env);
        const z = zero(unit, env);
        if (v === null || f === null || z === null) return null;
        if (v === undefined || f === undefined || z === undefined || f === z) return undefined;
        const lowerIsBetter = f < z;
        if (lowerIsBetter ? v <= f : v >= f) return whole(points);
        if (lowerIsBetter ? v >= z : v <= z) return whole(0);
        const num = mulSafe(points, z - v);
        const den = z - f;
        if (num === undefined) return undefined;
        return den > 0 ? { num, den } : { num: -num, den: -den };
      };
    }
    case 'proportional': {
      const value = get('value');
      const target = get('target');
      if (!value || !target) return undefined;
      return (unit, env) => {
        const v = value(unit, env);
        const t = target(unit, env);
        if (v === null || t === null) return null;
        if (v === undefined || t === undefined || t <= 0) return undefined;
        const num = mulSafe(points, Math.max(0, v));
        return num === undefined ? undefined : { num: Math.min(num, points * t), den: t };
      };
    }
    case 'yesno': {
      const def = rs.inputs.get(rule.input);
      const yes = rule.yes === undefined ? points : toScaled(rule.yes, dp);
      const no = rule.no === undefined ? 0 : toScaled(rule.no, dp);
      if (!def || yes === undefined || no === undefined) return undefined;
      const read = symbolReader(def);
      return (unit) => {
        const raw = unit.values[rule.input];
        if (raw === null || raw === undefined || raw === '') return null;
        const v = read(raw);
        if (typeof v !== 'boolean') return v === null ? null : undefined;
        return whole(v ? yes : no);
      };
    }
    case 'reduction': {
      const value = get('value');
      const previous = get('previous');
      const baseOp = item.operands.has('base') ? get('base') : () => 0;
      const below = slope(item.slopes.get('below'));
      const tiers: { from: number | undefined; to: number | undefined; pct: number }[] = [];
      for (const t of rule.required) {
        const from = t.from === undefined ? undefined : toMicro(t.from);
        const to = t.to === undefined ? undefined : toMicro(t.to);
        const pct = toMicro(t.pct);
        // A bound that does not fit micro units sends the item to the exact path.
        if (pct === undefined || (t.from !== undefined && from === undefined) || (t.to !== undefined && to === undefined)) return undefined;
        tiers.push({ from, to, pct });
      }
      if (!value || !previous || !baseOp || below === undefined) return undefined;
      return (unit, env) => {
        const v = value(unit, env);
        const p = previous(unit, env);
        const b = baseOp(unit, env);
        if (v === null || p === null || b === null) return null;
        if (v === undefined || p === undefined || b === undefined) return undefined;
        const tier = tiers.find((t) => (t.from === undefined || p >= t.from) && (t.to === undefined || p < t.to));
        const excess = p - b;
        if (!tier || excess <= 0) return NA;
        // achieved % = (p − v) × 100 / excess; short of pct by (pct·excess − (p − v)·100·MICRO) / (excess·MICRO)
        const need = mulSafe(tier.pct, excess);
        const got = mulSafe(p - v, 100 * MICRO);
        if (need === undefined || got === undefined) return undefined;
        if (got >= need) return whole(points);
        if (!below) return whole(0);
        const gapNum = need - got; // in micro-percentage-points × excess
        const den = mulSafe(excess, MICRO);
        const perDen = mulSafe(below.per, excess);
        if (den === undefined || perDen === undefined) return undefined;
        if (below.steps === 'pro-rata') {
          // points − gap/per × pts = points − gapNum × pts / (per × excess)
          let cut = mulSafe(gapNum, below.points);
          const capCut = below.cap === undefined ? undefined : mulSafe(below.cap, perDen);
          if (cut === undefined || (below.cap !== undefined && capCut === undefined)) return undefined;
          if (capCut !== undefined && cut > capCut) cut = capCut;
          const num = mulSafe(points, perDen);
          return num === undefined ? undefined : { num: num - cut, den: perDen };
        }
        const steps = below.steps === 'each-full' ? floorDiv(gapNum, perDen) : ceilDiv(gapNum, perDen);
        let cut = mulSafe(steps, below.points);
        if (cut === undefined) return undefined;
        if (below.cap !== undefined && cut > below.cap) cut = below.cap;
        return whole(points - cut);
      };
    }
    case 'tiers': {
      const valueOp = item.operands.get('value');
      const def = valueOp?.input;
      if (!valueOp || !def || valueOp.derived) return undefined;
      const numeric = getter(rs, valueOp);
      const tiers: { op?: Comparison; than?: number; equals?: string | boolean; points: number }[] = [];
      for (const [i, tier] of rule.tiers.entries()) {
        const pts = toScaled(tier.points, dp);
        if (pts === undefined) return undefined;
        if ('equals' in tier) tiers.push({ equals: tier.equals, points: pts });
        else {
          const than = item.operands.get(`tier${i}`);
          const t = than?.constant ? microOf(than.constant) : undefined;
          if (t === undefined || !numeric) return undefined;
          tiers.push({ op: tier.op, than: t, points: pts });
        }
      }
      const otherwise = rule.otherwise === undefined ? 0 : toScaled(rule.otherwise, dp);
      if (otherwise === undefined) return undefined;
      return (unit, env) => {
        const raw = unit.values[def.id];
        if ((raw === null || raw === undefined || raw === '') && def.blankMeans === undefined) return null;
        let v: number | string | boolean | undefined;
        if (numeric) v = numeric(unit, env) ?? undefined;
        else {
          const d = decodeValue(def, raw);
          if (d.problem !== undefined || d.value === undefined || typeof d.value === 'object') return undefined;
          v = d.value;
        }
        if (v === undefined) return undefined;
        for (const t of tiers) {
          if (t.op !== undefined && t.than !== undefined) {
            if (typeof v !== 'number') return undefined;
            const c = v - t.than;
            const ok = t.op === '>=' ? c >= 0 : t.op === '>' ? c > 0 : t.op === '<=' ? c <= 0 : t.op === '<' ? c < 0 : c === 0;
            if (ok) return whole(t.points);
          } else if (v === t.equals) return whole(t.points);
        }
        return whole(otherwise);
      };
    }
    default:
      return undefined;
  }
}
