import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseRuleSet } from '../validate/parse.ts';
import { compileRuleSet } from '../score/compile.ts';
import { scoreCohort } from '../cohort/score-cohort.ts';
import { rankCohort } from './rank-cohort.ts';
import type { RuleSetInput } from '../schema/ruleset.ts';

const json: RuleSetInput = {
  schemaVersion: 1,
  id: 'rank',
  title: '排名',
  issuer: '市',
  level: '县',
  year: 2016,
  edition: 2,
  points: 10,
  rounding: { scores: { dp: 1, mode: 'half-up' } },
  inputs: [
    { id: 'a', label: 'a', unit: '%' },
    { id: 'b', label: 'b', unit: 'count' },
    { id: 'bad', label: 'bad', unit: 'count' },
  ],
  sections: [
    {
      code: '一',
      title: '甲',
      points: 6,
      items: [
        {
          code: '1',
          title: 'a',
          points: 6,
          rule: {
            kind: 'threshold',
            value: 'a',
            op: '>=',
            target: 90,
            below: { per: 1, points: 1, steps: 'each-full' },
          },
        },
      ],
    },
    {
      code: '二',
      title: '乙',
      points: 4,
      items: [
        {
          code: '1',
          title: 'b',
          points: 4,
          deductions: [{ kind: 'per-case', input: 'b', each: 1 }],
        },
      ],
    },
  ],
  sanctions: [
    { id: 'v', level: 'veto', when: 'bad > 0', reason: '否决' },
    { id: 'low', level: 'no-commendation', when: 'total < 4', reason: '总分过低' },
  ],
  grades: {
    bands: [
      { id: 'adv', label: '先进', min: 8, maxShare: 30 },
      { id: 'ok', label: '合格', min: 5 },
      { id: 'back', label: '后进', min: 0 },
    ],
  },
  ranking: { tieBreak: ['section:二'], ties: 'shared', vetoedLast: true },
};
const parsed = parseRuleSet(json);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const rs = compileRuleSet(parsed.value);

