// A large cohort ranked and graded without full per-unit reports: the lean scorer's integer
// totals, integer sort keys, then the same grade assignment as scoreCohort. For tens of
// thousands of units and more; scoreCohort gives every unit's reasons and stays the reference
// (a test holds the two to the same ranks and grades).
import { q, type Q } from '../exact/exact.ts';
import { duplicateIds, idsHash, incompleteUnit } from '../cohort/unit-issues.ts';
import { buildPeerStats } from '../cohort/peers.ts';
import { parseTieBreaks, tieInputValue, type TieBreak } from '../cohort/tie-break.ts';
import { assignGradesScaled, GRADE_PENDING, type BandSummary } from '../grades/assign.ts';
import type { Issue, UnitInput } from '../model/result.ts';
import type { ScoreContext } from '../model/context.ts';
import { msgOf } from '../messages/text.ts';
import type { CompiledRuleSet } from '../score/compile.ts';
import { sortIssues, warning } from '../validate/issues.ts';
import { decideCohortSanctions, standings } from '../cohort/standing.ts';
import type { Standing } from '../score/env.ts';
import { MICRO_DP, scaledText, scaledTexts } from './fixed.ts';
import { createLeanScorer, type LeanResult, type LeanScorer, type Routes } from './score-lean.ts';
import { unknownClassOf } from '../score/score-unit.ts';

/** A lean result with its place filled in. */
export type RankedUnit = LeanResult;

/**
 * The ranking's figures by the cohort's own order (index i: the i-th unit read), one typed
 * array a figure: a cohort of 500,000 units is held without 500,000 objects.
 */
export interface RankedColumns {
  /** Unit ids, in the cohort's order. */
  readonly ids: readonly string[];
  /** Each total as an integer count of 10^-dp points (dp: the rule set's score rounding). */
  readonly totalScaled: Float64Array;
  /** 1 for a vetoed unit, else 0. */
  readonly vetoed: Uint8Array;
  /** 1 for a unit whose every item and sanction could be judged, else 0 (its total is
   *  provisional and its grade pending). */
  readonly complete: Uint8Array;
  /** Each unit's rank (1-based; ties as the rule set's ranking has them). */
  readonly rank: Int32Array;
  /** Each unit's place in `units` (0-based). */
  readonly position: Int32Array;
  /** The unit at each place of `units`: its index in the cohort's order. */
  readonly order: Int32Array;
}

export interface RankedCohort {
  ruleSetId: string;
  edition: number;
  /** How many units were ranked. */
  size: number;
  /** In listing order: rank, then unit id. Each unit's object is made when `units` is first
   *  read (and kept): ask `columns` and `total` for figures without them. */
  readonly units: RankedUnit[];
  /** The figures by the cohort's order, without an object per unit. */
  columns: RankedColumns;
  /** Unit i's total (the cohort's order) as canonical decimal text, as `units` has it; a
   *  RangeError for an index outside the cohort. */
  total(i: number): string;
  grades: { graded: number; bands: BandSummary[] } | null;
  issues: Issue[];
  /** Item evaluations per route, counted while scoring: on the integer kernels (fast) or by the
   *  exact evaluator (exact: a value only it can read, such as text in a number cell). */
  routes: Routes;
}

/**
 * One tie-break's keys for every unit, larger first: numbers (micro units or 10^-dp points,
 * negated for "asc") in a Float64Array, NaN for a blank (last). A key that does not fit a
 * number (an input with more than 6 places) is kept exactly in `exact` and decides any
 * comparison it takes part in.
 */
interface KeyColumn {
  num: Float64Array;
  exact: Map<number, Q> | undefined;
  scale: number;
}

