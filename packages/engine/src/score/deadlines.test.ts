// Dates and deadlines (RULE-FORMS 24, 53): 报送截止3月31日 — on time 0, late −1, not reported −3;
// 0.2 a month from the next month, at most 10 months; dates compared and counted in expressions.
import { describe, expect, it } from 'vitest';
import { parseRuleSet, validateRuleSet } from '../validate/parse.ts';
import { compileRuleSet } from './compile.ts';
import { scoreUnit } from './score-unit.ts';
import { rankCohort } from '../fast/rank-cohort.ts';
import { scoreCohort } from '../cohort/score-cohort.ts';
import type { RuleSetInput } from '../schema/ruleset.ts';
import type { IndicatorResult, InputValue, UnitResult } from '../model/result.ts';

const RULES: RuleSetInput = {
  schemaVersion: 1,
  id: 'deadlines',
  title: '报送时限',
  issuer: '市',
  level: '县',
  year: 2013,
  edition: 1,
  points: 9,
  rounding: { scores: { dp: 2, mode: 'half-up' } },
  deadlines: [{ id: 'report_due', label: '年报报送截止', date: '2013-03-31' }],
  inputs: [
    { id: 'report_date', label: '年报报送日期', unit: 'date', defaultYear: 2013 },
    { id: 'plan_date', label: '计划印发日期', unit: 'date' },
  ],
  sections: [
    {
      code: '一',
      title: '报送',
      points: 9,
      items: [
        {
          code: '1',
          title: '按时报送年报',
          points: 3,
          deductions: [
            { kind: 'deadline', input: 'report_date', due: 'report_due', late: 1, missing: 3 },
          ],
        },
        {
          code: '2',
          title: '逾期按月扣分',
          points: 2,
          deductions: [
            {
              kind: 'deadline',
              input: 'report_date',
              due: '2013-03-31',
              perMonth: 0.2,
              maxMonths: 10,
              missing: 2,
            },
          ],
        },
        {
          code: '3',
          title: '计划1月底前印发',
          points: 2,
          rule: { kind: 'threshold', value: 'plan_date', op: '<=', target: "date('2013-01-31')" },
        },
        {
          code: '4',
          title: '报送早于计划后两个月',
          points: 2,
          rule: {
            kind: 'expr',
            score: 'if(months_between(plan_date, report_date) >= 2, 2, 0)',
          },
        },
      ],
    },
  ],
};

const rules = (() => {
  const parsed = parseRuleSet(RULES);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues.map((i) => i.message.en)));
  return compileRuleSet(parsed.value);
})();
const run = (values: Record<string, InputValue>): UnitResult =>
  scoreUnit(rules, { id: 'u', name: '甲县', values: { plan_date: '2013-01-20', ...values } });
const item = (r: UnitResult, code: string): IndicatorResult =>
  r.sections[0]!.items.find((i) => i.code === code)!;

