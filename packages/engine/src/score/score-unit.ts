// Scores one unit under a compiled rule set: every item, section subtotals, capped bonus,
// total, and — separate from the score — sanctions and vetoes.
import { unitAmounts } from '../amounts/amounts.ts';
import { carriedOf, provenanceOf } from '../carry/carry.ts';
import { asProblem } from './as-problem.ts';
import { countPeriods } from './counters.ts';
import { allIndicators } from '../cohort/tie-break.ts';
import { MissingValue } from '../expr/types.ts';
import { ExprEvalError } from '../expr/errors.ts';
import {
  add,
  clamp,
  div,
  fmt,
  max as qmax,
  q,
  min as qmin,
  mul,
  round,
  sign,
  sum,
  ZERO,
  type Q,
} from '../exact/exact.ts';
import type {
  Adjustment,
  IndicatorResult,
  IndicatorStatus,
  Issue,
  Msg,
  SanctionResult,
  SectionResult,
  UnitInput,
  UnitResult,
} from '../model/result.ts';
import type { ScoreContext } from '../model/context.ts';
import { msgOf } from '../messages/text.ts';
import { scaledText } from '../fast/fixed.ts';
import { show } from '../messages/format.ts';
import type { CIndicator, CompiledRuleSet, CSection } from './compile.ts';
import { isoOfDay } from '../exact/calendar.ts';
import { createEnv, type UnitEnv } from './env.ts';
import { evaluateBase } from './base-rules.ts';
import { gatedScore, scoredStatus, scoreWithoutEvidence } from './bounds.ts';
import { evaluateStreams } from './streams.ts';
import { poolItemOutcome, poolPoints, poolSectionScore } from './pool.ts';
import * as R from './reasons.ts';
import { itemWords } from './base-rules.ts';
import { BLANK, createFramePlan, OK, type Frame, type FramePlan } from '../fast/frame.ts';
import { buildKernel, isContainer } from '../fast/kernel.ts';
import { NA, type Kernel } from '../fast/kernel-base.ts';
import { canonicalPlaces, decimalText, roundScaled, scaledOfQ } from '../fast/fixed.ts';
import { showRat, SHOWN_PLACES } from '../messages/format.ts';
import {
  CAPPED,
  FLOORED,
  renders,
  resetTrace,
  shownAs,
  slotText,
  TRACE,
  type Render,
  type RenderContext,
} from '../fast/trace.ts';
import Fraction from 'fraction.js';

const WORST: readonly IndicatorStatus[] = [
  'missing-input',
  'cannot-compute',
  'missing-evidence',
  'gated',
  'not-met',
  'partly-met',
  'met',
  'not-applicable',
];

/** An evaluation error the expression module raises (division by zero, wrong type): a value problem. */
export interface UnitScorer {
  env: UnitEnv;
  /** The full result of one item (memoised: score('二.1') and the sections share it). */
  evaluate: (item: CIndicator) => IndicatorResult;
  /** The exact score (0 when it has none) and maximum of a result evaluate gave, as its text
   *  shows them: sums read these instead of parsing the text back. */
  exact: (r: IndicatorResult) => Exact;
  /** Items scored on the integer kernels, their reasons rendered from the kernels' traces (the
   *  rest went through the exact evaluation). */
  traced(): number;
  /** The summed scores and maxima (10^-dp points) of items scored on the kernels (or sums of
   *  such); undefined when one of them was not. */
  sumScaled(items: readonly { path: string }[]): Scaled | undefined;
}

interface Exact {
  score: Q;
  max: Q;
}

/** An item that cannot be judged: a blank input, or a figure that cannot be worked out. */
export const undecided = (r: IndicatorResult): boolean =>
  r.status === 'missing-input' || r.status === 'cannot-compute';

const DIVISION_BY_ZERO: Msg = {
  zh: '比率无法计算:分母为0',
  en: 'ratio cannot be computed: the denominator is 0',
};
const UNIT_CLASS: Msg = { zh: '单位类别', en: 'unit class' };

/** An item's score and maximum in 10^-dp points, and whether it applies. */
interface Scaled {
  score: number;
  max: number;
  applies: boolean;
}
/** Items by path and inputs by id, numbered once per rule set. */
const INDEX = new WeakMap<
  CompiledRuleSet,
  { items: ReadonlyMap<string, number>; inputs: ReadonlyMap<string, number> }
>();
function indexOf(rs: CompiledRuleSet) {
  let known = INDEX.get(rs);
  if (!known) {
    known = {
      items: new Map([...rs.byPath.keys()].map((k, i) => [k, i])),
      inputs: new Map([...rs.inputs.keys()].map((k, i) => [k, i])),
    };
    INDEX.set(rs, known);
  }
  return known;
}

/** Per-unit values by a key the rule set numbers (an item's path, an input's id), in arrays
 *  sized once: a Map per unit grows (and copies) as it fills. A key it does not number goes to
 *  a Map. */
class Table<V> {
  private readonly values: (V | undefined)[];
  /** 1 where a value is held (a plain array: a typed array costs more to make, per unit). */
  private readonly held: number[];
  private extra: Map<string, V> | undefined;
  constructor(private readonly index: ReadonlyMap<string, number>) {
    this.values = new Array<V | undefined>(index.size);
    this.held = new Array<number>(index.size).fill(0);
  }
  has(key: string): boolean {
    const i = this.index.get(key);
    return i === undefined ? (this.extra?.has(key) ?? false) : this.held[i] === 1;
  }
  get(key: string): V | undefined {
    const i = this.index.get(key);
    return i === undefined ? this.extra?.get(key) : this.values[i];
  }
  set(key: string, value: V): void {
    const i = this.index.get(key);
    if (i === undefined) (this.extra ??= new Map()).set(key, value);
    else {
      this.values[i] = value;
      this.held[i] = 1;
    }
  }
  /** get and set by the key's number (the index's own), without looking it up again. */
  at(i: number): V | undefined {
    return this.values[i];
  }
  heldAt(i: number): boolean {
    return this.held[i] === 1;
  }
  setAt(i: number, value: V): void {
    this.values[i] = value;
    this.held[i] = 1;
  }
}

/** The scores and maxima (10^-dp points) of one unit's items scored on the kernels, by item
 *  number, as numbers in arrays (no object per item). */
class ScaledScores {
  private readonly score: number[];
  private readonly max: number[];
  /** 0: not scored on the kernels, 1: scored, 2: scored and does not apply. */
  private readonly state: number[];
  constructor(private readonly index: ReadonlyMap<string, number>) {
    this.score = new Array<number>(index.size).fill(0);
    this.max = new Array<number>(index.size).fill(0);
    this.state = new Array<number>(index.size).fill(0);
  }
  /** Item i (its number in the rule set's index) scored, or not applying. */
  set(i: number, score: number, max: number): void {
    this.score[i] = score;
    this.max[i] = max;
    this.state[i] = 1;
  }
  notApplicable(i: number): void {
    this.state[i] = 2;
  }
  /** The items' scores and the maxima of those that apply, summed; `applies` whether any
   *  does; undefined when one was not scored on the kernels. */
  sum(items: readonly { path: string }[]): Scaled | undefined {
    let score = 0;
    let max = 0;
    let applies = false;
    for (let k = 0; k < items.length; k++) {
      const i = this.index.get((items[k] as { path: string }).path);
      const st = i === undefined ? 0 : (this.state[i] as number);
      if (st === 0) return undefined;
      if (st === 1) {
        score += this.score[i as number] as number;
        max += this.max[i as number] as number;
        applies = true;
      }
    }
    return { score, max, applies };
  }
}

