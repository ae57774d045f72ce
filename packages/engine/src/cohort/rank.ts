// Ranking of a cohort on plain data: rows carry their sort keys already oriented so that a
// larger key is better. Fully ordered and stable: after every key, the unit id decides the
// listing order, while units equal on every key share their rank.
import type { Q } from '../exact/exact.ts';

export interface RankRow {
  id: string;
  /** Breaks the listing order of rows that share an id (a duplicate is reported, not lost). */
  seq?: number;
  vetoed: boolean;
  /** Total first, then the tie-breaks; larger is better; null (not available) sorts last. */
  keys: readonly (Q | null)[];
}

export interface RankOptions {
  ties: 'shared' | 'dense';
  vetoedLast: boolean;
}

export interface Placed {
  id: string;
  seq?: number;
  /** 1-based place in the listing. */
  position: number;
  /** 1-based rank: equal rows share it (1, 1, 3 when shared; 1, 1, 2 when dense). */
  rank: number;
  /** True when another row has the same rank. */
  tied: boolean;
}

function compareKey(a: Q | null, b: Q | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return b.compare(a);
}

/** Compares two rows on everything but the id: negative when `a` ranks before `b`. */
function compareRows(a: RankRow, b: RankRow, vetoedLast: boolean): number {
  if (vetoedLast && a.vetoed !== b.vetoed) return a.vetoed ? 1 : -1;
  const n = Math.max(a.keys.length, b.keys.length);
  for (let i = 0; i < n; i++) {
    const c = compareKey(a.keys[i] ?? null, b.keys[i] ?? null);
    if (c !== 0) return c;
  }
  return 0;
}

const byId = (a: RankRow, b: RankRow): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : (a.seq ?? 0) - (b.seq ?? 0);

/** Orders and ranks the rows; the input order never matters. */
export function rankRows(rows: readonly RankRow[], options: RankOptions): Placed[] {
  const sorted = [...rows].sort((a, b) => compareRows(a, b, options.vetoedLast) || byId(a, b));
  const placed: Placed[] = [];
  sorted.forEach((row, i) => {
    const prev = i > 0 ? sorted[i - 1] : undefined;
    const prevPlaced = placed[i - 1];
    let rank = 1;
    if (prev && prevPlaced) {
      const same = compareRows(prev, row, options.vetoedLast) === 0;
      rank = same ? prevPlaced.rank : options.ties === 'shared' ? i + 1 : prevPlaced.rank + 1;
      if (same) {
        prevPlaced.tied = true;
      }
    }
    placed.push({
      id: row.id,
      ...(row.seq !== undefined ? { seq: row.seq } : {}),
      position: i + 1,
      rank,
      tied: prev !== undefined && prevPlaced?.rank === rank,
    });
  });
  return placed;
}
