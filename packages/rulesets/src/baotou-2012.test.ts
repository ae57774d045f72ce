// Golden tests: the Baotou 2012 sample cohort scored by the engine against figures worked out
// by hand from baotou-2012.json. A fully compliant unit scores 150: part one 100, part two 50.
// Section 一(四) is rescaled to 18 when last year's sex ratio is ≤ 107 (the reduction item does
// not apply): 14 of 14 → 18.
import { scoreUnit, type UnitInput, type UnitResult } from '@kaohe/engine';
import { describe, expect, it } from 'vitest';
import { compiled, item, sectionScores } from './__tests__/helpers.ts';
import { baotou2012 } from './index.ts';
import { baotou2012SampleUnits } from './samples/baotou-2012-units.ts';

const rules = compiled(baotou2012);
const sample = (id: string): UnitInput => {
  const u = baotou2012SampleUnits.find((x) => x.id === id);
  if (!u) throw new Error(`no sample unit ${id}`);
  return u;
};
const score = (id: string): UnitResult => scoreUnit(rules, sample(id));
const FULL: Record<string, string> = {
  '一(二)': '13',
  '一(三)': '15',
  '一(四)': '18',
  '一(五)': '5',
  '一(六)': '9',
  '一(七)': '6',
  '一(八)': '8',
  '一(九)': '10',
  '一(十)': '2',
  '一(十一)': '10',
  '一(十二)': '4',
  '二(一)': '14',
  '二(二)': '12',
  '二(三)': '14',
  '二(四)': '10',
};

