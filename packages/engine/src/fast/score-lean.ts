// Totals, sections and sanctions of many units, fast: integer kernels where an item's shape
// allows, the exact evaluator for the rest. The figures equal scoreUnit's to the last digit
// (a property test holds them together); the reasons are left out — ask scoreUnit for those.
import { q, round, type Q } from '../exact/exact.ts';
import type { ScoreContext } from '../model/context.ts';
import type { IndicatorResult, Msg, UnitInput } from '../model/result.ts';
import type { CIndicator, CompiledRuleSet } from '../score/compile.ts';
import {
  createUnitScorer,
  decideSanctions,
  undecided,
  type UnitScorer,
} from '../score/score-unit.ts';
import { roundDiv, scaledText, scaledTexts, toScaled, type Rat } from './fixed.ts';
import {
  poolItemStatus,
  poolPoints,
  poolSectionFigure,
  type PoolItemFigure,
} from '../score/pool.ts';
import { scoredStatus } from '../score/bounds.ts';
import { carriedCounts, NO_COUNTS, withPeriod } from '../score/counters.ts';
import type { MicroExpr } from '../expr/micro.ts';
import { buildKernel, isContainer } from './kernel.ts';
import { NA, type Kernel } from './kernel-base.ts';
import { BLANK as SLOT_BLANK, createFramePlan, OK as SLOT_OK } from './frame.ts';
import { compileProgram, type LeanItem, type Program, type ProgramHost } from './program.ts';
import { BLANK as V_BLANK, EXACT as EXACT_STATUS, FALSE, NUM, STR, TRUE } from '../expr/micro.ts';

/** A stream that can zero its item: a case count, or a case of a per-record stream, at its zeroAt. */
const zeroes = ({ stream }: CIndicator['streams'][number]): boolean =>
  (stream.kind === 'per-case' && stream.zeroAt !== undefined) ||
  (stream.kind === 'per-record' && stream.escalation?.zeroAt !== undefined);

