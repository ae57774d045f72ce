// Piecewise linear scoring (按比例分段计分, RULE-FORMS 51), in one module: its schema, its checks,
// its exact evaluation with its reason, its integer kernel, its comparison of two editions and its
// criteria text. Breakpoints value → points, strictly increasing values; between two breakpoints
// the points are in proportion; beyond the first or the last breakpoint as declared: `clamp` (the
// end's points, the default), `zero` (0 points) or `extend` (the end segment's slope carried on,
// then clamped to the item's floor and points as every base score is).
import { z } from 'zod';
import { add, cmp, div, mul, sub, ZERO, q, type Q } from '../exact/exact.ts';
import type { Issue, Msg } from '../model/result.ts';
import { DecimalLiteral, Operand } from '../schema/common.ts';
import { error } from '../validate/issues.ts';
import { show, showWithUnit } from '../messages/format.ts';
import type { InputUnit } from '../schema/ruleset.ts';
import type { CIndicator } from '../score/compile.ts';
import { addRat, cmpRat, mulRat, ratOfQ, subRat, type Rat } from '../fast/fixed.ts';

// ---- Schema ----

/** What the score is beyond an end: the end's points, 0, or the end segment carried on. */
const PiecewiseEnd = z.enum(['clamp', 'zero', 'extend']);
type PiecewiseEnd = z.infer<typeof PiecewiseEnd>;

const Breakpoint = z.object({ at: DecimalLiteral, points: DecimalLiteral }).strict();

/**
 * Piecewise linear (按比例分段计分): `breakpoints` [{at, points}] with `at` strictly increasing
 * (constants in the value's unit), `points` within 0 and the item's points; linear between two
 * breakpoints. `beforeFirst` / `afterLast`: below the first `at` / above the last — `clamp` (the
 * end's points; the default), `zero` (0 points: 低于80%不得分), `extend` (the end segment's slope
 * carried on; the item's floor and points still bound the score).
 */
export const PiecewiseRule = z
  .object({
    kind: z.literal('piecewise'),
    value: Operand,
    breakpoints: z.array(Breakpoint).min(2),
    beforeFirst: PiecewiseEnd.optional(),
    afterLast: PiecewiseEnd.optional(),
  })
  .strict();
export type PiecewiseRule = z.infer<typeof PiecewiseRule>;

// ---- The breakpoints as exact figures, read once per rule ----

interface Curve {
  at: readonly Q[];
  points: readonly Q[];
  before: PiecewiseEnd;
  after: PiecewiseEnd;
}
const CURVES = new WeakMap<PiecewiseRule, Curve>();
/** The rule's breakpoints as exact rationals (checked by checkPiecewise before any scoring). */
function curveOf(rule: PiecewiseRule): Curve {
  const known = CURVES.get(rule);
  if (known) return known;
  const made: Curve = {
    at: rule.breakpoints.map((b) => q(b.at)),
    points: rule.breakpoints.map((b) => q(b.points)),
    before: rule.beforeFirst ?? 'clamp',
    after: rule.afterLast ?? 'clamp',
  };
  CURVES.set(rule, made);
  return made;
}

// ---- Checks ----

/** Breakpoints strictly increasing, their points within 0 and the item's points; every number
 *  a decimal. Issues at the breakpoint's own path, zh-CN and English. */
export function checkPiecewise(
  rule: PiecewiseRule,
  rp: string,
  path: string,
  itemPoints: Q | 'uncapped' | undefined,
  issues: Issue[],
): void {
  const ceiling = itemPoints === 'uncapped' ? undefined : itemPoints;
  let previous: Q | undefined;
  rule.breakpoints.forEach((b, i) => {
    const bp = `${rp}.breakpoints[${i}]`;
    const at = readDecimal(b.at, `${bp}.at`, path, issues);
    const pts = readDecimal(b.points, `${bp}.points`, path, issues);
    if (at && previous && cmp(at, previous) <= 0)
      issues.push(
        error('piecewise-order', `${bp}.at`, {
          zh: `${path}:第${i + 1}个分段点 ${at.toString()} 须大于前一个分段点 ${previous.toString()}(分段点应严格递增)`,
          en: `${path}: breakpoint ${i + 1} at ${at.toString()} must be above the one before it, ${previous.toString()} (breakpoints strictly increase)`,
        }),
      );
    if (at) previous = at;
    if (pts && ceiling && (pts.compare(0) < 0 || pts.compare(ceiling) > 0))
      issues.push(
        error('piecewise-points', `${bp}.points`, {
          zh: `${path}:第${i + 1}个分段点的得分 ${pts.toString()} 不在 0 至该项分值 ${ceiling.toString()} 之间`,
          en: `${path}: breakpoint ${i + 1} gives ${pts.toString()} points, outside 0 to the item's ${ceiling.toString()}`,
        }),
      );
    else if (pts && itemPoints === 'uncapped' && pts.compare(0) < 0)
      issues.push(
        error('piecewise-points', `${bp}.points`, {
          zh: `${path}:第${i + 1}个分段点的得分 ${pts.toString()} 低于0分(加分不设上限,但不能为负)`,
          en: `${path}: breakpoint ${i + 1} gives ${pts.toString()} points, below 0 (a bonus without a cap is still never negative)`,
        }),
      );
  });
}

