// Golden tests: association-year-end.json (20 points) scored by the engine against figures
// worked out by hand.
import { rankCohort, scoreCohort, scoreUnit, type InputValue, type UnitInput } from '@kaohe/engine';
import { describe, expect, it } from 'vitest';
import { compiled, item, sectionScores } from './__tests__/helpers.ts';
import { associationYearEnd } from './index.ts';

const rules = compiled(associationYearEnd);

const EVIDENCE = [
  'study_sessions',
  'leader_surveys',
  'joint_commendation',
  'president_is_head',
  'exec_vp_five_elders',
  'secgen_civil_servant',
  'assoc_office_staff',
  'assoc_funds',
  'fp_funds',
  'funds_separate',
  'office_space',
  'leader_allowance',
  'care_activities',
  'advanced_assocs',
  'enterprise_assocs',
  'members',
  'member_homes',
  'floating_assoc',
  'publicity_events',
];
const GOOD: Record<string, InputValue> = {
  study_sessions: '2',
  leader_surveys: '1',
  joint_commendation: true,
  president_is_head: true,
  exec_vp_five_elders: true,
  secgen_is_fp_director: true,
  secgen_civil_servant: true,
  assoc_office_staff: true,
  assoc_funds: '12',
  fp_funds: '100',
  funds_separate: true,
  office_space: true,
  leader_allowance: true,
  care_activities: true,
  insurance_service: true,
  village_assocs: '20',
  advanced_assocs: '9',
  backward_assocs: '2',
  eligible_enterprises: '4',
  enterprise_assocs: '4',
  members: '2600',
  population: '30000',
  backbone_members: '780',
  member_homes: '20',
  autonomy_rate: '88',
  floating_assoc: true,
  publicity_events: '3',
  leadership_failure: false,
};
const unit = (
  id: string,
  cls: string | undefined,
  changes: Record<string, InputValue>,
  missingEvidence: string[] = [],
): UnitInput => ({
  id,
  name: id,
  ...(cls ? { class: cls } : {}),
  values: { ...GOOD, ...changes },
  evidence: Object.fromEntries(EVIDENCE.map((e) => [e, !missingEvidence.includes(e)])),
});

