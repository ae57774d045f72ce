// Several no-commendation caps, each its own, and exclusion from the grades without a veto
// (RULE-FORMS 55; issue 14 point 10). scoreCohort and rankCohort grade alike (one grader).
import { describe, expect, it } from 'vitest';
import { ruleSetHeader } from '@kaohe/test-utils';
import { scoreCohort } from '../cohort/score-cohort.ts';
import { diffRuleSets } from '../diff/diff.ts';
import { rankCohort } from '../fast/rank-cohort.ts';
import type { UnitInput } from '../model/result.ts';
import { compileRuleSet } from '../score/compile.ts';
import { parseRuleSet, validateRuleSet } from '../validate/parse.ts';

/** One 100-point item: the unit's total is its typed score; three yes/no facts for sanctions. */
const doc = (sanctions: unknown[], extra: Record<string, unknown> = {}) =>
  ruleSetHeader({
    points: 100,
    inputs: [
      { id: 's', label: '得分', unit: 'number' },
      { id: 'misconduct', label: '违纪', unit: 'yesno' },
      { id: 'late', label: '迟报', unit: 'yesno' },
      { id: 'merged', label: '区划调整', unit: 'yesno' },
    ],
    sections: [
      {
        code: '一',
        title: '工作',
        points: 100,
        items: [{ code: '1', title: '得分', points: 100, rule: { kind: 'expr', score: 's' } }],
      },
    ],
    grades: {
      bands: [
        { id: 'excellent', label: { zh: '优秀', en: 'excellent' }, min: 90 },
        { id: 'good', label: { zh: '良好', en: 'good' }, min: 80 },
        { id: 'pass', label: { zh: '合格', en: 'pass' }, min: 60 },
        { id: 'fail', label: { zh: '不合格', en: 'fail' }, min: null },
      ],
    },
    sanctions,
    ...extra,
  });
const SANCTIONS = [
  {
    id: 'm',
    level: 'no-commendation',
    when: 'misconduct',
    reason: { zh: '发生违纪', en: 'misconduct' },
    gradeCap: 'pass',
  },
  { id: 'l', level: 'notice', when: 'late', reason: { zh: '迟报', en: 'late' }, gradeCap: 'good' },
  {
    id: 'x',
    level: 'notice',
    when: 'merged',
    reason: { zh: '年内区划调整', en: 'merged this year' },
    excludeFromGrades: true,
  },
];
const compiled = (sanctions: unknown[] = SANCTIONS) => {
  const p = parseRuleSet(doc(sanctions));
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return compileRuleSet(p.value);
};
const u = (id: string, s: number, facts: Record<string, boolean> = {}): UnitInput => ({
  id,
  name: id,
  values: { s, misconduct: false, late: false, merged: false, ...facts },
});
const UNITS = [
  u('a', 95, { late: true }), // 优秀 by total, capped by 迟报 at 良好
  u('b', 96, { late: true, misconduct: true }), // two caps: the stricter, 合格, holds
  u('c', 97, { merged: true }), // ranked, not graded
  u('d', 92), // 优秀
  u('e', 70, { late: true }), // 合格: below the cap, unchanged
];

describe('grade caps per sanction and exclusion from the grades', () => {
  it('each cap holds its own unit; the strictest of several holds; an excluded unit is ranked but not graded', () => {
    const out = scoreCohort(compiled(), UNITS);
    const grade = new Map(out.units.map((x) => [x.unitId, x.grade]));
    expect(['a', 'b', 'c', 'd', 'e'].map((id) => grade.get(id))).toEqual([
      'good',
      'pass',
      null,
      'excellent',
      'pass',
    ]);
    const notes = new Map(out.units.map((x) => [x.unitId, x.gradeNotes.map((n) => n.zh)]));
    expect(notes.get('a')).toEqual(['迟报,等次不高于「良好」']);
    expect(notes.get('b')).toEqual(['发生违纪,等次不高于「合格」']);
    expect(notes.get('c')).toEqual(['年内区划调整,不参加等次评定']);
    // c is still ranked first on its total, and out of the shares: 4 graded.
    expect(out.units[0]?.unitId).toBe('c');
    expect(out.grades?.graded).toBe(4);
  });

  it('rankCohort grades the same', () => {
    const rs = compiled();
    const exact = scoreCohort(rs, UNITS);
    const fast = rankCohort(rs, UNITS);
    expect(fast.units.map((x) => [x.unitId, x.grade])).toEqual(
      exact.units.map((x) => [x.unitId, x.grade]),
    );
    expect(fast.grades?.graded).toBe(4);
  });

  it('is checked where it is written', () => {
    const errs = (sanctions: unknown[], extra?: Record<string, unknown>) =>
      validateRuleSet(doc(sanctions, extra))
        .filter((i) => i.severity === 'error')
        .map((i) => `${i.code}@${i.path}`);
    expect(errs([{ ...SANCTIONS[0], gradeCap: 'top' }])).toEqual([
      'unknown-grade@sanctions[0].gradeCap',
    ]);
    expect(errs([{ ...SANCTIONS[2], level: 'veto' }])).toEqual([
      'sanction-grade-veto@sanctions[0].excludeFromGrades',
    ]);
    expect(errs([SANCTIONS[1]], { grades: undefined })).toEqual([
      'sanction-grade-without-grades@sanctions[0].gradeCap',
    ]);
  });

  it('the diff says a lower cap is stricter and an exclusion added', () => {
    const parsed = (sanctions: unknown[]) => {
      const p = parseRuleSet(doc(sanctions));
      if (!p.ok) throw new Error(JSON.stringify(p.issues));
      return p.value;
    };
    const [m, l, x] = SANCTIONS;
    const changes = diffRuleSets(
      parsed([m, l, { ...x, excludeFromGrades: undefined }]),
      parsed([m, { ...l, gradeCap: 'pass' }, x]),
    ).changes.map((c) => c.message.zh);
    expect(changes).toEqual([
      '通报「迟报」:等次上限由「良好」改为「合格」(收紧)',
      '通报「年内区划调整」:改为不参加等次评定(收紧)',
    ]);
  });
});