describe('deadline streams (报送截止3月31日)', () => {
  it('on or before the deadline costs nothing', () => {
    const r = run({ report_date: '2013-03-31' });
    expect(item(r, '1')).toMatchObject({ score: '3', status: 'met', adjustments: [] });
    expect(item(r, '2')).toMatchObject({ score: '2', status: 'met', adjustments: [] });
    // the date as read is kept in ISO form, not as its day number
    expect(item(r, '1').inputs).toEqual({ report_date: '2013-03-31' });
  });

  it('a day late costs −1 fixed and 0.2 for the first month begun', () => {
    const r = run({ report_date: '2013-04-01' });
    // 3 − 1 = 2; 2 − 0.2 × 1 = 1.8
    expect(item(r, '1').score).toBe('2');
    expect(item(r, '2').score).toBe('1.8');
    expect(item(r, '1').adjustments[0]!.reason).toEqual({
      zh: '年报报送日期 2013-04-01,晚于截止日期(年报报送截止 2013-03-31),逾期1个月,逾期扣1分,共扣1分',
      en: '年报报送日期 2013-04-01, after the deadline (年报报送截止, 2013-03-31), 1 month(s) late; late −1: −1 in all',
    });
    expect(item(r, '2').adjustments[0]!.reason.zh).toBe(
      '年报报送日期 2013-04-01,晚于截止日期(2013-03-31),逾期1个月,从次月起每月扣0.2分,共扣0.2分',
    );
  });

  it('counts months begun from the next month, at most 10', () => {
    // 04-30 is still the 1st month (03-31 + 1 month = 04-30): 2 − 0.2 = 1.8
    expect(item(run({ report_date: '2013-04-30' }), '2').score).toBe('1.8');
    // 05-01 begins the 2nd: 2 − 0.4 = 1.6
    expect(item(run({ report_date: '2013-05-01' }), '2').score).toBe('1.6');
    // 2014-01-31 is the 10th month (03-31 + 9 months = 12-31): 2 − 2 = 0
    expect(item(run({ report_date: '2014-01-31' }), '2').score).toBe('0');
    // 2014-03-01: 03-31 + 11 months = 2014-02-28, so the 12th month; 10 counted: 2 − 2 = 0
    const late = item(run({ report_date: '2014-03-01' }), '2');
    expect(late.score).toBe('0');
    expect(late.adjustments[0]!.reason.zh).toContain(
      '逾期12个月,从次月起每月扣0.2分,最多计10个月,共扣2分',
    );
    // the fixed −1 does not grow with the months: 3 − 1 = 2
    expect(item(run({ report_date: '2014-03-01' }), '1').score).toBe('2');
  });

  it('a blank date is the declared case: not reported costs −3 (and −2), never a silent 0', () => {
    const r = run({ report_date: null });
    // 3 − 3 = 0; 2 − 2 = 0
    expect(item(r, '1')).toMatchObject({ score: '0', status: 'not-met' });
    expect(item(r, '2')).toMatchObject({ score: '0', status: 'not-met' });
    expect(item(r, '1').adjustments[0]!.reason).toEqual({
      zh: '年报报送日期未填报(视为未报送),扣3分',
      en: '年报报送日期 not reported (taken as not submitted): −3',
    });
    // a formula reading the same blank date is missing its input: only the stream declares it
    expect(item(r, '4').status).toBe('missing-input');
  });

  it("'missing-input' declares a blank date cannot be judged", () => {
    const json = structuredClone(RULES);
    const stream = json.sections[0]!.items[0]!.deductions![0]!;
    (stream as { missing: unknown }).missing = 'missing-input';
    const parsed = parseRuleSet(json);
    if (!parsed.ok) throw new Error('invalid');
    const r = scoreUnit(compileRuleSet(parsed.value), {
      id: 'u',
      name: '甲县',
      values: { plan_date: '2013-01-20' },
    });
    expect(r.sections[0]!.items[0]).toMatchObject({
      score: null,
      status: 'missing-input',
      missingInputs: ['report_date'],
    });
  });

  it('a date that is not in the calendar is a bad value at its cell, never the missing case', () => {
    const r = run({ report_date: '2013-02-30' });
    expect(item(r, '1')).toMatchObject({ score: null, status: 'missing-input' });
    expect(item(r, '2')).toMatchObject({ score: null, status: 'missing-input' });
    const bad = r.issues.filter((i) => i.code === 'bad-value');
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ path: 'report_date', inputId: 'report_date' });
    expect(bad[0]!.message.zh).toBe(
      '「年报报送日期」的值「2013-02-30」不是日历上的日期(应如 2013-03-31 或 2013年3月31日),无法判断,用到它的项目不计分',
    );
  });

  it('reads the spellings officials type; a year left out is the declared one or refused', () => {
    for (const typed of [
      '2013/3/31',
      '2013.3.31',
      '2013年3月31日',
      '3月31日',
      '２０１３-０３-３１',
    ])
      expect(item(run({ report_date: typed }), '1').score, typed).toBe('3');
    expect(item(run({ report_date: '4月1日' }), '1').score).toBe('2');
    // plan_date declares no year: 1月20日 is refused, not given one
    const r = run({ plan_date: '1月20日', report_date: '2013-03-31' });
    expect(item(r, '3').status).toBe('missing-input');
    expect(r.issues.find((i) => i.code === 'bad-value')?.message.en).toBe(
      '"计划印发日期": "1月20日" has no year (write e.g. 2013-03-31); it cannot be judged and what reads it is not scored',
    );
    // a number is no date for the engine: a sheet turns Excel serials into dates first
    expect(item(run({ report_date: 41364 }), '1').status).toBe('missing-input');
  });
});