function readDecimal(
  v: string | number,
  where: string,
  path: string,
  issues: Issue[],
): Q | undefined {
  try {
    return q(v);
  } catch {
    issues.push(
      error('bad-number', where, {
        zh: `${path}:「${String(v)}」不是数字`,
        en: `${path}: "${String(v)}" is not a number`,
      }),
    );
    return undefined;
  }
}

// ---- Exact evaluation and its reason ----

/** Where a value falls: at a breakpoint, between two, or beyond an end. */
type Place =
  | { kind: 'at'; i: number }
  | { kind: 'between'; i: number }
  | { kind: 'before' | 'after'; i: number };

function placeOf(c: Curve, v: Q): Place {
  const last = c.at.length - 1;
  if (cmp(v, c.at[0] as Q) < 0) return { kind: 'before', i: 0 };
  if (cmp(v, c.at[last] as Q) > 0) return { kind: 'after', i: last - 1 };
  for (let i = 0; i <= last; i++) {
    const k = cmp(v, c.at[i] as Q);
    if (k === 0) return { kind: 'at', i };
    if (k < 0) return { kind: 'between', i: i - 1 };
  }
  return { kind: 'at', i: last };
}

/** p_i + (p_{i+1} − p_i) × (v − a_i) ÷ (a_{i+1} − a_i): the one division last. */
const onSegment = (c: Curve, i: number, v: Q): Q => {
  const [a0, a1, p0, p1] = [c.at[i], c.at[i + 1], c.points[i], c.points[i + 1]] as Q[] as [
    Q,
    Q,
    Q,
    Q,
  ];
  return add(p0, div(mul(sub(p1, p0), sub(v, a0)), sub(a1, a0)));
};

/** The points a curve gives a value, exact (before the item's floor and points bound it). */
function pointsAt(c: Curve, v: Q): Q {
  const place = placeOf(c, v);
  if (place.kind === 'at') return c.points[place.i] as Q;
  if (place.kind === 'between') return onSegment(c, place.i, v);
  const end = place.kind === 'before' ? c.before : c.after;
  if (end === 'zero') return ZERO;
  if (end === 'extend') return onSegment(c, place.i, v);
  return c.points[place.kind === 'before' ? 0 : c.points.length - 1] as Q;
}

/** The base score for a value, exact (before the item's floor and points bound it). */
const piecewiseAt = (rule: PiecewiseRule, v: Q): Q => pointsAt(curveOf(rule), v);

export interface PiecewiseShown {
  label: Msg;
  /** The value with its unit (and what it is, when it is worked out). */
  value: Msg;
  unit: InputUnit | undefined;
  /** The score as rounded for the reason. */
  score: (x: Q) => string;
}

/** A breakpoint in words: 「90%(6分)」 / "90% (6 points)". */
const pointText = (c: Curve, i: number, unit: InputUnit | undefined): Msg => {
  const at = showWithUnit(c.at[i] as Q, unit);
  const p = show(c.points[i] as Q);
  return { zh: `${at.zh}(${p}分)`, en: `${at.en} (${p})` };
};

/** The arithmetic of a segment: 「6 + (10 − 6) × (94 − 90) ÷ (100 − 90)」. */
const segmentText = (c: Curve, i: number, v: Q): string => {
  const [a0, a1, p0, p1] = [c.at[i], c.at[i + 1], c.points[i], c.points[i + 1]].map((x) =>
    show(x as Q),
  );
  return `${p0} + (${p1} − ${p0}) × (${show(v)} − ${a0}) ÷ (${a1} − ${a0})`;
};