/** A value as an integer count of 10^-dp, worked out once per value (points are the rule
 *  set's own); undefined when it has more places or does not fit. */
const SCALED = new WeakMap<Q, number | undefined>();
function scaledQ(x: Q, dp: number): number | undefined {
  if (SCALED.has(x)) return SCALED.get(x);
  const v = scaledOfQ(x, dp);
  SCALED.set(x, v);
  return v;
}

/** The empty lists of an item's result: one frozen list for every item that has none (a
 *  cohort's results keep three per item otherwise, about a tenth of their memory). Read-only, as
 *  results are: a result is never changed in place. */
const NOTHING: readonly never[] = Object.freeze([]);
const NO_IDS = NOTHING as unknown as string[];
const NO_ADJUSTMENTS = NOTHING as unknown as Adjustment[];

/** The inputs an item reads that ask for evidence, by item (worked out once per rule set). */
const EVIDENCED = new WeakMap<CIndicator, readonly string[]>();
function evidenced(rs: CompiledRuleSet, item: CIndicator): readonly string[] {
  let ids = EVIDENCED.get(item);
  if (ids === undefined) {
    ids = item.inputsUsed.filter((id) => rs.inputs.get(id)?.evidence);
    EVIDENCED.set(item, ids.length === 0 ? NO_IDS : ids);
  }
  return ids;
}

const SUB_ITEMS: Msg = { zh: '各小项得分合计', en: 'sum of the sub-items' };

/** An item's result, built field by field (no spreads: this is the hot path) in the order the
 *  result has always had: base fields, then score, max, status, adjustments, reason. */
function assemble(
  item: CIndicator,
  inputs: Record<string, string>,
  missingEvidence: string[],
  score: string | null,
  max: string,
  status: IndicatorStatus,
  adjustments: readonly Adjustment[],
  reasons: readonly Msg[],
): IndicatorResult {
  return assembled(item, inputs, missingEvidence, score, max, status, adjustments, joined(reasons));
}

/** assemble with the reasons already joined into one. */
function assembled(
  item: CIndicator,
  inputs: Record<string, string>,
  missingEvidence: string[],
  score: string | null,
  max: string,
  status: IndicatorStatus,
  adjustments: readonly Adjustment[],
  reason: Msg,
): IndicatorResult {
  const withInputs: Adjustment[] =
    adjustments.length === 0 ? NO_ADJUSTMENTS : new Array<Adjustment>(adjustments.length);
  for (let i = 0; i < adjustments.length; i++) {
    const a = adjustments[i] as Adjustment;
    withInputs[i] = { amount: a.amount, reason: a.reason, inputs };
  }
  return {
    path: item.path,
    code: item.code,
    title: item.title,
    inputs,
    missingInputs: NO_IDS,
    missingEvidence: missingEvidence.length === 0 ? NO_IDS : missingEvidence,
    score,
    max,
    status,
    adjustments: withInputs,
    reason,
  };
}

/** An item's reasons as one: zh joined by ",", en by "; ". One reason is the result's own (a
 *  reason is a value, never changed in place). */
function joined(reasons: readonly Msg[]): Msg {
  if (reasons.length === 1) return reasons[0] as Msg;
  let zh = '';
  let en = '';
  for (let i = 0; i < reasons.length; i++) {
    const r = reasons[i] as Msg;
    zh = i === 0 ? r.zh : `${zh},${r.zh}`;
    en = i === 0 ? r.en : `${en}; ${r.en}`;
  }
  return { zh, en };
}

/** joined([first, ...adjustments' reasons, stop, gated]) without the list (the traced route). */
function joinedParts(
  first: Msg,
  adjustments: readonly Adjustment[],
  stop: Msg | undefined,
  gated: Msg | undefined,
): Msg {
  if (adjustments.length === 0 && stop === undefined && gated === undefined) return first;
  let zh = first.zh;
  let en = first.en;
  for (let i = 0; i < adjustments.length; i++) {
    const r = (adjustments[i] as Adjustment).reason;
    zh = `${zh},${r.zh}`;
    en = `${en}; ${r.en}`;
  }
  if (stop !== undefined) {
    zh = `${zh},${stop.zh}`;
    en = `${en}; ${stop.en}`;
  }
  if (gated !== undefined) {
    zh = `${zh},${gated.zh}`;
    en = `${en}; ${gated.en}`;
  }
  return { zh, en };
}

/** An evaluation problem's reason: a zero denominator has its own words. */
const problemReason = (e: unknown, problem: Msg): Msg =>
  e instanceof ExprEvalError && e.code === 'division-by-zero'
    ? DIVISION_BY_ZERO
    : R.evalProblem(problem);

/** Evaluates items of one unit on demand, exactly, with reasons. */
export interface ScorerOptions {
  /** false: scores and statuses only, every reason left empty and no figure formatted for one
   *  (the cohort path's items that leave the integer kernels). Default true. */
  reasons?: boolean;
  /** false: every item through the exact evaluation, none on the traced kernels (tests hold
   *  the two routes to the same results). Default true. */
  kernels?: boolean;
}

/** An item's points and floor in 10^-dp points, the floor's text (最低…分), the scale 10^dp. */
interface Bounds {
  points: number;
  min: number;
  minText: string;
  scale: number;
}

/** A leaf item's kernel for units of one class (or any), with what its result shows. */
interface TracedItem {
  kernel: Kernel;
  render: Render;
  /** The item's points and floor in 10^-dp points; their texts (max, 最低…分). */
  points: number;
  min: number;
  max: string;
  minText: string;
  words: RenderContext;
}

/** The integer kernels of a rule set, traced for reasons: built once per compiled rule set,
 *  one frame serving unit after unit (loaded by the scorer that uses it, when it does). */
interface TracedRuleSet {
  frame: Frame;
  plan: FramePlan;
  /** By item number (the rule set's index of paths), by class (undefined: the item's points
   *  do not depend on the class). */
  items: (Map<string | undefined, TracedItem> | undefined)[];
  /** Containers that only sum their sub-items: points and floor by class, as for items. */
  containers: (Map<string | undefined, Bounds> | undefined)[];
  /** The scorer whose unit the frame holds, and its environment. */
  owner: object | undefined;
  env: UnitEnv | undefined;
  /** An input's canonical text off the frame (undefined: blank), null when only the exact
   *  environment can tell. */
  text(id: string): string | undefined | null;
}

const TRACED = new WeakMap<CompiledRuleSet, TracedRuleSet>();

/** "≈", the mark of a figure show rounds. */
const APPROX = 0x2248;

