// The decisions about an item's bounds that more than one evaluator takes: where an item
// without a rule starts, what a gate leaves, what missing evidence leaves. The exact path
// (score-unit.ts) and the integer kernels (fast/) read these, never a copy of them.
import { min as qmin, sign, ZERO, type Q } from '../exact/exact.ts';
import type { CIndicator, EvidenceRule } from './compile.ts';
import type { IndicatorStatus } from '../model/result.ts';

/** An item's status from its score and its points (both in the same scale): met at its points,
 *  not met at 0 or below (when it has points to lose), partly met between. An uncapped item (不设
 *  上限) has no points to reach: met above 0. (Before gates, zeroing and evidence.) */
export const scoredStatus = (score: number, points: number, uncapped = false): IndicatorStatus =>
  uncapped
    ? score > 0
      ? 'met'
      : 'not-met'
    : score >= points
      ? 'met'
      : score <= 0 && points > 0
        ? 'not-met'
        : 'partly-met';

/** An item without a rule starts from 0 (`start: 'zero'`: credits accrue), else full points. */
export const startsAtZero = (item: Pick<CIndicator, 'start'>): boolean => item.start === 'zero';

/** A gated item scores 0, or its score when that is below 0 and the item may go negative
 *  (a negative `min`, or no floor at all). */
export const gatedScore = (item: Pick<CIndicator, 'min'>, score: Q): Q =>
  item.min === undefined || sign(item.min) < 0 ? qmin(score, ZERO) : ZERO;

/** The score an item keeps when evidence it needs is missing: none (`zero`: at most 0), all
 *  (`flag`), or at most `keep` points. */
export const scoreWithoutEvidence = (rule: EvidenceRule, score: Q): Q =>
  rule.policy === 'zero'
    ? qmin(score, ZERO)
    : rule.policy === 'keep'
      ? qmin(score, rule.keep)
      : score;
