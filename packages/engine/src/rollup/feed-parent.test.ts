// Integration: villages are scored as a cohort, the township's figure is the share of villages
// qualified, and that share is an input of the township's own sheet.
import { describe, expect, it } from 'vitest';
import { scoreCohort } from '../cohort/score-cohort.ts';
import type { RuleSetInput } from '../schema/ruleset.ts';
import { compileRuleSet } from '../score/compile.ts';
import { scoreUnit } from '../score/score-unit.ts';
import { parseRuleSet } from '../validate/parse.ts';
import { childFlags, perChildDeduction } from './per-child.ts';
import { rollUp } from './roll-up.ts';

function compile(json: RuleSetInput) {
  const parsed = parseRuleSet(json);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return compileRuleSet(parsed.value);
}
const common = {
  schemaVersion: 1 as const,
  issuer: '镇',
  year: 2026,
  edition: 1,
  rounding: { scores: { dp: 2, mode: 'half-up' as const } },
};

const village = compile({
  ...common,
  id: 'village',
  title: '村级考核',
  level: '村',
  points: 10,
  inputs: [
    { id: 'rate', label: '符合政策生育率', unit: '%' },
    { id: 'signed', label: '签订责任书', unit: 'yesno' },
  ],
  sections: [
    {
      code: '一',
      title: '计生',
      points: 10,
      items: [
        {
          code: '1',
          title: '符合政策生育率',
          points: 10,
          rule: {
            kind: 'threshold',
            value: 'rate',
            op: '>=',
            target: 95,
            below: { per: 1, points: 2, steps: 'pro-rata' },
          },
        },
      ],
    },
  ],
  grades: {
    bands: [
      { id: 'adv', label: '先进', min: 9, maxShare: 50 },
      { id: 'ok', label: '合格', min: 0 },
    ],
  },
});

const township = compile({
  ...common,
  id: 'township',
  title: '乡镇考核',
  level: '乡镇',
  points: 20,
  inputs: [
    { id: 'villages_ok', label: '达标村比例', unit: '%' },
    { id: 'unsigned_deduction', label: '未签责任书扣分', unit: 'number' },
  ],
  sections: [
    {
      code: '一',
      title: '基层',
      points: 20,
      items: [
        {
          code: '1',
          title: '达标村比例≥85%',
          points: 10,
          rule: { kind: 'threshold', value: 'villages_ok', op: '>=', target: 85 },
        },
        {
          code: '2',
          title: '层层签订责任书',
          points: 10,
          rule: { kind: 'expr', score: '10 + unsigned_deduction' },
        },
      ],
    },
  ],
});

const villages = [
  { id: 'v1', name: '一村', values: { rate: 96, signed: '是' } },
  { id: 'v2', name: '二村', values: { rate: '94.5', signed: '是' } },
  { id: 'v3', name: '三村', values: { rate: 90, signed: '否' } },
  { id: 'v4', name: '四村', values: { rate: 95, signed: '是' } },
];

describe('a roll-up feeds the parent', () => {
  it('share of villages scoring ≥ 9 and −0.5 per unsigned village become the township inputs', () => {
    const cohort = scoreCohort(village, villages);
    // 96 → 10; 94.5 → 10 − 0.5 × 2 = 9; 90 → 0; 95 → 10.
    expect(cohort.units.map((u) => [u.unitId, u.total, u.grade])).toEqual([
      ['v1', '10', 'adv'],
      ['v4', '10', 'adv'],
      ['v2', '9', 'ok'],
      ['v3', '0', 'ok'],
    ]);
    const byTotal = rollUp(cohort, {
      qualifies: { by: 'total', min: 9 },
      rounding: { dp: 2, mode: 'half-up' },
    });
    const byGrade = rollUp(cohort, { qualifies: { by: 'grade', grades: ['adv'] } });
    expect(
      byTotal.ok && [byTotal.value.value, byTotal.value.notQualified.map((n) => n.unitId)],
    ).toEqual(['75', ['v3']]);
    expect(byGrade.ok && byGrade.value.value).toBe('50');
    const unsigned = perChildDeduction(childFlags(villages, 'signed'), '0.5');
    if (!byTotal.ok || !unsigned.ok) throw new Error('roll-up failed');
    const t = scoreUnit(township, {
      id: 't',
      name: '某镇',
      values: { villages_ok: byTotal.value.value, unsigned_deduction: unsigned.value.amount },
    });
    expect([t.total, t.sections[0]!.items.map((i) => i.score)]).toEqual(['9.5', ['0', '9.5']]);
  });
});