/** The base score and its reason, zh-CN and English. */
export function piecewiseBase(
  rule: PiecewiseRule,
  v: Q,
  shown: PiecewiseShown | undefined,
): { base: Q; reason: Msg } {
  const base = piecewiseAt(rule, v);
  if (!shown) return { base, reason: { zh: '', en: '' } };
  const c = curveOf(rule);
  const place = placeOf(c, v);
  const { label, value, unit } = shown;
  const score = shown.score(base);
  const head = { zh: `${label.zh} ${value.zh}`, en: `${label.en} ${value.en}` };
  if (place.kind === 'at') {
    const at = showWithUnit(c.at[place.i] as Q, unit);
    return {
      base,
      reason: {
        zh: `${head.zh},为分段点 ${at.zh},按分段计分得${score}分`,
        en: `${head.en}, at breakpoint ${at.en}: ${score} by the breakpoints`,
      },
    };
  }
  if (place.kind === 'between') {
    const [lo, hi] = [pointText(c, place.i, unit), pointText(c, place.i + 1, unit)];
    const sum = segmentText(c, place.i, v);
    return {
      base,
      reason: {
        zh: `${head.zh},介于分段点 ${lo.zh} 与 ${hi.zh} 之间,按比例分段计分:${sum},得${score}分`,
        en: `${head.en}, between breakpoints ${lo.en} and ${hi.en}, linear between: ${sum} = ${score}`,
      },
    };
  }
  const first = place.kind === 'before';
  const endIndex = first ? 0 : c.at.length - 1;
  const end = pointText(c, endIndex, unit);
  const how = first ? c.before : c.after;
  const side = first
    ? { zh: `低于最低分段点 ${end.zh}`, en: `below the first breakpoint ${end.en}` }
    : { zh: `高于最高分段点 ${end.zh}`, en: `above the last breakpoint ${end.en}` };
  const tail: Msg =
    how === 'zero'
      ? { zh: '不得分', en: 'no points' }
      : how === 'clamp'
        ? { zh: `按该分段点计${score}分`, en: `scored as at that breakpoint: ${score}` }
        : {
            zh: `按端段比例延伸计分:${segmentText(c, place.i, v)},得${score}分`,
            en: `the end segment carried on: ${segmentText(c, place.i, v)} = ${score}`,
          };
  return {
    base,
    reason: { zh: `${head.zh},${side.zh},${tail.zh}`, en: `${head.en}, ${side.en}: ${tail.en}` },
  };
}

// ---- The integer kernel (the cohort path) ----

/**
 * The base score of a value vn / vd in 10^-dp points, into `out` as a rational: integers only,
 * the one division left to the item's rounding. False when a product would leave the safe range
 * (the caller hands the item to the exact evaluator). Undefined when built: a breakpoint that
 * does not fit. The kernel's slot reading stays in fast/kernel-base.ts (no import of the frame:
 * the schema imports this module).
 */
export function piecewiseKernel(
  rule: PiecewiseRule,
  dp: number,
): ((vn: number, vd: number, out: Rat) => boolean) | undefined {
  const c = curveOf(rule);
  const scale = q(10 ** dp);
  const at: Rat[] = [];
  const pts: Rat[] = [];
  for (let i = 0; i < c.at.length; i++) {
    const a: Rat = { n: 0, d: 1 };
    const p: Rat = { n: 0, d: 1 };
    if (!ratOfQ(c.at[i] as Q, a) || !ratOfQ(mul(c.points[i] as Q, scale), p)) return undefined;
    at.push(a);
    pts.push(p);
  }
  const last = at.length - 1;
  const before = c.before;
  const after = c.after;
  const H: Rat = { n: 0, d: 1 };
  const set = (out: Rat, r: Rat): boolean => {
    out.n = r.n;
    out.d = r.d;
    return true;
  };
  /** p_i + (p_{i+1} − p_i) × (v − a_i) / (a_{i+1} − a_i) into out; false past the safe range. */
  const segment = (i: number, vn: number, vd: number, out: Rat): boolean => {
    const a0 = at[i] as Rat;
    const a1 = at[i + 1] as Rat;
    const p0 = pts[i] as Rat;
    const p1 = pts[i + 1] as Rat;
    if (!subRat(vn, vd, a0.n, a0.d, out) || !subRat(a1.n, a1.d, a0.n, a0.d, H)) return false;
    // (v − a_i) / (a_{i+1} − a_i): the span is above 0
    if (!mulRat(out.n, out.d, H.d, H.n, out)) return false;
    if (!subRat(p1.n, p1.d, p0.n, p0.d, H)) return false;
    if (!mulRat(out.n, out.d, H.n, H.d, out)) return false;
    return addRat(p0.n, p0.d, out.n, out.d, out);
  };
  const first = at[0] as Rat;
  const end = at[last] as Rat;
  const NONE: Rat = { n: 0, d: 1 };
  return (vn, vd, out) => {
    let i: number;
    if (cmpRat(vn, vd, first.n, first.d) < 0) {
      if (before === 'zero') return set(out, NONE);
      if (before === 'clamp') return set(out, pts[0] as Rat);
      i = 0;
    } else if (cmpRat(vn, vd, end.n, end.d) > 0) {
      if (after === 'zero') return set(out, NONE);
      if (after === 'clamp') return set(out, pts[last] as Rat);
      i = last - 1;
    } else {
      i = 0;
      while (i < last - 1 && cmpRat(vn, vd, (at[i + 1] as Rat).n, (at[i + 1] as Rat).d) > 0) i++;
    }
    return segment(i, vn, vd, out);
  };
}

