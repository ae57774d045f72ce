// Open bounds, where an item without a rule starts, and what it keeps without evidence, as two
// editions differ on them: "不设上限" / "cap removed", "不设下限(该项可负分)" / "floor removed".
import { q } from '../exact/exact.ts';
import type { Msg } from '../model/result.ts';
import type { Indicator, RuleSet } from '../schema/ruleset.ts';
import { evidencePolicyOf, orZero } from './effective.ts';
import { change, numChange, points, type Where } from './text.ts';
import type { Change } from './types.ts';

type Policy = NonNullable<Indicator['evidencePolicy']>;

/** The rule sets' own evidence policies, for an item that declares none of its own. */
export interface EvidenceDefaults {
  a: RuleSet['evidencePolicy'];
  b: RuleSet['evidencePolicy'];
}
export const evidenceDefaults = (a: RuleSet, b: RuleSet): EvidenceDefaults => ({
  a: evidencePolicyOf(a),
  b: evidencePolicyOf(b),
});

const policyText = (p: Policy): Msg =>
  p === 'zero'
    ? { zh: '不得分', en: 'no points' }
    : p === 'flag'
      ? { zh: '保留得分并标记', en: 'keeps its score, flagged' }
      : { zh: `最多保留${String(p.keep)}分`, en: `keeps at most ${String(p.keep)}` };
/** How much a policy leaves, for the direction: none < some < all. */
const generosity = (p: Policy): number => (p === 'zero' ? 0 : p === 'flag' ? 2 : 1);

const floorOf = (i: Indicator): string | number | undefined =>
  i.min === 'none' ? undefined : i.min;

export function compareBounds(
  where: Where,
  a: Indicator,
  b: Indicator,
  evidence: EvidenceDefaults | undefined,
): Change[] {
  const out: (Change | undefined)[] = [];
  // The maximum: uncapped (加分不设上限) or a number; a number to a number is the points line.
  const [ua, ub] = [a.points === 'uncapped', b.points === 'uncapped'];
  if (ua !== ub) {
    const cap = ua ? b.points : a.points;
    const shown = cap === null || cap === 'uncapped' ? undefined : points(q(cap));
    out.push(
      change(
        'points',
        where,
        ub
          ? {
              zh: `取消上限${shown ? `(原${shown.zh})` : ''},不设上限`,
              en: `cap removed${shown ? ` (was ${shown.en})` : ''}: uncapped`,
            }
          : {
              zh: `新设上限${shown ? shown.zh : ''}(原不设上限)`,
              en: `capped${shown ? ` at ${shown.en}` : ''} (was uncapped)`,
            },
        ub ? 'loosened' : 'tightened',
      ),
    );
  }
  // The floor: a number (default 0), or none at all (该项可负分). A lower floor tightens.
  const [na, nb] = [a.min === 'none', b.min === 'none'];
  if (na !== nb) {
    const floor = points(orZero(floorOf(na ? b : a)));
    out.push(
      change(
        'points',
        where,
        nb
          ? {
              zh: `取消最低得分(原${floor.zh}),不设下限(该项可负分)`,
              en: `floor removed (was ${floor.en}): no floor, the item may go negative`,
            }
          : {
              zh: `新设最低得分${floor.zh}(原不设下限)`,
              en: `floor set at ${floor.en} (was none)`,
            },
        nb ? 'tightened' : 'loosened',
      ),
    );
  } else if (!na)
    out.push(
      numChange(
        'points',
        where,
        { zh: '最低得分', en: 'lowest score' },
        orZero(floorOf(a)),
        orZero(floorOf(b)),
        'higher-loosens',
        points,
      ),
    );
  // Where an item without a rule starts: full points (the default) or 0.
  const [sa, sb] = [a.start ?? 'full', b.start ?? 'full'];
  if (!a.rule && !b.rule && sa !== sb)
    out.push(
      change(
        'rule',
        where,
        sb === 'zero'
          ? { zh: '改为从0分起算,按件累计加分', en: 'now starts at 0, credits accruing' }
          : { zh: '改为从满分起算', en: 'now starts at full points' },
        sb === 'zero' ? 'tightened' : 'loosened',
        sa,
        sb,
      ),
    );
  // What the item keeps without evidence: said when the item's own declaration changes.
  if (JSON.stringify(a.evidencePolicy) !== JSON.stringify(b.evidencePolicy)) {
    const pa: Policy = a.evidencePolicy ?? evidence?.a ?? 'zero';
    const pb: Policy = b.evidencePolicy ?? evidence?.b ?? 'zero';
    const [ta, tb] = [policyText(pa), policyText(pb)];
    const keepBoth = typeof pa === 'object' && typeof pb === 'object';
    const dir = keepBoth ? q(pb.keep).compare(q(pa.keep)) : generosity(pb) - generosity(pa);
    if (ta.zh !== tb.zh)
      out.push(
        change(
          'rule',
          where,
          {
            zh: `缺少佐证材料时由「${ta.zh}」改为「${tb.zh}」`,
            en: `without evidence: from "${ta.en}" to "${tb.en}"`,
          },
          dir > 0 ? 'loosened' : dir < 0 ? 'tightened' : undefined,
        ),
      );
  }
  return out.filter((c): c is Change => c !== undefined);
}

/** The bonus total's cap as a number; 'none' (said: 不设上限) and absent (unsaid) alike none. */
export const bonusCapOf = (bonus: NonNullable<RuleSet['bonus']>): string | number | undefined =>
  bonus.cap === 'none' ? undefined : bonus.cap;
