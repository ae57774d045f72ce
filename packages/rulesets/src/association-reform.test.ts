// Golden tests: association-reform.json (100 points) with its city / town classes.
import { scoreUnit, type InputValue, type UnitInput } from '@kaohe/engine';
import { describe, expect, it } from 'vitest';
import { compiled, item, sectionScores } from './__tests__/helpers.ts';
import { associationReform } from './index.ts';

const rules = compiled(associationReform);
const EVIDENCE = associationReform.inputs.filter((i) => i.evidence).map((i) => i.id);
const ALL_MET: Record<string, InputValue> = {
  agenda: true,
  budget_included: true,
  health_cooperation: true,
  publicity_events: '2',
  eugenics_guidance: true,
  family_support: true,
  reproductive_health: true,
  rights_hotline: true,
  floating_assoc: true,
  social_governance: true,
  family_health: true,
  cooperation: true,
  transferred_functions: true,
  election_in_sync: true,
  group_leaders: true,
  council_members: '40',
  council_frontline: '12',
  standing_members: '15',
  standing_frontline: '3',
  staff_quota: '20',
  seconded_staff: '3',
  members: '5000',
  backbone_members: '1500',
  liaison_system: true,
  volunteers: true,
  member_home: true,
  training: true,
  leader_months_min: '3',
  cadre_days_min: '40',
  collective_decision: true,
  care_fund: true,
  informatization: true,
};
const assoc = (
  id: string,
  cls: 'city' | 'town',
  changes: Record<string, InputValue>,
): UnitInput => ({
  id,
  name: id,
  class: cls,
  values: { ...ALL_MET, ...changes },
  evidence: Object.fromEntries(EVIDENCE.map((e) => [e, true])),
});

describe('association-reform golden scores', () => {
  it('the city office on every boundary (30 %, 20 %, 15 %, 3 months, 40 days) scores 100', () => {
    const r = scoreUnit(rules, assoc('city', 'city', {}));
    // 12 ÷ 40 = 30 %; 3 ÷ 15 = 20 %; 3 ÷ 20 = 15 %; 1500 ÷ 5000 = 30 %
    expect(item(r, '(三).2.(1)')).toMatchObject({ score: '5', status: 'met' });
    expect(item(r, '(三).2.(2)')).toMatchObject({ score: '5', status: 'met' });
    expect(item(r, '(三).3')).toMatchObject({ score: '5', status: 'met' });
    expect(item(r, '(四).3.(1)')).toMatchObject({ score: '3', status: 'met' });
    expect(item(r, '(四).3.(2)')).toMatchObject({ score: '3', status: 'met' });
    // (三).1 is for towns: not applicable, (三) rescaled: 24 of 24 → 30
    expect(item(r, '(三).1').status).toBe('not-applicable');
    expect(sectionScores(r)).toEqual({ '(一)': '15', '(二)': '30', '(三)': '30', '(四)': '25' });
    expect(r.total).toBe('100');
  });

  it('the city office short on field time and seconded cadres', () => {
    const r = scoreUnit(
      rules,
      assoc('city2', 'city', {
        leader_months_min: '2.5',
        cadre_days_min: '25',
        seconded_staff: '2',
      }),
    );
    // 3 − 2.5 = 0.5 month, each started → 1 × 1 → 2; 40 − 25 = 15 days = 1.5 steps of 10 → 2 × 0.5 = 1 → 2
    expect(item(r, '(四).3.(1)').score).toBe('2');
    expect(item(r, '(四).3.(2)').score).toBe('2');
    // 2 ÷ 20 = 10 % < 15 % → 0
    expect(item(r, '(三).3').score).toBe('0');
    // (三) = (10 + 0 + 5 + 4) × 30 ÷ 24 = 23.75; (四) = 5 + 4 + (2 + 2 + 2) + 4 + 4 = 23
    expect(sectionScores(r)).toEqual({ '(一)': '15', '(二)': '30', '(三)': '23.75', '(四)': '23' });
    // 15 + 30 + 23.75 + 23 = 91.75
    expect(r.total).toBe('91.75');
  });

  it('a town association: city-only items do not apply, sections rescaled', () => {
    const r = scoreUnit(
      rules,
      assoc('town', 'town', {
        council_members: '25',
        council_frontline: '6',
        standing_members: '9',
        standing_frontline: '1',
        backbone_members: '1300',
        publicity_events: '1',
        training: false,
      }),
    );
    // 6 ÷ 25 = 24 % → 6 points short × 0.5 = 3 → 2
    expect(item(r, '(三).2.(1)').score).toBe('2');
    // 1 ÷ 9 = 11.11 % (rates to 2 places) → 8.89 short → 9 steps × 0.5 = 4.5 → 0.5
    expect(item(r, '(三).2.(2)').score).toBe('0.5');
    // 1300 ÷ 5000 = 26 % → 3 × (26 − 20) ÷ 10 = 1.8
    expect(item(r, '(三).4.(1)').score).toBe('1.8');
    // one key-day event of two → 3 − 1.5 = 1.5
    expect(item(r, '(二).1').score).toBe('1.5');
    expect(item(r, '(三).3').status).toBe('not-applicable');
    expect(item(r, '(四).3').status).toBe('not-applicable');
    // (三) = (6 + 2.5 + 3.8 + 4) = 16.3 of 25 → × 30 ÷ 25 = 19.56
    // (四) = 5 + 0 + 4 + 4 = 13 of 17 → × 25 ÷ 17 = 19.1176… → 19.12
    expect(sectionScores(r)).toEqual({
      '(一)': '15',
      '(二)': '28.5',
      '(三)': '19.56',
      '(四)': '19.12',
    });
    // 15 + 28.5 + 19.56 + 19.12 = 82.18
    expect(r.total).toBe('82.18');
  });
});
