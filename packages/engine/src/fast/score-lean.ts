// Totals, sections and sanctions of many units, fast: integer kernels where an item's shape
// allows, the exact evaluator for the rest. The figures equal scoreUnit's to the last digit
// (a property test holds them together); the reasons are left out — ask scoreUnit for those.
import { q, type Q } from '../exact/exact.ts';
import type { ScoreContext } from '../model/context.ts';
import type { IndicatorResult, Msg, UnitInput } from '../model/result.ts';
import type { CIndicator, CompiledRuleSet } from '../score/compile.ts';
import {
  createUnitScorer,
  decideSanctions,
  undecided,
  type UnitScorer,
} from '../score/score-unit.ts';
import { roundDiv, scaledText, toScaled } from './fixed.ts';
import { buildKernel, isContainer } from './kernel.ts';
import { NA, type Kernel } from './kernel-base.ts';
import { createFramePlan } from './frame.ts';
import { compileProgram, type LeanItem, type ProgramHost } from './program.ts';
import { FALLBACK, type MicroEv } from '../expr/micro.ts';
import { MissingValue } from '../expr/types.ts';
import { MICRO_DP } from './fixed.ts';

export interface LeanResult {
  unitId: string;
  name: string;
  /** Canonical decimal, equal to scoreUnit's `total`. */
  total: string;
  /** The total as an integer count of 10^-dp points (dp from the rule set's score rounding). */
  totalScaled: number;
  /** Section scores, same scale, in section order. */
  sections: number[];
  vetoed: boolean;
  noCommendation: boolean;
  complete: boolean;
  /** Ids of the sanctions that hold (one shared empty list when none does). */
  sanctions: readonly string[];
  /** Scores of the items asked for (tie-breaks), same scale; null when missing or not applicable. */
  items: (number | null)[];
  /** Filled in by rankCohort (zero / null until then). */
  position: number;
  rank: number;
  tied: boolean;
  grade: string | null;
  gradeLabel: Msg | null;
}

const EMPTY: (number | null)[] = [];
const NO_SANCTIONS: readonly string[] = Object.freeze([]);

export type LeanScorer = (
  unit: UnitInput,
  ctx?: ScoreContext,
  items?: readonly string[],
) => LeanResult;

