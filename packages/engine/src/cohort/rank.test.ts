import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { q } from '../exact/exact.ts';
import { rankRows, type RankRow } from './rank.ts';

const row = (
  id: string,
  total: string | null,
  vetoed = false,
  ...more: (string | null)[]
): RankRow => ({
  id,
  vetoed,
  keys: [total, ...more].map((k) => (k === null ? null : q(k))),
});

describe('rankRows', () => {
  it('shares ranks on ties (1, 1, 3) and lists tied units by id', () => {
    const out = rankRows([row('c', '90'), row('b', '95'), row('a', '95')], {
      ties: 'shared',
      vetoedLast: true,
    });
    expect(out.map((p) => [p.id, p.rank, p.position, p.tied])).toEqual([
      ['a', 1, 1, true],
      ['b', 1, 2, true],
      ['c', 3, 3, false],
    ]);
  });

  it('dense ties give 1, 1, 2', () => {
    const out = rankRows([row('c', '90'), row('b', '95'), row('a', '95')], {
      ties: 'dense',
      vetoedLast: true,
    });
    expect(out.map((p) => p.rank)).toEqual([1, 1, 2]);
  });

  it('a tie-break key separates equal totals; a missing key sorts last', () => {
    const out = rankRows(
      [row('a', '95', false, '10'), row('b', '95', false, '12'), row('c', '95', false, null)],
      { ties: 'shared', vetoedLast: true },
    );
    expect(out.map((p) => [p.id, p.rank])).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 3],
    ]);
  });

  it('vetoed units rank after all others when vetoedLast, by total otherwise', () => {
    const rows = [row('a', '99', true), row('b', '80'), row('c', '70')];
    expect(rankRows(rows, { ties: 'shared', vetoedLast: true }).map((p) => p.id)).toEqual([
      'b',
      'c',
      'a',
    ]);
    expect(rankRows(rows, { ties: 'shared', vetoedLast: false }).map((p) => p.id)).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('compares exactly: 0.1 + 0.2 ties 0.3', () => {
    const out = rankRows(
      [{ id: 'x', vetoed: false, keys: [q('0.1').add(q('0.2'))] }, row('y', '0.3')],
      { ties: 'shared', vetoedLast: true },
    );
    expect(out.map((p) => p.rank)).toEqual([1, 1]);
  });

  const rowsArb = fc.uniqueArray(
    fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      vetoed: fc.boolean(),
      total: fc.integer({ min: 0, max: 20 }),
      tb: fc.option(fc.integer({ min: 0, max: 3 })),
    }),
    { selector: (r) => r.id, maxLength: 30 },
  );
  const toRows = (
    rs: { id: string; vetoed: boolean; total: number; tb: number | null }[],
  ): RankRow[] =>
    rs.map((r) => ({
      id: r.id,
      vetoed: r.vetoed,
      keys: [q(r.total), r.tb === null ? null : q(r.tb)],
    }));

  it('is a permutation, deterministic under any input order, and ranks never improve down the list', () => {
    fc.assert(
      fc.property(
        rowsArb,
        fc.boolean(),
        fc.constantFrom('shared' as const, 'dense' as const),
        (rs, vetoedLast, ties) => {
          const rows = toRows(rs);
          const out = rankRows(rows, { ties, vetoedLast });
          expect(out.map((p) => p.id).sort()).toEqual(rows.map((r) => r.id).sort());
          expect(out.map((p) => p.position)).toEqual(rows.map((_, i) => i + 1));
          const reversed = rankRows([...rows].reverse(), { ties, vetoedLast });
          expect(JSON.stringify(reversed)).toBe(JSON.stringify(out));
          for (let i = 1; i < out.length; i++) {
            expect(out[i]!.rank).toBeGreaterThanOrEqual(out[i - 1]!.rank);
            if (out[i]!.rank === out[i - 1]!.rank) expect(out[i]!.id > out[i - 1]!.id).toBe(true);
          }
          if (ties === 'shared') out.forEach((p) => expect(p.rank).toBeLessThanOrEqual(p.position));
        },
      ),
    );
  });
});
