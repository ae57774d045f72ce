// The value in effect when a rule set leaves a field out, so that an edition compares by what
// scores a unit: a default written out is no change, a default changed is one. Enumerated
// defaults come from the schema itself; the numeric ones are those the scorer applies
// (score/base-rules.ts: yes = full points, no / otherwise = 0; an item's min = 0).
import { q, type Q } from '../exact/exact.ts';
import type { DecimalLiteral } from '../schema/common.ts';
import { Slope } from '../schema/rules.ts';
import { RuleSet, Section } from '../schema/ruleset.ts';

const GAP: Slope['gap'] = Slope.shape.gap.parse(undefined);
const NOT_APPLICABLE: Section['notApplicable'] = Section.shape.notApplicable.parse(undefined);
const EVIDENCE_POLICY: RuleSet['evidencePolicy'] = RuleSet.shape.evidencePolicy.parse(undefined);
/** Rank order when left out (schema/rules.ts RankRule: higher value ranks first). */
const RANK_ORDER = 'desc';

type Maybe<T> = T | undefined;

export const gapOf = (s: { gap?: Maybe<Slope['gap']> }): Slope['gap'] => s.gap ?? GAP;
export const notApplicableOf = (s: {
  notApplicable?: Maybe<Section['notApplicable']>;
}): Section['notApplicable'] => s.notApplicable ?? NOT_APPLICABLE;
export const evidencePolicyOf = (r: {
  evidencePolicy?: Maybe<RuleSet['evidencePolicy']>;
}): RuleSet['evidencePolicy'] => r.evidencePolicy ?? EVIDENCE_POLICY;
export const rankOrderOf = (r: { order?: Maybe<'asc' | 'desc'> }): 'asc' | 'desc' =>
  r.order ?? RANK_ORDER;

/** A points field whose default is 0 (yes/no "no", tiers and rank "otherwise", an item's min). */
export const orZero = (v: Maybe<DecimalLiteral>): Q => q(v ?? 0);

/** A yes/no rule's points for "yes": full points when left out; undefined when those are not a constant. */
export const yesPoints = (yes: Maybe<DecimalLiteral>, full: Q | undefined): Q | undefined =>
  yes === undefined ? full : q(yes);
