// Grades by score bands with quotas, on plain data in ranking order. A band over its maxShare
// passes its lowest-ranked excess down to the next band; the last band takes at least the
// lowest-ranked share its fromBottom declares; a minShare not reached is a warning.
// A last band whose min is blank (null) is the catch-all: every total below the band above it.
import { HUNDRED, q, type Q } from '../exact/exact.ts';
import { exactText } from '../cohort/exact-text.ts';
import { unitName } from '../cohort/unit-name.ts';
import { msgOf } from '../messages/text.ts';
import type { Issue, Msg } from '../model/result.ts';
import type { Grades, Sanction } from '../schema/ruleset.ts';
import { error, warning } from '../validate/issues.ts';
import { addNote, NO_NOTES, type GradeOutcome } from './outcome.ts';
import { applyQuotas, type Slot } from './quota.ts';

export interface GradeRow {
  id: string;
  /** The unit's name, for the text of issues (the id alone when absent). */
  name?: string;
  /** 1-based rank (ties shared); rows come in ranking order. */
  rank: number;
  total: Q;
  vetoed: boolean;
  noCommendation: boolean;
  /** False while an item cannot be judged: the grade is pending (待定). Absent: complete. */
  complete?: boolean;
  /** Ids of the sanctions that hold: their `gradeCap` and `excludeFromGrades` apply. */
  sanctions?: readonly string[];
}

/** The label of a grade that cannot be given yet: inputs are missing (待定). */
export const GRADE_PENDING: Msg = Object.freeze({ zh: '待定', en: 'pending' });

export interface BandSummary {
  id: string;
  label: Msg;
  count: number;
  /** Exact share of graded units in %, as text ("37.5", "100/3"). */
  share: string;
  /** Most units the band may hold (floor of maxShare × graded), or null without a quota. */
  maxAllowed: number | null;
  /** Fewest units the band should hold (ceil of minShare × graded), or null. */
  minRequired: number | null;
  /** The lowest-ranked units the band takes (fromBottom.share × graded, rounded as declared),
   *  or null without a share counted from the bottom. */
  bottomRequired: number | null;
  consequence?: Msg;
}

export interface GradeAssignment {
  units: GradeOutcome[];
  bands: BandSummary[];
  /** Units that received a grade (vetoed ones too when grades.vetoed names a band): the base
   *  of every share and quota. A vetoed unit's grade is fixed; quotas never move it. */
  graded: number;
  issues: Issue[];
}

export function assignGrades(
  rows: readonly GradeRow[],
  grades: Grades,
  sanctions: readonly Sanction[] = [],
): GradeAssignment {
  return assignBy(
    rows,
    grades,
    sanctions,
    (row) => row.id,
    (mins) => (row) =>
      mins.findIndex((m) => m === 'rest' || (m !== null && row.total.compare(m) >= 0)),
  );
}

/**
 * A grade row whose total is an integer count of 10^-dp points (the cohort fast path). Named
 * as a lean result names its fields, so rankCohort grades its results without copying them.
 */
export interface ScaledGradeRow {
  unitId: string;
  name?: string;
  rank: number;
  totalScaled: number;
  vetoed: boolean;
  noCommendation: boolean;
  complete?: boolean;
  sanctions?: readonly string[];
}

/**
 * Rows read one at a time: `row(r)` is read at once and never kept, so it may fill and return
 * one object for every r (a cohort of 500,000 units graded without 500,000 row objects).
 */
export interface GradeRowSource<R> {
  readonly length: number;
  row(r: number): R;
}

/**
 * assignGrades on integer totals: each band's lower bound becomes the least count of 10^-dp
 * points that reaches it (ceil), so `total ≥ min` is one integer comparison. Same outcomes as
 * assignGrades on the same totals (a test holds them together).
 */
export function assignGradesScaled(
  rows: readonly ScaledGradeRow[] | GradeRowSource<ScaledGradeRow>,
  grades: Grades,
  dp: number,
  sanctions: readonly Sanction[] = [],
): GradeAssignment {
  const unit = q(10).pow(dp);
  return assignBy(
    rows,
    grades,
    sanctions,
    (row) => row.unitId,
    (mins) => {
      const bounds = mins.map((m) =>
        m === null ? null : m === 'rest' ? -Infinity : Number(m.mul(unit).ceil().toString()),
      );
      return (row) => {
        for (let i = 0; i < bounds.length; i++) {
          const b = bounds[i];
          if (b !== null && b !== undefined && row.totalScaled >= b) return i;
        }
        return -1;
      };
    },
  );
}