// ---- Two editions compared ----

/** An edition's item bounds its base score: its floor (`min`, default 0; undefined: no floor,
 *  该项可负分) and its points (when constant; undefined: unbounded above). */
export interface CurveBounds {
  lo: Q | undefined;
  hi: Q | undefined;
}

const bounded = (x: Q, b: CurveBounds): Q =>
  b.lo && x.compare(b.lo) < 0 ? b.lo : b.hi && x.compare(b.hi) > 0 ? b.hi : x;

/** The score at x, and just below and just above it (an end declared `zero` jumps there). */
function around(c: Curve, b: CurveBounds, x: Q): [Q, Q, Q] {
  const at = pointsAt(c, x);
  const last = c.at.length - 1;
  const left = c.before === 'zero' && cmp(x, c.at[0] as Q) === 0 ? ZERO : at;
  const right = c.after === 'zero' && cmp(x, c.at[last] as Q) === 0 ? ZERO : at;
  return [bounded(left, b), bounded(at, b), bounded(right, b)];
}

/** Where a curve's lines (its segments, and its end segments where carried on) meet a bound:
 *  the bounded curve bends there. */
function bends(c: Curve, b: CurveBounds): Q[] {
  const out: Q[] = [];
  const last = c.at.length - 1;
  for (let i = 0; i < last; i++) {
    const [a0, a1, p0, p1] = [c.at[i], c.at[i + 1], c.points[i], c.points[i + 1]] as Q[] as [
      Q,
      Q,
      Q,
      Q,
    ];
    if (p1.equals(p0)) continue;
    const from = i === 0 && c.before === 'extend' ? undefined : a0;
    const to = i === last - 1 && c.after === 'extend' ? undefined : a1;
    for (const y of [b.lo, b.hi].filter((v): v is Q => v !== undefined)) {
      // a0 + (y − p0) × (a1 − a0) ÷ (p1 − p0)
      const x = add(a0, div(mul(sub(y, p0), sub(a1, a0)), sub(p1, p0)));
      if ((!from || x.compare(from) >= 0) && (!to || x.compare(to) <= 0)) out.push(x);
    }
  }
  return out;
}

/** The slope far beyond an end: 0 unless the end segment is carried on without a bound. */
const tailSlope = (c: Curve, b: CurveBounds, first: boolean): Q => {
  if ((first ? c.before : c.after) !== 'extend') return ZERO;
  const i = first ? 0 : c.at.length - 2;
  const slope = div(
    sub(c.points[i + 1] as Q, c.points[i] as Q),
    sub(c.at[i + 1] as Q, c.at[i] as Q),
  );
  // Carried on, a slope meets a bound (a bend, sampled) and is flat beyond: a rise keeps its
  // slope with no points to stop it, a fall with no floor to stop it (该项可负分).
  const rising = first ? slope.compare(0) < 0 : slope.compare(0) > 0;
  const falling = first ? slope.compare(0) > 0 : slope.compare(0) < 0;
  return (rising && !b.hi) || (falling && !b.lo) ? slope : ZERO;
};

/**
 * How edition b's scores stand to edition a's, over every value, each bounded by its item's floor
 * and points: `higher` (b never gives fewer points, somewhere more: 放宽), `lower` (收紧), `same`
 * (the same score for every value, however the breakpoints are written), or `mixed`. Decided
 * exactly: both bounded curves are linear between the union of their breakpoints and bends, so
 * their difference is known from its values there (each side of an end declared `zero`) and its
 * slope beyond the outermost.
 */
