import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { q } from '../exact/exact.ts';
import { Grades } from '../schema/ruleset.ts';
import { assignGrades, assignGradesScaled, type GradeRow } from './assign.ts';

const grades = (raw: unknown): Grades => Grades.parse(raw);
const rows = (...spec: [string, string, ('v' | 'n')?][]): GradeRow[] =>
  spec.map(([id, total, flag], i) => ({
    id,
    rank: i + 1,
    total: q(total),
    vetoed: flag === 'v',
    noCommendation: flag === 'n',
  }));

const fourBands = {
  bands: [
    { id: 'excellent', label: { zh: '优秀', en: 'excellent' }, min: 90, maxShare: 40 },
    { id: 'good', label: '良好', min: 80 },
    { id: 'pass', label: '合格', min: 60 },
    { id: 'fail', label: '不合格', min: 0 },
  ],
};

describe('assignGrades', () => {
  it('bands by total, min inclusive', () => {
    const out = assignGrades(
      rows(['a', '95'], ['b', '90'], ['c', '89.99'], ['d', '60'], ['e', '59.5']),
      grades({ bands: fourBands.bands.map((b) => ({ ...b, maxShare: undefined })) }),
    );
    expect(out.units.map((u) => u.grade)).toEqual([
      'excellent',
      'excellent',
      'good',
      'pass',
      'fail',
    ]);
    expect(out.issues).toEqual([]);
  });

  it('passes the lowest-ranked excess of a quota down: 40% of 6 is at most 2', () => {
    const out = assignGrades(
      rows(['a', '99'], ['b', '98'], ['c', '95'], ['d', '91'], ['e', '85'], ['f', '70']),
      grades(fourBands),
    );
    expect(out.units.map((u) => u.grade)).toEqual([
      'excellent',
      'excellent',
      'good',
      'good',
      'good',
      'pass',
    ]);
    expect(out.units[2]!.notes[0]!.zh).toContain('顺延为「良好」');
    expect(out.bands[0]).toMatchObject({ count: 2, maxAllowed: 2, share: '100/3' });
  });

  it('passes a tie across the quota line down whole: units of one rank share one grade', () => {
    // 40 % of 5 is at most 2 excellent; b and c tie at rank 2, so the line falls inside the tie.
    // Splitting it by unit id would give b 优秀 and c 良好 on the same total; both go down.
    const r = rows(['a', '99'], ['b', '95'], ['c', '95'], ['d', '80'], ['e', '70']);
    r[2]!.rank = 2;
    const out = assignGrades(r, grades(fourBands));
    expect(out.units.map((u) => u.grade)).toEqual(['excellent', 'good', 'good', 'good', 'pass']);
    expect(out.issues.map((i) => i.code)).toEqual(['quota-tie-passed-down']);
    expect(out.issues[0]!.message.zh).toContain('并列第2名的2个单位');
    expect(out.bands[0]).toMatchObject({ count: 1, maxAllowed: 2 });
    // The same totals told apart by a tie-break (ranks 2 and 3) keep the quota's two places.
    r[2]!.rank = 3;
    const broken = assignGrades(r, grades(fourBands));
    expect(broken.units.map((u) => u.grade)).toEqual([
      'excellent',
      'excellent',
      'good',
      'good',
      'pass',
    ]);
    expect(broken.issues).toEqual([]);
  });

  it('vetoed units are out of the grades unless grades.vetoed names one; they are never moved', () => {
    const r = rows(['a', '99', 'v'], ['b', '85'], ['c', '70']);
    expect(assignGrades(r, grades(fourBands)).units.map((u) => u.grade)).toEqual([
      null,
      'good',
      'pass',
    ]);
    const withVeto = assignGrades(r, grades({ ...fourBands, vetoed: 'fail' }));
    expect(withVeto.units.map((u) => u.grade)).toEqual(['fail', 'good', 'pass']);
    expect(withVeto.graded).toBe(3);
  });

  it('caps a unit under no-commendation', () => {
    const out = assignGrades(
      rows(['a', '99', 'n'], ['b', '85']),
      grades({ ...fourBands, noCommendationCap: 'pass' }),
    );
    expect(out.units.map((u) => u.grade)).toEqual(['pass', 'good']);
    expect(out.units[0]!.notes[0]!.en).toContain('no commendation');
  });

  it('reports a minShare not reached as a warning and forces nothing', () => {
    const g = grades({
      bands: [
        { id: 'adv', label: '先进', min: 90, minShare: 50 },
        { id: 'back', label: '后进', min: 0 },
      ],
    });
    const out = assignGrades(rows(['a', '95'], ['b', '80'], ['c', '70']), g);
    expect(out.units.map((u) => u.grade)).toEqual(['adv', 'back', 'back']);
    expect(out.issues).toMatchObject([
      {
        code: 'grade-min-share-not-reached',
        severity: 'warning',
        path: 'grades.bands[0].minShare',
      },
    ]);
    expect(out.bands[0]!.minRequired).toBe(2);
  });

  it('a total below every band is ungraded with a warning, not silently failed', () => {
    const g = grades({ bands: [{ id: 'ok', label: '合格', min: 60 }] });
    const out = assignGrades(rows(['a', '59']), g);
    expect(out.units[0]!.grade).toBeNull();
    expect(out.issues[0]!.code).toBe('no-grade-band');
  });

  it('names the ungraded unit by its name and id', () => {
    const g = grades({ bands: [{ id: 'ok', label: '合格', min: 60 }] });
    const out = assignGrades(
      [
        {
          id: 'xh01',
          name: '团结村',
          rank: 1,
          total: q('59'),
          vetoed: false,
          noCommendation: false,
        },
      ],
      g,
    );
    expect(out.issues).toMatchObject([{ code: 'no-grade-band', path: 'units.xh01' }]);
    expect(out.issues[0]!.message.zh).toBe('单位「团结村」(xh01)的总分低于所有等次下限');
    expect(out.issues[0]!.message.en).toBe('unit "团结村" (xh01): total is below every grade band');
  });

  it('a last band with a blank min takes every total below the band above it (catch-all)', () => {
    const g = grades({
      bands: [
        { id: 'adv', label: '先进', min: 90 },
        { id: 'ok', label: '合格', min: 60 },
        { id: 'back', label: '后进', min: null },
      ],
    });
    const out = assignGrades(
      rows(['a', '95'], ['b', '60'], ['c', '59.99'], ['d', '0'], ['e', '-3']),
      g,
    );
    expect(out.units.map((u) => u.grade)).toEqual(['adv', 'ok', 'back', 'back', 'back']);
    expect(out.issues).toEqual([]);
    expect(out.bands.map((b) => b.count)).toEqual([1, 1, 3]);
    // The catch-all band is still a band: vetoed units may be placed there, quotas pass down into it.
    const quota = assignGrades(
      rows(['a', '99'], ['b', '97']),
      grades({ ...g, bands: [{ ...g.bands[0], maxShare: 50 }, ...g.bands.slice(1)] }),
    );
    expect(quota.units.map((u) => u.grade)).toEqual(['adv', 'ok']);
  });

  it('a blank min above the last band is still an error', () => {
    const g = grades({
      bands: [
        { id: 'adv', label: '先进', min: null },
        { id: 'ok', label: '合格', min: 60 },
      ],
    });
    expect(assignGrades(rows(['a', '95']), g).issues).toMatchObject([
      { code: 'missing-number', path: 'grades.bands[0].min' },
    ]);
  });

  it('property: quotas are never exceeded when the last band has none', () => {
    const arb = fc.record({
      totals: fc.array(
        fc.record({ t: fc.integer({ min: 0, max: 100 }), v: fc.boolean(), n: fc.boolean() }),
        { maxLength: 40 },
      ),
      shares: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 3, maxLength: 3 }),
      vetoedGrade: fc.boolean(),
    });
    fc.assert(
      fc.property(arb, ({ totals, shares, vetoedGrade }) => {
        const sorted = [...totals].sort((a, b) => b.t - a.t);
        const r: GradeRow[] = sorted.map((x, i) => ({
          id: `u${String(i).padStart(3, '0')}`,
          rank: i + 1,
          total: q(x.t),
          vetoed: x.v,
          noCommendation: x.n,
        }));
        const g = grades({
          bands: [
            { id: 'a', label: 'A', min: 90, maxShare: shares[0] },
            { id: 'b', label: 'B', min: 75, maxShare: shares[1] },
            { id: 'c', label: 'C', min: 60, maxShare: shares[2] },
            { id: 'd', label: 'D', min: 0 },
          ],
          ...(vetoedGrade ? { vetoed: 'd' } : {}),
          noCommendationCap: 'b',
        });
        const out = assignGrades(r, g);
        out.bands.forEach((b) => {
          if (b.maxAllowed !== null) expect(b.count).toBeLessThanOrEqual(b.maxAllowed);
        });
        expect(out.bands.reduce((s, b) => s + b.count, 0)).toBe(out.graded);
        expect(
          out.units.filter((u, i) => r[i]!.vetoed && u.grade !== (vetoedGrade ? 'd' : null)),
        ).toEqual([]);
        // No unit is graded above what its total earns.
        const order = ['a', 'b', 'c', 'd'];
        out.units.forEach((u, i) => {
          if (u.grade === null || r[i]!.vetoed) return;
          const byTotal = [90, 75, 60, 0].findIndex((m) => r[i]!.total.compare(m) >= 0);
          expect(order.indexOf(u.grade)).toBeGreaterThanOrEqual(byTotal);
        });
        expect(JSON.stringify(assignGrades(r, g))).toBe(JSON.stringify(out));
      }),
    );
  });
});