describe('baotou-2012 sample cohort', () => {
  it('has the twelve banners and districts, each id once', () => {
    expect(baotou2012SampleUnits.map((u) => u.name)).toEqual([
      '昆都仑区',
      '青山区',
      '东河区',
      '九原区',
      '石拐区',
      '白云鄂博矿区',
      '土默特右旗',
      '固阳县',
      '达尔罕茂明安联合旗',
      '稀土高新区',
      '滨河新区',
      '金山工业园区',
    ]);
    expect(new Set(baotou2012SampleUnits.map((u) => u.id)).size).toBe(12);
  });

  it('昆都仑区: everything met, the 10 % reduction achieved', () => {
    const r = score('kdq');
    // 要求: last year 108.4 is in [107, 120) → 10 %; achieved (108.4 − 105.9) × 100 ÷ (108.4 − 107) = 178.57 % ≥ 10 → 4
    expect(item(r, '一(四).要求')).toMatchObject({ score: '4', status: 'met' });
    // township 1100 × 10000 ÷ 820000 = 13.41 ≥ 13 → 2
    expect(item(r, '一(六).2').score).toBe('2');
    expect(sectionScores(r)).toEqual(FULL);
    expect(r).toMatchObject({
      total: '150',
      max: '150',
      vetoed: false,
      complete: true,
      sanctions: [],
    });
  });

  it('青山区: exactly 92 %, 8 ‰, 107, 9.00 and 13.00 yuan all count as met', () => {
    const r = score('qsq');
    // 8 ≤ 8 → 5 of 5
    expect(item(r, '一(二).1.(1)')).toMatchObject({ score: '5', status: 'met' });
    // 92 ≥ 92 → 7 of 7; part two the same, 8 of 8
    expect(item(r, '一(二).2')).toMatchObject({ score: '7', status: 'met' });
    expect(item(r, '二(一).1')).toMatchObject({ score: '8', status: 'met' });
    // 107 inside [103, 107] → 4
    expect(item(r, '一(四).2')).toMatchObject({ score: '4', status: 'met' });
    // (477 + 689) × 10000 ÷ 530000 = 22.00 → 3 × 22 ÷ 22 = 3; 477 × 10000 ÷ 530000 = 9.00 → 1; 689 → 13.00 → 2
    expect(item(r, '一(六).1.(1)').score).toBe('3');
    expect(item(r, '一(六).1.(2)')).toMatchObject({ score: '1', status: 'met' });
    expect(item(r, '一(六).2')).toMatchObject({ score: '2', status: 'met' });
    // 要求: (109.5 − 107) × 100 ÷ 2.5 = 100 % ≥ 10 → 4
    expect(item(r, '一(四).要求').score).toBe('4');
    // 107 is not above 107: no interview
    expect(r).toMatchObject({ total: '150', sanctions: [], vetoed: false });
  });

  it('东河区: exactly 103, 95 %, 95 % and 80 % count as met; section 一(四) rescaled', () => {
    const r = score('dhq');
    expect(item(r, '一(四).2')).toMatchObject({ score: '4', status: 'met' });
    expect(item(r, '一(八).2')).toMatchObject({ score: '4', status: 'met' });
    expect(item(r, '二(二).1.(4)')).toMatchObject({ score: '2', status: 'met' });
    expect(item(r, '二(二).3.(2)')).toMatchObject({ score: '3', status: 'met' });
    // last year 106.2 ≤ 107: no reduction required → not applicable; (6 + 4 + 4) × 18 ÷ 14 = 18
    expect(item(r, '一(四).要求')).toMatchObject({ score: null, status: 'not-applicable' });
    expect(r.sections.find((s) => s.code === '一(四)')).toMatchObject({ score: '18', max: '18' });
    expect(r.total).toBe('150');
  });

  it('九原区: 91.4 %, 8.15 ‰ and 108.6 lose points by the declared steps', () => {
    const r = score('jyq');
    // 8.15 − 8 = 0.15 ‰ = 1.5 steps of 0.1, each started → 2 steps × 1 = 2 → 5 − 2 = 3
    expect(item(r, '一(二).1.(1)')).toMatchObject({ score: '3', status: 'partly-met' });
    // 92 − 91.4 = 0.6 point, each started → 1 × 1 → 7 − 1 = 6
    expect(item(r, '一(二).2').score).toBe('6');
    // part two pro rata: 0.6 × 1 = 0.6 → 8 − 0.6 = 7.4
    expect(item(r, '二(一).1').score).toBe('7.4');
    // band: 108.6 − 107 = 1.6, each started → 2 × 1 → 4 − 2 = 2
    expect(item(r, '一(四).2').score).toBe('2');
    // 要求: 111 in [107, 120) → 10 %; (111 − 108.6) × 100 ÷ 4 = 60 % → 4
    expect(item(r, '一(四).要求').score).toBe('4');
    // 一(二) = 3 + 1 + 6 = 10; 一(四) = 4 + 6 + 2 + 4 = 16; 二(一) = 7.4 + 4 + 2 = 13.4
    expect(sectionScores(r)).toEqual({ ...FULL, '一(二)': '10', '一(四)': '16', '二(一)': '13.4' });
    // 150 − 3 − 2 − 0.6 = 144.4
    expect(r.total).toBe('144.4');
    // above 107 → interview; the reduction was achieved → no notice, no veto
    expect(r.sanctions.map((s) => s.id)).toEqual(['srb_interview']);
    expect(r.vetoed).toBe(false);
  });

  it('石拐区: a blank database coverage is missing, never 0 by default', () => {
    const r = score('sgq');
    expect(item(r, '一(八).2')).toMatchObject({
      score: null,
      status: 'missing-input',
      missingInputs: ['info_coverage'],
    });
    // 一(八) = 2 + (blank) + 2 = 4; 150 − 4 = 146, incomplete
    expect(sectionScores(r)['一(八)']).toBe('4');
    expect(r).toMatchObject({ total: '146', complete: false });
  });

  it('白云鄂博矿区: no evidence for the county budget zeroes both items that use it', () => {
    const r = score('byq');
    expect(item(r, '一(六).1.(1)')).toMatchObject({
      score: '0',
      status: 'missing-evidence',
      missingEvidence: ['fp_budget_county'],
    });
    expect(item(r, '一(六).1.(2)')).toMatchObject({ score: '0', status: 'missing-evidence' });
    // 一(六).1 = 0 + 0 + 1 = 1; 一(六) = 1 + 2 + 1 + 1 = 5; 150 − 4 = 146
    expect(item(r, '一(六).1')).toMatchObject({ score: '1', status: 'missing-evidence' });
    expect(sectionScores(r)['一(六)']).toBe('5');
    expect(r).toMatchObject({ total: '146', complete: true });
  });

  it('土默特右旗: sex ratio 121.4 without the 12 % cut is vetoed; the score itself stands', () => {
    const r = score('tmtyq');
    // 123 ≥ 120 → 12 %; achieved (123 − 121.4) × 100 ÷ (123 − 107) = 10 %; short 2 points → 2 × 0.4 = 0.8 → 3.2
    expect(item(r, '一(四).要求')).toMatchObject({ score: '3.2', status: 'partly-met' });
    // band: 121.4 − 107 = 14.4 → 15 steps × 1 = 15 > 4 → 0
    expect(item(r, '一(四).2')).toMatchObject({ score: '0', status: 'not-met' });
    // 一(四) = 3.2 + 6 + 0 + 4 = 13.2; 150 − 18 + 13.2 = 145.2
    expect(sectionScores(r)['一(四)']).toBe('13.2');
    expect(r.total).toBe('145.2');
    expect(r.sanctions.map((s) => `${s.id}:${s.level}`)).toEqual([
      'srb_interview:interview',
      'srb_notice:notice',
      'srb_veto:veto',
    ]);
    expect(r).toMatchObject({ vetoed: true, noCommendation: true });
  });

  it('固阳县: petitions down 14.3 % and one reform mechanism', () => {
    const r = score('gyx');
    // (35 − 30) × 100 ÷ 35 = 14.29 % < 20 % → all or nothing → 0
    expect(item(r, '一(十).1')).toMatchObject({ score: '0', status: 'not-met' });
    // one mechanism → 1.5 of 3
    expect(item(r, '一(五).1').score).toBe('1.5');
    // 150 − 1 − 1.5 = 147.5
    expect(r.total).toBe('147.5');
  });

  it('达尔罕茂明安联合旗: funding short of 22, 9, 13 and the floating-population standard', () => {
    const r = score('dmq');
    // (86 + 119) × 10000 ÷ 100000 = 20.5 → 3 × 20.5 ÷ 22 = 2.7954… → 2.80
    expect(item(r, '一(六).1.(1)')).toMatchObject({ score: '2.8', status: 'partly-met' });
    // 8.6 < 9 → 0; 11.9 < 13 → 0
    expect(item(r, '一(六).1.(2)').score).toBe('0');
    expect(item(r, '一(六).2').score).toBe('0');
    // 30 × 10000 ÷ 15000 = 20 < 22 → 0
    expect(item(r, '一(九).3').score).toBe('0');
    // 一(六) = (2.8 + 0 + 1) + 0 + 1 + 1 = 5.8; 一(九) = 2 + 3 + 0 + 2 = 7; 150 − 3.2 − 3 = 143.8
    expect(sectionScores(r)).toMatchObject({ '一(六)': '5.8', '一(九)': '7' });
    expect(r.total).toBe('143.8');
  });

  it('稀土高新区: a bonus point, checks 78.5 % pro rata, follow-up 94.2 % per started point', () => {
    const r = score('xtgx');
    // 80 − 78.5 = 1.5 points × 0.2, pro rata = 0.3 → 2.7
    expect(item(r, '二(二).3.(2)').score).toBe('2.7');
    // 95 − 94.2 = 0.8 → 1 step × 0.5 → 1.5
    expect(item(r, '二(二).1.(4)').score).toBe('1.5');
    expect(item(r, '加分.1').score).toBe('1');
    expect(r.bonus).toMatchObject({ score: '1', uncapped: '1', cap: '1' });
    // 150 − 0.3 − 0.5 + 1 = 150.2
    expect(r.total).toBe('150.2');
  });

  it('滨河新区: no petitions last year rescales 一(十); late brand, report errors, one meeting', () => {
    const r = score('bhxq');
    expect(item(r, '一(十).1').status).toBe('not-applicable');
    // (0.5 + 0.5) × 2 ÷ 1 = 2
    expect(sectionScores(r)['一(十)']).toBe('2');
    // late: 1 − 0.5 = 0.5; 3 reports on time, 2 errors × 0.25 → 1.5 − 0.5 = 1; 1 meeting of 2 → 1 − 0.5 = 0.5
    expect(item(r, '二(四).(5)').score).toBe('0.5');
    expect(item(r, '二(四).(3)').score).toBe('1');
    expect(item(r, '二(四).(7)').score).toBe('0.5');
    // 二(四) = 10 − 1.5 = 8.5; total 150 − 1.5 = 148.5
    expect(sectionScores(r)['二(四)']).toBe('8.5');
    expect(r.total).toBe('148.5');
  });

  it('金山工业园区: 102.4 below the band with 一(四) rescaled; too few assistants; fee filing 97.5 %', () => {
    const r = score('jsgyy');
    // 103 − 102.4 = 0.6 → 1 step → 3
    expect(item(r, '一(四).2').score).toBe('3');
    // (6 + 3 + 4) × 18 ÷ 14 = 16.714… → 16.71
    expect(sectionScores(r)['一(四)']).toBe('16.71');
    // ceil(5200 ÷ 500) = 11 > 9 assistants → 0
    expect(item(r, '二(四).(2)').score).toBe('0');
    // 97.5 < 100 → 0
    expect(item(r, '二(一).2.(1)').score).toBe('0');
    // 150 − 1.29 − 2 − 3 = 143.71
    expect(r.total).toBe('143.71');
    expect(r.sanctions).toEqual([]);
  });
});
