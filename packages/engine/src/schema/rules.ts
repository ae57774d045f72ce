import { z } from 'zod';
import { DecimalLiteral, Expr, Operand, StreamBase, Text } from './common.ts';
import { PiecewiseRule } from '../kinds/piecewise.ts';
import { PerRecordStream } from '../kinds/records-schema.ts';

/**
 * How a gap from a target turns into points.
 * `per`: size of one step in the value's own unit (1 = one percentage point for a % input);
 * `points`: points for one step; `steps`: each-started (any part of a step counts whole:
 * 0.8 below with per 1 is one step), each-full (only whole steps count), pro-rata (不足一个
 * 百分点的按比例); `gap`: absolute (百分点, in the value's unit) or relative (% of the target);
 * `cap`: at most this many points from this slope.
 */
export const Slope = z
  .object({
    per: DecimalLiteral,
    points: DecimalLiteral,
    steps: z.enum(['each-started', 'each-full', 'pro-rata']),
    gap: z.enum(['absolute', 'relative']).default('absolute'),
    cap: DecimalLiteral.optional(),
  })
  .strict();
export type Slope = z.infer<typeof Slope>;

export const Comparison = z.enum(['>=', '>', '<=', '<', '=']);
export type Comparison = z.infer<typeof Comparison>;

/** Floor (>=), ceiling (<=), exact (=) target; all or nothing unless `below` says how to deduct. */
const ThresholdRule = z
  .object({
    kind: z.literal('threshold'),
    value: Operand,
    op: Comparison,
    target: Operand,
    /** Deduction for each step on the failing side (每低1个百分点扣0.5分); absent: all or nothing. */
    below: Slope.optional(),
    /** Credit for each step beyond the target (asymmetric slopes), added on top of full points. */
    above: Slope.optional(),
  })
  .strict();

/** A value inside [low, high] (性别比 103–107); `outside` deducts per step of distance. */
const BandRule = z
  .object({
    kind: z.literal('band'),
    value: Operand,
    low: Operand,
    high: Operand,
    outside: Slope.optional(),
  })
  .strict();

/**
 * Reduction against the unit's own previous year. With `base`, only the part above it counts
 * (超出107的部分下降10%). The required reduction (in %) is chosen by where `previous` lies:
 * the first tier whose [from, to) holds it. Met when (value − base) ≤ (previous − base) × (1 − pct/100).
 */
const ReductionRule = z
  .object({
    kind: z.literal('reduction'),
    value: Operand,
    previous: Operand,
    base: Operand.optional(),
    required: z
      .array(
        z
          .object({
            from: DecimalLiteral.optional(),
            to: DecimalLiteral.optional(),
            pct: DecimalLiteral,
          })
          .strict(),
      )
      .min(1),
    /** Deduction per step of shortfall, in percentage points of reduction. */
    below: Slope.optional(),
  })
  .strict();

/**
 * Linear ramp: full points at `full` or better, zero at `zero` or worse, in proportion between.
 * `better` says which way is better (higher: a rate; lower: a birth rate). It may be left out when
 * both ends are constants (the direction is then the one from `zero` to `full`) and must agree
 * with them; with an end worked out per unit or cohort (peer_max(rate)) it is required.
 */
const RampRule = z
  .object({
    kind: z.literal('ramp'),
    value: Operand,
    full: Operand,
    zero: Operand,
    better: z.enum(['higher', 'lower']).optional(),
  })
  .strict();

/** Proportional credit (按比例记分): points × value ÷ target, capped at the item's points. */
const ProportionalRule = z
  .object({ kind: z.literal('proportional'), value: Operand, target: Operand })
  .strict();

const Tier = z.union([
  z
    .object({ op: Comparison, than: Operand, points: DecimalLiteral, label: Text.optional() })
    .strict(),
  z
    .object({
      equals: z.union([z.string(), z.boolean()]),
      points: DecimalLiteral,
      label: Text.optional(),
    })
    .strict(),
]);
/** Tiers / outcome ladder: the first tier that holds gives the points; else `otherwise` (default 0). */
const TiersRule = z
  .object({
    kind: z.literal('tiers'),
    value: Operand,
    tiers: z.array(Tier).min(1),
    otherwise: DecimalLiteral.optional(),
  })
  .strict();

