// Where a unit lost its points: the leaf items with the largest gap between maximum and score.
import { type IndicatorResult, type Msg, type Q, type UnitResult } from '@kaohe/engine';
import { cmp, fmt, q, sign, sub } from '@kaohe/engine/internal';

export interface Loss {
  path: string;
  title: Msg;
  /** Points lost, canonical decimal; the whole maximum when the item could not be scored. */
  lost: string;
  /** The item could not be computed (missing input): its points are not earned. */
  missing: boolean;
}

function leaves(items: readonly IndicatorResult[]): IndicatorResult[] {
  return items.flatMap((i) => (i.children?.length ? leaves(i.children) : [i]));
}

/** The `top` largest losses, largest first, then by path; items that lost nothing are left out. */
export function largestLosses(result: UnitResult, top: number): Loss[] {
  const losses: { loss: Loss; amount: Q }[] = [];
  for (const item of leaves(result.sections.flatMap((s) => s.items))) {
    if (item.status === 'not-applicable') continue;
    const missing = item.score === null;
    const amount = missing ? q(item.max) : sub(q(item.max), q(item.score ?? '0'));
    if (sign(amount) <= 0) continue;
    losses.push({
      loss: { path: item.path, title: item.title, lost: fmt(amount), missing },
      amount,
    });
  }
  losses.sort(
    (a, b) =>
      cmp(b.amount, a.amount) ||
      (a.loss.path < b.loss.path ? -1 : a.loss.path > b.loss.path ? 1 : 0),
  );
  return losses.slice(0, top).map((l) => l.loss);
}
