// Golden tests: tier boundaries of baotou-2012.json on a compliant unit, and the ranking and
// grades of the sample cohort, worked out by hand.
import { scoreCohort, scoreUnit, type UnitResult } from '@kaohe/engine';
import { describe, expect, it } from 'vitest';
import { compiled, item, sectionScores } from './__tests__/helpers.ts';
import { baotou2012 } from './index.ts';
import { BAOTOU_BASE_VALUES, FULL_EVIDENCE } from './samples/baotou-2012-base.ts';
import { baotou2012SampleUnits } from './samples/baotou-2012-units.ts';

const rules = compiled(baotou2012);

describe('baotou-2012 tier boundaries', () => {
  const compliant = (
    values: Record<string, string | boolean | null>,
    evidence: Record<string, boolean | string> = FULL_EVIDENCE,
  ): UnitResult =>
    scoreUnit(rules, {
      id: 'x',
      name: '测试旗',
      values: { ...BAOTOU_BASE_VALUES, ...values },
      evidence: { ...evidence },
    });

  it('last year exactly 120 falls in the 12 % tier (以上 includes the number); 119.99 in the 10 % tier', () => {
    // 120: excess 13, achieved (120 − 118.5) × 100 ÷ 13 = 11.54 % < 12 % → short 0.46 → 1 step × 0.4 → 3.6
    const at120 = compliant({ sex_ratio: '118.5', sex_ratio_prev: '120' });
    expect(item(at120, '一(四).要求')).toMatchObject({ score: '3.6', status: 'partly-met' });
    // 119.99: excess 12.99, achieved 1.49 × 100 ÷ 12.99 = 11.47 % ≥ 10 % → 4
    const below = compliant({ sex_ratio: '118.5', sex_ratio_prev: '119.99' });
    expect(item(below, '一(四).要求')).toMatchObject({ score: '4', status: 'met' });
    // 118.5 ≤ 120: interview and (at 120) notice, but no veto
    expect(at120.sanctions.map((s) => s.id)).toEqual(['srb_interview', 'srb_notice']);
    expect(below.sanctions.map((s) => s.id)).toEqual(['srb_interview']);
  });

  it('last year exactly 107 requires no reduction; a rise above 107 from there is noticed', () => {
    const r = compliant({ sex_ratio: '107.5', sex_ratio_prev: '107' });
    expect(item(r, '一(四).要求').status).toBe('not-applicable');
    // band: 0.5 above → 1 step → 3; section (6 + 3 + 4) × 18 ÷ 14 = 16.714… → 16.71
    expect(sectionScores(r)['一(四)']).toBe('16.71');
    expect(r.sanctions.map((s) => s.id)).toEqual(['srb_interview', 'srb_notice']);
  });

  it('8.01 ‰ is one started step of 0.1 above 8: −1', () => {
    expect(item(compliant({ birth_rate: '8.01' }), '一(二).1.(1)').score).toBe('4');
  });

  it('evidence may be named by its file; a blank last-year ratio leaves the veto undecided, not cleared', () => {
    const named = compliant(
      {},
      { ...FULL_EVIDENCE, fp_budget_county: '2012年旗本级财政预算批复.pdf' },
    );
    expect(item(named, '一(六).1.(2)').status).toBe('met');
    const blank = compliant({ sex_ratio: '121', sex_ratio_prev: null });
    expect(item(blank, '一(四).要求')).toMatchObject({
      status: 'missing-input',
      missingInputs: ['sex_ratio_prev'],
    });
    expect(blank.vetoed).toBe(false);
    expect(blank.issues.filter((i) => i.code === 'sanction-undecided').map((i) => i.path)).toEqual([
      'srb_notice',
      'srb_veto',
    ]);
  });
});

describe('baotou-2012 cohort ranking and grades', () => {
  const cohort = scoreCohort(rules, baotou2012SampleUnits);
  const row = (id: string) => cohort.units.find((u) => u.unitId === id);

  it('ranks by total, then 一(四), 一(二).2 and the lower birth rate; the vetoed unit last', () => {
    // 150.2 xtgx; 150 × 3 broken by birth rate ascending: kdq 7.85, dhq 7.95, qsq 8; 148.5; 147.5;
    // 146 × 2 tie on every key (byq before sgq by id); 144.4; 143.8; 143.71; vetoed tmtyq last
    expect(cohort.units.map((u) => `${u.unitId}:${u.rank}`)).toEqual([
      'xtgx:1',
      'kdq:2',
      'dhq:3',
      'qsq:4',
      'bhxq:5',
      'gyx:6',
      'byq:7',
      'sgq:7',
      'jyq:9',
      'dmq:10',
      'jsgyy:11',
      'tmtyq:12',
    ]);
  });

  it('grades with the 50 % quota on advanced and the vetoed unit backward', () => {
    // sgq lacks 一(八).2: its total is incomplete, so its grade is pending (待定) and it is out of
    // the shares. 11 graded (the vetoed unit is graded backward); advanced at most
    // floor(11 × 50 %) = 5: the top five; the other five (all ≥ 105) pass.
    expect(cohort.units.map((u) => `${u.unitId}:${u.grade ?? '-'}`)).toEqual([
      'xtgx:advanced',
      'kdq:advanced',
      'dhq:advanced',
      'qsq:advanced',
      'bhxq:advanced',
      'gyx:pass',
      'byq:pass',
      'sgq:-',
      'jyq:pass',
      'dmq:pass',
      'jsgyy:pass',
      'tmtyq:backward',
    ]);
    expect(cohort.grades?.bands.map((b) => `${b.id}:${b.count}`)).toEqual([
      'advanced:5',
      'pass:5',
      'backward:1',
    ]);
    expect(row('sgq')?.gradeLabel?.zh).toBe('待定');
    expect(row('byq')?.total).toBe('146');
  });
});
