// Ranks and grades inside sanctions (RULE-FORMS 55; issue 14 point 10): the bottom two of a class
// are interviewed, units graded 不合格 are named in a notice — decided after ranking and grading,
// by scoreCohort and rankCohort alike; open (待定) for a unit scored alone or a cohort with a
// unit incomplete. Every standing below is worked out by hand.
import { describe, expect, it } from 'vitest';
import { ruleSetHeader } from '@kaohe/test-utils';
import { rankCohort } from '../fast/rank-cohort.ts';
import type { UnitInput } from '../model/result.ts';
import { compileRuleSet } from '../score/compile.ts';
import { scoreUnit } from '../score/score-unit.ts';
import { parseRuleSet, validateRuleSet } from '../validate/parse.ts';
import { scoreCohort } from './score-cohort.ts';
import { standings } from './standing.ts';

const doc = (sanctions: unknown[], items?: unknown[]) =>
  ruleSetHeader({
    points: 100,
    classes: [
      { id: 'town', label: '镇' },
      { id: 'farm', label: '农场' },
    ],
    inputs: [{ id: 's', label: '得分', unit: 'number' }],
    sections: [
      {
        code: '一',
        title: '工作',
        points: 100,
        items: items ?? [
          { code: '1', title: '得分', points: 100, rule: { kind: 'expr', score: 's' } },
        ],
      },
    ],
    grades: {
      bands: [
        { id: 'good', label: { zh: '良好', en: 'good' }, min: 80 },
        { id: 'pass', label: { zh: '合格', en: 'pass' }, min: 60 },
        { id: 'fail', label: { zh: '不合格', en: 'fail' }, min: null },
      ],
    },
    sanctions,
  });
const SANCTIONS = [
  {
    id: 'talk',
    level: 'interview',
    when: 'class_bottom_rank() <= 2',
    reason: { zh: '本类排名后两位', en: 'bottom two of the class' },
  },
  {
    id: 'named',
    level: 'notice',
    when: "grade == 'fail'",
    reason: { zh: '考核不合格', en: 'graded fail' },
  },
];
const compiled = (sanctions: unknown[] = SANCTIONS) => {
  const p = parseRuleSet(doc(sanctions));
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return compileRuleSet(p.value);
};
const u = (id: string, cls: string, s: number | null): UnitInput => ({
  id,
  name: id,
  class: cls,
  values: { s },
});
// Towns: t1 95, t2 85, t3 70, t4 70 (tied), t5 50. Farms: f1 90, f2 55.
const UNITS = [
  u('t1', 'town', 95),
  u('t2', 'town', 85),
  u('t3', 'town', 70),
  u('t4', 'town', 70),
  u('t5', 'town', 50),
  u('f1', 'farm', 90),
  u('f2', 'farm', 55),
];

describe('standings', () => {
  it('from the bottom: 1 + the units ranked below, ties sharing it; class ranks within the class', () => {
    // Ranks 1, 2, 3, 3, 5 (shared); from the bottom: 5 → 1, the tied 3s → 2 (one below), 2 → 4, 1 → 5.
    const s = standings(
      [1, 2, 3, 3, 5].map((rank) => ({ rank, complete: true, grade: null, gradeLabel: null })),
      (i) => (i % 2 ? 'b' : 'a'),
      'shared',
    );
    expect(s.map((x) => x.fromBottom)).toEqual([5, 4, 2, 2, 1]);
    // Class a: ranks 1, 3, 5 → class ranks 1, 2, 3, from the bottom 3, 2, 1; class b: 2, 3 → 1, 2.
    expect(s.map((x) => x.classRank)).toEqual([1, 1, 2, 2, 3]);
    expect(s.map((x) => x.classFromBottom)).toEqual([3, 2, 2, 1, 1]);
  });
});