describe('association-year-end golden scores', () => {
  it('a township meeting every requirement scores 20, on the 10 % backward and 30 % backbone boundaries', () => {
    const r = scoreUnit(rules, unit('a', 'other', {}));
    // 12 ÷ 100 = 12 % ≥ 10; 9 ÷ 20 = 45 % ≥ 40 (other); 2 ÷ 20 = 10 % ≤ 10; 4 of 4 = 100 %;
    // 2600 ÷ 30000 = 8.67 % ≥ 8; 780 ÷ 2600 = 30 % → ramp full; 20 of 20 homes → 0.5 × 100 ÷ 100
    expect(item(r, '七.2')).toMatchObject({ score: '0.5', status: 'met' });
    expect(item(r, '七.5')).toMatchObject({ score: '0.5', status: 'met' });
    expect(r).toMatchObject({
      total: '20',
      max: '20',
      vetoed: false,
      noCommendation: false,
      complete: true,
      sanctions: [],
    });
  });

  it('a good-foundation township short on several ratios, with the enterprise item not applicable', () => {
    const r = scoreUnit(
      rules,
      unit('b', 'good', {
        assoc_funds: '8.5',
        advanced_assocs: '9',
        backward_assocs: '9',
        eligible_enterprises: '0',
        enterprise_assocs: '0',
        members: '2100',
        backbone_members: '525',
        member_homes: '13',
        autonomy_rate: '82.5',
        publicity_events: '1',
      }),
    );
    // 四.1: 8.5 % → 1.5 points short, each started → 2 × 0.5 = 1 → 2 − 1 = 1
    expect(item(r, '四.1').score).toBe('1');
    // 七.1: 45 % < 50 % (good foundation) → 0; 七.2: 45 % ≤ 50 % → 0.5
    expect(item(r, '七.1')).toMatchObject({ score: '0', status: 'not-met' });
    expect(item(r, '七.2').score).toBe('0.5');
    // 七.3: no enterprises of 100+ staff → not applicable
    expect(item(r, '七.3').status).toBe('not-applicable');
    // 七.4: 2100 ÷ 30000 = 7 % → 1 point short → 0.5 → 0.5
    expect(item(r, '七.4').score).toBe('0.5');
    // 七.5: 525 ÷ 2100 = 25 % → 0.5 × (25 − 20) ÷ (30 − 20) = 0.25
    expect(item(r, '七.5').score).toBe('0.25');
    // 七.6: 13 ÷ 20 = 65 % → 0.5 × 65 ÷ 100 = 0.325 → 0.33 (half-up)
    expect(item(r, '七.6').score).toBe('0.33');
    // 七 = 0 + 0.5 + 0.5 + 0.25 + 0.33 = 1.58 of 3.5 applicable → 1.58 × 4 ÷ 3.5 = 1.8057… → 1.81
    // 八.1: 85 − 82.5 = 2.5 × 0.1 pro rata = 0.25 → 1.25; 八.3: 1 event short → 0.75 − 0.375 = 0.375 → 0.38
    expect(item(r, '八.3').score).toBe('0.38');
    expect(sectionScores(r)).toEqual({
      一: '3',
      二: '2',
      三: '1.5',
      四: '2',
      五: '1.5',
      六: '2',
      七: '1.81',
      八: '2.38',
    });
    // 3 + 2 + 1.5 + 2 + 1.5 + 2 + 1.81 + 2.38 = 16.19
    expect(r.total).toBe('16.19');
    expect(r.sanctions).toEqual([]);
  });

  it('poor leadership is vetoed, and a backward total bars commendation; blanks and missing evidence', () => {
    const r = scoreUnit(
      rules,
      unit(
        'c',
        'other',
        {
          leadership_failure: true,
          study_sessions: '0',
          leader_surveys: '0',
          joint_commendation: false,
          president_is_head: false,
          funds_separate: false,
          assoc_funds: '6',
          care_activities: false,
          insurance_service: false,
          autonomy_rate: null,
          publicity_events: '2',
        },
        ['publicity_events'],
      ),
    );
    // 一 = 0 + 0 + 0; 二 = 0 + 0.6 + 0.6 = 1.2; 四.1: 6 % → 4 points short × 0.5 = 2 → 0; 四 = 0; 六 = 0
    expect(item(r, '四.1').score).toBe('0');
    // 八.1 blank → missing input; 八.3 without its evidence → 0
    expect(item(r, '八.1')).toMatchObject({
      score: null,
      status: 'missing-input',
      missingInputs: ['autonomy_rate'],
    });
    expect(item(r, '八.3')).toMatchObject({ score: '0', status: 'missing-evidence' });
    expect(sectionScores(r)).toEqual({
      一: '0',
      二: '1.2',
      三: '1.5',
      四: '0',
      五: '1.5',
      六: '0',
      七: '4',
      八: '0.75',
    });
    // 0 + 1.2 + 1.5 + 0 + 1.5 + 0 + 4 + 0.75 = 8.95, but 八.1 is blank: the total is incomplete,
    // so "total < 12 → no commendation" is undecided (待定); the veto holds on its own input
    expect(r.total).toBe('8.95');
    expect(r.sanctions.map((s) => `${s.id}:${s.level}`)).toEqual(['leadership_veto:veto']);
    expect(r.issues.filter((i) => i.code === 'sanction-undecided').map((i) => i.path)).toEqual([
      'backward_no_commendation',
    ]);
    // a veto bars commendation anyway
    expect(r).toMatchObject({ vetoed: true, noCommendation: true, complete: false });
  });

  it('a township without a class cannot have its advanced and backward shares judged', () => {
    const r = scoreUnit(rules, unit('d', undefined, {}));
    expect(item(r, '七.1')).toMatchObject({
      score: null,
      status: 'missing-input',
      missingInputs: ['class'],
    });
    expect(item(r, '七.2').status).toBe('missing-input');
    // 20 − 1 − 0.5 = 18.5
    expect(r).toMatchObject({ total: '18.5', complete: false });
  });

  it('grades a cohort with advanced at most 40 %', () => {
    const units = [
      unit('t1', 'other', {}),
      unit('t2', 'other', { study_sessions: '1' }),
      unit('t3', 'other', { office_space: false }),
      unit('t4', 'other', {
        care_activities: false,
        insurance_service: false,
        funds_separate: false,
        joint_commendation: false,
        assoc_office_staff: false,
        office_space: false,
      }),
      unit('t5', 'other', { leadership_failure: true }),
    ];
    const cohort = scoreCohort(rules, units);
    // t1 20, t2 20 (1 meeting still meets ≥ 1), t3 19, t4 20 − 1 − 1 − 1 − 1 − 1 − 1 = 14, t5 20 but vetoed.
    // 5 graded; advanced at most floor(5 × 40 %) = 2 → t3 (19 ≥ 18) passes down to pass.
    expect(cohort.units.map((u) => `${u.unitId}:${u.total}:${u.grade ?? '-'}`)).toEqual([
      't1:20:advanced',
      't2:20:advanced',
      't3:19:pass',
      't4:14:pass',
      't5:20:backward',
    ]);
  });

  // 后进 counted from the bottom: the lowest-ranked 10 % (count rounded half up) are 后进.
  describe('backward is the lowest-ranked 10 %', () => {
    // Each of these yes/no items is worth 1 point: the first k of them failed cost k points.
    const SIX = [
      'care_activities',
      'insurance_service',
      'funds_separate',
      'joint_commendation',
      'assoc_office_staff',
      'office_space',
    ];
    const failing = (id: string, k: number, more: Record<string, InputValue> = {}) =>
      unit(id, 'other', { ...Object.fromEntries(SIX.slice(0, k).map((x) => [x, false])), ...more });
    const graded = (units: UnitInput[]) => {
      const cohort = scoreCohort(rules, units);
      const fast = rankCohort(rules, units);
      const lines = cohort.units.map((u) => `${u.unitId}:${u.total}:${u.grade ?? '-'}`);
      // rankCohort grades on integer totals (assignGradesScaled): the same outcomes.
      expect(fast.units.map((u) => `${u.unitId}:${u.total}:${u.grade ?? '-'}`)).toEqual(lines);
      return { cohort, lines };
    };

    it('moves the lowest-ranked of ten into 后进 although its 14 reaches 合格', () => {
      const { cohort, lines } = graded([
        failing('a01', 0),
        failing('a02', 1),
        failing('a03', 2),
        failing('a04', 3),
        failing('a05', 3),
        failing('a06', 4),
        failing('a07', 4),
        failing('a08', 5),
        failing('a09', 5),
        failing('a10', 6),
      ]);
      // Totals 20 − k: 20, 19, 18, 17, 17, 16, 16, 15, 15, 14. Advanced ≥ 18 and at most
      // floor(40 % × 10) = 4: a01–a03. 后进: round(10 % × 10) = 1 unit, none below 12 → a10.
      expect(lines).toEqual([
        'a01:20:advanced',
        'a02:19:advanced',
        'a03:18:advanced',
        'a04:17:pass',
        'a05:17:pass',
        'a06:16:pass',
        'a07:16:pass',
        'a08:15:pass',
        'a09:15:pass',
        'a10:14:backward',
      ]);
      expect(cohort.units[9]!.gradeNotes.map((n) => n.zh)).toEqual([
        '排名在后10%(1个)之内,定为「后进」',
      ]);
      expect(cohort.grades?.bands[2]).toMatchObject({ count: 1, bottomRequired: 1 });
    });

    it('takes a tie at the line whole', () => {
      const { cohort, lines } = graded([
        failing('a01', 0),
        failing('a02', 1),
        failing('a03', 2),
        failing('a04', 3),
        failing('a05', 3),
        failing('a06', 4),
        failing('a07', 4),
        failing('a08', 4),
        failing('a09', 5),
        failing('a10', 5),
      ]);
      // 1 unit from the bottom, but a09 and a10 both have 15 (the same items, rank 9, 9): both.
      expect(lines.slice(7)).toEqual(['a08:16:pass', 'a09:15:backward', 'a10:15:backward']);
      expect(cohort.issues.filter((i) => i.code === 'bottom-quota-tie')).toHaveLength(1);
    });

    it('counts a vetoed township, graded 后进, towards the share', () => {
      const units = [
        ...Array.from({ length: 14 }, (_, i) =>
          failing(`b${String(i + 1).padStart(2, '0')}`, Math.floor(i / 3)),
        ),
        failing('b15', 0, { leadership_failure: true }),
      ];
      const { lines } = graded(units);
      // k = 0,0,0,1,1,1,2,2,2,3,3,3,4,4: totals 20×3, 19×3, 18×3, 17×3, 16×2; b15 20 but vetoed
      // (ranked last, 后进). Advanced (≥ 18) at most floor(40 % × 15) = 6: b01–b06; b07–b09
      // (18) pass down to 合格. 后进: round(10 % × 15) = round(1.5) = 2 — b15 and one more,
      // the lowest-ranked: b13 and b14 tie at 16 (rank 13, 13), so both go: 3 in all.
      expect(lines).toEqual([
        'b01:20:advanced',
        'b02:20:advanced',
        'b03:20:advanced',
        'b04:19:advanced',
        'b05:19:advanced',
        'b06:19:advanced',
        'b07:18:pass',
        'b08:18:pass',
        'b09:18:pass',
        'b10:17:pass',
        'b11:17:pass',
        'b12:17:pass',
        'b13:16:backward',
        'b14:16:backward',
        'b15:20:backward',
      ]);
    });
  });
});