describe('dates in rules and expressions', () => {
  it('compares a date with a date constant, and says both as dates', () => {
    const on = item(run({ report_date: '2013-03-31', plan_date: '2013-01-31' }), '3');
    expect(on.score).toBe('2');
    const late = item(run({ report_date: '2013-03-31', plan_date: '2013-02-01' }), '3');
    expect(late.score).toBe('0');
    expect(late.reason.zh).toContain('计划印发日期 2013-02-01');
    expect(late.reason.zh).toContain('2013-01-31');
    expect(late.reason.zh).not.toContain('15737');
  });

  it('months_between counts whole months completed', () => {
    // 01-31 + 2 months = 03-31: reached on 03-31 (2 months), not on 03-30 (1)
    expect(item(run({ plan_date: '2013-01-31', report_date: '2013-03-31' }), '4').score).toBe('2');
    expect(item(run({ plan_date: '2013-01-31', report_date: '2013-03-30' }), '4').score).toBe('0');
    const r = item(run({ plan_date: '2013-01-31', report_date: '2013-03-31' }), '4');
    expect(r.reason.zh).toContain('计划印发日期至年报报送日期的整月数');
    expect(r.reason.zh).toContain('计划印发日期 2013-01-31');
  });

  it('the integer kernels decide dates as the exact path does; a refused date goes exact', () => {
    const units = ['2013-03-31', '2013-04-01', '2013-05-01', null, '2013-02-30', '2014-03-01'].map(
      (d, i) => ({
        id: `u${i}`,
        name: `县${i}`,
        values: { report_date: d, plan_date: '2013-01-20' },
      }),
    );
    const ranked = rankCohort(rules, units);
    const cohort = scoreCohort(rules, units);
    const rows = (us: readonly { unitId: string; total: string; complete: boolean }[]) =>
      us.map((r) => [r.unitId, r.total, r.complete]);
    expect(rows(ranked.units)).toEqual(rows(cohort.units));
    // 6 units × 4 items: only 2013-02-30's three items reading report_date leave the kernels
    expect(ranked.routes).toEqual({ fast: 21, exact: 3, sanctionsFast: 0, sanctionsExact: 0 });
  });
});

describe('evidence for a date', () => {
  it('a date claims what it says on both paths, day 0 (1970-01-01) too', () => {
    const json = structuredClone(RULES);
    json.inputs[1] = { ...json.inputs[1]!, evidence: true };
    const parsed = parseRuleSet(json);
    if (!parsed.ok) throw new Error('invalid');
    const rs = compileRuleSet(parsed.value);
    const units = ['1970-01-01', '2013-01-20'].map((d, i) => ({
      id: `u${i}`,
      name: `县${i}`,
      values: { report_date: '2013-03-31', plan_date: d },
    }));
    // no evidence for the plan's date: 一.3 (2 points, met by the date) scores 0 on both paths
    for (const u of units)
      expect(scoreUnit(rs, u).sections[0]!.items[2]!.status, u.id).toBe('missing-evidence');
    const rows = (us: readonly { unitId: string; total: string }[]) =>
      us.map((r) => [r.unitId, r.total]);
    expect(rows(rankCohort(rs, units).units)).toEqual(rows(scoreCohort(rs, units).units));
  });
});

describe('a slope per day late', () => {
  it('每晚1天扣0.1分: a threshold on a date, its step said in days', () => {
    const json = structuredClone(RULES);
    json.sections[0]!.items[2]!.rule = {
      kind: 'threshold',
      value: 'report_date',
      op: '<=',
      target: 'report_due',
      below: { per: 1, points: 0.1, steps: 'each-started' },
    };
    const parsed = parseRuleSet(json);
    if (!parsed.ok) throw new Error('invalid');
    const r = scoreUnit(compileRuleSet(parsed.value), {
      id: 'u',
      name: '甲县',
      values: { report_date: '2013-04-05', plan_date: '2013-01-20' },
    });
    // 04-05 is 5 days after 03-31: 5 steps begun × 0.1 = 0.5; 2 − 0.5 = 1.5
    const it3 = r.sections[0]!.items[2]!;
    expect(it3.score).toBe('1.5');
    expect(it3.reason.zh).toBe(
      '年报报送日期 2013-04-05,晚于 2013-03-31(年报报送截止),每晚1天扣0.1分,扣0.5分',
    );
    expect(it3.adjustments[0]!.reason.en).toBe('deduct 0.1 per 1 day later than the deadline: 0.5');
    // met: said as a date, once
    expect(item(run({ report_date: '2013-03-31', plan_date: '2013-01-31' }), '3').reason).toEqual({
      zh: '计划印发日期 2013-01-31,达到不晚于2013-01-31的要求',
      en: '计划印发日期 2013-01-31 meets "not after 2013-01-31"',
    });
  });
});

