// Integer kernels for the common item shapes (a bare input against constants: floor, ceiling,
// band, ramp, proportional, tiers, yes/no, per-case deductions). Each returns the item's score
// as an integer count of 10^-dp points, null for a missing input, or undefined to hand the item
// to the exact evaluator (anything unusual: expressions, gates, classes, values that don't fit).
import { fmt, type Q } from '../exact/exact.ts';
import type { InputValue } from '../model/result.ts';
import type { InputDef } from '../schema/ruleset.ts';
import type { CIndicator, CompiledRuleSet, CSlope } from '../score/compile.ts';
import { MissingValue, type CompiledExpr } from '../expr/types.ts';
import { microReader, NUMERIC, positiveReader, symbolReader } from './micro-env.ts';
import { FALLBACK } from '../expr/micro.ts';
import { mulSafe, MICRO, roundDiv, toScaled } from './fixed.ts';
import { baseKernel, microOf, NA, type EnvSource, type Kernel, type SlopeK } from './kernel-base.ts';


/** An item that only sums its sub-items: no rule, streams, gates, applicability or classes. */
export function isContainer(item: CIndicator): boolean {
  return item.children.length > 0 && !item.rule && item.streams.length === 0 && item.gates.length === 0 && !item.applicable && !item.pointsByClass;
}

export function buildKernel(rs: CompiledRuleSet, item: CIndicator): Kernel | undefined {
  if (item.children.length || item.applicable || item.pointsByClass) return undefined;
  const dp = rs.scoreRounding.dp;
  const mode = rs.scoreRounding.mode;
  const sc = (value: Q | string | number): number | undefined => {
    try {
      return toScaled(typeof value === 'object' ? fmt(value) : value, dp);
    } catch {
      return undefined;
    }
  };
  const points = sc(item.points);
  const min = sc(item.min);
  if (points === undefined || min === undefined) return undefined;
  const slope = (s: CSlope | undefined): SlopeK | null | undefined => {
    if (!s) return null;
    if (s.gap !== 'absolute') return undefined;
    const per = microOf(s.per);
    const pts = sc(s.points);
    const cap = s.cap ? sc(s.cap) : undefined;
    if (per === undefined || pts === undefined || (s.cap && cap === undefined)) return undefined;
    return { per, points: pts, steps: s.steps, cap };
  };

  // Streams: plain per-case amounts only.
  const streams: { id: string; each: number; cap: number | undefined; sign: 1 | -1; read: (raw: InputValue | undefined) => number | null | undefined }[] = [];
  const states: { def: InputDef; amounts: Map<string, number>; cap: number | undefined; sign: 1 | -1; read: ReturnType<typeof symbolReader> }[] = [];
  for (const { stream, cap } of item.streams) {
    if (stream.kind === 'state') {
      const def = rs.inputs.get(stream.input);
      const capSc = cap ? sc(cap) : undefined;
      const amounts = new Map<string, number>();
      for (const [key, v] of Object.entries(stream.amounts)) {
        const a = sc(v);
        if (a === undefined) return undefined;
        amounts.set(key, a);
      }
      if (!def || (cap && capSc === undefined) || !['yesno', 'choice'].includes(def.unit)) return undefined;
      states.push({ def, amounts, cap: capSc, sign: stream.direction === 'add' ? 1 : -1, read: symbolReader(def) });
      continue;
    }
    if (stream.kind !== 'per-case' || stream.schedule || stream.multiplied || stream.zeroAt !== undefined || stream.increment !== undefined) return undefined;
    const each = sc(stream.each);
    const capSc = cap ? sc(cap) : undefined;
    const def = rs.inputs.get(stream.input);
    if (each === undefined || (cap && capSc === undefined) || !def) return undefined;
    const read = NUMERIC.has(def.unit) ? microReader(def) : undefined;
    if (!read) return undefined;
    streams.push({ id: stream.input, each, cap: capSc, sign: stream.direction === 'add' ? 1 : -1, read });
  }
  const evidence = item.inputsUsed.flatMap((id) => {
    const def = rs.inputs.get(id);
    return def?.evidence ? [{ id, positive: positiveReader(def) }] : [];
  });
  const zeroOnMissingEvidence = rs.ruleSet.evidencePolicy === 'zero';

  const base = baseKernel(rs, item, points, slope);
  if (base === undefined) return undefined;

  return (unit, env) => {
    const b = base(unit, env);
    if (b === null || b === undefined) return b;
    if (b === NA) return NA;
    let num: number;
    let den: number;
    if (typeof b === 'number') {
      num = b;
      den = 1;
    } else {
      num = b.num;
      den = b.den;
    }
    for (const s of streams) {
      const micro = s.read(unit.values[s.id]);
      if (micro === null) return null;
      // A case count is a whole number ≥ 0; anything else is for the exact path to report.
      if (micro === undefined || micro < 0 || micro % MICRO !== 0) return undefined;
      const n = micro / MICRO;
      let amount = mulSafe(n, s.each);
      if (amount === undefined) return undefined;
      if (s.cap !== undefined && amount > s.cap) amount = s.cap;
      const add = mulSafe(amount * s.sign, den);
      if (add === undefined) return undefined;
      num += add;
    }
    for (const st of states) {
      const raw = unit.values[st.def.id];
      if (raw === null || raw === undefined || raw === '') return null;
      const v = st.read(raw);
      if (v === null) return null;
      if (v === undefined) return undefined;
      const key = typeof v === 'boolean' ? (v ? 'yes' : 'no') : v;
      let amount = st.amounts.get(key);
      if (amount === undefined) continue;
      if (st.cap !== undefined && amount > st.cap) amount = st.cap;
      const add = mulSafe(amount * st.sign, den);
      if (add === undefined) return undefined;
      num += add;
    }
    // clamp(num/den, min, upper) then round
    const upper = points;
    if (num > upper * den) num = upper * den;
    if (num < min * den) num = min * den;
    if (!Number.isSafeInteger(num)) return undefined;
    let score = den === 1 ? num : roundDiv(num, den, mode);
    if (item.gates.length > 0) {
      try {
        if (item.gates.some((g) => gateHolds(g.when, env))) return min < 0 ? Math.min(score, 0) : 0;
      } catch (e) {
        if (e instanceof MissingValue) return null;
        return undefined;
      }
    }
    if (score > 0 && zeroOnMissingEvidence) {
      for (const e of evidence) {
        const raw = unit.values[e.id];
        if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '') || unit.evidence?.[e.id]) continue;
        const positive = e.positive(raw);
        if (positive === undefined) return undefined;
        if (positive) {
          score = 0;
          break;
        }
      }
    }
    return score;
  };
}

function gateHolds(when: CompiledExpr, env: EnvSource): boolean {
  try {
    return when.micro(env.micro()) === true;
  } catch (e) {
    if (e !== FALLBACK) throw e;
  }
  return when.evaluate(env.exact()) === true;
}
