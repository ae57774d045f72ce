// A share counted from the bottom (后进 about 10 %: the lowest-ranked tenth), RULE-FORMS 56.
// Every count below is worked out by hand in its comment.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { q } from '../exact/exact.ts';
import { Grades } from '../schema/ruleset.ts';
import { assignGrades, assignGradesScaled, type GradeRow } from './assign.ts';

type Rounding = 'floor' | 'round' | 'ceil';
const scheme = (rounding: Rounding = 'round', share: number | string = 10, extra = {}): Grades =>
  Grades.parse({
    bands: [
      { id: 'adv', label: { zh: '先进', en: 'advanced' }, min: 90 },
      { id: 'pass', label: { zh: '合格', en: 'pass' }, min: 60 },
      {
        id: 'back',
        label: { zh: '后进', en: 'backward' },
        min: null,
        fromBottom: { share, rounding },
      },
    ],
    ...extra,
  });

/** Rows in ranking order; equal totals share a rank (1, 1, 3), as the cohort ranks them. */
const rows = (totals: readonly (number | [number, 'v'])[]): GradeRow[] => {
  let rank = 0;
  return totals.map((t, i) => {
    const [total, vetoed] = Array.isArray(t) ? [t[0], true] : [t, false];
    const prev = totals[i - 1];
    const prevTotal = Array.isArray(prev) ? prev[0] : prev;
    if (i === 0 || prevTotal !== total || vetoed) rank = i + 1;
    return {
      id: `u${String(i + 1).padStart(2, '0')}`,
      rank,
      total: q(total),
      vetoed,
      noCommendation: false,
    };
  });
};
const gradesOf = (out: ReturnType<typeof assignGrades>): (string | null)[] =>
  out.units.map((u) => u.grade);

// Ten units, every total at or above the 合格 line of 60.
const TEN = [95, 92, 88, 85, 80, 78, 75, 70, 65, 62];