describe('validation of dates and deadlines', () => {
  const issues = (json: RuleSetInput) =>
    validateRuleSet(json).filter((i) => i.severity === 'error');
  const withStream = (stream: Record<string, unknown>, extra: Partial<RuleSetInput> = {}) => {
    const json = structuredClone(RULES);
    json.sections[0]!.items[0]!.deductions = [stream as never];
    return issues({ ...json, ...extra });
  };

  it('names an unknown deadline and a deadline not in the calendar at their paths', () => {
    const unknown = withStream({
      kind: 'deadline',
      input: 'report_date',
      due: 'due2',
      late: 1,
      missing: 3,
    });
    expect(unknown.map((i) => [i.code, i.path])).toEqual([
      ['unknown-deadline', 'sections[0].items[0].deductions[0].due'],
    ]);
    expect(unknown[0]!.message.zh).toContain('截止日期「due2」既不是已声明的截止日期');
    const bad = issues({
      ...RULES,
      deadlines: [{ id: 'report_due', label: '截止', date: '2013-02-29' }],
    });
    expect(bad.map((i) => [i.code, i.path])).toContainEqual(['bad-date', 'deadlines[0].date']);
  });

  it('a derived value over a date and a deadline: the deadline is no missing figure', () => {
    const json: RuleSetInput = {
      ...structuredClone(RULES),
      derived: [
        { id: 'days_late', label: '逾期天数', unit: '天', expression: 'report_date - report_due' },
      ],
    };
    json.sections[0]!.items[0]!.deductions = [];
    json.sections[0]!.items[0]!.rule = {
      kind: 'threshold',
      value: 'days_late',
      op: '<=',
      target: 0,
    };
    // No false "works out in date" warning: a date minus a date is days.
    expect(validateRuleSet(json).map((i) => i.code)).not.toContain('derived-unit-form');
    const p = parseRuleSet(json);
    if (!p.ok) throw new Error(JSON.stringify(p.issues));
    const item = scoreUnit(compileRuleSet(p.value), { id: 'u', name: 'u', values: {} }).sections[0]
      ?.items[0];
    // The blank date is named; the deadline (a constant of the rules) is not.
    expect(item?.missingInputs).toEqual(['report_date']);
  });

  it('refuses a deadline named as a derived value (typed as a date, read as the number)', () => {
    const clash = issues({
      ...RULES,
      derived: [{ id: 'report_due', label: '派生', unit: 'number', expression: '1 + 1' }],
    });
    expect(clash.map((i) => [i.code, i.path])).toContainEqual(['duplicate-id', 'deadlines[0].id']);
    expect(clash.find((i) => i.path === 'deadlines[0].id')?.message.zh).toBe(
      '截止日期编号「report_due」与派生指标重复',
    );
  });

  it('asks for a date input and a cost of lateness', () => {
    const json = structuredClone(RULES);
    json.inputs.push({ id: 'n', label: '数', unit: 'count' });
    json.sections[0]!.items[0]!.deductions = [
      { kind: 'deadline', input: 'n', due: 'report_due', missing: 3, maxMonths: 3 },
    ];
    expect(
      issues(json)
        .map((i) => i.code)
        .sort(),
    ).toEqual(['deadline-max-months', 'deadline-no-late', 'input-unit']);
  });

  it('refuses comparing a date with a number, and a date() that is not a date', () => {
    const json = structuredClone(RULES);
    json.sections[0]!.items[3]!.rule = { kind: 'expr', score: 'if(plan_date > 5, 2, 0)' };
    const [e] = issues(json);
    expect(e).toMatchObject({ code: 'expr-type', path: 'sections[0].items[3].rule.score' });
    expect(e!.message.en).toContain('cannot take a date and a number');
    json.sections[0]!.items[3]!.rule = {
      kind: 'expr',
      score: "if(plan_date > date('2013-2-30'), 2, 0)",
    };
    expect(issues(json)[0]!.message.zh).toContain('date() 需要一个写成带引号的日期');
    json.sections[0]!.items[3]!.rule = {
      kind: 'expr',
      score: 'days_between(plan_date, report_date) - report_due',
    };
    expect(issues(json)[0]!.code).toBe('expr-type');
  });

  it('a year for dates typed without one belongs to date inputs only', () => {
    const json = structuredClone(RULES);
    json.inputs.push({ id: 'n', label: '数', unit: 'count', defaultYear: 2013 });
    expect(issues(json).map((i) => [i.code, i.path])).toEqual([
      ['default-year', 'inputs[2].defaultYear'],
    ]);
  });
});
