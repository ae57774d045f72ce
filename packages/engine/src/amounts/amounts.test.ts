// Money carried as output (RULE-FORMS 41, 54; issue 14 point 9): a prize by grade, 300 元 × staff,
// funds cut in proportion to the score gap — exact, rounded as declared, in the unit's result and
// the cohort's, pending (never 0) while what they need is not known. Worked out by hand below.
import { describe, expect, it } from 'vitest';
import { ruleSetHeader } from '@kaohe/test-utils';
import { scoreCohort } from '../cohort/score-cohort.ts';
import type { UnitInput } from '../model/result.ts';
import { compileRuleSet } from '../score/compile.ts';
import { scoreUnit } from '../score/score-unit.ts';
import { parseRuleSet, validateRuleSet } from '../validate/parse.ts';
import { diffRuleSets } from '../diff/diff.ts';

/** One 10-point yes/no item and a 90-point rate item (1 point a percentage point below 100):
 *  a unit's total is 10 (or 0) + its rate − 10. */
const doc = (amounts: unknown[], extra: Record<string, unknown> = {}) =>
  ruleSetHeader({
    points: 100,
    inputs: [
      { id: 'plan', label: '制定计划', unit: 'yesno' },
      { id: 'rate', label: '完成率', unit: '%' },
      { id: 'staff', label: { zh: '在编人数', en: 'staff' }, unit: '人' },
      { id: 'funds', label: { zh: '下拨经费', en: 'funds' }, unit: '元' },
    ],
    sections: [
      {
        code: '一',
        title: '工作',
        points: 100,
        items: [
          { code: '1', title: '计划', points: 10, rule: { kind: 'yesno', input: 'plan' } },
          {
            code: '2',
            title: '完成率',
            points: 90,
            rule: {
              kind: 'threshold',
              value: 'rate',
              op: '>=',
              target: 100,
              below: { per: 1, points: 1, steps: 'pro-rata', gap: 'absolute' },
            },
          },
        ],
      },
    ],
    grades: {
      bands: [
        { id: 'excellent', label: { zh: '优秀', en: 'excellent' }, min: 90 },
        { id: 'good', label: { zh: '良好', en: 'good' }, min: 80 },
        { id: 'pass', label: { zh: '合格', en: 'pass' }, min: null },
      ],
    },
    sanctions: [{ id: 'v', level: 'veto', when: 'rate < 50', reason: '完成率不足50%' }],
    amounts,
    ...extra,
  });
const compiled = (amounts: unknown[], extra?: Record<string, unknown>) => {
  const parsed = parseRuleSet(doc(amounts, extra));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return compileRuleSet(parsed.value);
};
const unit = (id: string, values: UnitInput['values']): UnitInput => ({ id, name: id, values });

const STAFF = {
  id: 'subsidy',
  label: { zh: '工作补助', en: 'work subsidy' },
  unit: '元',
  amount: '300 * staff',
};
const CUT = {
  id: 'cut',
  label: { zh: '扣减经费', en: 'funds withheld' },
  unit: '元',
  amount: 'funds * (100 - total) / 100',
};
const PRIZE = {
  id: 'prize',
  label: { zh: '奖金', en: 'prize' },
  unit: '万元',
  byGrade: { excellent: 2, good: '0.5' },
};

describe('amounts worked out for a unit', () => {
  it('300 元 × staff, and funds cut in proportion to the score gap, exact and rounded to the fen', () => {
    const rs = compiled([STAFF, CUT]);
    // total = 10 + (90 − (100 − 97.5) × 1) = 10 + 87.5 = 97.5.
    // subsidy = 300 × 12 = 3600; cut = 12345 × (100 − 97.5) ÷ 100 = 308.625 → 308.63 (half-up).
    const r = scoreUnit(rs, unit('a', { plan: true, rate: 97.5, staff: 12, funds: 12345 }));
    expect(r.total).toBe('97.5');
    expect(r.amounts?.map((a) => [a.id, a.amount, a.unit])).toEqual([
      ['subsidy', '3600', '元'],
      ['cut', '308.63', '元'],
    ]);
    expect(r.amounts?.[1]?.reason).toEqual({
      zh: '下拨经费 × (100 − 总分) ÷ 100(下拨经费 12345元,总分 97.5分),计308.63元',
      en: 'funds × (100 − the total) ÷ 100 (funds 12345 yuan, total 97.5): 308.63 yuan',
    });
  });

  it('declared rounding: down to whole yuan', () => {
    const rs = compiled([{ ...CUT, rounding: { dp: 0, mode: 'down' } }]);
    // 12345 × 2.5 ÷ 100 = 308.625 → 308 (down).
    const r = scoreUnit(rs, unit('a', { plan: true, rate: 97.5, staff: 1, funds: 12345 }));
    expect(r.amounts?.[0]?.amount).toBe('308');
  });

  it('a blank figure leaves the amount pending, never 0', () => {
    const rs = compiled([STAFF]);
    const r = scoreUnit(rs, unit('a', { plan: true, rate: 100, staff: null, funds: 1 }));
    expect(r.amounts?.[0]).toMatchObject({
      amount: null,
      reason: { zh: '在编人数未填报,金额待定', en: 'staff not reported: the amount is pending' },
    });
  });

  it('an incomplete total leaves an amount that reads it pending; one that does not is given', () => {
    const rs = compiled([STAFF, CUT]);
    // rate blank: item 2 cannot be scored, the total is incomplete.
    const r = scoreUnit(rs, unit('a', { plan: true, rate: null, staff: 2, funds: 1000 }));
    expect(r.complete).toBe(false);
    expect(r.amounts?.map((a) => a.amount)).toEqual(['600', null]);
    expect(r.amounts?.[1]?.reason.zh).toBe('总分不完整,金额待定');
  });

  it('amounts by grade are pending for a unit alone', () => {
    const r = scoreUnit(compiled([PRIZE]), unit('a', { plan: true, rate: 100 }));
    expect(r.amounts?.[0]).toMatchObject({ amount: null, unit: '万元' });
  });

  it('a rule set without amounts has none in its results', () => {
    const r = scoreUnit(compiled([]), unit('a', { plan: true, rate: 100 }));
    expect(r.amounts).toBeUndefined();
  });
});

