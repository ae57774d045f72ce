// Ranking and grading after scoring: one piece of code for every engine, so engines differ only
// in how they score. Totals come in as each engine spells them and are read exactly.
//
// Rank: by total, highest first; equal totals share a rank (1, 1, 3), vetoed units included (a
// veto keeps the score). Grades among the units not vetoed (m of them): the best 40 % by count,
// rounded down (floor(0.4 m)), are 先进; the worst 10 % (floor(0.1 m)) 后进; the rest 合格;
// vetoed units 否决. Equal totals get the same grade: a group of equal totals that would cross
// a quota's edge is left out of that quota (先进 only if every unit at or above its total fits
// in floor(0.4 m); 后进 only if every unit at or below it fits in floor(0.1 m)), so no quota is
// ever exceeded and the grade does not depend on the order of equal units.

const GRADE_ADVANCED = '先进';
const GRADE_PASS = '合格';
const GRADE_BACKWARD = '后进';
const GRADE_VETOED = '否决';

export interface Graded {
  /** Per unit, in the engine's cohort order: the total in hundredths of a point. */
  hundredths: Int32Array;
  rank: Int32Array;
  grade: string[];
}

/**
 * A total spelled as a plain decimal, read exactly as a whole number of hundredths: "95.5" →
 * 9550. A spelling with more than 2 places, or not a plain decimal, is an error: a total that
 * cannot be read is never ranked as some other figure.
 */
export function hundredths(total: string): number {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(total);
  if (!m) throw new RangeError(`a total that is not a decimal with at most 2 places: ${total}`);
  const frac = (m[2] ?? '').padEnd(2, '0');
  return Number(m[1]) * 100 + Number(frac);
}

export function rankAndGrade(totals: readonly string[], vetoed: readonly boolean[]): Graded {
  const n = totals.length;
  const h = new Int32Array(n);
  let max = 0;
  for (let i = 0; i < n; i++) {
    const v = hundredths(totals[i] as string);
    h[i] = v;
    if (v > max) max = v;
  }
  // Counting by total: every unit's count of higher totals (its rank − 1), and among units not
  // vetoed, how many stand at or above / at or below each total.
  const all = new Int32Array(max + 2);
  const kept = new Int32Array(max + 2);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = h[i] as number;
    (all[v] as number)++;
    if (!vetoed[i]) {
      (kept[v] as number)++;
      m++;
    }
  }
  // above[v]: units with a total > v; keptAtOrAbove[v], keptAtOrBelow[v] among units not vetoed.
  const above = new Int32Array(max + 2);
  const keptAtOrAbove = new Int32Array(max + 2);
  for (let v = max, acc = 0, accKept = 0; v >= 0; v--) {
    above[v] = acc;
    acc += all[v] as number;
    accKept += kept[v] as number;
    keptAtOrAbove[v] = accKept;
  }
  const keptAtOrBelow = new Int32Array(max + 2);
  for (let v = 0, acc = 0; v <= max; v++) {
    acc += kept[v] as number;
    keptAtOrBelow[v] = acc;
  }
  const advanced = Math.floor((m * 4) / 10);
  const backward = Math.floor(m / 10);
  const rank = new Int32Array(n);
  const grade = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const v = h[i] as number;
    rank[i] = (above[v] as number) + 1;
    grade[i] = vetoed[i]
      ? GRADE_VETOED
      : (keptAtOrAbove[v] as number) <= advanced
        ? GRADE_ADVANCED
        : (keptAtOrBelow[v] as number) <= backward
          ? GRADE_BACKWARD
          : GRADE_PASS;
  }
  return { hundredths: h, rank, grade };
}