export function compareCurves(
  a: PiecewiseRule,
  b: PiecewiseRule,
  bounds: { a: CurveBounds; b: CurveBounds },
): 'higher' | 'lower' | 'same' | 'mixed' {
  const ca = curveOf(a);
  const cb = curveOf(b);
  const xs = [...ca.at, ...cb.at, ...bends(ca, bounds.a), ...bends(cb, bounds.b)];
  const signs = new Set<number>();
  const note = (d: Q): void => {
    const s = d.compare(0);
    if (s !== 0) signs.add(s);
  };
  for (const x of xs) {
    const [la, ma, ra] = around(ca, bounds.a, x);
    const [lb, mb, rb] = around(cb, bounds.b, x);
    note(sub(lb, la));
    note(sub(mb, ma));
    note(sub(rb, ra));
  }
  // Beyond the outermost sample the difference changes by its slope: below the first, a
  // higher slope of b means fewer points for b further down.
  note(sub(tailSlope(ca, bounds.a, true), tailSlope(cb, bounds.b, true)));
  note(sub(tailSlope(cb, bounds.b, false), tailSlope(ca, bounds.a, false)));
  if (signs.size === 0) return 'same';
  if (signs.size > 1) return 'mixed';
  return signs.has(1) ? 'higher' : 'lower';
}

// ---- Criteria text (the sheet's 考核内容及评分标准 when the document gives none) ----

const END_ZH: Record<PiecewiseEnd, (edge: string, pts: string, first: boolean) => string> = {
  clamp: (edge, pts, first) => `${first ? '低于' : '高于'}${edge}按${pts}分计`,
  zero: (edge, _pts, first) => `${first ? '低于' : '高于'}${edge}不得分`,
  extend: (edge, _pts, first) => `${first ? '低于' : '高于'}${edge}按端段比例延伸计分`,
};
const END_EN: Record<PiecewiseEnd, (edge: string, pts: string, first: boolean) => string> = {
  clamp: (edge, pts, first) => `${first ? 'below' : 'above'} ${edge}: ${pts}`,
  zero: (edge, _pts, first) => `${first ? 'below' : 'above'} ${edge}: none`,
  extend: (edge, _pts, first) => `${first ? 'below' : 'above'} ${edge}: the end segment carried on`,
};

/** 「按比例分段计分:80%得0分,90%得6分,100%得10分,之间按比例;低于80%不得分,高于100%按10分计」. */
export function piecewiseCriteria(rule: PiecewiseRule, unit: InputUnit | undefined): Msg {
  const c = curveOf(rule);
  const list = c.at.map((a, i) => ({
    at: showWithUnit(a, unit),
    pts: show(c.points[i] as Q),
  }));
  const first = list[0] as (typeof list)[number];
  const last = list[list.length - 1] as (typeof list)[number];
  return {
    zh: `按比例分段计分:${list.map((p) => `${p.at.zh}得${p.pts}分`).join(',')},之间按比例;${END_ZH[c.before](first.at.zh, first.pts, true)},${END_ZH[c.after](last.at.zh, last.pts, false)}`,
    en: `piecewise linear: ${list.map((p) => `${p.at.en} → ${p.pts}`).join(', ')}, linear between; ${END_EN[c.before](first.at.en, first.pts, true)}; ${END_EN[c.after](last.at.en, last.pts, false)}`,
  };
}

/** The breakpoints as the diff shows them: 「80%→0分、90%→6分、100%→10分;低于80%不得分」 (an
 *  end is said when it is not the default clamp). */
export function breakpointsText(rule: PiecewiseRule, unit: InputUnit | undefined): Msg {
  const c = curveOf(rule);
  const list = c.at.map((a, i) => ({ at: showWithUnit(a, unit), pts: show(c.points[i] as Q) }));
  const first = list[0] as (typeof list)[number];
  const last = list[list.length - 1] as (typeof list)[number];
  const ends = [
    ...(c.before === 'clamp' ? [] : [{ how: c.before, p: first, first: true }]),
    ...(c.after === 'clamp' ? [] : [{ how: c.after, p: last, first: false }]),
  ];
  return {
    zh:
      list.map((p) => `${p.at.zh}→${p.pts}分`).join('、') +
      ends.map((e) => `;${END_ZH[e.how](e.p.at.zh, e.p.pts, e.first)}`).join(''),
    en:
      list.map((p) => `${p.at.en} → ${p.pts}`).join(', ') +
      ends.map((e) => `; ${END_EN[e.how](e.p.at.en, e.p.pts, e.first)}`).join(''),
  };
}

/** The criteria a sheet shows for a piecewise item whose document gives none (undefined for
 *  any other item): the breakpoints in the value's unit. */
export function piecewiseItemCriteria(item: CIndicator): Msg | undefined {
  if (item.rule?.kind !== 'piecewise') return undefined;
  const value = item.operands.get('value');
  return piecewiseCriteria(item.rule, value?.input?.unit ?? value?.unit);
}
