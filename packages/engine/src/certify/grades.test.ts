// Certification with score cut-offs (RULE-FORMS 58, with 43): 一流 ≥ 90 certified by the county,
// 合格 ≥ 80 by the township; a veto fails every grade; the grade sought is the unit's to say.
import { describe, expect, it } from 'vitest';
import type { InputValue } from '../model/result.ts';
import type { RuleSetInput } from '../schema/ruleset.ts';
import { compileRuleSet } from '../score/compile.ts';
import { parseRuleSet, validateRuleSet } from '../validate/parse.ts';
import { certify } from './certify.ts';
import { ruleSetHeader } from '@kaohe/test-utils';

const RULES: RuleSetInput = {
  ...ruleSetHeader({
    id: 'graded-cert',
    title: '村计生协等级评估认定',
    issuer: '县计生协',
    level: '村计生协',
    year: 2013,
  }),
  kind: 'certification',
  points: 100,
  rectificationDays: 30,
  inputs: [
    {
      id: 'apply',
      label: '申报等次',
      unit: 'choice',
      choices: [
        { value: 'first_class', label: '一流' },
        { value: 'qualified', label: '合格' },
      ],
    },
    { id: 'council', label: '班子健全', unit: 'yesno' },
    { id: 'members_pct', label: '会员占人口比例', unit: '%' },
    { id: 'activity_log', label: '活动记录', unit: 'yesno' },
    { id: 'report_date', label: '年报报送日期', unit: 'date' },
    { id: 'violation', label: '发生违法生育', unit: 'yesno' },
  ],
  sections: [
    {
      code: '一',
      title: '组织建设',
      points: 50,
      items: [
        { code: '1', title: '班子健全', points: 20, rule: { kind: 'yesno', input: 'council' } },
        {
          code: '2',
          title: '会员占人口8%以上',
          points: 30,
          rule: {
            kind: 'threshold',
            value: 'members_pct',
            op: '>=',
            target: 8,
            below: { per: 1, points: 5, steps: 'each-started' },
          },
        },
      ],
    },
    {
      code: '二',
      title: '日常工作',
      points: 50,
      items: [
        {
          code: '1',
          title: '活动记录',
          points: 20,
          rule: { kind: 'yesno', input: 'activity_log' },
        },
        {
          code: '2',
          title: '年报3月31日前报送',
          points: 30,
          deductions: [
            { kind: 'deadline', input: 'report_date', due: '2013-03-31', late: 5, missing: 10 },
          ],
        },
      ],
    },
  ],
  sanctions: [{ id: 'violation', level: 'veto', when: 'violation', reason: '发生违法生育' }],
  certificationGrades: {
    sought: 'apply',
    grades: [
      { id: 'first_class', label: '一流', min: 90, by: '县计生协' },
      { id: 'qualified', label: '合格', min: 80, by: '乡镇计生协' },
    ],
  },
};

const compiledOf = (json: RuleSetInput) => {
  const parsed = parseRuleSet(json);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues.map((i) => i.message.en)));
  return compileRuleSet(parsed.value);
};
const rules = compiledOf(RULES);
const GOOD: Record<string, InputValue> = {
  apply: 'first_class',
  council: true,
  members_pct: '8.5',
  activity_log: true,
  report_date: '2013-03-20',
  violation: false,
};
const run = (values: Record<string, InputValue>, json?: RuleSetInput) => {
  const outcome = certify(
    json ? compiledOf(json) : rules,
    { id: 'lj', name: '李家村计生协', values: { ...GOOD, ...values } },
    { assessedOn: '2013-11-20' },
  );
  if (!outcome.ok) throw new Error(outcome.issues.map((i) => i.message.en).join('; '));
  return outcome.value;
};