/** Per set of held sanction ids: the strictest `gradeCap` among them (with its note) and the
 *  note of an `excludeFromGrades` that holds. Unknown band ids are checked with the rule set
 *  (checkSanctionGrades); here they are passed over. */
function gradeLimitsOf(
  grades: Grades,
  sanctions: readonly Sanction[],
  labels: readonly Msg[],
): (held: readonly string[]) => { cap?: { band: number; note: Msg }; excluded?: Msg } {
  const byId = new Map(sanctions.map((s) => [s.id, s]));
  return (held) => {
    let cap: { band: number; note: Msg } | undefined;
    let excluded: Msg | undefined;
    for (const id of held) {
      const s = byId.get(id);
      if (!s || s.level === 'veto') continue;
      const reason = msgOf(s.reason);
      if (s.excludeFromGrades && !excluded)
        excluded = { zh: `${reason.zh},不参加等次评定`, en: `${reason.en}: out of the grades` };
      const band =
        s.gradeCap === undefined ? -1 : grades.bands.findIndex((b) => b.id === s.gradeCap);
      if (band >= 0 && (!cap || band > cap.band))
        cap = {
          band,
          note: {
            zh: `${reason.zh},等次不高于「${labels[band]?.zh}」`,
            en: `${reason.en}: graded no higher than "${labels[band]?.en}"`,
          },
        };
    }
    return { ...(cap ? { cap } : {}), ...(excluded ? { excluded } : {}) };
  };
}

/** The grading itself; `finder` turns the bands' lower bounds into a row's band by its total. */
function assignBy<
  R extends {
    name?: string;
    rank: number;
    vetoed: boolean;
    noCommendation: boolean;
    complete?: boolean;
    sanctions?: readonly string[];
  },
