// The clauses a certification checks, and which of them fail. A clause is every leaf item and
// every parent item with checks of its own (deductions or gates: 举报属实此项不记分; a rule on a
// parent is refused at validation, as its score is its sub-items' sum).
// A parent fails on its own when it is not met for a reason of its own — its gate fired, its
// deduction or missing evidence took points, or it falls short while every sub-item is met. A
// parent that falls short only because a sub-item did is not listed again: the sub-item is.
import { min as qmin, q, sum, ZERO } from '../exact/exact.ts';
import type { IndicatorResult, UnitResult } from '../model/result.ts';
import type { CompiledRuleSet } from '../score/compile.ts';
import type { FailingClause } from './types.ts';

const settled = (r: IndicatorResult): boolean =>
  r.status === 'met' || r.status === 'not-applicable';

function hasOwnChecks(rs: CompiledRuleSet, r: IndicatorResult): boolean {
  const item = rs.byPath.get(r.path);
  return (
    item !== undefined &&
    (item.rule !== undefined || item.streams.length > 0 || item.gates.length > 0)
  );
}

function failsOnItsOwn(r: IndicatorResult, children: readonly IndicatorResult[]): boolean {
  if (settled(r)) return false;
  if (children.every(settled)) return true;
  if (r.missingEvidence.length > 0) return true;
  if (r.status === 'gated' && !children.some((c) => c.status === 'gated')) return true;
  // Fewer points than the sub-items earned (capped at the parent's maximum): its own doing.
  const earned = qmin(q(r.max), sum(children.map((c) => (c.score === null ? ZERO : q(c.score)))));
  return r.score !== null && q(r.score).compare(earned) < 0;
}

export interface Clause {
  result: IndicatorResult;
  failing: boolean;
}

/** Every clause in document order, a parent before its sub-items. */
export function clausesOf(rs: CompiledRuleSet, result: UnitResult): Clause[] {
  const out: Clause[] = [];
  const walk = (r: IndicatorResult): void => {
    const children = r.children ?? [];
    if (children.length === 0) {
      out.push({ result: r, failing: !settled(r) });
      return;
    }
    if (hasOwnChecks(rs, r)) out.push({ result: r, failing: failsOnItsOwn(r, children) });
    children.forEach(walk);
  };
  result.sections.forEach((s) => s.items.forEach(walk));
  return out;
}

/**
 * The clauses that fail. `graded` (a certification with score cut-offs): the items are graded by
 * the total, so an item short of its points fails nothing by itself; what must hold is that every
 * item can be judged, no veto holds or waits, and no section is pending (the cut-off is checked
 * by the caller).
 */
export function failingClauses(
  rs: CompiledRuleSet,
  result: UnitResult,
  graded = false,
): FailingClause[] {
  const clauses = clausesOf(rs, result)
    .filter(
      (c) =>
        c.failing &&
        (!graded || c.result.status === 'missing-input' || c.result.status === 'cannot-compute'),
    )
    .map(({ result: i }) => ({
      path: i.path,
      title: i.title,
      status: i.status,
      // The item's own reason already says what is missing, what fired or by how much it falls short.
      reason: i.reason,
    }));
  const vetoes = result.sanctions
    .filter((s) => s.level === 'veto')
    .map((s) => ({
      path: `sanctions.${s.id}`,
      title: s.reason,
      status: 'vetoed' as const,
      reason: { zh: `一票否决:${s.reason.zh}`, en: `veto: ${s.reason.en}` },
    }));
  // A veto that cannot be decided is no pass: the certification waits for its figures.
  const undecided = rs.sanctions
    .filter(
      (s) =>
        s.sanction.level === 'veto' &&
        result.issues.some(
          (i) =>
            i.path === s.sanction.id &&
            (i.code === 'sanction-undecided' || i.code === 'cannot-compute'),
        ),
    )
    .map((s) => ({
      path: `sanctions.${s.sanction.id}`,
      title: s.reason,
      status: 'undecided' as const,
      reason: {
        zh: `一票否决条件「${s.reason.zh}」无法判定(缺少数据),待定`,
        en: `veto "${s.reason.en}" cannot be decided (data missing): pending`,
      },
    }));
  // A section whose clauses are not known yet is no pass either: nobody is certified on it.
  const pending = result.sections.flatMap((s) =>
    s.pending
      ? [
          {
            path: `sections.${s.code}`,
            title: s.title,
            status: 'undecided' as const,
            reason: {
              zh: `第${s.code}部分条款待定(${s.pending.zh}),无法认定`,
              en: `section ${s.code}: clauses pending (${s.pending.en}), cannot be certified`,
            },
          },
        ]
      : [],
  );
  return [...clauses, ...pending, ...vetoes, ...undecided];
}