/**
 * Whether an item's reason can be rendered from its kernel's trace. The shapes whose words only
 * the exact evaluation gives stay there (their scores and reasons are its own, never a second
 * copy): a pool's items, and an item on a date other than a threshold whose value is the date
 * (早于 / 晚于 and 每晚1天 are worded from the trace for such a threshold; a deadline stream, an
 * uncapped item, a piecewise rule, a rank item and tiers on text are worded from it too, by the
 * exact path's own word functions). (A kernel without a renderer, or one that cannot read a
 * figure, leaves its item there too.)
 */
function tracedShape(item: CIndicator): boolean {
  // An item without points of its own (a pool's) is the exact path's: its section reads it.
  if (item.pool) return false;
  // A threshold on a date is worded as the exact path words it (早于 / 晚于, 每晚1天).
  const onDate = itemWords(item).unit === 'date';
  if (onDate && item.rule?.kind === 'threshold') return true;
  if (onDate) return false;
  for (const o of item.operands.values())
    if (o.unit === 'date' || o.input?.unit === 'date') return false;
  return true;
}

function tracedRuleSet(rs: CompiledRuleSet): TracedRuleSet {
  const known = TRACED.get(rs);
  if (known) return known;
  const ix = indexOf(rs);
  const made: TracedRuleSet = {
    frame: undefined as unknown as Frame,
    plan: undefined as unknown as FramePlan,
    items: [],
    containers: [],
    owner: undefined,
    env: undefined,
    text: (id) => {
      // A date's text is its ISO day, which the exact environment writes.
      if (rs.inputs.get(id)?.unit === 'date') return null;
      const slot = plan.inputSlot(id);
      if (!slot) return null;
      const f = made.frame;
      const st = f.s[slot.k];
      if (st === BLANK) return undefined;
      if (st !== OK) return null;
      if (slot.kind === 'symbol') {
        const v = plan.symbol(f.m[slot.k] as number);
        return v === undefined ? null : String(v);
      }
      // A figure typed as its canonical text is that text (the value was read from it, as it
      // is: decodeValue's), which then serves the reason too when show gives it exactly.
      const raw = f.unit.values[id];
      if (typeof raw === 'string') {
        const places = canonicalPlaces(raw);
        if (places >= 0) {
          if (places <= SHOWN_PLACES) shownAs(f, slot.k, raw);
          return raw;
        }
      }
      // show's text is fmt's whenever it is exact (not ≈): the reason's figure, already shown.
      const shown = slotText(f, slot.k);
      if (shown.charCodeAt(0) !== APPROX) return shown;
      return decimalText(f.m[slot.k] as number, f.d[slot.k] as number) ?? null;
    },
  };
  const plan = createFramePlan(rs, () => made.env as UnitEnv);
  const dp = rs.scoreRounding.dp;
  const scale = 10 ** dp;
  /** An item's traced kernels by class (undefined: any unit), made on first use. */
  const byClassOf = (item: CIndicator): Map<string | undefined, TracedItem> => {
    const n = ix.items.get(item.path) as number;
    let byClass = made.items[n];
    if (!byClass) made.items[n] = byClass = new Map<string | undefined, TracedItem>();
    return byClass;
  };
  const add = (item: CIndicator, cls: string | undefined, pointsQ: Q): void => {
    if (!tracedShape(item)) return;
    const kernel = buildKernel(rs, plan, item, pointsQ);
    const render = kernel ? renders.get(kernel) : undefined;
    const points = scaledOfQ(pointsQ, dp);
    // No floor at all (min 'none'): −∞.
    const min = item.min ? scaledOfQ(item.min, dp) : Number.NEGATIVE_INFINITY;
    if (!kernel || !render || points === undefined || min === undefined) return;
    byClassOf(item).set(cls, {
      kernel,
      render,
      points,
      min,
      max: fmt(pointsQ),
      minText: item.min ? show(item.min) : '',
      words: { rs, item, words: itemWords(item), env: undefined as unknown as UnitEnv, scale },
    });
  };
  /** An item not assessed for units of class `cls` (pointsByClass: 'not-assessed'): it does
   *  not apply, said as the exact path says it (此项不考核), without a rule to read. */
  const notAssessed = (item: CIndicator, cls: string): void => {
    byClassOf(item).set(cls, {
      kernel: NOT_ASSESSED,
      render: NO_WORDS,
      points: 0,
      min: 0,
      max: '0',
      minText: '',
      words: { rs, item, words: itemWords(item), env: undefined as unknown as UnitEnv, scale },
    });
  };
  const bounds = (item: CIndicator, cls: string | undefined, pointsQ: Q): void => {
    // No ceiling, or points kept without evidence: the exact path's alone; no floor is −∞.
    if (item.uncapped || item.evidence.policy === 'keep') return;
    const points = scaledOfQ(pointsQ, dp);
    const min = item.min ? scaledOfQ(item.min, dp) : Number.NEGATIVE_INFINITY;
    if (points === undefined || min === undefined) return;
    const n = ix.items.get(item.path) as number;
    let byClass = made.containers[n];
    if (!byClass) made.containers[n] = byClass = new Map<string | undefined, Bounds>();
    byClass.set(cls, { points, min, minText: item.min ? show(item.min) : '', scale });
  };
  for (const item of rs.byPath.values()) {
    if (isContainer(item)) {
      if (!item.pointsByClass) bounds(item, undefined, item.points);
      else
        for (const cls of rs.classIds) {
          const p = item.pointsByClass.has(cls) ? item.pointsByClass.get(cls) : item.points;
          if (p) bounds(item, cls, p);
        }
    }
    if (item.children.length > 0) continue;
    if (!item.pointsByClass) add(item, undefined, item.points);
    else
      for (const cls of rs.classIds) {
        const p = item.pointsByClass.has(cls) ? item.pointsByClass.get(cls) : item.points;
        if (p) add(item, cls, p);
        else notAssessed(item, cls);
      }
  }
  made.plan = plan;
  made.frame = plan.seal();
  TRACED.set(rs, made);
  return made;
}

/** The kernel of an item not assessed for the unit's class: it does not apply (no branch
 *  traced), and nothing is worded from a trace. */
const NOT_ASSESSED: Kernel = () => NA;
const NO_WORDS: Render = () => undefined;

/** A value of n / d 10^-dp points (d × 10^dp may pass the safe range) as show gives it. */
function showScaled(n: number, d: number, scale: number): string {
  const den = d * scale;
  return Number.isSafeInteger(den)
    ? showRat(n, den)
    : show(new Fraction(BigInt(n), BigInt(d) * BigInt(scale)));
}