describe('a share counted from the bottom', () => {
  it('puts the lowest-ranked 10 % into 后进 whatever their totals', () => {
    // 10 % of 10 graded = 1: u10 (62, above the 合格 line) is 后进.
    const out = assignGrades(rows(TEN), scheme());
    expect(gradesOf(out)).toEqual([
      'adv',
      'adv',
      'pass',
      'pass',
      'pass',
      'pass',
      'pass',
      'pass',
      'pass',
      'back',
    ]);
    expect(out.units[9]!.notes).toEqual([
      {
        zh: '排名在后10%(1个)之内,定为「后进」',
        en: 'among the lowest-ranked 10% (1): graded "backward"',
      },
    ]);
    expect(out.bands[2]).toMatchObject({ count: 1, bottomRequired: 1, share: '10' });
    expect(out.bands[0]).toMatchObject({ bottomRequired: null });
    expect(out.issues).toEqual([]);
  });

  it('rounds the count as declared: floor, round (half up) or ceil', () => {
    const totals = (n: number) => Array.from({ length: n }, (_, i) => 99 - i);
    // 10 % of 15 = 1.5 → floor 1, round 2 (四舍五入), ceil 2;
    // 10 % of 14 = 1.4 → floor 1, round 1, ceil 2; 10 % of 5 = 0.5 → floor 0, round 1, ceil 1.
    const count = (n: number, r: Rounding) => {
      const out = assignGrades(rows(totals(n)), scheme(r));
      return [out.bands[2]!.bottomRequired, out.bands[2]!.count];
    };
    expect(count(15, 'floor')).toEqual([1, 1]);
    expect(count(15, 'round')).toEqual([2, 2]);
    expect(count(15, 'ceil')).toEqual([2, 2]);
    expect(count(14, 'floor')).toEqual([1, 1]);
    expect(count(14, 'round')).toEqual([1, 1]);
    expect(count(14, 'ceil')).toEqual([2, 2]);
    expect(count(5, 'floor')).toEqual([0, 0]);
    expect(count(5, 'round')).toEqual([1, 1]);
    // A share that is not a whole per cent: 12.5 % of 8 = 1 exactly.
    expect(assignGrades(rows(totals(8)), scheme('floor', '12.5')).bands[2]!.count).toBe(1);
  });

  it('counts units already in the band by their totals; it is a floor on the band, not a cap', () => {
    // 10 graded, 2 below 60 → 后进 holds 2 ≥ round(1) = 1: nobody else moves.
    const out = assignGrades(rows([95, 92, 88, 85, 80, 78, 75, 70, 55, 40]), scheme());
    expect(gradesOf(out).slice(7)).toEqual(['pass', 'back', 'back']);
    expect(out.units.every((u) => u.notes.length === 0)).toBe(true);
    // 20 % of 10 = 2, one below 60 → one more: u09 (65).
    const more = assignGrades(rows([95, 92, 88, 85, 80, 78, 75, 70, 65, 40]), scheme('round', 20));
    expect(gradesOf(more).slice(7)).toEqual(['pass', 'back', 'back']);
    expect(more.units[8]!.notes[0]!.zh).toBe('排名在后20%(2个)之内,定为「后进」');
    expect(more.units[9]!.notes).toEqual([]);
  });

  it('takes a tie at the cut whole, with a warning', () => {
    // 10 graded, 10 % = 1, but u09 and u10 both have 62 (rank 9, 9): both are 后进.
    const out = assignGrades(rows([95, 92, 88, 85, 80, 78, 75, 70, 62, 62]), scheme());
    expect(gradesOf(out).slice(7)).toEqual(['pass', 'back', 'back']);
    expect(out.bands[2]).toMatchObject({ count: 2, bottomRequired: 1 });
    expect(out.issues).toEqual([
      {
        code: 'bottom-quota-tie',
        path: 'grades.bands[2].fromBottom',
        severity: 'warning',
        message: {
          zh: '「后进」按排名从后取1个,名额线上有并列第9名的单位,一并计入,共2个',
          en: '"backward" takes the lowest-ranked 1; the line falls inside a tie at rank 9, taken whole: 2 in all',
        },
      },
    ]);
    // A tie just above the cut is not the cut: 10 % of 10 = 1 takes u10 (60) only.
    const above = assignGrades(rows([95, 92, 88, 85, 80, 78, 75, 62, 62, 60]), scheme());
    expect(gradesOf(above).slice(7)).toEqual(['pass', 'pass', 'back']);
    expect(above.issues).toEqual([]);
  });

  it('leaves vetoed units out of the share when they are out of the grades', () => {
    // 11 rows, u11 vetoed (ranked last): 10 graded, 10 % = 1 → u10 (62) is 后进, u11 no grade.
    const out = assignGrades(rows([...TEN, [99, 'v']]), scheme());
    expect(out.graded).toBe(10);
    expect(gradesOf(out).slice(8)).toEqual(['pass', 'back', null]);
  });

  it('counts vetoed units graded into the band towards its share, and never moves them', () => {
    // grades.vetoed = 后进: 10 rows with u10 vetoed → 10 graded, round(1) = 1, held by u10.
    const nine = TEN.slice(0, 9);
    const out = assignGrades(rows([...nine, [99, 'v']]), scheme('round', 10, { vetoed: 'back' }));
    expect(out.graded).toBe(10);
    expect(gradesOf(out).slice(7)).toEqual(['pass', 'pass', 'back']);
    // 20 %: 2 needed, the vetoed one and the lowest-ranked other (u09, 65).
    const two = assignGrades(rows([...nine, [99, 'v']]), scheme('round', 20, { vetoed: 'back' }));
    expect(gradesOf(two).slice(7)).toEqual(['pass', 'back', 'back']);
    // Vetoed units graded 合格 are not moved down: the lowest-ranked unit not vetoed is.
    const fixed = assignGrades(rows([...nine, [99, 'v']]), scheme('round', 10, { vetoed: 'pass' }));
    expect(gradesOf(fixed).slice(7)).toEqual(['pass', 'back', 'pass']);
  });

  it('counts what a cap from the top passed down', () => {
    // 10 graded; 合格 at most 70 % = 7 passes u10 (62) down; 后进 holds 1 = round(10 % × 10).
    const g = Grades.parse({
      bands: [
        { id: 'adv', label: '先进', min: 90 },
        { id: 'pass', label: '合格', min: 60, maxShare: 70 },
        { id: 'back', label: '后进', min: null, fromBottom: { share: 10, rounding: 'round' } },
      ],
    });
    const out = assignGrades(rows(TEN), g);
    expect(gradesOf(out).slice(8)).toEqual(['pass', 'back']);
    expect(out.units[9]!.notes).toHaveLength(1);
    expect(out.units[9]!.notes[0]!.zh).toContain('超出名额');
  });

  it('never applies a share from the bottom on a band above the last (it would pull units up)', () => {
    const g = Grades.parse({
      bands: [
        { id: 'adv', label: '先进', min: 90 },
        { id: 'pass', label: '合格', min: 60, fromBottom: { share: 50, rounding: 'ceil' } },
        { id: 'back', label: '后进', min: null },
      ],
    });
    const out = assignGrades(rows([95, 70, 40, 30]), g);
    // By totals alone: 95 先进, 70 合格, 40 and 30 后进 — nobody moved up into 合格.
    expect(gradesOf(out)).toEqual(['adv', 'pass', 'back', 'back']);
    expect(out.issues.map((i) => `${i.code}@${i.path}`)).toEqual([
      'bottom-quota-not-last@grades.bands[1].fromBottom',
    ]);
  });

  it('gives the same outcomes on integer totals (assignGradesScaled)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 5000, max: 10000 }), fc.boolean()), {
          maxLength: 30,
        }),
        fc.integer({ min: 0, max: 100 }),
        fc.constantFrom<Rounding>('floor', 'round', 'ceil'),
        fc.boolean(),
        (spec, share, rounding, vetoedGraded) => {
          const g = scheme(rounding, share, vetoedGraded ? { vetoed: 'back' } : {});
          const ordered = [...spec].sort((a, b) => Number(a[1]) - Number(b[1]) || b[0] - a[0]);
          const exact = rows(ordered.map(([t, v]) => (v ? [t / 100, 'v'] : t / 100)));
          const scaled = exact.map(({ total: _t, id, ...row }, i) => ({
            ...row,
            unitId: id,
            totalScaled: (ordered[i] as [number, boolean])[0],
          }));
          const out = assignGrades(exact, g);
          expect(assignGradesScaled(scaled, g, 2)).toEqual(out);
          // The band holds at least its count whenever enough units can be placed.
          const back = out.bands[2]!;
          expect(back.count).toBeGreaterThanOrEqual(Math.min(back.bottomRequired!, out.graded));
        },
      ),
      { numRuns: 200, seed: 56 },
    );
  });
});
