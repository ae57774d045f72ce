// Reasons on demand: what a kernel did, recorded only while a caller asks (scoreUnit, which
// shows every reason); rankCohort never turns tracing on and never builds a reason. A kernel
// writes which branch of its rule it took and the few rationals its reason prints (an amount,
// a relative gap, a share achieved); the operands themselves stay in the frame's slots, which
// the kernel's renderer reads by the same slot indices. The renderer sits beside its kernel
// (kernel-base.ts, kernel.ts) and words the reason through the exact path's own functions
// (score/base-rules.ts, score/reasons.ts): one wording, fed by one evaluation.
import type { Adjustment, Msg } from '../model/result.ts';
import type { CIndicator, CompiledRuleSet } from '../score/compile.ts';
import type { UnitEnv } from '../score/env.ts';
import type { ItemWords } from '../score/base-rules.ts';
import { showRat } from '../messages/format.ts';
import { roundScaled } from './fixed.ts';
import type { Frame } from './frame.ts';

/** The most streams an item's trace keeps (an item with more stays on the exact path). */
export const MAX_TRACED_STREAMS = 8;

export interface Trace {
  /** Set by the caller that wants reasons; kernels write the rest only while it is true. */
  on: boolean;
  /** The base rule's branch (codes below); -1 until the rule ran (an item that does not apply). */
  branch: number;
  /** A slope's amount, in 10^-dp points: an / ad. */
  an: number;
  ad: number;
  /** A relative slope's gap in % of its target: gn / gd (gd 0: not relative). */
  gn: number;
  gd: number;
  /** A value the reason prints (the base of a ramp or a proportional item in 10^-dp points, a
   *  reduction's share achieved in %): xn / xd; `tier`: the tier that held (-1: none). */
  xn: number;
  xd: number;
  tier: number;
  /** Leaf: the score before gates and evidence (10^-dp points), whether the raw score was past
   *  the upper bound (CAPPED) or below the floor (FLOORED), the upper bound hn / hd, the gate
   *  that held (-1: none). */
  score: number;
  clamp: number;
  hn: number;
  hd: number;
  gate: number;
  /** The per-case stream whose case count reached its zeroAt and zeroed the item (-1: none). */
  zeroed: number;
  /** Per stream, in order: its amount in 10^-dp points after its cap (NaN: a state without an
   *  amount), and whether its cap cut it. */
  streams: Float64Array;
  capped: Uint8Array;
}

/** Base branches shared by the kinds: the rule held (or the value is inside), full points; it
 *  held with credit above the target; it failed, all or nothing; it failed on a slope; the
 *  item does not apply (a reduction without a tier); a value between the ends (ramp,
 *  proportional) or the score a formula gave. */
export const MET = 0;
export const CREDIT = 1;
export const FAILED = 2;
export const SLOPED = 3;
export const NOT_ASSESSED = 4;
export const BETWEEN = 5;
export const ZERO_END = 6;

export const CAPPED = 2;
export const FLOORED = 1;

/** The one trace: kernels run one at a time. */
export const TRACE: Trace = {
  on: false,
  branch: -1,
  an: 0,
  ad: 1,
  gn: 0,
  gd: 0,
  xn: 0,
  xd: 1,
  tier: -1,
  score: 0,
  clamp: 0,
  hn: 0,
  hd: 1,
  gate: -1,
  zeroed: -1,
  streams: new Float64Array(MAX_TRACED_STREAMS),
  capped: new Uint8Array(MAX_TRACED_STREAMS),
};

export function resetTrace(): void {
  TRACE.branch = -1;
  TRACE.gd = 0;
  TRACE.tier = -1;
  TRACE.clamp = 0;
  TRACE.gate = -1;
  TRACE.zeroed = -1;
}

/** What a renderer is given besides the frame and the trace. */
export interface RenderContext {
  rs: CompiledRuleSet;
  item: CIndicator;
  words: ItemWords;
  /** The unit's exact environment (a formula's operands are listed from it). */
  env: UnitEnv;
  /** The score's scale, 10^dp. */
  scale: number;
}

/** A base rule's reason and adjustments, as evaluateBase gives them; undefined when this trace
 *  cannot be worded (the exact path then scores the item). */
export type Render = (
  f: Frame,
  t: Trace,
  c: RenderContext,
) => { reason: Msg; adjustments: readonly Adjustment[]; zeroed?: Msg } | undefined;

/** Renderers by kernel. */
export const renders = new WeakMap<object, Render>();

/** A kernel with its renderer. */
export function traced<K extends object>(kernel: K, render: Render): K {
  renders.set(kernel, render);
  return kernel;
}

/** show's text of the value last shown from each slot, by slot: a figure is shown in its
 *  item's reason and in the inputs the item lists, and a constant (a target, a band's ends) in
 *  every unit's reason. Keyed by the value itself (the text is a function of it), so it is never
 *  stale, whichever frame or unit the slot is read from. */
const SHOWN_N: number[] = [];
const SHOWN_D: number[] = [];
const SHOWN: string[] = [];

/** Tells slotText the text show gives the slot's current value (the caller knows it: a figure
 *  typed in canonical form with at most 6 places is its own show text). */
export function shownAs(f: Frame, k: number, text: string): void {
  SHOWN_N[k] = f.m[k] as number;
  SHOWN_D[k] = f.d[k] as number;
  SHOWN[k] = text;
}

/** A slot's value as show gives it. */
export function slotText(f: Frame, k: number): string {
  const n = f.m[k] as number;
  const d = f.d[k] as number;
  if (SHOWN_N[k] === n && SHOWN_D[k] === d) return SHOWN[k] as string;
  const text = showRat(n, d);
  SHOWN_N[k] = n;
  SHOWN_D[k] = d;
  SHOWN[k] = text;
  return text;
}

/** A value in 10^-dp points, rounded as the item's score is and shown (fmtScore's text);
 *  `sign` −1 for the deduction it makes. */
export function scoreText(c: RenderContext, n: number, d: number, sign: 1 | -1 = 1): string {
  const r = roundScaled(sign * n, d, 0, c.rs.scoreRounding.mode);
  return Number.isSafeInteger(r) ? showRat(r, c.scale) : 'NaN';
}