/** Larger first; blank (NaN) last. */
function compareColumn(col: KeyColumn, a: number, b: number): number {
  if (col.exact && (col.exact.has(a) || col.exact.has(b))) {
    const x = col.exact.get(a) ?? exactOf(col, a);
    const y = col.exact.get(b) ?? exactOf(col, b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return y.compare(x);
  }
  const x = col.num[a] as number;
  const y = col.num[b] as number;
  if (x === y) return 0;
  if (x !== x) return y !== y ? 0 : 1;
  if (y !== y) return -1;
  return y > x ? 1 : -1;
}

function exactOf(col: KeyColumn, i: number): Q | null {
  const v = col.num[i] as number;
  return v !== v ? null : q(scaledText(v, col.scale));
}

/**
 * Ranks and grades a cohort. `units` may be an array or any iterable, such as a generator that
 * reads units one at a time from a file: each unit is read once, scored into a row of typed
 * columns, and not kept, so a streamed cohort need never be held in memory.
 * Two cases read the units twice, and take them as given when the iterable can be iterated
 * again (an array, or an object whose `[Symbol.iterator]()` starts afresh each time), else
 * hold them while ranking: bounds from the cohort (`peer_mean` and the like) and rank rules
 * need every unit before any is scored, and sanctions on the ranking or the grade read a
 * unit's figures again once all are ranked. A re-iterable cohort must give the same units in
 * the same order each time; one that does not is refused (an Error naming what changed).
 */
export function rankCohort(rs: CompiledRuleSet, units: Iterable<UnitInput>): RankedCohort {
  const issues: Issue[] = [];
  const needsPeers = rs.peerInputs.length > 0 || rs.rankRules.length > 0;
  const keepUnits = rs.cohortSanctions.length > 0;
  let source: Iterable<UnitInput> = units;
  let peers: ReturnType<typeof buildPeerStats> | undefined;
  if (needsPeers) {
    if (Array.isArray(units)) peers = buildPeerStats(rs, units);
    else {
      // The first pass's iterator, taken once. A one-shot iterator (a generator object) returns
      // itself: a second pass would find it spent, so its units are held.
      const first = units[Symbol.iterator]();
      if ((first as unknown) === units) source = [...units];
      peers = buildPeerStats(rs, source === units ? { [Symbol.iterator]: () => first } : source);
    }
  }
  if (peers) issues.push(...peers.issues);
  const ctx: ScoreContext = peers ? { peers: peers.stats } : {};
  const score = createLeanScorer(rs, { reuse: true });
  const { tieBreaks, issues: tbIssues } = parseTieBreaks(rs.ruleSet.ranking.tieBreak);
  issues.push(...tbIssues);

  const itemPaths = tieBreaks.filter((tb) => tb.kind === 'indicator').map((tb) => tb.ref);
  const dp = rs.scoreRounding.dp;
  const capacity = Math.max(1, Array.isArray(source) ? source.length : 1024);
  const columns: KeyColumn[] = tieBreaks.map((tb) => ({
    num: new Float64Array(capacity),
    exact: undefined,
    scale: tb.kind === 'input' ? MICRO_DP : dp,
  }));
  const fills = tieBreaks.map((tb, k) =>
    keyFiller(rs, tb, columns[k] as KeyColumn, itemPaths, score),
  );
  const store = new Store(capacity, rs.sections.length, columns);
  /** The units themselves, kept only for sanctions on the ranking or the grade. */
  const kept: UnitInput[] = [];
  let n = 0;
  // Only a source read twice (peers from a re-iterable, not an array) is checked for giving the
  // same units again: no hash of every id on the hot path otherwise.
  const reread = peers !== undefined && !Array.isArray(source);
  let ids = 0;
  // Read while scoring, so that no pass over the results is needed for them: the totals'
  // range (for the counting sort), whether the units came in unit-id order (then units equal
  // on every key are already listed by id), and the incomplete ones.
  const totals: TotalRange = { lo: Infinity, hi: -Infinity };
  let inIdOrder = true;
  let lastId: string | undefined;
  for (const unit of source) {
    if (reread) ids = idsHash(ids, unit.id);
    // One result object, filled for each unit and copied into the columns at once: nothing
    // per unit is left for the garbage collector to copy.
    const r = score(unit, ctx, itemPaths);
    // (push grows the tie-break columns with its own, before the key fillers write them)
    store.push(r);
    const t = r.totalScaled;
    if (t < totals.lo) totals.lo = t;
    if (t > totals.hi) totals.hi = t;
    if (inIdOrder && lastId !== undefined && !(lastId <= r.unitId)) inIdOrder = false;
    lastId = r.unitId;
    if (!r.complete) issues.push(incompleteUnit({ id: r.unitId, name: r.name }));
    for (let k = 0; k < fills.length; k++) (fills[k] as KeyFiller)(n, unit, r);
    const unknown = unknownClassOf(rs, unit);
    if (unknown) issues.push(unknown);
    if (keepUnits) kept.push(unit);
    n++;
  }
  if (peers && reread && (peers.units !== n || peers.ids !== ids))
    throw new Error(
      `rankCohort: the cohort gave ${peers.units} units in its first pass and ${n} in its second${peers.units === n ? ', not the same ids in the same order' : ''}; a cohort read twice must give the same units each time`,
    );
  const { ids: unitIds, names, vetoed, complete, noCommendation, tied } = store;
  const totalOf = store.total;
  issues.push(
    ...duplicateIds(
      n,
      (i) => unitIds[i] as string,
      (i) => ({ id: unitIds[i] as string, name: names[i] as string }),
    ),
  );
  const vetoedLast = rs.ruleSet.ranking.vetoedLast;
  /** The tie-breaks alone: for units already equal on veto and total. */
  const ties = (a: number, b: number): number => {
    for (let k = 0; k < columns.length; k++) {
      const c = compareColumn(columns[k] as KeyColumn, a, b);
      if (c !== 0) return c;
    }
    return 0;
  };
  const compare = (a: number, b: number): number => {
    const va = vetoed[a] as number;
    const vb = vetoed[b] as number;
    if (vetoedLast && va !== vb) return va ? 1 : -1;
    const ta = totalOf[a] as number;
    const tb = totalOf[b] as number;
    if (ta !== tb) return tb - ta;
    return ties(a, b);
  };
  // Equal ids (an error reported above) keep their input order.
  const byUnitId = (a: number, b: number): number => {
    const x = unitIds[a] as string;
    const y = unitIds[b] as string;
    return x < y ? -1 : x > y ? 1 : a - b;
  };
  const { order, group } = sortOrder(
    n,
    store,
    columns,
    vetoedLast,
    totals,
    inIdOrder,
    compare,
    ties,
    byUnitId,
  );

  const dense = rs.ruleSet.ranking.ties === 'dense';
  const rank = new Int32Array(n);
  const position = new Int32Array(n);
  for (let p = 0; p < n; p++) {
    const idx = order[p] as number;
    position[idx] = p;
    if (p === 0) {
      rank[idx] = 1;
      continue;
    }
    const prev = order[p - 1] as number;
    const same = group[prev] === group[idx];
    rank[idx] = same ? (rank[prev] as number) : dense ? (rank[prev] as number) + 1 : p + 1;
    if (same) tied[idx] = tied[prev] = 1;
  }

  const text = scaledTexts(dp);
  let grades: RankedCohort['grades'] = null;
  const scheme = rs.ruleSet.grades;
  /** Each unit's grade: its band's index, NO_GRADE or PENDING. */
  const band = new Int16Array(n).fill(NO_GRADE);
  const labels = scheme ? scheme.bands.map((b) => msgOf(b.label)) : [];
  const gradeOf = (i: number): string | null => {
    const b = band[i] as number;
    return b >= 0 ? (scheme?.bands[b]?.id ?? null) : null;
  };
  const gradeLabelOf = (i: number): RankedUnit['gradeLabel'] => {
    const b = band[i] as number;
    return b === PENDING ? GRADE_PENDING : b >= 0 ? (labels[b] ?? null) : null;
  };
  if (scheme) {
    // The grading reads the units one at a time, in the ranking order: one row object for all.
    const cursor = {
      unitId: '',
      name: '',
      rank: 0,
      totalScaled: 0,
      vetoed: false,
      noCommendation: false,
      complete: false,
      sanctions: NO_SANCTIONS,
    };
    const rows = {
      length: n,
      row: (p: number) => {
        const i = order[p] as number;
        cursor.unitId = unitIds[i] as string;
        cursor.name = names[i] as string;
        cursor.rank = rank[i] as number;
        cursor.totalScaled = totalOf[i] as number;
        cursor.vetoed = vetoed[i] === 1;
        cursor.noCommendation = noCommendation[i] === 1;
        cursor.complete = complete[i] === 1;
        cursor.sanctions = store.sanctions[i] as readonly string[];
        return cursor;
      },
    };
    const assignment = assignGradesScaled(rows, scheme, dp, rs.ruleSet.sanctions);
    const bandAt = new Map(scheme.bands.map((b, k) => [b.id, k]));
    // Outcomes come in the order of the rows given: the ranking order (duplicate ids stay apart).
    assignment.units.forEach((g, p) => {
      const i = order[p];
      if (i === undefined) return;
      band[i] = g.pending
        ? PENDING
        : g.grade === null
          ? NO_GRADE
          : (bandAt.get(g.grade) ?? NO_GRADE);
    });
    issues.push(...assignment.issues);
    grades = { graded: assignment.graded, bands: assignment.bands };
  }
  // Sanctions on the ranking or the grade: the exact evaluator decides them (counted in routes).
  let cohortDecided = 0;
  if (rs.cohortSanctions.length) {
    // Sanctions on the ranking or the grade, as scoreCohort decides them (one decision).
    const places = standings(
      Array.from(order, (i) => ({
        rank: rank[i] as number,
        complete: complete[i] === 1,
        grade: gradeOf(i),
        gradeLabel: gradeLabelOf(i),
      })),
      (p) => kept[order[p] as number]?.class,
      rs.ruleSet.ranking.ties,
    );
    if (places.some((s) => s.provisional))
      issues.push(
        warning('sanction-undecided', 'sanctions', {
          zh: `有单位数据不完整,排名和等次尚未确定:按排名或等次判定的约束条件(${rs.cohortSanctions.map((s) => s.reason.zh).join('、')})暂不判定`,
          en: `units are incomplete, so the ranking and the grades are provisional: the sanctions on them (${rs.cohortSanctions.map((s) => s.reason.en).join(', ')}) are not decided`,
        }),
      );
    for (let p = 0; p < n; p++) {
      const i = order[p] as number;
      const unit = kept[i];
      if (!unit) continue;
      cohortDecided += rs.cohortSanctions.length;
      const out = decideCohortSanctions(
        rs,
        unit,
        ctx,
        places[p] as Standing,
        complete[i] === 1 ? text(totalOf[i] as number) : undefined,
      );
      if (out.held.length)
        store.sanctions[i] = [...(store.sanctions[i] as string[]), ...out.held.map((h) => h.id)];
    }
  }
  /** Unit i's result, made when asked for. */
  // The tie-break items' scores are their key columns' (the sign of "asc" taken back off).
  const itemColumns = tieBreaks.flatMap((tb, k) =>
    tb.kind === 'indicator'
      ? [{ col: columns[k] as KeyColumn, sign: tb.order === 'asc' ? -1 : 1 }]
      : [],
  );
  const row = (i: number): RankedUnit => {
    const S = store.sectionCount;
    const sections = new Array<number | null>(S);
    for (let s = 0; s < S; s++) {
      const v = store.sections[i * S + s] as number;
      sections[s] = v !== v ? null : v;
    }
    const items = itemColumns.map(({ col, sign }) => {
      const v = col.num[i] as number;
      return v !== v ? null : sign * v + 0;
    });
    const t = totalOf[i] as number;
    return {
      unitId: unitIds[i] as string,
      name: names[i] as string,
      total: text(t),
      totalScaled: t,
      sections,
      vetoed: vetoed[i] === 1,
      noCommendation: noCommendation[i] === 1,
      complete: complete[i] === 1,
      sanctions: store.sanctions[i] as readonly string[],
      items,
      position: (position[i] as number) + 1,
      rank: rank[i] as number,
      tied: tied[i] === 1,
      grade: gradeOf(i),
      gradeLabel: gradeLabelOf(i),
    };
  };
  let listed: RankedUnit[] | undefined;
  return {
    ruleSetId: rs.ruleSet.id,
    edition: rs.ruleSet.edition,
    size: n,
    get units(): RankedUnit[] {
      return (listed ??= Array.from(order, row));
    },
    columns: {
      ids: unitIds,
      totalScaled: totalOf.subarray(0, n),
      vetoed: vetoed.subarray(0, n),
      complete: complete.subarray(0, n),
      rank,
      position,
      order,
    },
    total: (i) => {
      if (!Number.isInteger(i) || i < 0 || i >= n)
        throw new RangeError(`rankCohort: no unit ${i} in a cohort of ${n}`);
      return text(totalOf[i] as number);
    },
    grades,
    issues: sortIssues(issues),
    routes: { ...score.routes, sanctionsExact: score.routes.sanctionsExact + cohortDecided },
  };
}

/** Micro units in one: a tie-break input's key is its figure in millionths. */
const MICRO = 10 ** MICRO_DP;
const NO_SANCTIONS: readonly string[] = Object.freeze([]);
const NO_GRADE = -1;
const PENDING = -2;

/**
 * What rankCohort keeps of each unit while it reads the cohort: columns, grown by doubling
 * together with the tie-break key columns (written by the key fillers at the same index).
 */
class Store {
  ids: string[] = [];
  names: string[] = [];
  total: Float64Array;
  /** 1 or 0 a unit. */
  vetoed: Uint8Array;
  noCommendation: Uint8Array;
  complete: Uint8Array;
  /** Set once the units are ordered. */
  tied: Uint8Array;
  /** Section scores, sectionCount a unit; NaN for null. */
  sections: Float64Array;
  /** Shared lists (one per combination held) but for the few with sanctions past the bits. */
  sanctions: (readonly string[])[] = [];
  private n = 0;
  constructor(
    private capacity: number,
    readonly sectionCount: number,
    private readonly keys: readonly KeyColumn[],
  ) {
    this.total = new Float64Array(capacity);
    this.vetoed = new Uint8Array(capacity);
    this.noCommendation = new Uint8Array(capacity);
    this.complete = new Uint8Array(capacity);
    this.tied = new Uint8Array(capacity);
    this.sections = new Float64Array(capacity * sectionCount);
  }
  push(r: LeanResult): void {
    const i = this.n;
    if (i === this.capacity) this.grow();
    this.ids.push(r.unitId);
    this.names.push(r.name);
    this.total[i] = r.totalScaled;
    this.vetoed[i] = r.vetoed ? 1 : 0;
    this.noCommendation[i] = r.noCommendation ? 1 : 0;
    this.complete[i] = r.complete ? 1 : 0;
    const S = this.sectionCount;
    for (let s = 0; s < S; s++) this.sections[i * S + s] = r.sections[s] ?? NaN;
    this.sanctions.push(r.sanctions);
    this.n = i + 1;
  }
  private grow(): void {
    this.capacity *= 2;
    this.total = grown(this.total, this.capacity);
    this.vetoed = grown(this.vetoed, this.capacity);
    this.noCommendation = grown(this.noCommendation, this.capacity);
    this.complete = grown(this.complete, this.capacity);
    this.tied = grown(this.tied, this.capacity);
    this.sections = grown(this.sections, this.capacity * this.sectionCount);
    for (const col of this.keys) col.num = grown(col.num, this.capacity);
  }
}

/** A typed array's values in a longer one of the same kind. */
function grown<T extends Float64Array | Uint8Array>(a: T, length: number): T {
  const b = new (a.constructor as new (n: number) => T)(length);
  b.set(a);
  return b;
}

type KeyFiller = (i: number, unit: UnitInput, r: LeanResult) => void;

/** Writes unit i's key for one tie-break into its column. */
function keyFiller(
  rs: CompiledRuleSet,
  tb: TieBreak,
  col: KeyColumn,
  itemPaths: readonly string[],
  score: LeanScorer,
): KeyFiller {
  const sign = tb.order === 'asc' ? -1 : 1;
  const put = (i: number, v: number | Q | null): void => {
    if (v === null) col.num[i] = NaN;
    else if (typeof v === 'number') col.num[i] = sign * v + 0;
    else (col.exact ??= new Map()).set(i, sign < 0 ? v.neg() : v);
  };
  if (tb.kind === 'section') {
    const s = rs.sections.findIndex((x) => x.code === tb.ref);
    return (i, _unit, r) => put(i, s < 0 ? null : (r.sections[s] ?? null));
  }
  if (tb.kind === 'input') {
    const id = tb.ref;
    const def = rs.inputs.get(id);
    // The figure as scoring read it, taken from the frame; what only the exact reader can
    // tell (and a figure of more than 6 places) is read again by tieInputValue.
    const figure = score.inputFigure(id);
    const v = { n: 0, d: 1 };
    return (i, unit) => {
      const st = figure?.(v);
      if (st === 'blank') return put(i, null);
      if (st === 'ok' && MICRO % v.d === 0) {
        const micro = v.n * (MICRO / v.d);
        if (Number.isSafeInteger(micro)) return put(i, micro);
      }
      put(i, tieInputValue(def, unit.values[id]));
    };
  }
  const k = itemPaths.indexOf(tb.ref);
  return (i, _unit, r) => put(i, r.items[k] ?? null);
}

/** Integer sort codes of one key: 0 for the best, blank last, in a span a counting sort can take. */
interface Codes {
  codes: Int32Array;
  span: number;
}

const fits = (span: number, n: number): boolean => span <= 4 * n + 65_536;

/** The least and the greatest total of a cohort, as integer counts of 10^-dp points. */
interface TotalRange {
  lo: number;
  hi: number;
}

/** Veto and total as codes: non-vetoed first (when vetoed units go last), then the larger total. */
function bucketCodes(
  n: number,
  store: Store,
  vetoedLast: boolean,
  { lo, hi }: TotalRange,
): Codes | undefined {
  // No units: no totals, and nothing to order.
  if (n === 0) return { codes: new Int32Array(0), span: 1 };
  const span = hi - lo + 1;
  if (!fits(span, n)) return undefined;
  const codes = new Int32Array(n);
  const { total, vetoed } = store;
  for (let i = 0; i < n; i++)
    codes[i] = (vetoedLast && vetoed[i] === 1 ? span : 0) + (hi - (total[i] as number));
  return { codes, span: vetoedLast ? 2 * span : span };
}

const gcd = (a: number, b: number): number => {
  while (b !== 0) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a;
};

/** A tie-break column as codes (larger first, blank last), its values divided by their common
 *  step (a rate in hundredths spans 350 codes, not 3.5 million micro units); undefined when it
 *  holds exact keys or spreads too widely. */
function columnCodes(col: KeyColumn, n: number): Codes | undefined {
  if (col.exact) return undefined;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = col.num[i] as number;
    if (v !== v) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const codes = new Int32Array(n);
  if (lo === Infinity) return { codes, span: 1 };
  let step = 0;
  for (let i = 0; i < n && step !== 1; i++) {
    const v = col.num[i] as number;
    if (v === v) step = gcd(v - lo, step);
  }
  if (step === 0) step = 1;
  const span = (hi - lo) / step + 2;
  if (!fits(span, n)) return undefined;
  for (let i = 0; i < n; i++) {
    const v = col.num[i] as number;
    codes[i] = v !== v ? span - 1 : (hi - v) / step;
  }
  return { codes, span };
}

/** One stable counting-sort pass of `order` by `key`. */
function countingPass(order: Int32Array, key: Codes): Int32Array {
  const n = order.length;
  const count = new Int32Array(key.span + 1);
  const codes = key.codes;
  for (let i = 0; i < n; i++) {
    const c = codes[i] as number;
    count[c + 1] = (count[c + 1] as number) + 1;
  }
  for (let c = 1; c < count.length; c++) count[c] = (count[c] as number) + (count[c - 1] as number);
  const out = new Int32Array(n);
  for (let p = 0; p < n; p++) {
    const i = order[p] as number;
    const c = codes[i] as number;
    out[count[c] as number] = i;
    count[c] = (count[c] as number) + 1;
  }
  return out;
}

/**
 * The listing order, and for each unit its group: units with the same group are equal on
 * veto, total and every tie-break (they share a rank).
 *
 * Totals are integers in a narrow range (0–15,000 hundredths for 150 points), and so are the
 * tie-break keys, so the order is a radix sort: stable counting passes by the last tie-break
 * first, then the others, then (veto, total); only units equal on all of them are sorted by
 * unit id. Keys a counting sort cannot take (exact keys, values spread too widely) leave the
 * tie-breaks to the comparator inside each (veto, total) bucket; totals spread too widely
 * (not a real rule set) use the comparator throughout.
 */
function sortOrder(
  n: number,
  store: Store,
  columns: readonly KeyColumn[],
  vetoedLast: boolean,
  totals: TotalRange,
  inIdOrder: boolean,
  compare: (a: number, b: number) => number,
  ties: (a: number, b: number) => number,
  byUnitId: (a: number, b: number) => number,
): { order: Int32Array; group: Int32Array } {
  let order: Int32Array = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const group = new Int32Array(n);
  const bucket = bucketCodes(n, store, vetoedLast, totals);
  const keys = bucket ? columns.map((c) => columnCodes(c, n)) : [];
  const grouped = (same: (a: number, b: number) => boolean): void => {
    let g = 0;
    for (let p = 0; p < n; p++) {
      const i = order[p] as number;
      if (p > 0 && !same(order[p - 1] as number, i)) g++;
      group[i] = g;
    }
  };
  /** Sorts each run of `order` that `same` holds together by `by`, in place. */
  const runs = (
    same: (a: number, b: number) => boolean,
    by: (a: number, b: number) => number,
  ): void => {
    let start = 0;
    for (let p = 1; p <= n; p++) {
      if (p < n && same(order[start] as number, order[p] as number)) continue;
      if (p - start > 1) order.subarray(start, p).sort(by);
      start = p;
    }
  };
  if (!bucket) {
    order.sort((a, b) => compare(a, b) || byUnitId(a, b));
    grouped((a, b) => compare(a, b) === 0);
    return { order, group };
  }
  const b = bucket.codes;
  if (keys.every((k) => k !== undefined)) {
    for (let c = keys.length - 1; c >= 0; c--) order = countingPass(order, keys[c] as Codes);
    order = countingPass(order, bucket);
    const codes = keys.map((k) => k.codes);
    grouped((x, y) => {
      if (b[x] !== b[y]) return false;
      for (let c = 0; c < codes.length; c++) {
        const col = codes[c] as Int32Array;
        if (col[x] !== col[y]) return false;
      }
      return true;
    });
    // The counting passes are stable: units of one group keep the input order, which is
    // already unit-id order when the units came so.
    if (!inIdOrder) runs((x, y) => group[x] === group[y], byUnitId);
    return { order, group };
  }
  order = countingPass(order, bucket);
  runs(
    (x, y) => b[x] === b[y],
    (x, y) => ties(x, y) || byUnitId(x, y),
  );
  grouped((x, y) => b[x] === b[y] && ties(x, y) === 0);
  return { order, group };
}
