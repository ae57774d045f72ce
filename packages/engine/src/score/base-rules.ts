// The typed rule kinds: each turns the unit's figures into a base score with its reason.
import { MissingValue, type ExprValue } from '../expr/types.ts';
import {
  ceil,
  cmp,
  div,
  floor,
  max as qmax,
  min as qmin,
  mul,
  q,
  round,
  sign,
  sub,
  ZERO,
  type Q,
} from '../exact/exact.ts';
import type { Adjustment, Msg } from '../model/result.ts';
import {
  show as showText,
  showStep as showStepMsg,
  showWithUnit as showWithUnitMsg,
  withUnit,
} from '../messages/format.ts';
import { msgOf } from '../messages/text.ts';
import type { Comparison } from '../schema/rules.ts';
import type { InputUnit } from '../schema/ruleset.ts';
import type { COperand, CIndicator, CompiledRuleSet, CSlope } from './compile.ts';
import type { UnitEnv } from './env.ts';
import * as R from './reasons.ts';
import { startsAtZero } from './bounds.ts';
import { piecewiseBase } from '../kinds/piecewise.ts';
import { operandValues, operandWords, withWords } from './operand-text.ts';

export interface BaseOutcome {
  base: Q;
  /** Upper clamp when the rule may exceed the item's points (credit above a target). */
  upper?: Q;
  notApplicable?: boolean;
  reason: Msg;
  adjustments: Adjustment[];
}

/** A rule needs something it cannot have here (the cohort, a sane value): not a bug. */
export class RuleProblem extends Error {
  constructor(readonly detail: Msg) {
    super(detail.en);
  }
}

const num = (v: ExprValue, where: string): Q => {
  if (typeof v === 'object') return v;
  throw new RuleProblem({
    zh: `${where} 应为数值,实为「${String(v)}」`,
    en: `${where} should be a number, not "${String(v)}"`,
  });
};

function operandValue(rs: CompiledRuleSet, op: COperand, env: UnitEnv): Q | MissingValue {
  if (op.constant) return op.constant;
  if (!op.expr) throw new Error(`operand ${op.path} did not compile`);
  const v = op.expr.evaluate(env);
  if (v instanceof MissingValue) return v;
  const value = num(v, op.path);
  return op.rate && rs.rateRounding ? round(value, rs.rateRounding) : value;
}

/** A ramp's direction: declared, or the one from its constant zero end to its full end. */
export function rampLowerIsBetter(item: CIndicator): boolean {
  const rule = item.rule;
  if (rule?.kind !== 'ramp') throw new Error(`${item.path} is not a ramp`);
  if (rule.better !== undefined) return rule.better === 'lower';
  const full = item.operands.get('full')?.constant;
  const zero = item.operands.get('zero')?.constant;
  if (!full || !zero) throw new Error(`${item.path}: ramp direction unknown after compile`);
  return full.compare(zero) < 0;
}

/** A base score as a reason says it: rounded as scores are, then shown. */
export const fmtScoreText = (rs: CompiledRuleSet, x: Q): string =>
  showText(round(x, rs.scoreRounding));
const QUIET: Msg = Object.freeze({ zh: '', en: '' });
const quietText = (): string => '';
const quietMsg = (): Msg => QUIET;

/** How many steps a gap makes, and the points for them. */
function applySlope(
  gap: Q,
  slope: CSlope,
  target: Q,
  strict: boolean,
): { amount: Q; proRata: boolean; relative?: Q } {
  if (slope.gap === 'relative' && target.n === 0n) {
    throw new RuleProblem({
      zh: '目标值为0,无法按目标的百分比计算差距',
      en: 'the target is 0: a gap relative to it cannot be computed',
    });
  }
  const g = slope.gap === 'relative' ? div(mul(gap, q(100)), target.abs()) : gap;
  const ratio = div(g, slope.per);
  let steps: Q;
  if (slope.steps === 'pro-rata') steps = ratio;
  else if (slope.steps === 'each-full') steps = floor(ratio);
  else steps = strict && g.n === 0n ? q(1) : ceil(ratio);
  const amount = mul(steps, slope.points);
  return {
    amount: slope.cap ? qmin(amount, slope.cap) : amount,
    proRata: slope.steps === 'pro-rata',
    ...(slope.gap === 'relative' ? { relative: g } : {}),
  };
}

