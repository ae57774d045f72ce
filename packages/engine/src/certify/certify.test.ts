import { describe, expect, it } from 'vitest';
import type { UnitInput } from '../model/result.ts';
import { compileRuleSet } from '../score/compile.ts';
import { parseRuleSet } from '../validate/parse.ts';
import { certify } from './certify.ts';

function association(kind: 'certification' | 'scored' = 'certification') {
  const parsed = parseRuleSet({
    schemaVersion: 1,
    kind,
    id: 'association-cert',
    title: '基层计生协会评估认定',
    issuer: '旗计生协',
    level: '基层协会',
    year: 2026,
    edition: 1,
    points: 3,
    rounding: { scores: { dp: 2, mode: 'half-up' } },
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
          { code: '1', title: '建立理事会', points: 1, rule: { kind: 'yesno', input: 'has_council' } },
          { code: '2', title: '会员占人口8%以上', points: 1, rule: { kind: 'threshold', value: 'members_pct', op: '>=', target: 8 } },
          { code: '3', title: '一线人员不少于30%', points: 1, rule: { kind: 'threshold', value: 'frontline_pct', op: '>=', target: 30 } },
        ],
      },
    ],
    sanctions: [{ id: 'misconduct', level: 'veto', when: 'misconduct', reason: '存在严重违纪' }],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return compileRuleSet(parsed.value);
}

const unit = (values: UnitInput['values']): UnitInput => ({ id: 'xh01', name: '团结村协会', values });

describe('certify', () => {
  it('lists every failing clause and sets the rectification deadline', () => {
    const out = certify(association(), unit({ has_council: '是', members_pct: '7.5', frontline_pct: null, misconduct: false }), { assessedOn: '2026-12-20' });
    if (!out.ok) throw new Error(JSON.stringify(out.issues));
    const { record } = out.value;
    expect(record).toMatchObject({ passed: false, attempt: 1, rectifyBy: '2027-01-19' });
    expect(record.failing.map((f) => [f.path, f.status])).toEqual([
      ['一.2', 'not-met'],
      ['一.3', 'missing-input'],
    ]);
    expect(record.failing[1]!.reason.zh).toContain('一线人员占理事比例');
    expect(record.failing[0]!.reason.zh).toContain('7.5');
    expect(out.value.summary.zh).toBe('团结村协会认定:2项条款未达到(一.2、一.3),不予认定,请于 2027-01-19 前完成整改');
  });

  it('a re-assessment appends to the history and keeps the earlier record', () => {
    const rs = association();
    const first = certify(rs, unit({ has_council: true, members_pct: 7, frontline_pct: 35, misconduct: false }), { assessedOn: '2026-12-20' });
    if (!first.ok) throw new Error('first');
    const second = certify(rs, unit({ has_council: true, members_pct: 8, frontline_pct: 35, misconduct: false }), {
      assessedOn: '2027-01-10',
      history: first.value.history,
    });
    if (!second.ok) throw new Error('second');
    expect(second.value.history.map((h) => [h.assessedOn, h.attempt, h.passed])).toEqual([
      ['2026-12-20', 1, false],
      ['2027-01-10', 2, true],
    ]);
    expect(second.value.history[0]).toEqual(first.value.record);
    expect(second.value.record.rectifyBy).toBeNull();
    expect(second.value.summary.zh).toBe('团结村协会第2次认定:全部3项条款均达到,认定通过');
  });

  it('a veto fails certification even when every clause is met', () => {
    const out = certify(association(), unit({ has_council: true, members_pct: 9, frontline_pct: 40, misconduct: true }), { assessedOn: '2026-12-20' });
    expect(out.ok && out.value.record.failing.map((f) => [f.path, f.status])).toEqual([['sanctions.misconduct', 'vetoed']]);
  });

  it('warns on a re-assessment after the deadline; refuses bad dates, a date before the history and a scored rule set', () => {
    const rs = association();
    const u = unit({ has_council: false, members_pct: 9, frontline_pct: 40, misconduct: false });
    const first = certify(rs, u, { assessedOn: '2026-12-20' });
    if (!first.ok) throw new Error('first');
    const late = certify(rs, u, { assessedOn: '2027-03-01', history: first.value.history });
    expect(late.ok && late.warnings.map((w) => w.code)).toEqual(['rectification-overdue']);
    expect(certify(rs, u, { assessedOn: '2026-12-01', history: first.value.history })).toMatchObject({ ok: false, issues: [{ code: 'date-before-history' }] });
    expect(certify(rs, u, { assessedOn: '2026-02-30' })).toMatchObject({ ok: false, issues: [{ code: 'bad-date', path: 'assessedOn' }] });
    expect(certify(association('scored'), u, { assessedOn: '2026-12-20' })).toMatchObject({ ok: false, issues: [{ code: 'not-certification' }] });
  });
});