/** A yes/no item (有/无). Evidence is required when the input declares `evidence: true`. */
const YesNoRule = z
  .object({
    kind: z.literal('yesno'),
    input: z.string(),
    yes: DecimalLiteral.optional(),
    no: DecimalLiteral.optional(),
  })
  .strict();

/** Rank points: by rank in the cohort (1st–5th: 60, 57, …) or in proportion to the leader. */
const RankRule = z
  .object({
    kind: z.literal('rank'),
    value: Operand,
    order: z.enum(['desc', 'asc']).default('desc'),
    points: z.union([z.array(DecimalLiteral).min(1), z.literal('proportional-to-leader')]),
    otherwise: DecimalLiteral.optional(),
  })
  .strict();

/** The long tail: a score given by an expression (linear composites, blends, corrections). */
const ExprRule = z.object({ kind: z.literal('expr'), score: Expr }).strict();

export const Rule = z.discriminatedUnion('kind', [
  ThresholdRule,
  BandRule,
  ReductionRule,
  RampRule,
  ProportionalRule,
  TiersRule,
  YesNoRule,
  RankRule,
  ExprRule,
  PiecewiseRule,
]);
export type Rule = z.infer<typeof Rule>;

/**
 * Further deduction (or credit) streams on one item, applied after the base rule.
 * per-case: `each` per case counted in `input` (超生1个扣1分); `schedule` gives the nth case's
 * amount explicitly (escalation: [0, 8, 10]) and `increment` adds to each case beyond it;
 * `zeroAt`: the nth case zeroes the item; `multiplied`: cases counted in that input weigh
 * × factor (found by a city-level inspection → × 2). `multiplied.cases` says how they are
 * counted: `extra` (absent: the default) — besides the cases in `input`, each costing
 * each × factor; `of-which` — among the cases in `input`, each costing each × factor in place of
 * each (so each × (factor − 1) more), and never more of them than there are cases.
 * state: an amount for each value of a choice/yes-no input (not built 1, built but failing 3).
 * expr: an amount given by an expression.
 * per-record: an amount for each case of a `cases` input (kinds/records-schema.ts).
 */
const PerCaseStream = z
  .object({
    kind: z.literal('per-case'),
    input: z.string(),
    each: DecimalLiteral,
    schedule: z.array(DecimalLiteral).optional(),
    increment: DecimalLiteral.optional(),
    zeroAt: z.number().int().min(1).optional(),
    multiplied: z
      .object({
        input: z.string(),
        factor: DecimalLiteral,
        cases: z.enum(['extra', 'of-which']).optional(),
      })
      .strict()
      .optional(),
    ...StreamBase,
  })
  .strict();
const StateStream = z
  .object({
    kind: z.literal('state'),
    input: z.string(),
    amounts: z.record(z.string(), DecimalLiteral),
    ...StreamBase,
  })
  .strict();
/**
 * A deadline (报送截止3月31日): a date input judged against `due` (a declared deadline's id or an
 * ISO date). On or before it: nothing. After it: `late` (a fixed amount) plus `perMonth` for each
 * month begun after the due date (from the next month, 从次月起), at most `maxMonths` months.
 * Blank: `missing` — an amount (未报送 −3), or 'missing-input' when the document says a blank
 * cannot be judged. A date that is not a real calendar date is never blank: not scored.
 */
const DeadlineStream = z
  .object({
    kind: z.literal('deadline'),
    input: z.string(),
    due: z.string(),
    late: DecimalLiteral.optional(),
    perMonth: DecimalLiteral.optional(),
    maxMonths: z.number().int().min(1).optional(),
    missing: z.union([DecimalLiteral, z.literal('missing-input')]),
    ...StreamBase,
  })
  .strict();
const ExprStream = z.object({ kind: z.literal('expr'), amount: Expr, ...StreamBase }).strict();

export const Stream = z.discriminatedUnion('kind', [
  PerCaseStream,
  StateStream,
  ExprStream,
  DeadlineStream,
  PerRecordStream,
]);
export type Stream = z.infer<typeof Stream>;

/** An event that zeroes an item (验收不合格不记分; 举报属实此项不记分). */
export const Gate = z.object({ when: Expr, reason: Text }).strict();
export type Gate = z.infer<typeof Gate>;