const holds = (c: number, op: Comparison): boolean =>
  op === '>=' ? c >= 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : op === '<' ? c < 0 : c === 0;

/** A date that misses its requirement: 晚于 the deadline, not 高于 it. */
const DATE_FAIL_WORD: Record<Comparison, Msg> = {
  '>=': { zh: '早于', en: 'is before' },
  '>': { zh: '未晚于', en: 'is not after' },
  '<=': { zh: '晚于', en: 'is after' },
  '<': { zh: '未早于', en: 'is not before' },
  '=': { zh: '不是', en: 'is not' },
};

const FAIL_WORD: Record<Comparison, Msg> = {
  '>=': { zh: '低于', en: 'is below' },
  '>': { zh: '未高于', en: 'is not above' },
  '<=': { zh: '高于', en: 'is above' },
  '<': { zh: '未低于', en: 'is not below' },
  '=': { zh: '不等于', en: 'differs from' },
};

/** How an item's figures are shown, worked out once per compiled item (it depends on the item
 *  alone): the unit — the value's, else the first operand whose unit is known (a derived value
 *  compared with a target in % is in %) — and the label of its value. */
const SHOWN_AS = new WeakMap<CIndicator, { unit: InputUnit | undefined; label: Msg }>();
function shownAs(item: CIndicator): { unit: InputUnit | undefined; label: Msg } {
  const known = SHOWN_AS.get(item);
  if (known) return known;
  const valueOp = item.operands.get('value');
  const unit: InputUnit | undefined = [
    valueOp,
    ...['target', 'low', 'high', 'full', 'zero', 'previous'].map((k) => item.operands.get(k)),
  ]
    .map((o) => o?.input?.unit ?? o?.unit)
    .find((u) => u !== undefined);
  const label: Msg = valueOp?.input ? msgOf(valueOp.input.label) : item.title;
  const made = { unit, label };
  SHOWN_AS.set(item, made);
  return made;
}

/** How an item's figures read in its reason: its label, its unit, each operand with what it
 *  is. Both routes word a reason through it: the exact evaluation below (figures as Q, shown
 *  by show) and the kernels' renderers (figures as a trace's rationals, shown by showRat). */
export interface ItemWords {
  label: Msg;
  unit: InputUnit | undefined;
  /** A figure's text (show's) with the item's unit. */
  shown(text: string): Msg;
  /** An operand's text with the unit and, unless it is a number or the item's own input, what
   *  it is: 92.07%(各单位比率平均值). */
  op(key: string, text: string): Msg;
}

const ITEM_WORDS = new WeakMap<CIndicator, ItemWords>();
export function itemWords(item: CIndicator): ItemWords {
  const known = ITEM_WORDS.get(item);
  if (known) return known;
  const { unit, label } = shownAs(item);
  /** By operand: what it is, and its words for the text last asked (a constant target is the
   *  same text, often the same string, unit after unit; words are values, never changed). */
  const ops = new Map<string, { words: Msg | undefined; text: string; said: Msg | undefined }>();
  const made: ItemWords = {
    label,
    unit,
    shown: (text) => withUnit(text, unit),
    op: (key, text) => {
      let o = ops.get(key);
      if (o === undefined) {
        const operand = item.operands.get(key);
        const words =
          !operand || (key === 'value' && operand.input) ? undefined : operandWords(operand);
        ops.set(key, (o = { words, text, said: undefined }));
      } else if (o.said !== undefined && o.text === text) return o.said;
      o.text = text;
      o.said = withWords(withUnit(text, unit), o.words);
      return o.said;
    },
  };
  ITEM_WORDS.set(item, made);
  return made;
}