/** Compiles the kernels once; the returned function scores one unit. */
export function createLeanScorer(rs: CompiledRuleSet): LeanScorer {
  const dp = rs.scoreRounding.dp;
  const scaled = (x: Q | string): number => {
    const v = toScaled(typeof x === 'string' ? x : x.toString(), dp);
    if (v === undefined) throw new Error(`score ${String(x)} does not fit ${dp} places`);
    return v;
  };
  // One reusable state for the unit being scored: no allocation per item, none per kernel.
  const run = {
    unit: undefined as unknown as UnitInput,
    ctx: {} as ScoreContext,
    scorer: undefined as UnitScorer | undefined,
  };
  const unitScorer = (): UnitScorer => (run.scorer ??= createUnitScorer(rs, run.unit, run.ctx));
  const plan = createFramePlan(rs, () => unitScorer().env);
  const lean = (item: CIndicator): LeanItem => {
    const points = toScaled(item.points.toString(), dp);
    const min = toScaled(item.min.toString(), dp);
    if (isContainer(item) && points !== undefined && min !== undefined) {
      const children = item.children.map(lean);
      if (children.every((c) => c.kernel || c.children))
        return { item, kernel: undefined, points, children, min };
    }
    const kernel = points === undefined ? undefined : buildKernel(rs, plan, item);
    return { item, kernel, points: points ?? 0, children: undefined, min: 0 };
  };
  const sections = rs.sections.map((s) => ({
    points: toScaled(s.points.toString(), dp),
    /** The section's points by class (scaled), when a class has its own. */
    byClass: s.pointsByClass
      ? new Map([...s.pointsByClass].map(([cls, v]) => [cls, toScaled(v.toString(), dp)]))
      : undefined,
    rescale: s.notApplicable === 'rescale',
    items: s.items.map(lean),
  }));
  const bonusItems = rs.bonus ? rs.bonus.items.map(lean) : [];
  const anyPending = rs.sections.some((s) => s.pending !== undefined);
  const kernels = new Map<string, Kernel>();
  const collect = (li: LeanItem): void => {
    if (li.kernel) kernels.set(li.item.path, li.kernel);
    li.children?.forEach(collect);
  };
  sections.forEach((s) => s.items.forEach(collect));
  bonusItems.forEach(collect);
  // Items whose status follows from the score alone (no gates, no evidence): met() and score()
  // in sanctions can read their kernels.
  const plainKernels = new Map<string, { kernel: Kernel; points: number }>();
  for (const [path, kernel] of kernels) {
    const item = rs.byPath.get(path);
    const points = item ? toScaled(item.points.toString(), dp) : undefined;
    if (
      !item ||
      points === undefined ||
      item.gates.length > 0 ||
      item.inputsUsed.some((id) => rs.inputs.get(id)?.evidence)
    )
      continue;
    plainKernels.set(path, { kernel, points });
  }
  const bonusCap = rs.bonus?.cap ? scaled(rs.bonus.cap) : undefined;
  const mode = rs.scoreRounding.mode;

  const frame = plan.seal();
  /** A score (10^-dp points) times this is micro units. */
  const toMicroScale = 10 ** (MICRO_DP - dp);
  const microEnv = frame.micro;
  const sanctionChecks = rs.sanctions.map((s) => s.when.microBound(plan.bind));
  microEnv.result = (fn, path) => {
    const plain = plainKernels.get(path);
    if (!plain) throw FALLBACK;
    const v = plain.kernel(frame);
    if (v === undefined) throw FALLBACK;
    if (v === null) throw new MissingValue(`${fn}(${path})`);
    if (fn === 'met') return v !== NA && v >= plain.points;
    if (v === NA) throw new MissingValue(`score(${path})`);
    return v * toMicroScale;
  };
  const exactItem = (item: CIndicator) => unitScorer().evaluate(item);

  const host: ProgramHost = {
    frame,
    complete: true,
    exact: (item) => {
      const r = exactItem(item);
      return {
        score: r.score === null ? null : scaled(r.score),
        max: r.status === 'not-applicable' ? 0 : scaled(r.max),
        status: r.status,
        missing: lacksInput(r),
      };
    },
  };
  const program = compileProgram([...sections.map((s) => s.items), bonusItems], host);
  /** Reads the score of an item asked for by path (a tie-break), for the unit loaded. */
  const itemReader = (path: string): (() => number | null) => {
    const item = rs.byPath.get(path);
    if (!item) return () => null;
    const kernel = kernels.get(path);
    return () => {
      const fast = kernel?.(frame);
      if (fast !== undefined) return fast === NA ? null : fast;
      const r = exactItem(item);
      return r.score === null ? null : scaled(r.score);
    };
  };
  // The same paths (the same array) come with every unit of a cohort: their readers are made once.
  let lastPaths: readonly string[] = [];
  let readers: (() => number | null)[] = [];
  return (unit, ctx = {}, paths = []) => {
    run.unit = unit;
    run.ctx = ctx;
    run.scorer = undefined;
    // A section whose items are pending leaves every total incomplete (as scoreUnit has it).
    host.complete = !anyPending;
    plan.load(unit);
    const sectionScores = new Array<number>(sections.length);
    let total = 0;
    for (let i = 0; i < sections.length; i++) {
      const s = sections[i] as (typeof sections)[number];
      let sum = program.run(i);
      const max = program.max;
      // As scoreUnit's sectionPoints: the points of the unit's own class.
      const full = (unit.class !== undefined ? s.byClass?.get(unit.class) : undefined) ?? s.points;
      if (s.rescale && full !== undefined && max > 0 && max !== full)
        sum = roundDiv(sum * full, max, mode);
      sectionScores[i] = sum;
      total += sum;
    }
    let bonus = program.run(sections.length);
    if (bonusCap !== undefined && bonus > bonusCap) bonus = bonusCap;
    total += bonus;
    const totalText = scaledText(total, dp);
    let vetoed = false;
    let noCommendation = false;
    let ids: string[] | undefined;
    // An incomplete total is no total: a sanction on it is undecided, as decideSanctions has it.
    const itemsComplete = host.complete;
    microEnv.total = itemsComplete ? total * toMicroScale : undefined;
    let sanctionsDecided = true;
    for (let i = 0; i < rs.sanctions.length; i++) {
      const s = rs.sanctions[i] as (typeof rs.sanctions)[number];
      let holds: boolean;
      try {
        holds = (sanctionChecks[i] as MicroEv)(microEnv) === true;
      } catch (e) {
        if (e instanceof MissingValue) {
          sanctionsDecided = false; // undecided, as decideSanctions reports it
          continue;
        }
        if (e !== FALLBACK) throw e;
        const decided = decideSanctions(
          rs,
          frame.exact(),
          itemsComplete ? q(totalText) : undefined,
          [s],
        );
        if (decided.undecided.length > 0) sanctionsDecided = false;
        holds = decided.held.length > 0;
      }
      if (!holds) continue;
      (ids ??= []).push(s.sanction.id);
      if (s.sanction.level === 'veto') vetoed = true;
      if (s.sanction.level === 'veto' || s.sanction.level === 'no-commendation')
        noCommendation = true;
    }
    let items = EMPTY;
    if (paths.length > 0) {
      if (paths !== lastPaths) {
        lastPaths = paths;
        readers = paths.map(itemReader);
      }
      items = new Array<number | null>(readers.length);
      for (let i = 0; i < readers.length; i++) items[i] = (readers[i] as () => number | null)();
    }
    const complete = itemsComplete && sanctionsDecided;
    run.scorer = undefined;
    return {
      unitId: unit.id,
      name: unit.name,
      total: totalText,
      totalScaled: total,
      sections: sectionScores,
      vetoed,
      noCommendation,
      complete,
      sanctions: ids ?? NO_SANCTIONS,
      items,
      position: 0,
      rank: 0,
      tied: false,
      grade: null,
      gradeLabel: null,
    };
  };
}

/** Whether an item or any of its sub-items lacks an input (as scoreUnit's `complete` counts). */
function lacksInput(r: IndicatorResult): boolean {
  return undecided(r) || (r.children?.some(lacksInput) ?? false);
}

/** Which items run on integer kernels: for benchmarks and the notes. */
export function kernelCoverage(rs: CompiledRuleSet): { kernel: string[]; exact: string[] } {
  const kernel: string[] = [];
  const exact: string[] = [];
  const plan = createFramePlan(rs, () => {
    throw new Error('kernelCoverage scores nothing');
  });
  const onKernel = (item: CIndicator): boolean => {
    if (isContainer(item)) return item.children.every(onKernel);
    return buildKernel(rs, plan, item) !== undefined;
  };
  const visit = (item: CIndicator): void => {
    (onKernel(item) ? kernel : exact).push(item.path);
  };
  rs.sections.forEach((s) => s.items.forEach(visit));
  rs.bonus?.items.forEach(visit);
  return { kernel, exact };
}