export function createUnitScorer(
  rs: CompiledRuleSet,
  unit: UnitInput,
  ctx: ScoreContext = {},
  options: ScorerOptions = {},
): UnitScorer {
  const withReasons = options.reasons !== false;
  const env = createEnv(rs.inputs, unit, ctx, rs.derived, rs.constants);
  const ix = indexOf(rs);
  const results = new Table<IndicatorResult>(ix.items);
  /** Scores and maxima (10^-dp points) of the items scored on the kernels: sums read these. */
  const scaled = new ScaledScores(ix.items);
  /** The exact scores of the items the exact evaluation gave (made when it first gives one). */
  let exacts: Map<string, Exact> | undefined;
  const exact = (r: IndicatorResult): Exact =>
    exacts?.get(r.path) ?? { score: r.score === null ? ZERO : q(r.score), max: q(r.max) };
  if (unit.class !== undefined && !rs.classIds.has(unit.class))
    env.issues.push(unknownClass(rs, unit));

  // An input's canonical text, written once per unit (items share inputs); the first call
  // decodes it through peek, as before, so a bad value's issue comes at the same point.
  const texts = new Table<string | undefined>(ix.inputs);
  const valueText = (id: string): string | undefined => {
    // The input's number in the rule set's index: one lookup for the test and the value.
    const j = ix.inputs.get(id);
    if (j === undefined ? texts.has(id) : texts.heldAt(j))
      return j === undefined ? texts.get(id) : texts.at(j);
    // Read off the frame when the kernels hold the unit and the figure is one they read (a
    // value they cannot read is decoded, and reported, by the exact environment as before).
    if (traced && traced.owner === token) {
      const t = traced.text(id);
      if (t !== null) {
        if (j === undefined) texts.set(id, t);
        else texts.setAt(j, t);
        return t;
      }
    }
    const v = env.peek(id);
    const t =
      v === undefined
        ? undefined
        : typeof v === 'object'
          ? rs.inputs.get(id)?.unit === 'date'
            ? isoOfDay(Number(v.s * v.n))
            : fmt(v)
          : String(v);
    texts.set(id, t);
    return t;
  };
  const label = (id: string): Msg => {
    const def = rs.inputs.get(id);
    return def ? msgOf(def.label) : { zh: id, en: id };
  };

  // Leaf items the kernels take are scored on them, their reasons worded from the kernel's trace.
  const traced = withReasons && options.kernels !== false ? tracedRuleSet(rs) : undefined;
  let tracedCount = 0;
  /** The unit into the kernels' frame (again, when another scorer has used it since). */
  const hold = (): void => {
    if (!traced) return;
    traced.owner = token;
    traced.env = env;
    traced.plan.load(unit, ctx);
  };
  const token = {};
  hold();
  /**
   * An item scored on its kernel, its reason rendered from the trace; undefined to leave it to
   * the exact evaluation below (a value only it can read, a blank, a trace it must word).
   */
  const viaKernel = (
    item: CIndicator,
    n: number,
    inputs: Record<string, string>,
  ): IndicatorResult | undefined => {
    const byClass = traced?.items[n];
    const t = byClass?.get(item.pointsByClass ? unit.class : undefined);
    if (!traced || !t) return undefined;
    if (traced.owner !== token) hold();
    TRACE.on = true;
    resetTrace();
    let r: number | null | undefined;
    try {
      r = t.kernel(traced.frame);
    } finally {
      TRACE.on = false;
    }
    if (r === undefined || r === null) return undefined;
    // What the tail needs, kept before the renderer runs (a formula's renderer may score the
    // items it reads, whose kernels reuse the trace).
    const score0 = TRACE.score;
    const clampedBy = TRACE.clamp;
    const hn = TRACE.hn;
    const hd = TRACE.hd;
    const gate = TRACE.gate;
    const notAssessed = r === NA && TRACE.branch < 0;
    t.words.env = env;
    const said = notAssessed ? undefined : t.render(traced.frame, TRACE, t.words);
    if (r === NA) {
      if (!notAssessed && !said) return undefined;
      scaled.notApplicable(n);
      return assemble(item, inputs, NO_IDS, null, '0', 'not-applicable', NO_ADJUSTMENTS, [
        said ? said.reason : R.notApplicable,
      ]);
    }
    if (!said) return undefined;
    // The reasons in order: the rule's, its adjustments', where the score stops, the gate's.
    const stop =
      clampedBy === CAPPED
        ? R.cappedAt(showScaled(hn, hd, t.words.scale))
        : clampedBy === FLOORED
          ? R.flooredAt(t.minText)
          : // No floor at all: a score below 0 says it is meant (该项可负分), as on the exact path.
            t.min === Number.NEGATIVE_INFINITY && score0 < 0
            ? R.noFloor(showRat(score0, t.words.scale))
            : undefined;
    let score = score0;
    let status = scoredStatus(score, t.points, item.uncapped);
    let gated: Msg | undefined;
    // A gate that holds, or a case count at its zeroAt (said after the gates, as evaluated).
    if (gate >= 0 || said.zeroed) {
      score = t.min < 0 ? Math.min(score, 0) : 0;
      status = 'gated';
      gated = gate >= 0 ? (item.gates[gate] as CIndicator['gates'][number]).reason : said.zeroed;
    }
    const noEvidence = lackingEvidence(item, score > 0);
    let text: string | undefined;
    let reason: Msg;
    if (noEvidence.length > 0 && status !== 'gated') {
      status = 'missing-evidence';
      if (item.evidence.policy === 'zero') score = Math.min(score, 0);
      else if (item.evidence.policy === 'keep') return undefined;
      text = scaledText(score, rs.scoreRounding.dp);
      const reasons: Msg[] = [said.reason];
      for (const a of said.adjustments) reasons.push(a.reason);
      if (stop) reasons.push(stop);
      evidenceWords(
        reasons,
        noEvidence,
        item.evidence,
        text,
        `${text}/${item.uncapped ? text : t.max}`,
      );
      reason = joined(reasons);
    } else
      reason = joinedParts(
        said.reason,
        said.adjustments,
        stop,
        // Last, as the exact path says it: the gate (or zeroing) that held, or, for an uncapped
        // item that scored, 不设上限 (met: nothing held).
        item.uncapped && status === 'met' ? R.uncappedAt(showRat(score, t.words.scale)) : gated,
      );
    // The kernel's own score and the one its trace gives must agree; else the exact path decides.
    if (score !== r) return undefined;
    // An uncapped item's maximum is what it scored: there is none above it.
    scaled.set(n, score, item.uncapped ? score : t.points);
    return assembled(
      item,
      inputs,
      noEvidence,
      text ?? scaledText(score, rs.scoreRounding.dp),
      item.uncapped ? scaledText(score, rs.scoreRounding.dp) : t.max,
      status,
      said.adjustments,
      reason,
    );
  };
  /** The evidence inputs an item's claimed points lack (none when it earned nothing): what the
   *  unit typed and claims something (not blank, not no, not 0), without its evidence. */
  const lackingEvidence = (item: CIndicator, positive: boolean): string[] => {
    if (!positive) return NO_IDS;
    const ids = evidenced(rs, item);
    let out: string[] = NO_IDS;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as string;
      if (unit.evidence?.[id]) continue;
      // Evidence backs what the unit typed; a blank taken by its declared meaning needs none.
      const raw = unit.values[id];
      if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === ''))
        continue;
      const t = valueText(id);
      if (t !== undefined && t !== 'false' && t !== '0')
        (out === NO_IDS ? (out = []) : out).push(id);
    }
    return out;
  };
  /** The words of missing evidence, into an item's reasons (`kept` the score as show gives it,
   *  `of` score/maximum). Under `zero` (or `keep`) the points the rule gave are void (or cut to
   *  what is kept): the reason keeps what was found, drops the points it claimed (得4分 and 不得分
   *  at once) and ends with the score: 是,但缺少佐证材料,不得分(0/4) / 按规定最多保留1分,得1分(1/2). */
  const evidenceWords = (
    reasons: Msg[],
    lacking: string[],
    rule: CIndicator['evidence'],
    kept: string,
    of: string,
  ): void => {
    const labels = lacking.map(label);
    if (rule.policy === 'flag') {
      reasons.push(R.missingEvidence(labels, false));
      return;
    }
    const found = reasons[0] ?? { zh: '', en: '' };
    reasons[0] = {
      zh: found.zh.replace(/,?(按比例)?得(满分)?-?[\d.]+分$/, ''),
      en: found.en.replace(/(,|:|;)? ?(full marks )?-?[\d.]+( pro rata)?$/, ''),
    };
    reasons.push(
      rule.policy === 'zero'
        ? {
            zh: `但缺少佐证材料(${labels.map((l) => l.zh).join('、')}),不得分(${of})`,
            en: `but no evidence (${labels.map((l) => l.en).join(', ')}): no points (${of})`,
          }
        : R.keptWithoutEvidence(labels, show(rule.keep), kept, of),
    );
  };

  /**
   * A container that only sums its sub-items, when every sub-item was scored on the kernels:
   * the same sum, cap, floor and status as the exact evaluation below, in integers.
   */
  const viaSum = (
    item: CIndicator,
    n: number,
    inputs: Record<string, string>,
  ): IndicatorResult | undefined => {
    if (!traced || !isContainer(item)) return undefined;
    const t = traced.containers[n]?.get(item.pointsByClass ? unit.class : undefined);
    if (!t) return undefined;
    const children = item.children.map(evaluate);
    const summed = scaled.sum(children);
    if (!summed) return undefined;
    const { score: sum, max } = summed;
    if (!summed.applies) {
      scaled.notApplicable(n);
      return assemble(item, inputs, NO_IDS, null, '0', 'not-applicable', NO_ADJUSTMENTS, [
        R.notApplicable,
      ]);
    }
    // Sub-items that do not apply take their points with them (the maximum shrinks).
    const points = Math.min(t.points, max);
    const reasons: Msg[] = [SUB_ITEMS];
    // The floor first, then the cap (exact.clamp's order).
    let score = sum < t.min ? t.min : sum;
    if (score > points) score = points;
    if (sum > points) reasons.push(R.cappedAt(showRat(points, t.scale)));
    else if (sum < t.min) reasons.push(R.flooredAt(t.minText));
    else if (t.min === Number.NEGATIVE_INFINITY && score < 0)
      reasons.push(R.noFloor(showRat(score, t.scale)));
    let status = scoredStatus(score, points);
    const worst = WORST.find((s) => children.some((c) => c.status === s));
    if (worst && WORST.indexOf(worst) < WORST.indexOf(status)) status = worst;
    const noEvidence = lackingEvidence(item, score > 0);
    const maxText = scaledText(points, rs.scoreRounding.dp);
    let text: string | undefined;
    if (noEvidence.length > 0 && status !== 'gated') {
      status = 'missing-evidence';
      if (item.evidence.policy === 'zero') score = Math.min(score, 0);
      text = scaledText(score, rs.scoreRounding.dp);
      evidenceWords(reasons, noEvidence, item.evidence, text, `${text}/${maxText}`);
    }
    scaled.set(n, score, points);
    const result = assemble(
      item,
      inputs,
      noEvidence,
      text ?? scaledText(score, rs.scoreRounding.dp),
      maxText,
      status,
      [],
      reasons,
    );
    result.children = children;
    return result;
  };

  /** A leaf item that reads a value carried in from another assessment quotes where it came
   *  from (另一考核(…)否决事项「…」结转:扣10分), or why it is pending. */
  const quoted = (item: CIndicator, r: IndicatorResult): IndicatorResult => {
    if (!withReasons || !unit.carried || item.children.length > 0) return r;
    const p = provenanceOf(unit, item.inputsUsed);
    if (p) r.reason = { zh: `${r.reason.zh};${p.zh}`, en: `${r.reason.en}; ${p.en}` };
    return r;
  };
  const evaluate = (item: CIndicator): IndicatorResult => {
    // The item's number in the rule set's index (every item of the rule set has one).
    const n = ix.items.get(item.path);
    const done = n === undefined ? results.get(item.path) : results.at(n);
    if (done) return done;
    const inputs: Record<string, string> = {};
    if (withReasons)
      for (const id of item.inputsUsed) {
        const t = valueText(id);
        if (t !== undefined) inputs[id] = t;
      }
    if (traced && n !== undefined) {
      const fast =
        item.children.length === 0 ? viaKernel(item, n, inputs) : viaSum(item, n, inputs);
      if (fast) {
        tracedCount++;
        results.setAt(n, quoted(item, fast));
        return fast;
      }
    }
    const base = {
      path: item.path,
      code: item.code,
      title: item.title,
      inputs,
      missingInputs: [] as string[],
      missingEvidence: [] as string[],
    };
    const finish = (r: IndicatorResult, score: Q | null, max: Q): IndicatorResult => {
      results.set(item.path, quoted(item, r));
      (exacts ??= new Map()).set(item.path, { score: score ?? ZERO, max });
      return r;
    };
    const notApplicable = (): IndicatorResult =>
      finish(
        {
          ...base,
          score: null,
          max: '0',
          status: 'not-applicable',
          adjustments: [],
          reason: R.notApplicable,
        },
        null,
        ZERO,
      );
    // A maximum by class needs the unit's class, one the rule set declares ('not-assessed' is
    // stored as null: the item does not apply to that class).
    if (item.pointsByClass && !rs.classIds.has(unit.class ?? ''))
      return finish(
        {
          ...base,
          missingInputs: ['class'],
          score: null,
          max: fmt(item.points),
          status: 'missing-input',
          adjustments: [],
          reason: R.missingInputs([UNIT_CLASS]),
        },
        null,
        item.points,
      );
    const classMax =
      unit.class !== undefined && item.pointsByClass?.has(unit.class)
        ? item.pointsByClass.get(unit.class)
        : item.points;
    if (classMax === null || classMax === undefined) return notApplicable();
    let points: Q = classMax;
    const missing = (e: MissingValue): IndicatorResult => {
      const blanks = item.inputsUsed.filter((id) => valueText(id) === undefined);
      const ids = blanks.length > 0 ? blanks : [e.inputId];
      // A case's field (a list of cases given, one case's field blank) is named as such.
      const labels = ids.map(label);
      if (e.detail && !blanks.includes(e.inputId)) {
        if (blanks.length > 0) ids.push(e.inputId);
        labels.splice(blanks.length > 0 ? labels.length : 0, blanks.length > 0 ? 0 : 1, e.detail);
      }
      const cohort = e.inputId.startsWith('peer_');
      return finish(
        {
          ...base,
          missingInputs: cohort ? [] : ids,
          score: null,
          max: fmt(points),
          status: 'missing-input',
          adjustments: [],
          reason: cohort ? R.cohortNeeded : R.missingInputs(labels),
        },
        null,
        points,
      );
    };
    /** The first gate that holds, in order; a MissingValue when one before it is blank. */
    const gateHeld = (): CIndicator['gates'][number] | MissingValue | undefined => {
      for (const g of item.gates) {
        const v = g.when.evaluate(env);
        if (v instanceof MissingValue) return v;
        if (v === true) return g;
      }
      return undefined;
    };
    // A blank is returned, never thrown: each MissingValue met below is the item's outcome.
    try {
      if (item.applicable) {
        const applies = item.applicable.evaluate(env);
        if (applies instanceof MissingValue) return missing(applies);
        if (applies === false) return notApplicable();
      }
      if (item.pool) {
        // No points of its own: what it deducts from its section's (score/pool.ts).
        const streams = evaluateStreams(rs, item, env, withReasons);
        if (streams instanceof MissingValue) return missing(streams);
        const gate = gateHeld();
        if (gate instanceof MissingValue) return missing(gate);
        const zeroedBy = gate ? gate.reason : streams.zeroed;
        const own = poolItemOutcome(
          item.pool,
          poolPoints(item.pool, unit.class, rs.classIds),
          streams.total,
          streams.adjustments.map((a) => a.reason),
          zeroedBy,
          rs.scoreRounding,
        );
        const result = assemble(
          item,
          inputs,
          [],
          fmt(own.score),
          '0',
          own.status,
          streams.adjustments,
          withReasons ? own.reasons : [],
        );
        return finish(result, own.score, ZERO);
      }
      let children: IndicatorResult[] | undefined;
      let outcome;
      if (item.children.length > 0) {
        children = item.children.map(evaluate);
        const applicable = children.filter((c) => c.status !== 'not-applicable');
        if (applicable.length === 0) return notApplicable();
        // Sub-items that do not apply take their points with them (the parent's maximum shrinks).
        points = qmin(points, sum(applicable.map((c) => exact(c).max)));
        outcome = {
          // Capped at the parent's points below, where the reason says so.
          base: sum(children.map((c) => exact(c).score)),
          reason: { zh: '各小项得分合计', en: 'sum of the sub-items' },
          adjustments: [],
        };
      } else {
        const based = evaluateBase(rs, item, env, points, withReasons);
        if (based instanceof MissingValue) return missing(based);
        outcome = based;
        if (outcome.notApplicable)
          return finish(
            {
              ...base,
              score: null,
              max: '0',
              status: 'not-applicable',
              adjustments: [],
              reason: outcome.reason,
            },
            null,
            ZERO,
          );
      }
      const streams = evaluateStreams(rs, item, env, withReasons);
      if (streams instanceof MissingValue) return missing(streams);
      // An uncapped bonus item has no ceiling; an item with min 'none' no floor.
      const upper = item.uncapped
        ? undefined
        : outcome.upper
          ? qmax(points, outcome.upper)
          : points;
      const raw = add(outcome.base, streams.total);
      let score = round(clamp(raw, item.min, upper), rs.scoreRounding);
      const adjustments = [...outcome.adjustments, ...streams.adjustments];
      const reasons = [outcome.reason, ...adjustments.map((a) => a.reason)];
      // A figure above the item's points or below its floor is not the score: say where it stops.
      if (withReasons) {
        if (upper && raw.compare(upper) > 0) reasons.push(R.cappedAt(show(upper)));
        else if (item.min && raw.compare(item.min) < 0) reasons.push(R.flooredAt(show(item.min)));
        // No floor at all: a score below 0 says it is meant (该项可负分), not a slip.
        else if (!item.min && sign(score) < 0) reasons.push(R.noFloor(show(score)));
      }
      let status: IndicatorStatus = item.uncapped
        ? sign(score) > 0
          ? 'met'
          : 'not-met'
        : score.compare(points) >= 0
          ? 'met'
          : sign(score) <= 0 && sign(points) > 0
            ? 'not-met'
            : 'partly-met';
      if (children) {
        const worst = WORST.find((s) => children?.some((c) => c.status === s));
        if (worst && WORST.indexOf(worst) < WORST.indexOf(status)) status = worst;
      }
      const gate = gateHeld();
      if (gate instanceof MissingValue) return missing(gate);
      if (streams.zeroed || gate) {
        score = gatedScore(item, score);
        status = 'gated';
        reasons.push(gate ? gate.reason : (streams.zeroed as Msg));
      }
      const noEvidence = lackingEvidence(item, sign(score) > 0);
      if (noEvidence.length > 0 && status !== 'gated') {
        status = 'missing-evidence';
        score = scoreWithoutEvidence(item.evidence, score);
        if (withReasons)
          evidenceWords(
            reasons,
            noEvidence,
            item.evidence,
            show(score),
            `${fmt(score)}/${item.uncapped ? fmt(score) : fmt(points)}`,
          );
      }
      // An uncapped item's maximum is what it scored: there is none above it.
      const maxQ = item.uncapped ? score : points;
      if (withReasons && item.uncapped && status === 'met') reasons.push(R.uncappedAt(show(score)));
      const result = assemble(
        item,
        inputs,
        noEvidence,
        fmt(score),
        fmt(maxQ),
        status,
        adjustments,
        reasons,
      );
      if (children) result.children = children;
      return finish(result, score, maxQ);
    } catch (e) {
      const problem = asProblem(e);
      if (!problem) throw e;
      env.issues.push({
        code: 'cannot-compute',
        path: item.path,
        message: R.evalProblem(problem),
        severity: 'error',
      });
      return finish(
        {
          ...base,
          score: null,
          max: fmt(points),
          status: 'cannot-compute',
          adjustments: [],
          reason: problemReason(e, problem),
        },
        null,
        points,
      );
    }
  };

  env.bindResults((path: string) => {
    const item = rs.byPath.get(path);
    if (!item) throw new Error(`unknown item ${path} reached evaluation`);
    return evaluate(item);
  });
  return {
    env,
    evaluate,
    exact,
    // A method, not a getter: an object literal's getter is a new closure per scorer, held
    // by a new hidden class (map) each time; maps live until a full collection, so each
    // unit's scorer and results would outlive it through every young-generation collection.
    traced: () => tracedCount,
    sumScaled: (items) => scaled.sum(items),
  };
}