describe('assignGradesScaled', () => {
  it('grades integer totals exactly as assignGrades grades the same decimals, bounds with more places too', () => {
    const bandsOf = (mins: [string, string, string]) =>
      grades({
        bands: [
          { id: 'advanced', label: '先进', min: mins[0], maxShare: 30 },
          { id: 'pass', label: '合格', min: mins[1] },
          { id: 'backward', label: '后进', min: mins[2] === 'rest' ? null : mins[2] },
        ],
        vetoed: 'backward',
        noCommendationCap: 'pass',
      });
    // Bounds and totals crowd around 100–101 so that totals land on and beside every bound.
    const bound = fc
      .integer({ min: 9990, max: 10110 })
      .map((i) => (i / 100 + 0.005 * (i % 3)).toFixed(3));
    fc.assert(
      fc.property(
        fc.tuple(bound, bound, fc.oneof(bound, fc.constant('rest'))),
        fc.array(
          fc.tuple(
            fc.oneof(fc.integer({ min: 9985, max: 10115 }), fc.integer({ min: -500, max: 15000 })),
            fc.constantFrom('', 'v', 'n', '', ''),
          ),
          { maxLength: 40 },
        ),
        (mins, spec) => {
          const sorted = [...mins.slice(0, 2)].sort((a, b) => Number(b) - Number(a));
          const scheme = bandsOf([
            sorted[0] as string,
            sorted[1] as string,
            mins[2] === 'rest' || Number(mins[2]) > Number(sorted[1]) ? 'rest' : mins[2],
          ]);
          const ordered = [...spec].sort((a, b) => b[0] - a[0]);
          const exact = ordered.map(([t, flag], i) => ({
            id: `u${i}`,
            rank: i + 1,
            total: q(t).div(100),
            vetoed: flag === 'v',
            noCommendation: flag === 'n',
          }));
          const scaled = exact.map(({ total: _total, id, ...row }, i) => ({
            ...row,
            unitId: id,
            totalScaled: (ordered[i] as [number, string])[0],
          }));
          const expected = assignGrades(exact, scheme);
          expect(assignGradesScaled(scaled, scheme, 2)).toEqual(expected);
          // Rows read one at a time through one reused object grade the same.
          const cursor = { ...(scaled[0] ?? { unitId: '', rank: 0, totalScaled: 0 }) };
          const source = {
            length: scaled.length,
            row: (r: number) => Object.assign(cursor, scaled[r]),
          };
          expect(assignGradesScaled(source, scheme, 2)).toEqual(expected);
        },
      ),
      { numRuns: 400 },
    );
  });
});
