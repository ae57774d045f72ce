// Sanctions on the ranking or the grade (the bottom five of a class are interviewed; units graded
// 不合格 are named in a notice): decided once the cohort is ranked and graded, by scoreCohort and
// rankCohort alike. Interview and notice only, so they change neither the ranking nor the grades.
// Counters that read them (the bottom five this year) are decided here too, before the
// sanctions that read those counters (three years in a row in the bottom five).
import { q } from '../exact/exact.ts';
import type { ScoreContext } from '../model/context.ts';
import { GRADE_PENDING } from '../grades/assign.ts';
import type {
  CarriedResult,
  CounterResult,
  Issue,
  Msg,
  SanctionResult,
  UnitInput,
  UnitResult,
} from '../model/result.ts';
import type { CompiledRuleSet } from '../score/compile.ts';
import type { Standing } from '../score/env.ts';
import { createUnitScorer, decideSanctions, whyUndecided } from '../score/score-unit.ts';
import { carriedOf } from '../carry/carry.ts';

/** What a standing is read from: a ranked unit of either cohort path (CohortUnit, RankedUnit). */
export interface StandingRow {
  rank: number;
  complete: boolean;
  /** Band id; null when out of the grades (or no grades). */
  grade: string | null;
  /** 待定 (GRADE_PENDING) while the grade is pending. */
  gradeLabel: Msg | null;
}

/** Each row's standing, rows in ranking order (ranks never fall); `classOf(i)` the class of row
 *  i. From the bottom: 1 + the units ranked below (units tied share it); within a class, the
 *  class's own ranks, with the ranking's ties (shared 1, 1, 3 or dense 1, 1, 2). */
export function standings(
  rows: readonly StandingRow[],
  classOf: (i: number) => string | undefined,
  ties: 'shared' | 'dense',
): Standing[] {
  const provisional = rows.some((r) => !r.complete);
  const out: Standing[] = rows.map((r) => ({
    rank: r.rank,
    fromBottom: 0,
    grade: r.gradeLabel === GRADE_PENDING ? undefined : r.grade,
    provisional,
    size: rows.length,
  }));
  const fromBottom = (members: readonly number[], set: (s: Standing, v: number) => void) => {
    let below = 0;
    for (let end = members.length; end > 0;) {
      let start = end - 1;
      const rank = (rows[members[start] as number] as StandingRow).rank;
      while (start > 0 && (rows[members[start - 1] as number] as StandingRow).rank === rank)
        start--;
      for (let k = start; k < end; k++) set(out[members[k] as number] as Standing, below + 1);
      below += end - start;
      end = start;
    }
  };
  fromBottom(
    rows.map((_, i) => i),
    (s, v) => (s.fromBottom = v),
  );
  const byClass = new Map<string, number[]>();
  rows.forEach((_, i) => {
    const cls = classOf(i);
    if (cls !== undefined) (byClass.get(cls) ?? byClass.set(cls, []).get(cls))?.push(i);
  });
  for (const members of byClass.values()) {
    let prevRank = 0;
    let classRank = 0;
    members.forEach((i, k) => {
      const rank = (rows[i] as StandingRow).rank;
      if (k === 0 || rank !== prevRank) classRank = ties === 'dense' ? classRank + 1 : k + 1;
      prevRank = rank;
      (out[i] as Standing).classRank = classRank;
    });
    fromBottom(members, (s, v) => (s.classFromBottom = v));
    for (const i of members) (out[i] as Standing).classSize = members.length;
  }
  return out;
}

export interface CohortSanctionOutcome {
  held: SanctionResult[];
  /** The counters on the ranking or the grade (bottom five this year), decided from the
   *  standing, by counter id; the other counters are scoreUnit's own. */
  counters: ReadonlyMap<string, CounterResult>;
  /** The points these sanctions carry into other schemes (pending where undecided). */
  carried: CarriedResult[];
  /** Problems of these sanctions and counters only (undecided, not true or false, cannot be
   *  computed). */
  issues: Issue[];
}

/** A unit's result with the cohort's decision in: the sanctions that hold added, the counters on
 *  the standing replaced, and their "decided after ranking" notes from scoring alone given way. */
export function withCohortOutcome(
  rs: CompiledRuleSet,
  result: UnitResult,
  out: CohortSanctionOutcome,
): UnitResult {
  const paths = cohortPaths(rs);
  const cohort = new Set(rs.cohortSanctions.map((s) => s.sanction.id));
  return {
    ...result,
    sanctions: [...result.sanctions, ...out.held],
    counters: result.counters.map((c) => out.counters.get(c.id) ?? c),
    ...(result.carried
      ? {
          carried: [
            ...result.carried.filter((c) => !cohort.has(c.from.sanctionId)),
            ...out.carried,
          ],
        }
      : {}),
    issues: [
      ...result.issues.filter(
        (x) =>
          !(
            (x.code === 'sanction-undecided' || x.code === 'counter-undecided') &&
            paths.has(x.path)
          ),
      ),
      ...out.issues,
    ],
  };
}

/** Issue paths of the sanctions and counters on the standing. */
const cohortPaths = (rs: CompiledRuleSet): Set<string> =>
  new Set([
    ...rs.cohortSanctions.map((s) => s.sanction.id),
    ...rs.counters.filter((c) => c.cohort).map((c) => `counters.${c.counter.id}`),
  ]);

/** The sanctions (and counters) on the ranking or the grade for one unit, from its standing. */
export function decideCohortSanctions(
  rs: CompiledRuleSet,
  unit: UnitInput,
  ctx: ScoreContext,
  standing: Standing,
  total: string | undefined,
): CohortSanctionOutcome {
  const scorer = createUnitScorer(rs, unit, ctx, { reasons: false });
  scorer.env.standing = standing;
  const paths = cohortPaths(rs);
  const { held, undecided } = decideSanctions(
    rs,
    scorer.env,
    total === undefined ? undefined : q(total),
    rs.cohortSanctions,
  );
  const carried = rs.carries
    ? carriedOf(
        rs,
        scorer.env,
        rs.cohortSanctions,
        new Set(held.map((h) => h.id)),
        whyUndecided(scorer.env, undecided),
      )
    : [];
  const counters = new Map(
    [...(scorer.env.counters?.values() ?? [])]
      .filter((c) => paths.has(`counters.${c.id}`))
      .map((c) => [c.id, c] as const),
  );
  return {
    held,
    counters,
    carried,
    issues: scorer.env.issues.filter(
      (i) => paths.has(i.path) || (i.path.endsWith('.carries') && paths.has(i.path.slice(0, -8))),
    ),
  };
}