export interface SanctionOutcome {
  /** The sanctions that hold. */
  held: SanctionResult[];
  /** Ids of the sanctions that cannot be decided (an input missing, the total incomplete, a
   *  figure that cannot be computed): 待定, and the unit is not complete. */
  undecided: string[];
}

/**
 * Decides the sanctions once the total is known; problems go to the env's issues. `total` is
 * undefined while an item cannot be judged: a sanction that needs it is then undecided.
 */
export function decideSanctions(
  rs: CompiledRuleSet,
  env: UnitEnv,
  total: Q | undefined,
  which = rs.sanctions,
): SanctionOutcome {
  env.total = total;
  // Sanctions may read the counters (consecutive(), cumulative()): they come first.
  env.counters ??= countPeriods(rs, env);
  const issues = env.issues;
  const sanctions: SanctionResult[] = [];
  const undecidedIds: string[] = [];
  for (const s of which) {
    let hit;
    try {
      hit = s.when.evaluate(env);
    } catch (e) {
      const problem = asProblem(e);
      if (!problem) throw e;
      undecidedIds.push(s.sanction.id);
      issues.push({
        code: 'cannot-compute',
        path: s.sanction.id,
        severity: 'error',
        message: R.evalProblem(problem),
      });
      continue;
    }
    if (hit instanceof MissingValue) {
      undecidedIds.push(s.sanction.id);
      issues.push({
        code: 'sanction-undecided',
        path: s.sanction.id,
        severity: 'warning',
        message:
          hit.inputId === 'total'
            ? totalUndecided(s.reason)
            : hit.inputId === 'rank' || hit.inputId === 'grade'
              ? rankingProvisional(s.reason)
              : hit.inputId === 'class'
                ? R.sanctionUndecided(s.reason, { zh: '单位类别', en: 'the unit’s class' })
                : (counterUndecided(rs, s.reason, hit.inputId) ??
                  R.sanctionUndecided(s.reason, R.inputLabel(rs.inputs, hit.inputId))),
        inputId: hit.inputId,
      });
    } else if (hit === true) {
      sanctions.push({
        id: s.sanction.id,
        level: s.sanction.level,
        reason: s.reason,
        ...(s.consequence ? { consequence: s.consequence } : {}),
      });
    } else if (hit !== false) {
      issues.push({
        code: 'sanction-not-boolean',
        path: s.sanction.id,
        severity: 'error',
        message: {
          zh: `否决条件「${s.reason.zh}」的计算结果应为“是”或“否”`,
          en: `sanction "${s.reason.en}" did not give true or false`,
        },
      });
    }
  }
  return { held: sanctions, undecided: undecidedIds };
}