describe('amounts by grade, once the cohort is graded', () => {
  it('a prize per band; a band not listed gets 0; a vetoed unit out of the grades 0; a pending grade pending', () => {
    const rs = compiled([PRIZE]);
    const out = scoreCohort(rs, [
      unit('a', { plan: true, rate: 100 }), // 100 → 优秀: 2 万元
      unit('b', { plan: true, rate: 75 }), // 10 + 65 = 75 → 合格: not listed, 0
      unit('c', { plan: false, rate: 92 }), // 0 + 82 = 82 → 良好: 0.5 万元
      unit('d', { plan: true, rate: 40 }), // vetoed (rate < 50): out of the grades, 0
      unit('e', { plan: true, rate: null }), // incomplete: grade pending, so is the prize
    ]);
    const byId = new Map(out.units.map((u) => [u.unitId, u]));
    const prize = (id: string) => byId.get(id)?.amounts?.[0];
    expect(['a', 'b', 'c', 'd', 'e'].map((id) => prize(id)?.amount)).toEqual([
      '2',
      '0',
      '0.5',
      '0',
      null,
    ]);
    expect(prize('a')?.reason).toEqual({
      zh: '等次优秀,计2万元',
      en: 'grade excellent: 2 × 10,000 yuan',
    });
    expect(prize('b')?.reason.zh).toBe('等次合格,该等次无此项金额,计0万元');
    expect(prize('d')?.reason.zh).toBe('一票否决,不评等次,计0万元');
    expect(prize('e')?.reason.zh).toBe('等次待定,金额待定');
  });

  it('a formula amount is carried into the cohort as the unit worked it out', () => {
    const rs = compiled([STAFF, PRIZE]);
    const out = scoreCohort(rs, [unit('a', { plan: true, rate: 100, staff: 3 })]);
    expect(out.units[0]?.amounts?.map((a) => a.amount)).toEqual(['900', '2']);
    expect(out.units[0]?.result.amounts?.map((a) => a.amount)).toEqual(['900', null]);
  });
});

describe('amounts are checked where they are written', () => {
  const issues = (amounts: unknown[], extra?: Record<string, unknown>) =>
    validateRuleSet(doc(amounts, extra))
      .filter((i) => i.severity === 'error')
      .map((i) => `${i.code}@${i.path}`);

  it('needs a formula or amounts by grade, one of them', () => {
    expect(issues([{ id: 'x', label: '奖金', unit: '元' }])).toEqual(['amount-form@amounts[0]']);
    expect(issues([{ ...PRIZE, amount: '1' }])).toEqual(['amount-form@amounts[0]']);
  });

  it('names an undeclared grade, a blank amount and a missing grade scheme at their paths', () => {
    expect(issues([{ ...PRIZE, byGrade: { top: 1, good: null } }])).toEqual([
      'missing-number@amounts[0].byGrade.good',
      'unknown-grade@amounts[0].byGrade.top',
    ]);
    expect(issues([PRIZE], { grades: undefined })).toEqual([
      'amount-without-grades@amounts[0].byGrade',
    ]);
  });

  it('checks the formula like any expression, and ids once', () => {
    expect(issues([{ ...STAFF, amount: '300 * staf' }])).toEqual([
      'expr-unknown-identifier@amounts[0].amount',
    ]);
    expect(issues([{ ...STAFF, amount: "score('九.9') * 10" }])).toEqual([
      'unknown-item@amounts[0].amount',
    ]);
    expect(issues([STAFF, STAFF])).toEqual(['duplicate-id@amounts[1].id']);
  });
});

describe('amounts in the diff of two editions', () => {
  const parsed = (amounts: unknown[], edition: number) => {
    const p = parseRuleSet({ ...doc(amounts), edition });
    if (!p.ok) throw new Error(JSON.stringify(p.issues));
    return p.value;
  };
  it('says each grade amount raised or lowered, formulas changed, amounts added and removed', () => {
    const a = parsed([PRIZE, STAFF], 1);
    const b = parsed(
      [{ ...PRIZE, byGrade: { excellent: 3, good: '0.5', pass: '0.1' } }, { ...CUT }],
      2,
    );
    expect(
      diffRuleSets(a, b)
        .changes.filter((c) => c.kind === 'amount')
        .map((c) => c.message.zh),
    ).toEqual([
      '金额「奖金」等次「优秀」:金额由 2万元 提高到 3万元',
      '金额「奖金」等次「合格」:金额由「无」改为「0.1」',
      '金额「扣减经费」:新增,按公式 funds * (100 - total) / 100,单位元',
      '金额「工作补助」:取消',
    ]);
  });
});