/** A slope's adjustment: `amount` the score it makes (fmtScore's text), `signed` the adjustment
 *  as listed (show(round(±amount))), `relative` a relative gap in % of the target. */
export function slopeAdjustment(
  direction: Parameters<typeof R.slopeText>[0],
  slope: CSlope,
  unit: InputUnit | undefined,
  amount: string,
  signed: string,
  relative: string | undefined,
  /** The value is a date: steps are days earlier or later (每晚1天). */
  dates = false,
): Adjustment {
  let said = SLOPE_TEXTS.get(slope);
  if (!said) {
    said = { per: showText(slope.per), points: showText(slope.points), steps: new Map() };
    SLOPE_TEXTS.set(slope, said);
  }
  let step = said.steps.get(unit);
  if (!step) said.steps.set(unit, (step = showStepMsg(slope.per, unit)));
  return {
    amount: signed,
    reason: R.slopeText(
      direction,
      step,
      said.points,
      amount,
      slope.steps === 'pro-rata',
      relative === undefined ? undefined : { per: said.per, gap: relative },
      dates,
    ),
    inputs: {},
  };
}

/** A slope's own figures as its reasons show them, worked out once per compiled slope. */
const SLOPE_TEXTS = new WeakMap<
  CSlope,
  { per: string; points: string; steps: Map<InputUnit | undefined, Msg> }
>();

/** A threshold's reason: met (达到…的要求), or missed, all or nothing unless a slope deducts. */
export function thresholdReason(
  w: ItemWords,
  op: Comparison,
  value: Msg,
  target: Msg,
  met: boolean,
  sloped: boolean,
  /** The value is a date: 早于 / 晚于 the deadline, not 低于 / 高于 it. */
  dates = false,
): Msg {
  if (met) return R.thresholdMet(w.label, value, op, target, dates);
  const fail = (dates ? DATE_FAIL_WORD : FAIL_WORD)[op];
  const missed: Msg = {
    zh: `${w.label.zh} ${value.zh},${fail.zh} ${target.zh}`,
    en: `${w.label.en} ${value.en} ${fail.en} ${target.en}`,
  };
  return sloped ? missed : allOrNothing(missed);
}

/** A threshold's slope direction when it is missed. */
export const missedDirection = (op: Comparison): 'below' | 'outside' | 'over' =>
  op === '>=' || op === '>' ? 'below' : op === '=' ? 'outside' : 'over';

const allOrNothing = (reason: Msg): Msg => ({
  zh: `${reason.zh},${R.allOrNothing.zh}`,
  en: `${reason.en}: ${R.allOrNothing.en}`,
});

/** A band's reason: inside, or outside (all or nothing unless a slope deducts). */
export function bandReason(
  w: ItemWords,
  value: Msg,
  low: Msg,
  high: Msg,
  inside: boolean,
  sloped: boolean,
): Msg {
  const reason = R.bandText(w.label, value, low, high, inside);
  return inside || sloped ? reason : allOrNothing(reason);
}