/** Each undecided sanction's id with what its issue says (why it is 待定). */
export const whyUndecided = (env: UnitEnv, ids: readonly string[]): Map<string, Msg | undefined> =>
  new Map(
    ids.map((id) => [
      id,
      env.issues.find(
        (i) => i.path === id && (i.code === 'sanction-undecided' || i.code === 'cannot-compute'),
      )?.message,
    ]),
  );

/** A unit whose class the rule set does not declare: its maxima by class cannot be chosen. */
function unknownClass(rs: CompiledRuleSet, unit: UnitInput): Issue {
  const declared = [...rs.classIds].join('、') || '无';
  return {
    code: 'unknown-class',
    path: `units.${unit.id}.class`,
    severity: 'error',
    message: {
      zh: `单位「${unit.name}」的类别「${unit.class ?? ''}」未在考核办法中声明(已声明:${declared})`,
      en: `unit "${unit.name}": class "${unit.class ?? ''}" is not declared by the rule set (declared: ${[...rs.classIds].join(', ') || 'none'})`,
    },
  };
}

/** Every unit of a cohort whose class is not declared. */
export const unknownClasses = (rs: CompiledRuleSet, units: readonly UnitInput[]): Issue[] =>
  units.flatMap((u) => unknownClassOf(rs, u) ?? []);