describe('rankCohort', () => {
  const withTieBreaks = (tieBreak: string[]) => {
    const p = parseRuleSet({ ...json, ranking: { tieBreak, ties: 'shared', vetoedLast: true } });
    if (!p.ok) throw new Error(JSON.stringify(p.issues));
    return compileRuleSet(p.value);
  };
  // Tie-break lists for the radix passes: a section, an input ascending, two keys that pull
  // against each other on equal totals (their order matters), none.
  const variants = [
    rs,
    withTieBreaks(['input:a:asc']),
    withTieBreaks(['section:一', 'input:b']),
    withTieBreaks(['input:a:asc', 'input:b']),
    withTieBreaks(['indicator:二.1:asc', 'section:一']),
    withTieBreaks([]),
  ];

  it('ranks and grades exactly as scoreCohort does, ties broken by the tie-breaks and then unit id', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            // A blank now and then: the unit is incomplete, its grade pending (待定).
            a: fc.oneof(
              { weight: 9, arbitrary: fc.integer({ min: 80, max: 95 }) },
              { weight: 1, arbitrary: fc.constant(null) },
            ),
            b: fc.integer({ min: 0, max: 4 }),
            bad: fc.oneof(
              { weight: 9, arbitrary: fc.integer({ min: 0, max: 1 }) },
              { weight: 1, arbitrary: fc.constant(null) },
            ),
          }),
          { minLength: 1, maxLength: 25 },
        ),
        fc.constantFrom(...variants.keys()),
        fc.integer({ min: 1, max: 1000 }),
        fc.boolean(),
        (rows, v, seed, inOrder) => {
          const rules = variants[v] as typeof rs;
          // Ids in an order unrelated to the input order, so that ties by id show; or in the
          // input order (the listing of equal units then needs no sort by id).
          const units = rows.map((values, i) => ({
            id: inOrder
              ? `u${String(i).padStart(3, '0')}`
              : `u${String(((i + 1) * seed) % 997).padStart(3, '0')}-${i}`,
            name: `单位${i}`,
            values,
          }));
          const full = scoreCohort(rules, units);
          const lean = rankCohort(rules, units);
          const row = (u: (typeof lean.units)[number] | (typeof full.units)[number]) => [
            u.unitId,
            u.rank,
            u.total,
            u.grade,
            u.gradeLabel?.zh ?? null,
            u.vetoed,
            u.noCommendation,
            u.complete,
          ];
          expect(lean.units.map(row)).toEqual(full.units.map(row));
          // The rest of each unit as scoreCohort has it: place, ties, sections, sanctions.
          const place = (u: (typeof lean.units)[number] | (typeof full.units)[number]) => [
            u.position,
            u.tied,
          ];
          expect(lean.units.map(place)).toEqual(full.units.map(place));
          expect(
            lean.units.map((u) => u.sections.map((x) => (x === null ? null : x / 10))),
          ).toEqual(
            full.units.map((u) =>
              u.result.sections.map((x) => (x.score === null ? null : Number(x.score))),
            ),
          );
          // The tie-break items' scores, as scoreUnit scores them (10^-1 points).
          const itemPaths = rules.ruleSet.ranking.tieBreak.flatMap((tb) =>
            tb.startsWith('indicator:') ? [tb.split(':')[1] as string] : [],
          );
          expect(lean.units.map((u) => u.items.map((x) => (x === null ? null : x / 10)))).toEqual(
            full.units.map((u) =>
              itemPaths.map((path) => {
                const item = u.result.sections.flatMap((x) => x.items).find((i) => i.path === path);
                return item?.score == null ? null : Number(item.score);
              }),
            ),
          );
          expect(lean.units.map((u) => [...u.sanctions])).toEqual(
            full.units.map((u) => u.result.sanctions.map((x) => x.id)),
          );
          // The columns, by the cohort's order, say what the units say.
          const { columns } = lean;
          expect(lean.size).toBe(units.length);
          expect(columns.ids).toEqual(units.map((u) => u.id));
          lean.units.forEach((u, p) => {
            const i = columns.order[p] as number;
            expect(columns.position[i]).toBe(p);
            expect([
              columns.ids[i],
              columns.rank[i],
              columns.totalScaled[i],
              lean.total(i),
              columns.vetoed[i] === 1,
              columns.complete[i] === 1,
            ]).toEqual([u.unitId, u.rank, u.totalScaled, u.total, u.vetoed, u.complete]);
          });
          // A veto that holds decides on its own; anything else incomplete waits.
          for (const u of full.units)
            if (!u.complete && !u.vetoed) expect(u.gradeLabel?.zh).toBe('待定');
          expect(lean.grades).toEqual(full.grades);
          expect(lean.issues.map((i) => `${i.code}@${i.path}`)).toEqual(
            full.issues.map((i) => `${i.code}@${i.path}`),
          );
        },
      ),
      { numRuns: 150, seed: 20261201 },
    );
  });

  it('orders totals spread too widely for a counting sort with the comparator, as scoreCohort does', () => {
    const wide = parseRuleSet({
      ...json,
      points: 2_000_006,
      sections: [
        json.sections[0] as never,
        {
          code: '二',
          title: '乙',
          points: 2_000_000,
          items: [
            {
              code: '1',
              title: 'b',
              points: 2_000_000,
              rule: { kind: 'proportional', value: 'b', target: 4 },
            },
          ],
        } as never,
      ],
    });
    if (!wide.ok) throw new Error(JSON.stringify(wide.issues));
    const rules = compileRuleSet(wide.value);
    const units = [0, 4, 1, 4, 3, 0].map((b, i) => ({
      id: `w${5 - i}`,
      name: `宽${i}`,
      values: { a: 85 + i, b, bad: 0 },
    }));
    const full = scoreCohort(rules, units);
    const lean = rankCohort(rules, units);
    expect(lean.units.map((u) => [u.unitId, u.rank, u.total, u.grade])).toEqual(
      full.units.map((u) => [u.unitId, u.rank, u.total, u.grade]),
    );
    expect(Number(lean.units[0]?.total)).toBeGreaterThan(1_000_000);
  });

  it('breaks ties on inputs the integer reader cannot take, as scoreCohort does', () => {
    const withInputTie = parseRuleSet({
      ...json,
      ranking: { tieBreak: ['input:a:asc'], ties: 'shared', vetoedLast: true },
    });
    if (!withInputTie.ok) throw new Error(JSON.stringify(withInputTie.issues));
    const rules = compileRuleSet(withInputTie.value);
    const units = [
      { id: 'x', name: '甲', values: { a: '91.0000001', b: 0, bad: 0 } },
      { id: 'y', name: '乙', values: { a: '\u300091.0000002', b: 0, bad: 0 } },
      { id: 'z', name: '丙', values: { a: '91', b: 0, bad: 0 } },
    ];
    const full = scoreCohort(rules, units);
    const lean = rankCohort(rules, units);
    expect(lean.units.map((u) => [u.name, u.rank, u.grade])).toEqual(
      full.units.map((u) => [u.name, u.rank, u.grade]),
    );
    expect(lean.units.map((u) => u.name)).toEqual(['丙', '甲', '乙']);
    const twice = rankCohort(rules, [
      ...units,
      { id: 'z', name: '丙二', values: { a: '92', b: 0, bad: 0 } },
    ]);
    expect(twice.issues.map((i) => i.code)).toContain('duplicate-unit');
    expect(twice.units.map((u) => u.name)).toEqual(['丙', '甲', '乙', '丙二']);
  });

  it('sorts a tie-break input that is not a finite number last, as scoreCohort does', () => {
    const withInputTie = parseRuleSet({
      ...json,
      ranking: { tieBreak: ['input:a:asc'], ties: 'shared', vetoedLast: true },
    });
    if (!withInputTie.ok) throw new Error(JSON.stringify(withInputTie.issues));
    const rules = compileRuleSet(withInputTie.value);
    const units = [NaN, 95, Infinity, 91].map((a, i) => ({
      id: `n${i}`,
      name: `单位${i}`,
      values: { a, b: 0, bad: 0 },
    }));
    const full = scoreCohort(rules, units);
    const lean = rankCohort(rules, units);
    expect(lean.units.map((u) => [u.unitId, u.rank, u.total])).toEqual(
      full.units.map((u) => [u.unitId, u.rank, u.total]),
    );
  });

  describe('a streamed cohort', () => {
    /** The rule set with a bound from the cohort (read in a first pass) and a sanction on the
     *  ranking (decided once all are ranked). */
    const twoPass = (() => {
      const p = parseRuleSet({
        ...json,
        sections: [
          {
            ...(json.sections[0] as object),
            items: [
              {
                code: '1',
                title: 'a',
                points: 6,
                rule: { kind: 'threshold', value: 'a', op: '>=', target: 'peer_mean(a)' },
              },
            ],
          } as never,
          json.sections[1] as never,
        ],
        sanctions: [
          ...(json.sanctions ?? []),
          { id: 'last', level: 'interview', when: 'bottom_rank() <= 1', reason: '末位' },
        ],
      });
      if (!p.ok) throw new Error(JSON.stringify(p.issues));
      return compileRuleSet(p.value);
    })();
    const cohort = Array.from({ length: 40 }, (_, i) => ({
      id: `s${String((i * 17) % 40).padStart(2, '0')}`,
      name: `单位${i}`,
      values: { a: 80 + ((i * 7) % 16), b: i % 5, bad: i % 13 === 0 ? 1 : 0 },
    }));
    function* oneShot<T>(items: readonly T[]): Generator<T> {
      yield* items;
    }
    /** Iterable again and again, each time afresh: what a reader of a file would give. */
    const again = <T>(items: readonly T[]): Iterable<T> => ({
      [Symbol.iterator]: () => oneShot(items),
    });
    const row = (u: ReturnType<typeof rankCohort>['units'][number]) =>
      [u.unitId, u.rank, u.total, u.grade, u.vetoed, u.noCommendation, [...u.sanctions]].join('|');

    it('ranks a generator or a re-iterable source exactly as the array, with one pass or two', () => {
      for (const rules of [rs, twoPass]) {
        const array = rankCohort(rules, cohort);
        for (const streamed of [
          rankCohort(rules, oneShot(cohort)),
          rankCohort(rules, again(cohort)),
        ]) {
          expect(streamed.units.map(row)).toEqual(array.units.map(row));
          expect(streamed.grades).toEqual(array.grades);
          expect(streamed.issues).toEqual(array.issues);
        }
      }
      // The two-pass rule set really reads the cohort: its bound and its sanction decide.
      const ranked = rankCohort(twoPass, again(cohort));
      expect(ranked.units.at(-1)?.sanctions).toContain('last');
      expect(new Set(ranked.units.map((u) => u.total)).size).toBeGreaterThan(3);
    });

    it('reports duplicate ids and undeclared classes of a streamed cohort as of an array', () => {
      const units = [
        ...cohort.slice(0, 3),
        { ...(cohort[1] as (typeof cohort)[number]), name: '重复' },
        { ...(cohort[2] as (typeof cohort)[number]), id: 'k', class: '无此类' },
      ];
      const issues = rankCohort(rs, oneShot(units)).issues.map((i) => `${i.code}@${i.path}`);
      expect(issues).toEqual(rankCohort(rs, units).issues.map((i) => `${i.code}@${i.path}`));
      expect(issues).toEqual(
        expect.arrayContaining([
          `duplicate-unit@units.${cohort[1]?.id}`,
          'unknown-class@units.k.class',
        ]),
      );
    });

    it('ranks an empty cohort as empty', () => {
      for (const units of [[], oneShot([])]) {
        const r = rankCohort(twoPass, units);
        expect(r.units).toEqual([]);
        expect(r.grades?.graded).toBe(0);
        expect(r.size).toBe(0);
        expect(() => r.total(0)).toThrow(RangeError);
      }
    });

    it('refuses a re-iterable cohort that gives other units the second time', () => {
      let pass = 0;
      const shifting: Iterable<(typeof cohort)[number]> = {
        [Symbol.iterator]: () => oneShot(pass++ === 0 ? cohort : cohort.slice(1)),
      };
      expect(() => rankCohort(twoPass, shifting)).toThrow(/40 units in its first pass and 39/);
      pass = 0;
      const reordered: Iterable<(typeof cohort)[number]> = {
        [Symbol.iterator]: () => oneShot(pass++ === 0 ? cohort : [...cohort].reverse()),
      };
      expect(() => rankCohort(twoPass, reordered)).toThrow(/not the same ids in the same order/);
    });
  });
});