describe('sanctions on the ranking or the grade', () => {
  it('interviews the bottom two of each class (a tie at the cut in whole) and names the units graded 不合格', () => {
    const out = scoreCohort(compiled(), UNITS);
    const held = new Map(out.units.map((x) => [x.unitId, x.result.sanctions.map((s) => s.id)]));
    // Towns from the bottom: t5 1, t3 and t4 2 (tied, one below) — three interviews; t2 4.
    // Farms: f2 1, f1 2 — both. Graded 不合格 (below 60): t5 (50), f2 (55).
    expect(Object.fromEntries(held)).toEqual({
      t1: [],
      f1: ['talk'],
      t2: [],
      t3: ['talk'],
      t4: ['talk'],
      f2: ['talk', 'named'],
      t5: ['talk', 'named'],
    });
    // Decided: no "decided after ranking" note is left on any unit.
    expect(
      out.units.flatMap((x) => x.result.issues.filter((i) => i.code === 'sanction-undecided')),
    ).toEqual([]);
  });

  it('rankCohort decides them the same', () => {
    const rs = compiled();
    const exact = scoreCohort(rs, UNITS);
    const fast = rankCohort(rs, UNITS);
    expect(fast.units.map((x) => [x.unitId, [...x.sanctions]])).toEqual(
      exact.units.map((x) => [x.unitId, x.result.sanctions.map((s) => s.id)]),
    );
  });

  it('a unit scored alone has them open (待定), its own figures still complete', () => {
    const r = scoreUnit(compiled(), u('t1', 'town', 95));
    expect(r.complete).toBe(true);
    expect(r.sanctions).toEqual([]);
    expect(r.issues.filter((i) => i.code === 'sanction-undecided').map((i) => i.path)).toEqual([
      'talk',
      'named',
    ]);
  });

  it('while a unit is incomplete the ranking is provisional: no rank is read; a grade given is', () => {
    const units = [...UNITS.slice(0, 6), u('f2', 'farm', null)];
    const out = scoreCohort(compiled(), units);
    // t5 keeps its grade 不合格 (as the cohort gives it), so its notice holds; no interview.
    expect(out.units.flatMap((x) => x.result.sanctions.map((s) => `${x.unitId}:${s.id}`))).toEqual([
      't5:named',
    ]);
    const t5 = out.units.find((x) => x.unitId === 't5')?.result;
    expect(t5?.issues.find((i) => i.path === 'talk')?.message.zh).toBe(
      '无法判定「本类排名后两位」:有单位数据不完整,排名和等次尚未确定',
    );
    expect(rankCohort(compiled(), units).issues.map((i) => i.code)).toContain('sanction-undecided');
  });

  it('is checked where it is written: interview or notice only; rank() in sanctions only', () => {
    const errs = (sanctions: unknown[], items?: unknown[]) =>
      validateRuleSet(doc(sanctions, items))
        .filter((i) => i.severity === 'error')
        .map((i) => `${i.code}@${i.path}`);
    expect(errs([{ ...SANCTIONS[0], level: 'veto' }])).toEqual([
      'cohort-sanction-level@sanctions[0]',
    ]);
    // The grade read where the rule set has no grades: never holds, so refused.
    const noGrades = validateRuleSet({ ...doc([SANCTIONS[1]]), grades: undefined })
      .filter((i) => i.severity === 'error')
      .map((i) => `${i.code}@${i.path}`);
    expect(noGrades).toEqual(['grade-without-grades@sanctions[0].when']);
    // A grade, a class or a choice compared with a value it never takes: refused at the literal.
    const typo = validateRuleSet(doc([{ ...SANCTIONS[1], when: "grade == 'failed'" }])).filter(
      (i) => i.severity === 'error',
    );
    expect(typo.map((i) => `${i.code}@${i.path}`)).toEqual(['expr-type@sanctions[0].when']);
    expect(typo[0]?.message.zh).toContain(
      `“grade”没有取值'failed'（可取：'good'、'pass'、'fail'、'none'）`,
    );
    expect(errs([{ ...SANCTIONS[1], when: "grade != 'none' && class == 'farms'" }])).toEqual([
      'expr-type@sanctions[0].when',
    ]);
    expect(errs([{ ...SANCTIONS[1], when: "grade != 'none' && class == 'farm'" }])).toEqual([]);
    expect(errs([{ ...SANCTIONS[1], level: 'notice', gradeCap: 'pass' }])).toEqual([
      'cohort-sanction-level@sanctions[0]',
    ]);
    expect(
      errs(SANCTIONS, [
        { code: '1', title: '得分', points: 100, rule: { kind: 'expr', score: '100 - rank()' } },
      ]),
    ).toEqual(['standing-misplaced@sections[0].items[0].rule.score']);
  });
});