/** The unit's class when the rule set does not declare it, as an error; else undefined. */
export const unknownClassOf = (rs: CompiledRuleSet, unit: UnitInput): Issue | undefined =>
  unit.class !== undefined && !rs.classIds.has(unit.class) ? unknownClass(rs, unit) : undefined;

/** A sanction on the ranking or the grade, for a unit scored alone: open until the cohort. */
const decidedAfterRanking = (id: string, reason: Msg): Issue => ({
  code: 'sanction-undecided',
  path: id,
  severity: 'warning',
  message: {
    zh: `「${reason.zh}」按排名或等次判定,待全部单位排名、评定等次后由考核单位判定`,
    en: `"${reason.en}" reads the ranking or the grade: decided once every unit is ranked and graded`,
  },
});

/** A sanction on a counter whose period is undecided (its `counter-undecided` says why). */
function counterUndecided(rs: CompiledRuleSet, reason: Msg, missing: string): Msg | undefined {
  const m = /^(?:consecutive|cumulative)\((.*)\)$/.exec(missing);
  const c = m && rs.counters.find((x) => x.counter.id === m[1]);
  return c
    ? {
        zh: `无法判定「${reason.zh}」:计数器「${c.label.zh}」本期是否计入尚未确定`,
        en: `cannot decide "${reason.en}": whether this period counts for counter "${c.label.en}" is undecided`,
      }
    : undefined;
}

const rankingProvisional = (reason: Msg): Msg => ({
  zh: `无法判定「${reason.zh}」:有单位数据不完整,排名和等次尚未确定`,
  en: `cannot decide "${reason.en}": units are incomplete, so the ranking and the grades are provisional`,
});

/** A unit's note on a section whose items are not known yet: unscored, the total incomplete. */
const sectionPending = (s: SectionResult): Issue => ({
  code: 'section-pending',
  path: s.code,
  severity: 'warning',
  message: {
    zh: `第${s.code}部分考核项目待定(${s.pending?.zh ?? ''}),未计分(满分${s.max}分);总分不完整`,
    en: `section ${s.code}: items pending (${s.pending?.en ?? ''}), not scored (out of ${s.max}); the total is incomplete`,
  },
});

const totalUndecided = (reason: Msg): Msg => ({
  zh: `无法判定「${reason.zh}」:尚有指标未能计分,总分不完整(待定)`,
  en: `cannot decide "${reason.en}": items could not be scored, so the total is incomplete (pending)`,
});

/** A section's points for a unit of this class: its `pointsByClass`, else its `points`. */
const sectionPoints = (section: CSection, cls: string | undefined): Q =>
  (cls !== undefined ? section.pointsByClass?.get(cls) : undefined) ?? section.points;

export function scoreUnit(
  rs: CompiledRuleSet,
  unit: UnitInput,
  ctx: ScoreContext = {},
): UnitResult {
  return scoreWith(rs, createUnitScorer(rs, unit, ctx));
}

