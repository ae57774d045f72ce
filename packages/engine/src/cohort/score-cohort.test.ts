import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { UnitInput } from '../model/result.ts';
import { compileRuleSet } from '../score/compile.ts';
import { parseRuleSet } from '../validate/parse.ts';
import { scoreCohort } from './score-cohort.ts';
import { ruleSetHeader } from '@kaohe/test-utils';

function compiled(extra: Record<string, unknown> = {}) {
  const parsed = parseRuleSet({
    ...ruleSetHeader({
      id: 'cohort-test',
      title: '测试',
      issuer: '市',
      level: '旗县区',
      year: 2026,
    }),
    points: 30,
    inputs: [
      { id: 'rate', label: '符合政策生育率', unit: '%' },
      { id: 'quota', label: '生育计划', unit: '人', source: 'assigned' },
      { id: 'births', label: '出生人数', unit: '人' },
      { id: 'major_case', label: '重大案件', unit: 'yesno' },
    ],
    sections: [
      {
        code: '一',
        title: '生育水平',
        points: 30,
        items: [
          {
            code: '1',
            title: '高于全体平均',
            points: 10,
            rule: { kind: 'threshold', value: 'rate', op: '>=', target: 'peer_mean(rate)' },
          },
          {
            code: '2',
            title: '名次',
            points: 10,
            rule: { kind: 'rank', value: 'rate', points: [10, 8, 6] },
          },
          {
            code: '3',
            title: '计划内',
            points: 10,
            rule: { kind: 'threshold', value: 'births', op: '<=', target: 'quota' },
          },
        ],
      },
    ],
    sanctions: [{ id: 'major', level: 'veto', when: 'major_case', reason: '发生重大案件' }],
    grades: {
      bands: [
        { id: 'adv', label: '先进', min: 20, maxShare: 50 },
        { id: 'ok', label: '合格', min: 0 },
      ],
    },
    ...extra,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return compileRuleSet(parsed.value);
}

const units: UnitInput[] = [
  { id: 'a', name: '甲', values: { rate: 95, births: 90, major_case: false } },
  { id: 'b', name: '乙', values: { rate: 93, births: 110, major_case: false } },
  { id: 'c', name: '丙', values: { rate: '92', births: 80, major_case: '是' } },
  { id: 'd', name: '丁', values: { rate: 93, births: 50, major_case: false } },
];
const baselines = {
  assigned: { a: { quota: 100 }, b: { quota: 100 }, c: { quota: 100 }, d: { quota: 100 } },
};

describe('scoreCohort', () => {
  it('scores against the exact peer mean and ranks, then ranks and grades the cohort', () => {
    const out = scoreCohort(compiled(), units, { baselines });
    // mean of 95, 93, 92, 93 = 93.25: only 甲 is at or above it. Ranks by rate: 甲 1, 乙 丁 2, 丙 4.
    expect(out.peers.rate).toEqual({ count: 4, mean: '93.25', max: '95', min: '92' });
    expect(out.units.map((u) => [u.unitId, u.total, u.rank, u.vetoed, u.grade])).toEqual([
      ['a', '30', 1, false, 'adv'],
      ['d', '18', 2, false, 'ok'],
      ['b', '8', 3, false, 'ok'],
      ['c', '10', 4, true, null],
    ]);
    expect(out.grades?.graded).toBe(3);
  });

  it('a blank peer input is left out of the mean, never counted as 0', () => {
    const out = scoreCohort(
      compiled(),
      [...units.slice(0, 3), { id: 'd', name: '丁', values: { births: 1, major_case: false } }],
      { baselines },
    );
    expect(out.peers.rate).toEqual({ count: 3, mean: '280/3', max: '95', min: '92' });
  });

  it('a peer value that is not a number is left out and named by the unit name and id', () => {
    const out = scoreCohort(
      compiled(),
      [
        ...units.slice(0, 3),
        { id: 'd', name: '丁', values: { rate: '九十', births: 1, major_case: false } },
      ],
      { baselines },
    );
    expect(out.peers.rate).toEqual({ count: 3, mean: '280/3', max: '95', min: '92' });
    const unreadable = out.issues.find((i) => i.code === 'peer-value-unreadable');
    expect(unreadable).toMatchObject({ path: 'units.d.rate', inputId: 'rate' });
    expect(unreadable?.message.zh).toBe('单位「丁」(d)的「rate」不是数值,未计入全体平均/最高/最低');
  });

  it('property: deterministic under any order of the units, and a veto never changes a score', () => {
    const unitArb = fc.uniqueArray(
      fc.record({
        id: fc.stringMatching(/^[a-z]{1,3}$/),
        rate: fc.integer({ min: 85, max: 100 }),
        births: fc.integer({ min: 50, max: 150 }),
        veto: fc.boolean(),
      }),
      { selector: (u) => u.id, minLength: 1, maxLength: 12 },
    );
    const rs = compiled();
    fc.assert(
      fc.property(unitArb, (specs) => {
        const us: UnitInput[] = specs.map((s) => ({
          id: s.id,
          name: s.id,
          values: { rate: s.rate, births: s.births, quota: 100, major_case: s.veto },
        }));
        const out = scoreCohort(rs, us);
        expect(JSON.stringify(scoreCohort(rs, [...us].reverse()))).toBe(JSON.stringify(out));
        const clean = scoreCohort(
          rs,
          us.map((u) => ({ ...u, values: { ...u.values, major_case: false } })),
        );
        const totals = (r: typeof out) =>
          Object.fromEntries(r.units.map((u) => [u.unitId, u.total]));
        expect(totals(out)).toEqual(totals(clean));
        expect(out.units.map((u) => u.unitId).sort()).toEqual(us.map((u) => u.id).sort());
      }),
      { numRuns: 60 },
    );
  });
});
