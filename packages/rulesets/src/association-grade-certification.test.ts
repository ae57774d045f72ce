// Golden tests: association-grade-certification.json — 合格 ≥ 80 certified by the township,
// 一流 ≥ 90 by the county, one veto fails all, the self-assessment report due 31 October.
import { certify, type InputValue, type UnitInput } from '@kaohe/engine';
import { describe, expect, it } from 'vitest';
import { compiled, item } from './__tests__/helpers.ts';
import { associationGradeCertification } from './index.ts';

const rules = compiled(associationGradeCertification);
const EVIDENCE = associationGradeCertification.inputs.filter((i) => i.evidence).map((i) => i.id);
const FULL: Record<string, InputValue> = {
  grade_sought: '一流',
  president_is_secretary: true,
  members: '400',
  population: '4800',
  liaison_households: '400',
  charter: true,
  rosters: true,
  activity_log: true,
  member_home: true,
  self_check_date: '2013年10月28日',
  violation: false,
};
const village = (changes: Record<string, InputValue>): UnitInput => ({
  id: 'lj',
  name: '李家村计生协',
  values: { ...FULL, ...changes },
  evidence: Object.fromEntries(EVIDENCE.map((e) => [e, true])),
});
const run = (changes: Record<string, InputValue>) => {
  const outcome = certify(rules, village(changes), { assessedOn: '2013-11-20' });
  if (!outcome.ok) throw new Error(outcome.issues.map((i) => i.message.en).join('; '));
  return outcome.value;
};

describe('association-grade-certification golden results', () => {
  it('100 points sought as 一流: certified 一流 by the county', () => {
    // 400 ÷ 4800 = 8.33 % ≥ 8: 10 + 20 + 10 + 30 + 15 + 15 = 100
    const { record, result } = run({});
    expect(result.total).toBe('100');
    expect(record).toMatchObject({
      passed: true,
      grade: 'first_class',
      certifiedBy: { zh: '县计生协', en: 'the county association' },
    });
  });

  it('80 points: short of 一流, exactly 合格 — certified only as sought', () => {
    // 360 ÷ 4800 = 7.5 %, 0.5 below 8: one step begun, 20 − 5 = 15; 360 households ≥ 360: 10;
    // no complete rolls: 0; reported 11-02, after 10-31: 15 − 5 = 10.
    // 一 10 + 15 + 10 = 35, 二 10 + 0 + 10 = 20, 三 15 + 10 = 25: 80
    const figures = {
      members: '360',
      liaison_households: '360',
      rosters: false,
      self_check_date: '11月2日',
    };
    const first = run(figures);
    expect(first.result.total).toBe('80');
    expect(item(first.result, '三.2').adjustments[0]?.reason.zh).toBe(
      '自评报告报送日期 2013-11-02,晚于截止日期(自评报告报送截止 2013-10-31),逾期1个月,逾期扣5分,共扣5分',
    );
    expect(first.record).toMatchObject({
      passed: false,
      grade: null,
      reached: 'qualified',
      sought: 'first_class',
      rectifyBy: '2013-12-20',
    });
    expect(first.record.failing.map((f) => f.reason.zh)).toEqual([
      '总分80分,低于「一流」的认定分数线90分(达到「合格」分数线)',
    ]);
    // the same 80 points sought as 合格 (exactly the cut-off): certified by the township
    const qualified = run({ ...figures, grade_sought: '合格' }).record;
    expect(qualified).toMatchObject({
      passed: true,
      grade: 'qualified',
      certifiedBy: { zh: '乡镇计生协', en: 'the township association' },
    });
  });

  it('a veto fails every grade; a report not sent costs 15 and is no silent 0', () => {
    const vetoed = run({ violation: true }).record;
    expect(vetoed.failing.map((f) => f.path)).toEqual(['sanctions.violation']);
    expect(vetoed.reached).toBe('first_class');
    // not reported: 100 − 15 = 85 < 90
    const unsent = run({ self_check_date: null });
    expect(unsent.result.total).toBe('85');
    expect(unsent.record.failing.map((f) => f.path)).toEqual(['certificationGrades.first_class']);
  });
});