/** scoreUnit on a scorer the caller keeps: its env (total, counters set) serves what follows. */
export function scoreWith(rs: CompiledRuleSet, scorer: UnitScorer): UnitResult {
  const { env, evaluate, exact } = scorer;
  const unit = env.unit;
  const dp = rs.scoreRounding.dp;
  /** Items' scores and maxima summed in 10^-dp points, when all were scored on the kernels. */
  const sumScaled = (items: readonly { path: string }[]): Scaled | undefined =>
    scorer.sumScaled(items);

  // Each section's score and maximum, exact (Q) or in 10^-dp points when its items were all
  // scored on the kernels; the total sums these.
  const sectionScores: (Q | number)[] = [];
  const sectionMaxima: (Q | number)[] = [];
  const sections: SectionResult[] = rs.sections.map((section) => {
    // Items not known yet: no score (never 0, never full marks); the total is incomplete.
    if (section.pending) {
      const pendingMax = sectionPoints(section, unit.class);
      sectionScores.push(0);
      sectionMaxima.push(scaledQ(pendingMax, dp) ?? pendingMax);
      return {
        code: section.code,
        title: section.title,
        score: null,
        max: fmt(pendingMax),
        items: [],
        pending: section.pending,
      };
    }
    const items = section.items.map(evaluate);
    if (section.pool) {
      // Items without points of their own: the section's points less their deductions.
      const pool = poolSectionScore(
        section.pool,
        poolPoints(section.pool, unit.class, rs.classIds),
        items.map((i) => ({
          path: i.path,
          score: i.score === null ? null : exact(i).score,
          status: i.status,
        })),
        rs.scoreRounding,
      );
      sectionScores.push(pool.score ?? ZERO);
      sectionMaxima.push(pool.max);
      return {
        code: section.code,
        title: section.title,
        score: pool.score === null ? null : fmt(pool.score),
        max: fmt(pool.max),
        items,
        reason: pool.reason,
      };
    }
    // Rescaled to the section's points for the unit's own class (a farm's 60, not the towns' 35).
    const full = sectionPoints(section, unit.class);
    const ints = sumScaled(items);
    const fullS = ints ? scaledQ(full, dp) : undefined;
    if (ints && fullS !== undefined) {
      let score = ints.score;
      let max = ints.max;
      // Rescaled to the section's points as the exact sum below is: round(score × full / max),
      // in 10^-dp points S × F / M, rounded once by the declared mode.
      if (section.notApplicable === 'rescale' && max > 0 && max !== fullS) {
        const product = score * fullS;
        score = Number.isSafeInteger(product)
          ? roundScaled(product, max, 0, rs.scoreRounding.mode)
          : Number.NaN;
        max = fullS;
      }
      if (Number.isSafeInteger(score)) {
        sectionScores.push(score);
        sectionMaxima.push(max);
        return {
          code: section.code,
          title: section.title,
          score: scaledText(score, dp),
          max: scaledText(max, dp),
          items,
        };
      }
    }
    let score = sum(items.map((i) => exact(i).score));
    let maxQ = sum(items.filter((i) => i.status !== 'not-applicable').map((i) => exact(i).max));
    if (section.notApplicable === 'rescale' && sign(maxQ) > 0 && maxQ.compare(full) !== 0) {
      score = round(div(mul(score, full), maxQ), rs.scoreRounding);
      maxQ = full;
    }
    sectionScores.push(score);
    sectionMaxima.push(maxQ);
    return { code: section.code, title: section.title, score: fmt(score), max: fmt(maxQ), items };
  });
  const bonusItems = rs.bonus ? rs.bonus.items.map(evaluate) : [];
  const bonusCap = rs.bonus?.cap;
  const bonusInts = sumScaled(bonusItems);
  const capS = bonusCap ? scaledQ(bonusCap, dp) : undefined;
  const allInts =
    bonusInts !== undefined &&
    (!bonusCap || capS !== undefined) &&
    sectionScores.every((x) => typeof x === 'number') &&
    sectionMaxima.every((x) => typeof x === 'number');
  let bonusText: string;
  let uncappedText: string;
  let totalText: string;
  let maxText: string;
  let totalQ: Q;
  if (allInts) {
    const bonus = capS !== undefined && bonusInts.score > capS ? capS : bonusInts.score;
    let total = bonus;
    let max = 0;
    for (const x of sectionScores) total += typeof x === 'number' ? x : 0;
    for (const x of sectionMaxima) max += typeof x === 'number' ? x : 0;
    bonusText = scaledText(bonus, dp);
    uncappedText = scaledText(bonusInts.score, dp);
    totalText = scaledText(total, dp);
    maxText = scaledText(max, dp);
    totalQ = q(totalText);
  } else {
    const asQ = (x: Q | number): Q => (typeof x === 'number' ? q(scaledText(x, dp)) : x);
    const bonusRaw = sum(bonusItems.map((i) => exact(i).score));
    const bonusScore = bonusCap ? qmin(bonusRaw, bonusCap) : bonusRaw;
    totalQ = add(sum(sectionScores.map(asQ)), bonusScore);
    bonusText = fmt(bonusScore);
    uncappedText = fmt(bonusRaw);
    totalText = fmt(totalQ);
    maxText = fmt(sum(sectionMaxima.map(asQ)));
  }
  const all = allIndicators({ sections, bonus: { items: bonusItems } });
  const pendingSections = sections.filter((s) => s.pending);
  // A section not scored (pending, or a pool an item of which cannot be judged) is no total.
  const itemsComplete = !all.some(undecided) && sections.every((s) => s.score !== null);
  for (const s of pendingSections) env.issues.push(sectionPending(s));
  // An incomplete total is no total: sanctions and counters that read it are undecided.
  const { held: sanctions, undecided: pending } = decideSanctions(
    rs,
    env,
    itemsComplete ? totalQ : undefined,
  );
  // Sanctions on the ranking or the grade are the cohort's to decide (decideCohortSanctions):
  // for one unit alone they are open, said at their rows, and leave its own figures complete.
  for (const s of rs.cohortSanctions) env.issues.push(decidedAfterRanking(s.sanction.id, s.reason));
  // Points carried into other schemes: by the sanctions that hold; pending where undecided.
  const carried = rs.carries
    ? [
        ...carriedOf(
          rs,
          env,
          rs.sanctions,
          new Set(sanctions.map((s) => s.id)),
          whyUndecided(env, pending),
        ),
        ...carriedOf(
          rs,
          env,
          rs.cohortSanctions,
          new Set(),
          new Map(rs.cohortSanctions.map((s) => [s.sanction.id, undefined])),
        ),
      ]
    : undefined;
  // Amounts read the total and the results as sanctions do (env.total is set by now).
  const amounts = rs.amounts.length ? unitAmounts(rs, env) : undefined;
  const issues: Issue[] = env.issues;
  const vetoed = sanctions.some((s) => s.level === 'veto');
  return {
    unitId: unit.id,
    name: unit.name,
    ...(unit.class !== undefined ? { class: unit.class } : {}),
    ruleSetId: rs.ruleSet.id,
    edition: rs.ruleSet.edition,
    total: totalText,
    max: maxText,
    sections,
    bonus: {
      score: bonusText,
      uncapped: uncappedText,
      cap: bonusCap ? show(bonusCap) : null,
      items: bonusItems,
    },
    sanctions,
    ...(amounts ? { amounts } : {}),
    // decideSanctions worked the counters out before the sanctions.
    counters: [...(env.counters?.values() ?? [])],
    ...(carried ? { carried } : {}),
    vetoed,
    noCommendation: vetoed || sanctions.some((s) => s.level === 'no-commendation'),
    complete: itemsComplete && pending.length === 0,
    issues,
  };
}

export type { UnitEnv };
