import { describe, expect, it } from 'vitest';
import type { CohortResult } from '../cohort/types.ts';
import type { IndicatorStatus, UnitResult } from '../model/result.ts';
import { rollUp } from './roll-up.ts';
import { childFlags, perChildDeduction } from './per-child.ts';

function child(
  unitId: string,
  total: string,
  status: IndicatorStatus = 'met',
  vetoed = false,
): UnitResult {
  const item = {
    path: '一.1',
    code: '1',
    title: { zh: '签订责任书', en: 'responsibility document' },
    score: status === 'missing-input' ? null : '2',
    max: '2',
    status,
    adjustments: [],
    reason: { zh: '', en: '' },
    inputs: {},
    missingInputs: [],
    missingEvidence: [],
  };
  return {
    unitId,
    name: `村${unitId}`,
    ruleSetId: 'village',
    edition: 1,
    total,
    max: '100',
    sections: [{ code: '一', title: { zh: '一', en: '1' }, score: '2', max: '2', items: [item] }],
    bonus: { score: '0', uncapped: '0', cap: null, items: [] },
    sanctions: [],
    counters: [],
    vetoed,
    noCommendation: false,
    complete: status !== 'missing-input',
    issues: [],
  };
}

const villages = [
  child('v1', '90'),
  child('v2', '84.5', 'not-met'),
  child('v3', '85'),
  child('v4', '99', 'met', true),
  child('v5', '70'),
];

describe('rollUp', () => {
  it('share qualified by total, vetoed children not qualifying: 2 of 5 = 40 %', () => {
    const out = rollUp(villages, { qualifies: { by: 'total', min: 85 }, label: '达标村比例' });
    expect(out.ok && out.value).toMatchObject({ value: '40', qualified: 2, count: 5 });
    expect(out.ok && out.value.notQualified.map((n) => [n.unitId, n.reason.zh])).toEqual([
      ['v2', '总分 84.5 低于 85'],
      ['v4', '被一票否决'],
      ['v5', '总分 70 低于 85'],
    ]);
    expect(out.ok && out.value.explanation.zh).toBe('达标村比例:5个单位中2个达标,占 40%');
  });

  it('by an indicator met; 2 of 3 needs declared rounding', () => {
    const three = [child('a', '90'), child('b', '90'), child('c', '90', 'not-met')];
    const exact = rollUp(three, { qualifies: { by: 'indicator', path: '一.1' } });
    expect(exact.ok ? [] : exact.issues.map((i) => i.code)).toEqual(['share-needs-rounding']);
    const rounded = rollUp(three, {
      qualifies: { by: 'indicator', path: '一.1' },
      rounding: { dp: 2, mode: 'half-up' },
    });
    expect(rounded.ok && [rounded.value.value, rounded.value.exact]).toEqual(['66.67', '200/3']);
    expect(rounded.ok && rounded.value.notQualified.map((n) => n.reason.zh)).toEqual([
      '「一.1 签订责任书」未达标',
    ]);
  });

  it('a child that cannot be judged is an error naming it: no share over the others', () => {
    const out = rollUp([child('a', '90'), child('b', '90', 'missing-input')], {
      qualifies: { by: 'indicator', path: '一.1' },
    });
    expect(out.ok ? [] : out.issues.map((i) => [i.code, i.path, i.message.zh])).toEqual([
      [
        'child-cannot-be-judged',
        'children.b',
        '下级单位「村b」无法判定是否达标:「一.1 签订责任书」缺少数据',
      ],
    ]);
    // By total: an incomplete total is not judged on its partial sum (a vetoed child still is).
    const byTotal = rollUp(
      [
        child('a', '90'),
        child('b', '90', 'missing-input'),
        child('c', '99', 'missing-input', true),
      ],
      { qualifies: { by: 'total', min: 85 } },
    );
    expect(byTotal.ok ? [] : byTotal.issues.map((i) => i.path)).toEqual(['children.b']);
  });

  it('by grade reads a cohort; a plain list is refused', () => {
    const cohort = {
      ruleSetId: 'village',
      edition: 1,
      peers: {},
      grades: null,
      issues: [],
      units: villages.map((r, i) => ({
        unitId: r.unitId,
        name: r.name,
        position: i + 1,
        rank: i + 1,
        tied: false,
        total: r.total,
        vetoed: r.vetoed,
        noCommendation: false,
        complete: true,
        grade: i < 2 ? 'adv' : 'ok',
        gradeLabel: null,
        gradeNotes: [],
        result: r,
      })),
    } satisfies CohortResult;
    const out = rollUp(cohort, { qualifies: { by: 'grade', grades: ['adv'] } });
    expect(out.ok && out.value.value).toBe('40');
    expect(rollUp(villages, { qualifies: { by: 'grade', grades: ['adv'] } }).ok).toBe(false);
    expect(rollUp([], { qualifies: { by: 'total', min: 1 } })).toMatchObject({
      ok: false,
      issues: [{ code: 'no-children' }],
    });
  });
});

describe('perChildDeduction', () => {
  it('−0.5 per child without a signed responsibility document', () => {
    const flags = childFlags(
      [
        { id: 'c2', name: '二村', values: { signed: '否' } },
        { id: 'c1', name: '一村', values: { signed: '√' } },
        { id: 'c3', name: '三村', values: { signed: false } },
      ],
      'signed',
    );
    const out = perChildDeduction(flags, '0.5', {
      reason: { zh: '未签订责任书', en: 'no signed responsibility document' },
    });
    expect(out.ok && [out.value.amount, out.value.count, out.value.explanation.zh]).toEqual([
      '-1',
      2,
      '未签订责任书:2个(二村、三村),每个扣0.5分,共扣1分',
    ]);
    const capped = perChildDeduction(flags, '0.5', { cap: '0.8' });
    expect(capped.ok && [capped.value.amount, capped.value.explanation.en]).toEqual([
      '-0.8',
      'child units short of the requirement: 2 (二村、三村), 0.5 each, 0.8 in all (capped)',
    ]);
  });

  it('a blank answer is an error naming the child', () => {
    const out = perChildDeduction(
      childFlags([{ id: 'c1', name: '一村', values: {} }], 'signed'),
      '0.5',
    );
    expect(out).toMatchObject({
      ok: false,
      issues: [{ code: 'child-answer-blank', path: 'children.c1' }],
    });
  });
});
