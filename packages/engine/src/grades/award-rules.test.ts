import { describe, expect, it } from 'vitest';
import { scoreCohort } from '../cohort/score-cohort.ts';
import type { RuleSetInput } from '../schema/ruleset.ts';
import { compileRuleSet } from '../score/compile.ts';
import { parseRuleSet } from '../validate/parse.ts';

// Award rules as data: no award two years running (last year's award is an input), and
// misconduct caps the grade. Both are 不予评先 sanctions; the grades cap them at 良好.
const json: RuleSetInput = {
  schemaVersion: 1,
  id: 'awards',
  title: '评先规则',
  issuer: '县',
  level: '乡镇',
  year: 2017,
  edition: 1,
  points: 100,
  rounding: { scores: { dp: 1, mode: 'half-up' } },
  inputs: [
    { id: 'rate', label: '完成率', unit: '%' },
    { id: 'awarded_last_year', label: '上年度已评为优秀', unit: 'yesno', source: 'previous' },
    { id: 'misconduct', label: '有违纪问题', unit: 'yesno' },
  ],
  sections: [
    {
      code: '一',
      title: '完成情况',
      points: 100,
      items: [
        {
          code: '1',
          title: '完成率',
          points: 100,
          rule: { kind: 'proportional', value: 'rate', target: 100 },
        },
      ],
    },
  ],
  sanctions: [
    {
      id: 'twice',
      level: 'no-commendation',
      when: 'awarded_last_year',
      reason: '上年度已评为优秀,本年度不连续评优',
    },
    {
      id: 'conduct',
      level: 'no-commendation',
      when: 'misconduct',
      reason: '有违纪问题,等次不高于良好',
    },
  ],
  grades: {
    bands: [
      { id: 'excellent', label: '优秀', min: 90 },
      { id: 'good', label: '良好', min: 75 },
      { id: 'pass', label: '合格', min: 60 },
      { id: 'fail', label: '不合格', min: null },
    ],
    noCommendationCap: 'good',
  },
};

describe('award rules (no award two years running; misconduct caps the grade)', () => {
  it('caps the grade of a unit awarded last year or with misconduct, and leaves its score and rank alone', () => {
    const parsed = parseRuleSet(json);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const rules = compileRuleSet(parsed.value);
    const unit = (id: string, rate: number, awarded: boolean, misconduct: boolean) => ({
      id,
      name: id,
      values: { rate, awarded_last_year: awarded, misconduct },
    });
    const cohort = scoreCohort(rules, [
      unit('甲', 98, true, false),
      unit('乙', 95, false, false),
      unit('丙', 93, false, true),
      unit('丁', 80, false, false),
    ]);
    expect(cohort.units.map((u) => [u.name, u.rank, u.total, u.grade])).toEqual([
      ['甲', 1, '98', 'good'],
      ['乙', 2, '95', 'excellent'],
      ['丙', 3, '93', 'good'],
      ['丁', 4, '80', 'good'],
    ]);
    expect(cohort.units[0]?.gradeNotes.map((n) => n.zh)).toEqual(['不予评先,等次不高于「良好」']);
  });
});
