// What-if: last year's units scored under the last edition and under the draft, side by side —
// who moves (total, rank, grade, veto) and which items the draft cannot score for lack of a
// figure (shown as such, never as 0). The scoring is the engine's: rankCohort (the cohort's
// ranks, grades and sanctions, the same decisions as scoreCohort without per-item reasons) for
// both editions, and scoreUnit, item by item, for a unit the draft leaves incomplete — an item
// that cannot be scored makes the unit incomplete, so no other unit can have one.
import {
  compileRuleSet,
  rankCohort,
  scoreUnit,
  type IndicatorResult,
  type Issue,
  type Msg,
  type RankedCohort,
  type RankedUnit,
  type RuleSet,
  type UnitInput,
  type UnitResult,
} from '@kaohe/engine';
import type { SummaryResults } from '@kaohe/sheet';

interface Standing {
  total: string;
  rank: number;
  grade: Msg | null;
  vetoed: boolean;
  complete: boolean;
}

interface Mover {
  unitId: string;
  name: string;
  before: Standing;
  after: Standing;
  /** Items scored under the last edition that the draft cannot score: a figure is missing. */
  unscoreable: { path: string; title: Msg; missing: string[] }[];
}

export interface WhatIf {
  units: number;
  movers: Mover[];
  /** Milliseconds the draft took to rescore the cohort and compare it. */
  ms: number;
}

const standing = (u: RankedUnit): Standing => ({
  total: u.total,
  rank: u.rank,
  grade: u.gradeLabel,
  vetoed: u.vetoed,
  complete: u.complete,
});

function leaves(u: UnitResult): IndicatorResult[] {
  const walk = (items: readonly IndicatorResult[]): IndicatorResult[] =>
    items.flatMap((i) => (i.children?.length ? walk(i.children) : [i]));
  return [...u.sections.flatMap((s) => walk(s.items)), ...walk(u.bonus.items)];
}

/** Each item's path in the draft → its path in the last edition, through the lineage the draft
 *  records (`formerly`, on the item or any parent); an item without one keeps its path. */
function formerPaths(draft: RuleSet): Map<string, string> {
  const out = new Map<string, string>();
  type Coded = {
    code: string;
    formerly?: string | undefined;
    items?: readonly Coded[] | undefined;
  };
  const walk = (items: readonly Coded[], at: string, was: string): void => {
    for (const i of items) {
      const [p, o] = [`${at}.${i.code}`, `${was}.${i.formerly ?? i.code}`];
      out.set(p, o);
      walk(i.items ?? [], p, o);
    }
  };
  for (const s of draft.sections) walk(s.items, s.code, s.formerly ?? s.code);
  walk(draft.bonus?.items ?? [], '加分', '加分');
  return out;
}

/** Why a draft cannot be rescored: its first error, at its path (「sections[0].points:…」);
 *  none when it compiles. The issues are the engine's (validateRuleSet, parseRuleSet). */
export function firstProblem(issues: readonly Issue[]): Msg | undefined {
  const e = issues.find((i) => i.severity === 'error');
  return e && { zh: `${e.path}:${e.message.zh}`, en: `${e.path}: ${e.message.en}` };
}

type Compiled = ReturnType<typeof compileRuleSet>;

/** Last year's units under the last edition: scored once per cohort, kept while the draft
 *  changes (only the draft is rescored). */
export interface Before {
  rules: Compiled;
  ranked: RankedCohort;
}

export function scoreBase(base: RuleSet, units: readonly UnitInput[]): Before {
  const rules = compileRuleSet(base);
  return { rules, ranked: rankCohort(rules, units) };
}

export function whatIf(base: RuleSet, draft: RuleSet, units: readonly UnitInput[]): WhatIf {
  return rescore(scoreBase(base, units), draft, units);
}

/** The draft's rescoring of the cohort against the last edition's results, and who moves; `ms`
 *  is the rescoring and the comparison (what an edit costs). */
export function rescore(before: Before, draft: RuleSet, units: readonly UnitInput[]): WhatIf {
  const started = performance.now();
  const rules = compileRuleSet(draft);
  const after = rankCohort(rules, units);
  const was = new Map(before.ranked.units.map((u) => [u.unitId, u]));
  const inputOf = new Map(units.map((u) => [u.id, u]));
  const movers: Mover[] = [];
  const former = formerPaths(draft);
  for (const now of after.units) {
    const then = was.get(now.unitId);
    const unit = inputOf.get(now.unitId);
    if (!then || !unit) continue;
    let unscoreable: Mover['unscoreable'] = [];
    if (!now.complete) {
      const scored = new Set(
        leaves(scoreUnit(before.rules, unit))
          .filter((i) => i.score !== null)
          .map((i) => i.path),
      );
      unscoreable = leaves(scoreUnit(rules, unit))
        .filter(
          (i) =>
            i.score === null &&
            i.missingInputs.length > 0 &&
            scored.has(former.get(i.path) ?? i.path),
        )
        .map((i) => ({ path: i.path, title: i.title, missing: i.missingInputs }));
    }
    const a = standing(then);
    const b = standing(now);
    const moved =
      a.total !== b.total ||
      a.rank !== b.rank ||
      a.grade?.zh !== b.grade?.zh ||
      a.vetoed !== b.vetoed ||
      a.complete !== b.complete;
    if (moved || unscoreable.length > 0)
      movers.push({ unitId: now.unitId, name: now.name, before: a, after: b, unscoreable });
  }
  return { units: after.units.length, movers, ms: performance.now() - started };
}

/** A review summary (`kaohe review`'s .xlsx) against the returned workbooks: it carries each
 *  unit's reviewed result but not its figures, so a unit is rescored only from its workbook. */
export interface SummaryCheck {
  ruleSetId: string;
  year: number;
  edition: number;
  units: number;
  /** Units of the summary with no workbook among those chosen: not rescored (no figures). */
  noFigures: { unitId: string; name: string }[];
  /** Units whose reviewed total differs from the workbook's under the last edition: the
   *  workbook is not what was reviewed, or the last edition is not the one reviewed by. */
  differs: { unitId: string; name: string; reviewed: string | null; rescored: string }[];
  /** The summary was made under another rule set than the last edition opened. */
  otherRules: boolean;
}

export function checkSummary(
  summary: SummaryResults,
  before: Before,
  base: RuleSet,
  units: readonly UnitInput[],
): SummaryCheck {
  const rescored = new Map(before.ranked.units.map((u) => [u.unitId, u]));
  const read = new Set(units.map((u) => u.id));
  return {
    ruleSetId: summary.ruleSetId,
    year: summary.year,
    edition: summary.edition,
    units: summary.units.length,
    noFigures: summary.units
      .filter((u) => !read.has(u.unitId))
      .map((u) => ({ unitId: u.unitId, name: u.name })),
    differs: summary.units.flatMap((u) => {
      const r = rescored.get(u.unitId);
      return r && r.total !== u.total
        ? [{ unitId: u.unitId, name: u.name, reviewed: u.total, rescored: r.total }]
        : [];
    }),
    otherRules:
      summary.ruleSetId !== base.id ||
      summary.year !== base.year ||
      summary.edition !== base.edition,
  };
}
