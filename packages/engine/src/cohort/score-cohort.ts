// A cohort: every unit one level assesses. Pass 1 computes what scores need from peers
// (means, ranks), pass 2 scores each unit with that context, then the cohort is ranked and
// graded. Same input, same output, byte for byte.
import { gradedAmounts, type GradeFact } from '../amounts/amounts.ts';
import { GRADE_PENDING } from '../grades/assign.ts';
import type { ScoreContext } from '../model/context.ts';
import type { Msg, UnitInput, UnitResult } from '../model/result.ts';
import type { Standing } from '../score/env.ts';
import { decideCohortSanctions, standings, withCohortOutcome } from './standing.ts';
import type { CompiledRuleSet } from '../score/compile.ts';
import { scoreUnit, unknownClasses } from '../score/score-unit.ts';
import { sortIssues } from '../validate/issues.ts';
import { withBaselines, type Baselines } from './baselines.ts';
import { buildPeerStats } from './peers.ts';
import { rankAndGrade } from './rank-grade.ts';
import { allIndicators } from './tie-break.ts';
import { flat } from '../messages/text.ts';
import type { CohortResult, CohortUnit } from './types.ts';

/** The sanctions and counters on the ranking or the grade, decided on the ranked and graded
 *  cohort; their "decided after ranking" notes from scoring each unit alone give way to the
 *  outcome. */
function withCohortSanctions(
  rs: CompiledRuleSet,
  units: readonly CohortUnit[],
  inputOf: ReadonlyMap<UnitResult, UnitInput>,
  ctx: ScoreContext,
): CohortUnit[] {
  const places = standings(units, (i) => units[i]?.result.class, rs.ruleSet.ranking.ties);
  return units.map((u, i) => {
    const unit = inputOf.get(u.result);
    if (!unit) return u;
    const out = decideCohortSanctions(
      rs,
      unit,
      ctx,
      places[i] as Standing,
      u.result.complete ? u.result.total : undefined,
    );
    return { ...u, result: withCohortOutcome(rs, u.result, out) };
  });
}

/** What an amount by grade reads of a graded unit. */
function gradeFact(u: CohortUnit): GradeFact {
  if (u.gradeLabel === GRADE_PENDING) return { pending: true };
  if (u.grade !== null && u.gradeLabel) return { band: u.grade, label: u.gradeLabel };
  return {
    // Why it has none, as the grading said it (a sanction's 不参加等次评定, below every band).
    none: u.vetoed
      ? { zh: '一票否决,不评等次', en: 'vetoed: out of the grades' }
      : (u.gradeNotes[0] ?? { zh: '未评等次', en: 'not graded' }),
  };
}

/**
 * The adjustments' reasons a cohort keeps, one object for each wording: they repeat (BENCH-30's
 * 5,000 units: 478 wordings among 72,215 adjustments), and each unit would otherwise keep its
 * own copy to the end of the run. One table per cohort, dropped with it; past `limit` wordings
 * the rest are kept as they are. A reason is a value (never changed in place), so one object
 * serves every result that says it. (Items' own reasons repeat less, 35,062 among 150,000, and
 * looking them up cost more time, about a fifth, than it saved: they are only flattened.)
 */
class Reasons {
  private readonly byZh = new Map<string, Msg>();
  constructor(private readonly limit = 1 << 16) {}

  /** The cohort's object for this wording (the first one met), its text flat. */
  intern(m: Msg): Msg {
    const known = this.byZh.get(m.zh);
    if (known !== undefined) return known.en === m.en ? known : m;
    flat(m.zh);
    flat(m.en);
    if (this.byZh.size < this.limit) this.byZh.set(m.zh, m);
    return m;
  }
}

/** A unit's result as the cohort keeps it (to the end of the run and in what it returns): its
 *  reasons as flat strings, each one object instead of a tree of its parts (about a third of a
 *  result's memory, and of the collector's work while the cohort is scored: reading a character
 *  makes V8 flatten the concatenation in place), its adjustments' reasons shared with the units
 *  that say the same. */
function kept(r: UnitResult, reasons: Reasons): UnitResult {
  for (const item of allIndicators(r)) {
    flat(item.reason.zh);
    flat(item.reason.en);
    for (const a of item.adjustments) a.reason = reasons.intern(a.reason);
  }
  return r;
}

export interface CohortOptions {
  /** Per-unit assigned targets and previous-year figures, merged into the units' values. */
  baselines?: Baselines;
}

export function scoreCohort(
  compiled: CompiledRuleSet,
  units: readonly UnitInput[],
  options: CohortOptions = {},
): CohortResult {
  const merged = options.baselines
    ? withBaselines(units, options.baselines, compiled.inputs)
    : { units: [...units], issues: [] };
  const peers = buildPeerStats(compiled, merged.units);
  const reasons = new Reasons();
  const results = merged.units.map((u) =>
    kept(scoreUnit(compiled, u, { peers: peers.stats }), reasons),
  );
  const classIssues = unknownClasses(compiled, merged.units);
  const ranked = rankAndGrade(compiled.ruleSet, results, merged.units);
  const sanctioned =
    compiled.cohortSanctions.length || compiled.counters.some((c) => c.cohort)
      ? withCohortSanctions(
          compiled,
          ranked.units,
          new Map(results.map((r, i) => [r, merged.units[i] as UnitInput])),
          {
            peers: peers.stats,
          },
        )
      : ranked.units;
  const listed = compiled.amounts.length
    ? sanctioned.map((u) => ({
        ...u,
        amounts: gradedAmounts(compiled, u.result.amounts ?? [], gradeFact(u)),
      }))
    : sanctioned;
  return {
    ...ranked,
    units: listed,
    peers: peers.inputs,
    issues: sortIssues([...merged.issues, ...peers.issues, ...classIssues, ...ranked.issues]),
  };
}