>(
  rows: readonly R[] | GradeRowSource<R>,
  grades: Grades,
  sanctionDefs: readonly Sanction[],
  idOf: (row: R) => string,
  finder: (mins: readonly (Q | null | 'rest')[]) => (row: R) => number,
): GradeAssignment {
  const issues: Issue[] = [];
  const labels = grades.bands.map((b) => msgOf(b.label));
  const last = grades.bands.length - 1;
  // A blank `min` on the LAST band makes it the catch-all (后进 / 不合格): it takes every total
  // below the band above it, negative ones too (checkGrades in score/compile.ts allows this).
  // A blank `min` on any other band is an error, and that band takes nobody by its total.
  const mins: (Q | null | 'rest')[] = grades.bands.map((b, i) => {
    if (b.min === null && i === last) return 'rest';
    if (b.min === null) {
      issues.push(
        error('missing-number', `grades.bands[${i}].min`, {
          zh: `等次「${labels[i]?.zh}」缺少分数下限`,
          en: `grade "${labels[i]?.en}" has no lower bound`,
        }),
      );
      return null;
    }
    return q(b.min);
  });
  const indexOf = (id: string | undefined, field: string): number | undefined => {
    if (id === undefined) return undefined;
    const i = grades.bands.findIndex((b) => b.id === id);
    if (i < 0)
      issues.push(
        error('unknown-grade', `grades.${field}`, {
          zh: `等次「${id}」不存在`,
          en: `grade "${id}" does not exist`,
        }),
      );
    return i < 0 ? undefined : i;
  };
  const bandOf = finder(mins);
  const vetoedIdx = indexOf(grades.vetoed, 'vetoed');
  const capIdx = indexOf(grades.noCommendationCap, 'noCommendationCap');

  // The notes are the same for every unit they concern: made once, shared.
  const outOfGrades: Msg = { zh: '一票否决,不参加等次评定', en: 'vetoed: out of the grades' };
  const vetoNote: Msg | undefined =
    vetoedIdx === undefined
      ? undefined
      : {
          zh: `一票否决,定为「${labels[vetoedIdx]?.zh}」`,
          en: `vetoed: graded "${labels[vetoedIdx]?.en}"`,
        };
  const pendingNote: Msg = {
    zh: '尚有指标未能计分,等次待定',
    en: 'items could not be scored: grade pending',
  };
  const belowEvery: Msg = {
    zh: '总分低于所有等次的下限,未定等次',
    en: 'total is below every grade band: no grade',
  };
  const capNote: Msg | undefined =
    capIdx === undefined
      ? undefined
      : {
          zh: `不予评先,等次不高于「${labels[capIdx]?.zh}」`,
          en: `no commendation: graded no higher than "${labels[capIdx]?.en}"`,
        };
  const limitsOf = gradeLimitsOf(grades, sanctionDefs, labels);
  // Lists of held sanctions shared by many rows (the cohort path's frozen lists) are read once.
  const shared = new Map<readonly string[], ReturnType<typeof limitsOf>>();
  const limits = (held: readonly string[]): ReturnType<typeof limitsOf> => {
    if (!Object.isFrozen(held)) return limitsOf(held);
    let limit = shared.get(held);
    if (limit === undefined) shared.set(held, (limit = limitsOf(held)));
    return limit;
  };
  const outcomes = new Array<GradeOutcome>(rows.length);
  const slots: Slot[] = [];
  const rowAt = 'row' in rows ? (r: number) => rows.row(r) : (r: number) => rows[r] as R;
  for (let r = 0; r < rows.length; r++) {
    const row = rowAt(r);
    const id = idOf(row);
    const outcome: GradeOutcome = { id, grade: null, notes: NO_NOTES };
    outcomes[r] = outcome;
    if (row.vetoed) {
      if (vetoedIdx === undefined || !vetoNote) {
        addNote(outcome, outOfGrades);
        continue;
      }
      addNote(outcome, vetoNote);
      slots.push({ outcome, rank: row.rank, band: vetoedIdx, forced: true });
      continue;
    }
    // 不参加等次评定 without a veto: out of the grades, whatever the total.
    const limit = row.sanctions?.length ? limits(row.sanctions) : undefined;
    if (limit?.excluded) {
      addNote(outcome, limit.excluded);
      continue;
    }
    // A total that is not complete decides no grade (a veto that holds does, above).
    if (row.complete === false) {
      outcome.pending = true;
      addNote(outcome, pendingNote);
      continue;
    }
    let band = bandOf(row);
    if (band < 0) {
      const who = unitName(id, row.name);
      addNote(outcome, belowEvery);
      issues.push(
        warning('no-grade-band', `units.${id}`, {
          zh: `单位${who.zh}的总分低于所有等次下限`,
          en: `unit ${who.en}: total is below every grade band`,
        }),
      );
      continue;
    }
    if (row.noCommendation && capIdx !== undefined && capNote && band < capIdx) {
      band = capIdx;
      addNote(outcome, capNote);
    }
    // A sanction's own cap: the strictest of those that hold, each said with its reason.
    if (limit?.cap && band < limit.cap.band) {
      band = limit.cap.band;
      addNote(outcome, limit.cap.note);
    }
    slots.push({ outcome, rank: row.rank, band, forced: false });
  }

  const graded = slots.length;
  const { counts, maxAllowed, minRequired, bottomRequired } = applyQuotas(
    slots,
    grades,
    labels,
    graded,
    issues,
  );
  for (const slot of slots) slot.outcome.grade = grades.bands[slot.band]?.id ?? null;

  const bands: BandSummary[] = grades.bands.map((b, i) => ({
    id: b.id,
    label: labels[i] as Msg,
    count: counts[i] ?? 0,
    share:
      graded === 0
        ? '0'
        : exactText(
            q(counts[i] ?? 0)
              .mul(HUNDRED)
              .div(graded),
          ),
    maxAllowed: maxAllowed[i] ?? null,
    minRequired: minRequired[i] ?? null,
    bottomRequired: bottomRequired[i] ?? null,
    ...(b.consequence ? { consequence: msgOf(b.consequence) } : {}),
  }));
  return { units: outcomes, bands, graded, issues };
}