describe('certification with score cut-offs', () => {
  it('certifies the grade sought when the total reaches its cut-off, by its certifier', () => {
    // 20 + 30 + 20 + 30 = 100 ≥ 90
    const { record, summary } = run({});
    expect(record).toMatchObject({
      passed: true,
      failing: [],
      grade: 'first_class',
      gradeLabel: { zh: '一流', en: '一流' },
      reached: 'first_class',
      sought: 'first_class',
      certifiedBy: { zh: '县计生协', en: '县计生协' },
      rectifyBy: null,
    });
    expect(summary.zh).toBe(
      '李家村计生协认定:总分100分,达到「一流」认定分数线90分,各项条款均符合,认定为「一流」(由县计生协认定)',
    );
  });

  it('a total exactly at the cut-off reaches it', () => {
    // 7.2 % is 0.8 below 8: one step begun, −5 → 25; reported 04-02: late −5 → 25
    // 20 + 25 + 20 + 25 = 90 ≥ 90
    const { record } = run({ members_pct: '7.2', report_date: '2013-04-02' });
    expect(record.passed).toBe(true);
    expect(record.grade).toBe('first_class');
  });

  it('falls short of the grade sought: not certified, the grade reached and the cut-off said', () => {
    // 6.5 % is 1.5 below: two steps, −10 → 20; late → 25; 20 + 20 + 20 + 25 = 85 < 90
    const { record, summary, result } = run({ members_pct: '6.5', report_date: '2013-04-02' });
    expect(result.total).toBe('85');
    expect(record).toMatchObject({
      passed: false,
      grade: null,
      reached: 'qualified',
      sought: 'first_class',
      certifiedBy: { zh: '县计生协', en: '县计生协' },
      // 2013-11-20 + 30 days
      rectifyBy: '2013-12-20',
    });
    expect(record.failing).toEqual([
      {
        path: 'certificationGrades.first_class',
        title: { zh: '一流', en: '一流' },
        status: 'not-met',
        reason: {
          zh: '总分85分,低于「一流」的认定分数线90分(达到「合格」分数线)',
          en: 'total 85, below the cut-off of 90 for "一流" (it reaches "合格")',
        },
      },
    ]);
    expect(summary.zh).toBe(
      '李家村计生协认定:1项条款未达到(certificationGrades.first_class),不予认定「一流」(由县计生协认定),请于 2013-12-20 前完成整改',
    );
  });

  it('the same 85 points certify the lower grade when that is the one sought, by the township', () => {
    const { record } = run({ apply: '合格', members_pct: '6.5', report_date: '2013-04-02' });
    expect(record).toMatchObject({
      passed: true,
      grade: 'qualified',
      reached: 'qualified',
      sought: 'qualified',
      certifiedBy: { zh: '乡镇计生协', en: '乡镇计生协' },
    });
  });

  it('a clause that fails (a veto) fails every grade, whatever the total', () => {
    const { record } = run({ apply: 'qualified', violation: true });
    expect(record.passed).toBe(false);
    expect(record.grade).toBeNull();
    // the total still reaches 一流 (the veto never changes the score): said, not certified
    expect(record.reached).toBe('first_class');
    expect(record.failing.map((f) => `${f.path}:${f.status}`)).toEqual([
      'sanctions.violation:vetoed',
    ]);
  });

  it('an item that cannot be judged fails; the cut-off is not decided on a partial total', () => {
    const { record } = run({ members_pct: null });
    expect(record.failing.map((f) => `${f.path}:${f.status}`)).toEqual(['一.2:missing-input']);
    expect(record).toMatchObject({ passed: false, grade: null, reached: null });
  });

  it('the grade sought is never guessed: blank or not a declared grade is a failing clause', () => {
    const blank = run({ apply: null }).record;
    expect(blank.failing).toEqual([
      {
        path: 'certificationGrades.sought',
        title: { zh: '申报等次', en: '申报等次' },
        status: 'missing-input',
        reason: { zh: '未填写申报等次,无法认定', en: '申报等次 is not given: cannot be certified' },
      },
    ]);
    const wrong = run({ apply: '示范' }).record;
    expect(wrong.failing[0]?.reason.zh).toBe(
      '申报等次「示范」不是可申报的等次(一流、合格),无法认定',
    );
    expect(wrong.passed).toBe(false);
  });

  it('without a grade sought, the highest grade reached is certified', () => {
    const json = structuredClone(RULES);
    delete json.certificationGrades!.sought;
    // 85 points: 合格, by the township
    const { record } = run({ members_pct: '6.5', report_date: '2013-04-02' }, json);
    expect(record).toMatchObject({ passed: true, grade: 'qualified', sought: null });
    expect(record.certifiedBy).toEqual({ zh: '乡镇计生协', en: '乡镇计生协' });
    // 20 + 0 (1.5 % is 6.5 below 8: seven steps, −35, no lower than 0) + 20 + 25 = 65 < 80
    const low = run({ members_pct: '1.5', report_date: '2013-04-02' }, json).record;
    expect(low.failing.map((f) => f.path)).toEqual(['certificationGrades.qualified']);
    expect(low.reached).toBeNull();
  });
});

describe('validation of certification grades', () => {
  const errors = (json: RuleSetInput) =>
    validateRuleSet(json)
      .filter((i) => i.severity === 'error')
      .map((i) => [i.code, i.path]);
  const grades = (list: { id: string; label: string; min: number; by: string }[]) => ({
    ...structuredClone(RULES),
    certificationGrades: { sought: 'apply', grades: list },
  });

  it('cut-offs go highest first, never two alike, none above the points', () => {
    expect(
      errors(
        grades([
          { id: 'qualified', label: '合格', min: 80, by: '乡镇' },
          { id: 'first_class', label: '一流', min: 90, by: '县' },
        ]),
      ),
    ).toEqual([['grades-unsorted', 'certificationGrades.grades[1].min']]);
    expect(
      errors(
        grades([
          { id: 'first_class', label: '一流', min: 90, by: '县' },
          { id: 'qualified', label: '合格', min: 90, by: '乡镇' },
        ]),
      ),
    ).toEqual([['grade-overlap', 'certificationGrades.grades[1].min']]);
    expect(
      errors(
        grades([
          { id: 'first_class', label: '一流', min: 120, by: '县' },
          { id: 'qualified', label: '合格', min: 80, by: '乡镇' },
        ]),
      ),
    ).toEqual([['grade-unreachable', 'certificationGrades.grades[0].min']]);
  });

  it('a grade sought that is not declared, and a sought input that is no choice', () => {
    const json = grades([{ id: 'first_class', label: '一流', min: 90, by: '县' }]);
    const [issue] = validateRuleSet(json).filter((i) => i.severity === 'error');
    expect([issue?.code, issue?.path]).toEqual(['unknown-grade', 'inputs[0].choices[1].value']);
    expect(issue?.message.zh).toBe('申报等次「合格」(qualified)不是已声明的认定等次(first_class)');
    const notChoice = structuredClone(RULES);
    notChoice.certificationGrades!.sought = 'council';
    expect(errors(notChoice)).toEqual([['input-unit', 'certificationGrades.sought']]);
  });

  it('only in a certification, and who certifies said once', () => {
    expect(errors({ ...structuredClone(RULES), kind: 'scored' })).toEqual([
      ['certification-grades-scored', 'certificationGrades'],
    ]);
    expect(
      errors({ ...structuredClone(RULES), certifiedBy: [{ when: 'true', by: '县' }] }),
    ).toEqual([['certified-by-twice', 'certifiedBy']]);
  });
});