export function evaluateBase(
  rs: CompiledRuleSet,
  item: CIndicator,
  env: UnitEnv,
  points: Q,
  reasons = true,
): BaseOutcome | MissingValue {
  // Without reasons (the cohort path asks for score and status only), no figure is formatted:
  // the same decisions, the words left empty.
  const show: (x: Q) => string = reasons ? showText : quietText;
  const showWithUnit: (x: Q, unit: InputUnit | undefined) => Msg = reasons
    ? showWithUnitMsg
    : quietMsg;
  const fmtScore: (rs: CompiledRuleSet, x: Q) => string = reasons ? fmtScoreText : quietText;
  const rule = item.rule;
  if (!rule)
    return startsAtZero(item)
      ? { base: ZERO, reason: R.startsAtZero, adjustments: [] }
      : { base: points, reason: R.fullMarks(show(points)), adjustments: [] };
  const op = (key: string): COperand => {
    const o = item.operands.get(key);
    if (!o) throw new Error(`${item.path}: operand ${key} missing after compile`);
    return o;
  };
  /** An operand's value; a MissingValue, when it is blank, is the rule's outcome at once. */
  const val = (key: string): Q | MissingValue => operandValue(rs, op(key), env);
  const { unit, label } = shownAs(item);
  const shown = (x: Q) => showWithUnit(x, unit);
  /** An operand's value and, unless it is a number or the item's own input, what it is. */
  const shownOp = (key: string, x: Q): Msg => {
    const o = op(key);
    if (!reasons) return QUIET;
    return withWords(shown(x), key === 'value' && o.input ? undefined : operandWords(o));
  };
  const slope = (key: string): CSlope | undefined => item.slopes.get(key);
  const w = itemWords(item);
  /** A slope's adjustment of `amount` points, a deduction when `deduct`. */
  const slope1 = (
    direction: Parameters<typeof R.slopeText>[0],
    s: CSlope,
    u: InputUnit | undefined,
    amount: Q,
    deduct: boolean,
    relative: Q | undefined,
    dates = false,
  ): Adjustment =>
    reasons
      ? slopeAdjustment(
          direction,
          s,
          u,
          fmtScore(rs, amount),
          show(round(deduct ? amount.neg() : amount, rs.scoreRounding)),
          relative === undefined ? undefined : show(relative),
          dates,
        )
      : { amount: '', reason: QUIET, inputs: {} };

  switch (rule.kind) {
    case 'threshold': {
      const dates = unit === 'date';
      const v = val('value');
      if (v instanceof MissingValue) return v;
      const t = val('target');
      if (t instanceof MissingValue) return t;
      const c = cmp(v, t);
      const [sv, st] = [shownOp('value', v), shownOp('target', t)];
      if (holds(c, rule.op)) {
        const above = slope('above');
        const gap = rule.op === '<=' || rule.op === '<' ? sub(t, v) : sub(v, t);
        const reason = reasons ? thresholdReason(w, rule.op, sv, st, true, false, dates) : QUIET;
        if (above && sign(gap) > 0) {
          const { amount, relative } = applySlope(gap, above, t, false);
          return {
            base: points.add(amount),
            upper: points.add(amount),
            reason,
            adjustments:
              amount.n === 0n ? [] : [slope1('above', above, unit, amount, false, relative, dates)],
          };
        }
        return { base: points, reason, adjustments: [] };
      }
      const below = slope('below');
      const reason = reasons ? thresholdReason(w, rule.op, sv, st, false, !!below, dates) : QUIET;
      if (!below) return { base: ZERO, reason, adjustments: [] };
      const gap = sub(t, v).abs();
      const { amount, relative } = applySlope(gap, below, t, rule.op === '>' || rule.op === '<');
      return {
        base: sub(points, amount),
        reason,
        adjustments: [slope1(missedDirection(rule.op), below, unit, amount, true, relative, dates)],
      };
    }
    case 'band': {
      const v = val('value');
      if (v instanceof MissingValue) return v;
      const low = val('low');
      if (low instanceof MissingValue) return low;
      const high = val('high');
      if (high instanceof MissingValue) return high;
      const inside = cmp(v, low) >= 0 && cmp(v, high) <= 0;
      const outside = slope('outside');
      const reason = reasons
        ? bandReason(
            w,
            shownOp('value', v),
            shownOp('low', low),
            shownOp('high', high),
            inside,
            !!outside,
          )
        : QUIET;
      if (inside) return { base: points, reason, adjustments: [] };
      if (!outside) return { base: ZERO, reason, adjustments: [] };
      const edge = cmp(v, low) < 0 ? low : high;
      const { amount, relative } = applySlope(sub(edge, v).abs(), outside, edge, false);
      return {
        base: sub(points, amount),
        reason,
        adjustments: [slope1('outside', outside, unit, amount, true, relative)],
      };
    }
    case 'reduction': {
      const v = val('value');
      if (v instanceof MissingValue) return v;
      const prev = val('previous');
      if (prev instanceof MissingValue) return prev;
      const base = item.operands.has('base') ? val('base') : ZERO;
      if (base instanceof MissingValue) return base;
      const tier = rule.required.find(
        (t) =>
          (t.from === undefined || cmp(prev, q(t.from)) >= 0) &&
          (t.to === undefined || cmp(prev, q(t.to)) < 0),
      );
      const excess = sub(prev, base);
      if (!tier || sign(excess) <= 0)
        return {
          base: ZERO,
          notApplicable: true,
          reason: R.noReductionTier(shown(prev)),
          adjustments: [],
        };
      const pct = q(tier.pct);
      const achieved = div(mul(sub(prev, v), q(100)), excess);
      const met = cmp(achieved, pct) >= 0;
      const reason = R.reductionText(
        label,
        shownOp('value', v),
        shownOp('previous', prev),
        show(achieved),
        show(pct),
        met,
      );
      if (met) return { base: points, reason, adjustments: [] };
      const below = slope('below');
      if (!below) return { base: ZERO, reason, adjustments: [] };
      const { amount, relative } = applySlope(sub(pct, achieved), below, pct, false);
      return {
        base: sub(points, amount),
        reason,
        adjustments: [slope1('short', below, '%', amount, true, relative)],
      };
    }
    case 'ramp': {
      const v = val('value');
      if (v instanceof MissingValue) return v;
      const full = val('full');
      if (full instanceof MissingValue) return full;
      const zero = val('zero');
      if (zero instanceof MissingValue) return zero;
      // The direction is declared (or fixed by constant ends), never read from this unit's ends.
      const lowerIsBetter = rampLowerIsBetter(item);
      let base: Q;
      // At or beyond the zero point scores 0, checked first: ends that the figures put the wrong
      // way round (the best unit still beyond the zero point) give 0, never full points.
      if (lowerIsBetter ? cmp(v, zero) >= 0 : cmp(v, zero) <= 0) base = ZERO;
      else if (lowerIsBetter ? cmp(v, full) <= 0 : cmp(v, full) >= 0) base = points;
      else base = div(mul(points, sub(zero, v)), sub(zero, full));
      return {
        base,
        reason: R.rampText(
          label,
          shownOp('value', v),
          shownOp('full', full),
          shownOp('zero', zero),
          fmtScore(rs, base),
        ),
        adjustments: [],
      };
    }
    case 'proportional': {
      const v = val('value');
      if (v instanceof MissingValue) return v;
      const t = val('target');
      if (t instanceof MissingValue) return t;
      if (sign(t) <= 0)
        throw new RuleProblem({
          zh: `${label.zh}的目标值 ${showText(t)} 不大于0`,
          en: `${label.en}: target ${showText(t)} is not above 0`,
        });
      const base = qmax(ZERO, qmin(points, div(mul(points, v), t)));
      return {
        base,
        reason: R.proportionalText(
          label,
          shownOp('value', v),
          shownOp('target', t),
          fmtScore(rs, base),
        ),
        adjustments: [],
      };
    }
    case 'tiers': {
      const o = op('value');
      const evaluated: ExprValue | MissingValue =
        o.constant ?? (o.expr ? o.expr.evaluate(env) : ZERO);
      if (evaluated instanceof MissingValue) return evaluated;
      // A derived rate is rounded before comparison, as operandValue does; choices compare as given.
      const raw: ExprValue =
        typeof evaluated === 'object' && o.rate && rs.rateRounding
          ? round(evaluated, rs.rateRounding)
          : evaluated;
      // A choice is shown by its label (有效果), never its id (effective).
      const choice =
        typeof raw === 'string' ? o.input?.choices?.find((c) => c.value === raw) : undefined;
      const valueText =
        typeof raw === 'object'
          ? shownOp('value', raw)
          : choice
            ? msgOf(choice.label)
            : { zh: String(raw), en: String(raw) };
      for (const [i, tier] of rule.tiers.entries()) {
        let ok: boolean;
        if ('equals' in tier) ok = raw === tier.equals;
        else {
          const than = item.operands.get(`tier${i}`);
          const t = than
            ? operandValue(rs, than, env)
            : q(typeof tier.than === 'number' ? tier.than : tier.than);
          if (t instanceof MissingValue) return t;
          ok = holds(cmp(num(raw, o.path), t), tier.op);
        }
        if (ok) {
          const base = q(tier.points);
          return {
            base,
            reason: R.tierText(
              label,
              valueText,
              tier.label ? msgOf(tier.label) : undefined,
              show(base),
            ),
            adjustments: [],
          };
        }
      }
      const base = rule.otherwise === undefined ? ZERO : q(rule.otherwise);
      return { base, reason: R.tierText(label, valueText, undefined, show(base)), adjustments: [] };
    }
    case 'yesno': {
      const v = env.ident(rule.input);
      if (v instanceof MissingValue) return v;
      if (typeof v !== 'boolean')
        throw new RuleProblem({
          zh: `「${rule.input}」应为是/否`,
          en: `"${rule.input}" should be yes or no`,
        });
      const def = rs.inputs.get(rule.input);
      const base = v
        ? rule.yes === undefined
          ? points
          : q(rule.yes)
        : rule.no === undefined
          ? ZERO
          : q(rule.no);
      return {
        base,
        reason: R.yesNoText(def ? msgOf(def.label) : item.title, v, show(base)),
        adjustments: [],
      };
    }
    case 'rank': {
      const place = env.ctx.peers?.rank(item.path, env.unit.id);
      if (!env.ctx.peers) throw new RuleProblem(R.cohortNeeded);
      if (!place) {
        const blank = val('value'); // a blank value surfaces as missing input
        if (blank instanceof MissingValue) return blank;
        throw new RuleProblem(R.cohortNeeded);
      }
      let base: Q;
      if (rule.points === 'proportional-to-leader') {
        const v = val('value');
        if (v instanceof MissingValue) return v;
        // value ÷ leader × points, or leader ÷ value × points when lower is better.
        const [num, den] = rule.order === 'desc' ? [v, place.leader] : [place.leader, v];
        base = den.n === 0n ? points : div(mul(points, num), den);
        base = qmin(points, qmax(ZERO, base));
        const ratio =
          den.n === 0n ? undefined : { num: show(num), den: show(den), points: show(points) };
        return {
          base,
          reason: R.leaderText(
            label,
            shownOp('value', v),
            shown(place.leader),
            ratio,
            fmtScore(rs, base),
          ),
          adjustments: [],
        };
      } else {
        const p = rule.points[place.rank - 1];
        base = p === undefined ? (rule.otherwise === undefined ? ZERO : q(rule.otherwise)) : q(p);
      }
      return {
        base,
        reason: R.rankText(place.rank, place.count, fmtScore(rs, base)),
        adjustments: [],
      };
    }
    case 'piecewise': {
      const v = val('value');
      if (v instanceof MissingValue) return v;
      const shownValue = reasons
        ? { label, value: shownOp('value', v), unit, score: (x: Q) => fmtScore(rs, x) }
        : undefined;
      return { ...piecewiseBase(rule, v, shownValue), adjustments: [] };
    }
    case 'expr': {
      const base = val('score');
      if (base instanceof MissingValue) return base;
      const formula = op('score');
      const words = formula.words ?? { zh: rule.score, en: rule.score };
      const operands = formula.expr && reasons ? operandValues(rs, formula.expr, env) : [];
      return { base, reason: R.exprText(words, operands, fmtScore(rs, base)), adjustments: [] };
    }
  }
}