describe('rank rules on the kernels', () => {
  it('scores points by place (ties shared, the rest otherwise) and in proportion to the leader as scoreCohort does', () => {
    const p = parseRuleSet({
      ...json,
      points: 18,
      sections: [
        ...(json.sections as RuleSetInput['sections']),
        {
          code: '三',
          title: '排名',
          points: 8,
          items: [
            {
              code: '1',
              title: '完成率排名',
              points: 5,
              // 第1名5分,第2名4分,第3名3分,其余1分 (ties share a place).
              rule: { kind: 'rank', value: 'a', points: [5, 4, 3], otherwise: 1 },
            },
            {
              code: '2',
              title: '用时排名',
              points: 3,
              // The least first: the leader's figure ÷ the unit's of 3 points (a figure of 0
              // leads with full points).
              rule: { kind: 'rank', value: 'b', order: 'asc', points: 'proportional-to-leader' },
            },
          ],
        },
      ],
    });
    if (!p.ok) throw new Error(JSON.stringify(p.issues));
    const ranked = compileRuleSet(p.value);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            a: fc.option(
              fc.integer({ min: 800, max: 1000 }).map((v) => String(v / 10)),
              {
                nil: undefined,
              },
            ),
            b: fc.integer({ min: 0, max: 7 }),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        (rows) => {
          const units = rows.map((values, i) => ({ id: `u${i}`, name: `u${i}`, values }));
          const fast = rankCohort(ranked, units);
          const full = scoreCohort(ranked, units);
          const row = (u: { unitId: string; total: string | null; complete: boolean }) => [
            u.unitId,
            u.total,
            u.complete,
          ];
          expect(fast.units.map(row)).toEqual(full.units.map(row));
          // A blank figure has no place: only that unit's rank item goes to the exact evaluator
          // (which says it is missing); every other evaluation is on the kernels.
          const blanks = rows.filter((r) => r.a === undefined).length;
          expect(fast.routes.exact).toBe(blanks);
        },
      ),
      { numRuns: 200, seed: 4 },
    );
  });
});