export interface LeanResult {
  unitId: string;
  name: string;
  /** Canonical decimal, equal to scoreUnit's `total`. */
  total: string;
  /** The total as an integer count of 10^-dp points (dp from the rule set's score rounding). */
  totalScaled: number;
  /** Section scores, same scale, in section order; null for a section whose items are pending
   *  or a pool section an item of which cannot be judged (as scoreUnit's null: never 0). */
  sections: (number | null)[];
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

/** Item evaluations per route, counted as they happen: on the integer kernels (fast) or by
 *  the exact evaluator (exact). Containers that only sum their sub-items are not counted. */
export interface Routes {
  /** Items scored on the integer kernels. */
  fast: number;
  /** Items the exact evaluator scored (a value only it can read or judge). */
  exact: number;
  /** Sanctions decided on the integers (the counters they read with them). */
  sanctionsFast: number;
  /** Sanctions the exact evaluator decided: a condition only it can judge, or (rankCohort) one
   *  on the ranking or the grade, decided after them. */
  sanctionsExact: number;
}

export type LeanScorer = ((
  unit: UnitInput,
  ctx?: ScoreContext,
  items?: readonly string[],
) => LeanResult) & {
  /** Since the scorer was made. */
  readonly routes: Routes;
  /**
   * A reader of one numeric input's figure as the unit last scored holds it (the very reading
   * its items were scored on): 'ok' with the figure in `out`, 'blank' (blank, no declared
   * meaning), or 'other' (only the exact reader can tell: text, out of range, too many digits).
   * Undefined for an input that is not a plain figure (a date, a choice, undeclared).
   */
  inputFigure(id: string): ((out: Rat) => 'ok' | 'blank' | 'other') | undefined;
};

export interface LeanScorerOptions {
  /** Every call fills and returns one and the same result object (its `sections` and `items`
   *  arrays too): for a caller that copies what it needs at once, such as rankCohort into its
   *  columns, so that no result per unit is left for the garbage collector. */
  reuse?: boolean;
}

/** Compiles the kernels once; the returned function scores one unit. */
export function createLeanScorer(rs: CompiledRuleSet, options: LeanScorerOptions = {}): LeanScorer {
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
  // An item the kernels hand over is scored by the exact evaluator without reasons: only its
  // score and status are used here.
  const unitScorer = (): UnitScorer =>
    (run.scorer ??= createUnitScorer(rs, run.unit, run.ctx, { reasons: false }));
  const routes: Routes = { fast: 0, exact: 0, sanctionsFast: 0, sanctionsExact: 0 };
  const plan = createFramePlan(rs, () => unitScorer().env);
  /**
   * An item as the kernels take it for units of class `cls` (one the rule set declares), or for
   * any unit (cls undefined): points by class are then the exact path's, which also reports a
   * class not declared.
   */
  const lean = (item: CIndicator, cls: string | undefined): LeanItem => {
    const exact: LeanItem = { item, kernel: undefined, points: 0, children: undefined, min: 0 };
    let pointsQ: Q | null | undefined = item.points;
    if (item.pointsByClass) {
      if (cls === undefined) return exact;
      if (item.pointsByClass.has(cls)) pointsQ = item.pointsByClass.get(cls);
    }
    // Not assessed for this class: the item does not apply, as the exact path has it.
    if (pointsQ === null || pointsQ === undefined) return { ...exact, kernel: notApplicable };
    const points = toScaled(pointsQ.toString(), dp);
    // No floor (min 'none'): −∞, which the containers' clamp leaves alone.
    const min =
      item.min === undefined ? Number.NEGATIVE_INFINITY : toScaled(item.min.toString(), dp);
    if (points === undefined || min === undefined) return exact;
    if (isContainer(item)) {
      const children = item.children.map((c) => lean(c, cls));
      if (children.every((c) => c.kernel || c.children))
        return { item, kernel: undefined, points, children, min };
      return exact;
    }
    return { ...exact, kernel: buildKernel(rs, plan, item, pointsQ), points };
  };
  interface PoolKernel {
    kernel?: Kernel;
    gates?: MicroExpr[];
    /** Its case counts that zero the section at `zeroAt`: their slots and counts. */
    zeroAts?: { k: number; zeroAt: number }[];
  }
  /**
   * A pool item on the kernels (points 0, no floor: the kernel gives what it deducts), with its
   * events as micro expressions and its zeroing case counts, read again on the integers to tell
   * a gated item; none (the exact evaluator) for a shape the kernels do not take.
   */
  function poolKernel(item: CIndicator): PoolKernel {
    const kernel = buildKernel(rs, plan, item, item.points);
    // A case of a per-record stream that zeroes the item is told by its kernel alone.
    if (!kernel || item.streams.some((s) => s.stream.kind === 'per-record' && zeroes(s))) return {};
    const zeroAts: { k: number; zeroAt: number }[] = [];
    for (const { stream } of item.streams) {
      if (stream.kind !== 'per-case' || stream.zeroAt === undefined) continue;
      const slot = plan.inputSlot(stream.input);
      if (!slot) return {};
      zeroAts.push({ k: slot.k, zeroAt: stream.zeroAt });
    }
    return { kernel, gates: item.gates.map((g) => g.when.microBound(plan.bind)), zeroAts };
  }
  /** A pool item's figure as its section reads it, on its kernel where it can be read there. */
  const poolFigure = (li: { item: CIndicator } & PoolKernel): PoolItemFigure => {
    const fig = poolFast(li);
    if (fig) {
      routes.fast++;
      if (fig.status === 'missing-input') host.complete = false;
      return fig;
    }
    routes.exact++;
    const r = exactItem(li.item);
    if (lacksInput(r)) host.complete = false;
    return { path: r.path, score: r.score === null ? null : q(r.score), status: r.status };
  };
  /** A pool item's figure on its kernel; undefined where only the exact evaluator can tell. */
  const poolFast = (li: { item: CIndicator } & PoolKernel): PoolItemFigure | undefined => {
    const { item, kernel, gates, zeroAts } = li;
    const v = kernel?.(frame);
    if (v !== undefined && gates && zeroAts) {
      // A case count at its zeroAt zeroes the section, as an event (a gate) does. A score means
      // the kernel read every count as a whole number.
      let zeroed = zeroAts.some(
        (z) => (frame.m[z.k] as number) / (frame.d[z.k] as number) >= z.zeroAt,
      );
      let decided = true;
      // The first event that holds decides; one the micro evaluation cannot tell is the exact's.
      for (const g of gates) {
        const st = g.ev(frame.micro);
        if (st === TRUE) {
          zeroed = true;
          break;
        }
        if (st !== FALSE) {
          decided = v === null || v === NA;
          break;
        }
      }
      if (decided) {
        if (v === null) return { path: item.path, score: null, status: 'missing-input' as const };
        if (v === NA) return { path: item.path, score: null, status: 'not-applicable' as const };
        return {
          path: item.path,
          score: q(scaledText(v, dp)),
          status: poolItemStatus(v < 0, zeroed),
        };
      }
    }
    return undefined;
  };
  /** Programs by class are needed only where an item's points depend on it. */
  const byClass = [...rs.byPath.values()].some((i) => i.pointsByClass);
  const classes: (string | undefined)[] = byClass ? [undefined, ...rs.classIds] : [undefined];
  const sections = rs.sections.map((s) => ({
    points: toScaled(s.points.toString(), dp),
    /** The section's points by class (scaled), when a class has its own. */
    byClass: s.pointsByClass
      ? new Map([...s.pointsByClass].map(([cls, v]) => [cls, toScaled(v.toString(), dp)]))
      : undefined,
    rescale: s.notApplicable === 'rescale',
    pending: s.pending !== undefined,
    /** Items without points of their own: the section is the exact evaluator's (its items are
     *  counted in routes.exact), scored by the one pool function (score/pool.ts). */
    pool:
      s.pool && s.pending === undefined
        ? { pool: s.pool, items: s.items.map((item) => ({ item, ...poolKernel(item) })) }
        : undefined,
    items: s.pool ? [] : s.items.map((i) => lean(i, undefined)),
  }));
  const bonusItems = rs.bonus ? rs.bonus.items.map((i) => lean(i, undefined)) : [];
  const anyPending = rs.sections.some((s) => s.pending !== undefined);
  // The items of each section and the bonus, for any unit and for each class (kernels are built
  // before the frame is sealed).
  const classGroups = classes.map(
    (cls) =>
      [
        cls,
        cls === undefined
          ? [...sections.map((s) => s.items), bonusItems]
          : [
              ...rs.sections.map((s) => (s.pool ? [] : s.items.map((i) => lean(i, cls)))),
              rs.bonus ? rs.bonus.items.map((i) => lean(i, cls)) : [],
            ],
      ] as const,
  );
  const kernels = new Map<string, Kernel>();
  const collect = (li: LeanItem): void => {
    if (li.kernel) kernels.set(li.item.path, li.kernel);
    li.children?.forEach(collect);
  };
  sections.forEach((s) => s.items.forEach(collect));
  bonusItems.forEach(collect);
  // Items whose status follows from the score and the points alone (no gates, no case count
  // that zeroes, no evidence, a maximum): met() and score() in sanctions can read their kernels.
  const plainKernels = new Map<string, { kernel: Kernel; points: number }>();
  for (const [path, kernel] of kernels) {
    const item = rs.byPath.get(path);
    const points = item ? toScaled(item.points.toString(), dp) : undefined;
    if (
      !item ||
      points === undefined ||
      item.gates.length > 0 ||
      item.uncapped ||
      item.streams.some(zeroes) ||
      item.inputsUsed.some((id) => rs.inputs.get(id)?.evidence)
    )
      continue;
    plainKernels.set(path, { kernel, points });
  }
  const bonusCap = rs.bonus?.cap ? scaled(rs.bonus.cap) : undefined;
  const mode = rs.scoreRounding.mode;

  const sanctionChecks = rs.sanctions.map((s) => s.when.microBound(plan.bind));
  // This period's counters, for consecutive() and cumulative() in those sanctions: a counter's
  // condition is worked out on the integers once a unit, when a sanction first reads it. (Those
  // on the ranking or the grade are read by the sanctions decided after ranking only.)
  const counterChecks = new Map(
    rs.counters
      .filter((c) => !c.cohort)
      .map((c) => [c.counter.id, { when: c.when.microBound(plan.bind), period: -1, st: 0 }]),
  );
  let period = 0;
  const frame = plan.seal();
  const scale = 10 ** dp;
  const microEnv = frame.micro;
  const totalRat = { n: 0, d: scale };
  // score('二.1') / met('二.1') / status('二.1') on the kernels: a blank (or, for score(), an
  // item that does not apply) is missing, as the exact path has it; an item the kernel hands over
  // is exact-only. A pool item is read as its section reads it (poolFast: its deduction and its
  // status).
  const poolItems = new Map(
    sections.flatMap((s) => (s.pool ? s.pool.items.map((li) => [li.item.path, li] as const) : [])),
  );
  microEnv.result = (fn, path, out) => {
    const plain = plainKernels.get(path);
    if (!plain) {
      const pooled = poolItems.get(path);
      if (!pooled) return EXACT_STATUS;
      // As the exact path's met() and score(): an item not judged is missing to both; one that
      // does not apply is not met, and has no score. (Read again, as a gate reads an item.)
      const fig = poolFast(pooled);
      if (!fig) return EXACT_STATUS;
      const { score, status } = fig;
      if (fn === 'status') {
        out.s = status;
        return STR;
      }
      if (fn === 'met')
        return status === 'missing-input' || status === 'cannot-compute'
          ? V_BLANK
          : status === 'met'
            ? TRUE
            : FALSE;
      if (score === null) return V_BLANK;
      // The kernel holds a pool item to its points (0), where the section reads it; score()
      // reads the item's own figure, which a credit takes above 0: a 0 is the exact path's.
      const v = scaled(score);
      if (v === 0) return EXACT_STATUS;
      out.n = v;
      out.d = scale;
      return NUM;
    }
    const v = plain.kernel(frame);
    if (v === undefined) return EXACT_STATUS;
    if (fn === 'status') {
      // As the exact path's statuses of a leaf without gates, zeroing or evidence: from the
      // score and the points alone (a blank is missing-input, an item not assessed
      // not-applicable: a status, never a missing value).
      out.s =
        v === null ? 'missing-input' : v === NA ? 'not-applicable' : scoredStatus(v, plain.points);
      return STR;
    }
    if (v === null) return V_BLANK;
    if (fn === 'met') return v !== NA && scoredStatus(v, plain.points) === 'met' ? TRUE : FALSE;
    if (v === NA) return V_BLANK;
    out.n = v;
    out.d = scale;
    return NUM;
  };
  // consecutive('id') / cumulative('id'): as countPeriods has them — the counts the unit brought
  // (ones that cannot be counts read as none) with this period added; this period undecided (a
  // blank, or a condition that is not true or false) leaves what reads it undecided.
  microEnv.counter = (fn, id, out) => {
    const c = counterChecks.get(id);
    if (!c) return EXACT_STATUS;
    if (c.period !== period) {
      c.period = period;
      c.st = c.when.ev(microEnv);
    }
    if (c.st === EXACT_STATUS) return EXACT_STATUS;
    if (c.st !== TRUE && c.st !== FALSE) return V_BLANK;
    const before = carriedCounts(frame.unit.counters?.[id]) ?? NO_COUNTS;
    out.n = withPeriod(before, c.st === TRUE)[fn];
    out.d = 1;
    return NUM;
  };
  const exactItem = (item: CIndicator) => unitScorer().evaluate(item);

  const host: ProgramHost = {
    frame,
    complete: true,
    fast: 0,
    exact: (item) => {
      routes.exact++;
      const r = exactItem(item);
      return {
        score: r.score === null ? null : scaled(r.score),
        max: r.status === 'not-applicable' ? 0 : scaled(r.max),
        status: r.status,
        missing: lacksInput(r),
      };
    },
  };
  // One program for any unit, and one for each declared class when points depend on the class.
  const programs = new Map<string | undefined, Program>();
  for (const [cls, groups] of classGroups) programs.set(cls, compileProgram(groups, host));
  const anyUnit = programs.get(undefined) as Program;
  /** Reads the score of an item asked for by path (a tie-break), for the unit loaded. */
  const itemReader = (path: string): (() => number | null) => {
    const item = rs.byPath.get(path);
    if (!item) return () => null;
    const kernel = kernels.get(path);
    return () => {
      const fast = kernel?.(frame);
      if (fast !== undefined) {
        routes.fast++;
        return fast === NA ? null : fast;
      }
      routes.exact++;
      const r = exactItem(item);
      return r.score === null ? null : scaled(r.score);
    };
  };
  const textOf = scaledTexts(dp);
  // The sanctions that hold, as one shared frozen list per combination (of the first
  // HELD_BITS sanctions, by bit): a cohort has few combinations, and no unit keeps its own list.
  const heldLists = new Map<number, readonly string[]>([[0, NO_SANCTIONS]]);
  const heldList = (held: number): readonly string[] => {
    let list = heldLists.get(held);
    if (list === undefined) {
      list = Object.freeze(
        rs.sanctions.flatMap((s, i) => (i < HELD_BITS && held & (1 << i) ? [s.sanction.id] : [])),
      );
      heldLists.set(held, list);
    }
    return list;
  };
  // The same paths (the same array) come with every unit of a cohort: their readers are made once.
  let lastPaths: readonly string[] = [];
  let readers: (() => number | null)[] = [];
  const scoreOne = (
    unit: UnitInput,
    ctx: ScoreContext = NO_CONTEXT,
    paths: readonly string[] = [],
  ): LeanResult => {
    run.unit = unit;
    run.ctx = ctx;
    run.scorer = undefined;
    period++;
    // A section whose items are pending leaves every total incomplete (as scoreUnit has it).
    host.complete = !anyPending;
    plan.load(unit, ctx);
    const program =
      (byClass && unit.class !== undefined ? programs.get(unit.class) : undefined) ?? anyUnit;
    const sectionScores = reused ? reused.sections : new Array<number | null>(sections.length);
    let total = 0;
    for (let i = 0; i < sections.length; i++) {
      const s = sections[i] as (typeof sections)[number];
      if (s.pool) {
        const figures = s.pool.items.map(poolFigure);
        const pooled = poolSectionFigure(
          s.pool.pool,
          poolPoints(s.pool.pool, unit.class, rs.classIds),
          figures,
          rs.scoreRounding,
        );
        // Not scored (an item cannot be judged): null, as scoreUnit's, and no total.
        if (pooled.score === null) host.complete = false;
        const v = pooled.score === null ? null : scaled(pooled.score);
        sectionScores[i] = v;
        total += v ?? 0;
        continue;
      }
      let sum = program.run(i);
      if (s.pending) {
        sectionScores[i] = null;
        continue;
      }
      const max = program.max;
      // As scoreUnit's sectionPoints: the points of the unit's own class.
      const full = (unit.class !== undefined ? s.byClass?.get(unit.class) : undefined) ?? s.points;
      if (s.rescale && full !== undefined && max > 0 && max !== full) {
        const product = sum * full;
        // Past the safe integers (points far beyond any document's), rescaled in exact rationals.
        sum = Number.isSafeInteger(product)
          ? roundDiv(product, max, mode)
          : Number(round(q(sum).mul(full).div(max), { dp: 0, mode }).toString());
      }
      sectionScores[i] = sum;
      total += sum;
    }
    let bonus = program.run(sections.length);
    if (bonusCap !== undefined && bonus > bonusCap) bonus = bonusCap;
    total += bonus;
    const totalText = textOf(total);
    let vetoed = false;
    let noCommendation = false;
    let ids: string[] | undefined;
    let held = 0;
    // An incomplete total is no total: a sanction on it is undecided, as decideSanctions has it.
    const itemsComplete = host.complete;
    totalRat.n = total;
    microEnv.total = itemsComplete ? totalRat : undefined;
    let sanctionsDecided = true;
    for (let i = 0; i < rs.sanctions.length; i++) {
      const s = rs.sanctions[i] as (typeof rs.sanctions)[number];
      const st = (sanctionChecks[i] as (typeof sanctionChecks)[number]).ev(microEnv);
      let holds = st === TRUE;
      if (st === V_BLANK) {
        routes.sanctionsFast++;
        sanctionsDecided = false; // undecided, as decideSanctions reports it
        continue;
      }
      if (st === TRUE || st === FALSE) routes.sanctionsFast++;
      else {
        routes.sanctionsExact++;
        // Only the exact evaluator can decide it (or report a value that is not true/false).
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
      if (i < HELD_BITS) held |= 1 << i;
      else (ids ??= []).push(s.sanction.id);
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
      items =
        reused?.items.length === readers.length
          ? reused.items
          : new Array<number | null>(readers.length);
      for (let i = 0; i < readers.length; i++) items[i] = (readers[i] as () => number | null)();
    }
    const complete = itemsComplete && sanctionsDecided;
    run.scorer = undefined;
    routes.fast += host.fast;
    host.fast = 0;
    // A small integer as such (not a boxed double: sums of typed-array reads are doubles), so
    // the field holds it in place.
    const totalScaled = total === (total | 0) ? total | 0 : total;
    const sanctions = ids ? [...heldList(held), ...ids] : heldList(held);
    if (reused) {
      // sections and items are its own arrays, filled above.
      reused.unitId = unit.id;
      reused.name = unit.name;
      reused.total = totalText;
      reused.totalScaled = totalScaled;
      reused.vetoed = vetoed;
      reused.noCommendation = noCommendation;
      reused.complete = complete;
      reused.sanctions = sanctions;
      reused.items = items;
      return reused;
    }
    const result: LeanResult = {
      unitId: unit.id,
      name: unit.name,
      total: totalText,
      totalScaled,
      sections: sectionScores,
      vetoed,
      noCommendation,
      complete,
      sanctions,
      items,
      position: 0,
      rank: 0,
      tied: false,
      grade: null,
      gradeLabel: null,
    };
    // A reusing scorer fills its first unit's result for every unit after it.
    if (options.reuse) reused = result;
    return result;
  };
  let reused: LeanResult | undefined;
  const inputFigure = (id: string) => {
    const slot = plan.inputSlot(id);
    const def = rs.inputs.get(id);
    // (A list of cases is no figure here: the exact tie-break reads unit.values, as for any
    // input, not its number of cases.)
    if (!slot || slot.kind !== 'number' || !def || def.unit === 'date' || def.unit === 'cases')
      return undefined;
    const k = slot.k;
    return (out: Rat): 'ok' | 'blank' | 'other' => {
      const st = frame.s[k];
      if (st === SLOT_BLANK) return 'blank';
      if (st !== SLOT_OK) return 'other';
      out.n = frame.m[k] as number;
      out.d = frame.d[k] as number;
      return 'ok';
    };
  };
  return Object.assign(scoreOne, { routes, inputFigure });
}

const NO_CONTEXT: ScoreContext = {};
/** Sanctions told apart by bit in a held combination; any further ones are listed per unit. */
const HELD_BITS = 30;
/** The kernel of an item not assessed for the unit's class. */
const notApplicable: Kernel = () => NA;

/** Whether an item or any of its sub-items lacks an input (as scoreUnit's `complete` counts). */
function lacksInput(r: IndicatorResult): boolean {
  return undecided(r) || (r.children?.some(lacksInput) ?? false);
}
