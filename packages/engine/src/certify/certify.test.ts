import { describe, expect, it } from 'vitest';
import type { UnitInput } from '../model/result.ts';
import { compileRuleSet } from '../score/compile.ts';
import { parseRuleSet } from '../validate/parse.ts';
import { certify } from './certify.ts';
import { ruleSetHeader } from '@kaohe/test-utils';

function association(kind: 'certification' | 'scored' = 'certification') {
  const parsed = parseRuleSet({
    ...ruleSetHeader({
      id: 'association-cert',
      title: '基层计生协会评估认定',
      issuer: '旗计生协',
      level: '基层协会',
      year: 2026,
    }),
    kind,
    points: 3,
    rectificationDays: 30,
    inputs: [
      { id: 'has_council', label: '有理事会', unit: 'yesno' },
      { id: 'members_pct', label: '会员占人口比例', unit: '%' },
      { id: 'frontline_pct', label: '一线人员占理事比例', unit: '%' },
      { id: 'misconduct', label: '严重违纪', unit: 'yesno' },
    ],
    sections: [
      {
        code: '一',
        title: '组织建设',
        points: 3,
        items: [
          {
            code: '1',
            title: '建立理事会',
            points: 1,
            rule: { kind: 'yesno', input: 'has_council' },
          },
          {
            code: '2',
            title: '会员占人口8%以上',
            points: 1,
            rule: { kind: 'threshold', value: 'members_pct', op: '>=', target: 8 },
          },
          {
            code: '3',
            title: '一线人员不少于30%',
            points: 1,
            rule: { kind: 'threshold', value: 'frontline_pct', op: '>=', target: 30 },
          },
        ],
      },
    ],
    sanctions: [{ id: 'misconduct', level: 'veto', when: 'misconduct', reason: '存在严重违纪' }],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return compileRuleSet(parsed.value);
}

const unit = (values: UnitInput['values']): UnitInput => ({
  id: 'xh01',
  name: '团结村协会',
  values,
});

describe('certify', () => {
  it('lists every failing clause and sets the rectification deadline', () => {
    const out = certify(
      association(),
      unit({ has_council: '是', members_pct: '7.5', frontline_pct: null, misconduct: false }),
      { assessedOn: '2026-12-20' },
    );
    if (!out.ok) throw new Error(JSON.stringify(out.issues));
    const { record } = out.value;
    expect(record).toMatchObject({ passed: false, attempt: 1, rectifyBy: '2027-01-19' });
    expect(record.failing.map((f) => [f.path, f.status])).toEqual([
      ['一.2', 'not-met'],
      ['一.3', 'missing-input'],
    ]);
    expect(record.failing[1]!.reason.zh).toContain('一线人员占理事比例');
    expect(record.failing[0]!.reason.zh).toContain('7.5');
    expect(out.value.summary.zh).toBe(
      '团结村协会认定:2项条款未达到(一.2、一.3),不予认定,请于 2027-01-19 前完成整改',
    );
  });

  it('a re-assessment appends to the history and keeps the earlier record', () => {
    const rs = association();
    const first = certify(
      rs,
      unit({ has_council: true, members_pct: 7, frontline_pct: 35, misconduct: false }),
      { assessedOn: '2026-12-20' },
    );
    if (!first.ok) throw new Error('first');
    const second = certify(
      rs,
      unit({ has_council: true, members_pct: 8, frontline_pct: 35, misconduct: false }),
      {
        assessedOn: '2027-01-10',
        history: first.value.history,
      },
    );
    if (!second.ok) throw new Error('second');
    expect(second.value.history.map((h) => [h.assessedOn, h.attempt, h.passed])).toEqual([
      ['2026-12-20', 1, false],
      ['2027-01-10', 2, true],
    ]);
    expect(second.value.history[0]).toEqual(first.value.record);
    expect(second.value.record.rectifyBy).toBeNull();
    expect(second.value.summary.zh).toBe('团结村协会第2次认定:全部3项条款均达到,认定通过');
  });

  it('does not certify while a veto cannot be decided: a blank is not "no misconduct"', () => {
    // Every clause met; 严重违纪 left blank (no blankMeans): the veto is undecided, so no pass.
    const out = certify(
      association(),
      unit({ has_council: true, members_pct: 9, frontline_pct: 40, misconduct: null }),
      { assessedOn: '2026-12-20' },
    );
    if (!out.ok) throw new Error(JSON.stringify(out.issues));
    expect(out.value.record.passed).toBe(false);
    expect(out.value.record.failing.map((f) => [f.path, f.status])).toEqual([
      ['sanctions.misconduct', 'undecided'],
    ]);
  });

  it('a veto fails certification even when every clause is met', () => {
    const out = certify(
      association(),
      unit({ has_council: true, members_pct: 9, frontline_pct: 40, misconduct: true }),
      { assessedOn: '2026-12-20' },
    );
    expect(out.ok && out.value.record.failing.map((f) => [f.path, f.status])).toEqual([
      ['sanctions.misconduct', 'vetoed'],
    ]);
  });

  it('warns on a re-assessment after the deadline; refuses bad dates, a date before the history and a scored rule set', () => {
    const rs = association();
    const u = unit({ has_council: false, members_pct: 9, frontline_pct: 40, misconduct: false });
    const first = certify(rs, u, { assessedOn: '2026-12-20' });
    if (!first.ok) throw new Error('first');
    const late = certify(rs, u, { assessedOn: '2027-03-01', history: first.value.history });
    expect(late.ok && late.warnings.map((w) => w.code)).toEqual(['rectification-overdue']);
    expect(
      certify(rs, u, { assessedOn: '2026-12-01', history: first.value.history }),
    ).toMatchObject({ ok: false, issues: [{ code: 'date-before-history' }] });
    expect(certify(rs, u, { assessedOn: '2026-02-30' })).toMatchObject({
      ok: false,
      issues: [{ code: 'bad-date', path: 'assessedOn' }],
    });
    expect(certify(association('scored'), u, { assessedOn: '2026-12-20' })).toMatchObject({
      ok: false,
      issues: [{ code: 'not-certification' }],
    });
  });
});

// A parent clause with its own gate and deduction, over two sub-items (二.1.(1), 二.1.(2)).
function withParentChecks() {
  const parsed = parseRuleSet({
    ...ruleSetHeader({
      id: 'school-cert',
      title: '人口学校评估认定',
      issuer: '旗计生协',
      level: '基层协会',
      year: 2026,
    }),
    kind: 'certification',
    points: 2,
    rectificationDays: 30,
    inputs: [
      { id: 'has_room', label: '有固定教室', unit: 'yesno' },
      { id: 'has_plan', label: '有教学计划', unit: 'yesno' },
      { id: 'report_true', label: '举报属实', unit: 'yesno' },
      { id: 'complaints', label: '群众投诉件数', unit: 'count', blankMeans: 0 },
    ],
    sections: [
      {
        code: '二',
        title: '阵地建设',
        points: 2,
        items: [
          {
            code: '1',
            title: '人口学校',
            points: 2,
            gates: [{ when: 'report_true', reason: '举报属实' }],
            deductions: [{ kind: 'per-case', input: 'complaints', each: '0.5' }],
            items: [
              {
                code: '(1)',
                title: '固定教室',
                points: 1,
                rule: { kind: 'yesno', input: 'has_room' },
              },
              {
                code: '(2)',
                title: '教学计划',
                points: 1,
                rule: { kind: 'yesno', input: 'has_plan' },
              },
            ],
          },
        ],
      },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return compileRuleSet(parsed.value);
}

describe('certify: a parent clause with its own gates and deductions', () => {
  const school = (values: UnitInput['values']): UnitInput => ({
    id: 'xx01',
    name: '团结村人口学校',
    values,
  });

  it('fails and lists the parent when its own gate fires, though every sub-item is met', () => {
    const out = certify(
      withParentChecks(),
      school({ has_room: true, has_plan: true, report_true: true, complaints: 0 }),
      { assessedOn: '2026-12-20' },
    );
    if (!out.ok) throw new Error(JSON.stringify(out.issues));
    expect(out.value.record.passed).toBe(false);
    expect(out.value.record.failing.map((f) => [f.path, f.status])).toEqual([['二.1', 'gated']]);
    expect(out.value.record.failing[0]!.reason.zh).toContain('举报属实');
    expect(out.value.summary.zh).toBe(
      '团结村人口学校认定:1项条款未达到(二.1),不予认定,请于 2027-01-19 前完成整改',
    );
  });

  it('fails and lists the parent when its own deduction applies', () => {
    const out = certify(
      withParentChecks(),
      school({ has_room: true, has_plan: true, report_true: false, complaints: 1 }),
      { assessedOn: '2026-12-20' },
    );
    expect(out.ok && out.value.record.failing.map((f) => [f.path, f.status])).toEqual([
      ['二.1', 'partly-met'],
    ]);
  });

  it('lists the parent before a failing sub-item when both fail; not the parent when only a sub-item fails', () => {
    const rs = withParentChecks();
    const both = certify(
      rs,
      school({ has_room: true, has_plan: false, report_true: true, complaints: 0 }),
      { assessedOn: '2026-12-20' },
    );
    expect(both.ok && both.value.record.failing.map((f) => f.path)).toEqual(['二.1', '二.1.(2)']);
    const child = certify(
      rs,
      school({ has_room: true, has_plan: false, report_true: false, complaints: 0 }),
      { assessedOn: '2026-12-20' },
    );
    expect(child.ok && child.value.record.failing.map((f) => [f.path, f.status])).toEqual([
      ['二.1.(2)', 'not-met'],
    ]);
  });

  it('passes when the parent and every sub-item are met, counting the parent as a clause', () => {
    const out = certify(
      withParentChecks(),
      school({ has_room: true, has_plan: true, report_true: false, complaints: null }),
      { assessedOn: '2026-12-20' },
    );
    if (!out.ok) throw new Error(JSON.stringify(out.issues));
    expect(out.value.record).toMatchObject({ passed: true, failing: [] });
    expect(out.value.summary.zh).toBe('团结村人口学校认定:全部3项条款均达到,认定通过');
  });

  it('names who certifies by the grade sought (合格 by the township, 一流 by the county)', () => {
    const base = association().ruleSet;
    const parsed = parseRuleSet({
      ...base,
      inputs: [
        ...base.inputs,
        {
          id: 'grade_sought',
          label: '申报等次',
          unit: 'choice',
          choices: [
            { value: 'qualified', label: '合格' },
            { value: 'first-class', label: '一流' },
          ],
        },
      ],
      certifiedBy: [
        {
          when: "grade_sought == 'first-class'",
          by: { zh: '旗县区计生协', en: 'the county association' },
        },
        {
          when: "grade_sought == 'qualified'",
          by: { zh: '苏木乡镇计生协', en: 'the township association' },
        },
      ],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const rules = compileRuleSet(parsed.value);
    const good = { has_council: true, members_pct: 9, frontline_pct: 35, misconduct: false };
    const outcome = (sought: string | null) => {
      const r = certify(rules, unit({ ...good, grade_sought: sought }), {
        assessedOn: '2026-06-01',
      });
      if (!r.ok) throw new Error(JSON.stringify(r.issues));
      return r;
    };
    expect(outcome('first-class').value.record.certifiedBy).toEqual({
      zh: '旗县区计生协',
      en: 'the county association',
    });
    expect(outcome('qualified').value.record.certifiedBy?.zh).toBe('苏木乡镇计生协');
    expect(outcome('qualified').value.summary.zh).toContain('(由苏木乡镇计生协认定)');
    const undecided = outcome(null);
    expect(undecided.value.record.certifiedBy).toBeNull();
    expect(undecided.warnings.map((w) => `${w.code}@${w.path}`)).toContain(
      'certifier-undecided@certifiedBy[0].when',
    );
    // The figure is named by its label, never by its id.
    expect(undecided.warnings.find((w) => w.code === 'certifier-undecided')?.message).toEqual({
      zh: '缺少「申报等次」,无法确定认定单位',
      en: '"申报等次" is missing: who certifies cannot be decided',
    });
    // A rule set without certifiedBy keeps its records as they were.
    const plain = certify(association(), unit(good), { assessedOn: '2026-06-01' });
    expect(plain.ok && 'certifiedBy' in plain.value.record).toBe(false);
  });

  it('refuses certifiedBy in a scored rule set', () => {
    const parsed = parseRuleSet({
      ...association('scored').ruleSet,
      certifiedBy: [{ when: 'has_council', by: '乡镇' }],
    });
    expect(parsed.ok ? [] : parsed.issues.map((i) => `${i.code}@${i.path}`)).toContain(
      'certified-by-scored@certifiedBy',
    );
  });
});
