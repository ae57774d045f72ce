// "Engine: no silent wrong result": public documents encoded as rule sets and scored against
// figures worked out by hand. Each case holds in both paths: the exact one (scoreUnit /
// scoreCohort) and the integer one (the lean scorer / rankCohort).
import { describe, expect, it } from 'vitest';
import { ruleSetHeader } from '@kaohe/test-utils';
import { parseRuleSet } from '../validate/parse.ts';
import { compileRuleSet } from './compile.ts';
import { scoreUnit } from './score-unit.ts';
import { scoreCohort } from '../cohort/score-cohort.ts';
import { rankCohort } from '../fast/rank-cohort.ts';
import { createLeanScorer } from '../fast/score-lean.ts';
import type { RuleSetInput } from '../schema/ruleset.ts';
import type { IndicatorResult, UnitInput, UnitResult } from '../model/result.ts';

type Json = Omit<RuleSetInput, keyof ReturnType<typeof ruleSetHeader>> &
  Partial<ReturnType<typeof ruleSetHeader>>;

const build = (json: Json) => {
  const parsed = parseRuleSet({ ...ruleSetHeader(), ...json } as RuleSetInput);
  if (!parsed.ok)
    throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message.en}`).join('; '));
  return compileRuleSet(parsed.value);
};
const issuesOf = (json: Json): string[] => {
  const parsed = parseRuleSet({ ...ruleSetHeader(), ...json } as RuleSetInput);
  return parsed.ok ? [] : parsed.issues.map((i) => `${i.code}@${i.path}`);
};
const items = (r: UnitResult): IndicatorResult[] => r.sections.flatMap((s) => s.items);
const unit = (values: UnitInput['values'], extra: Partial<UnitInput> = {}): UnitInput => ({
  id: 'u',
  name: '甲',
  values,
  ...extra,
});
/** The total both paths give, and that they agree. */
const totalBoth = (rs: ReturnType<typeof build>, u: UnitInput): string => {
  const full = scoreUnit(rs, u);
  const lean = createLeanScorer(rs)(u);
  expect([lean.total, lean.complete]).toEqual([full.total, full.complete]);
  return full.total;
};

describe('1. an expr item is rounded by rounding.scores, not rounding.rates', () => {
  it('0.7 × 6.5 + 0.3 × 4 = 5.75 stays 5.75 at 2 places (rates at 1 place would make it 5.8)', () => {
    const rs = build({
      rounding: { scores: { dp: 2, mode: 'half-up' }, rates: { dp: 1, mode: 'half-up' } },
      points: 10,
      inputs: [
        { id: 'a', label: '自评', unit: 'number' },
        { id: 'b', label: '抽查', unit: 'number' },
      ],
      sections: [
        {
          code: '一',
          title: '综合',
          points: 10,
          items: [
            {
              code: '1',
              title: '加权',
              points: 10,
              rule: { kind: 'expr', score: '0.7 * a + 0.3 * b' },
            },
          ],
        },
      ],
    });
    const u = unit({ a: '6.5', b: '4' });
    expect(items(scoreUnit(rs, u))[0]?.score).toBe('5.75');
    expect(totalBoth(rs, u)).toBe('5.75');
  });
});

describe('2. rounding.rates rounds derived rates (% and ‰) only', () => {
  const rs = build({
    rounding: { scores: { dp: 2, mode: 'half-up' }, rates: { dp: 0, mode: 'half-up' } },
    points: 20,
    inputs: [
      { id: 'births', label: '出生人数', unit: '人' },
      { id: 'assigned', label: '下达出生计划', unit: '人', source: 'assigned' },
      { id: 'policy', label: '政策内出生', unit: '人' },
    ],
    sections: [
      {
        code: '一',
        title: '计划',
        points: 20,
        items: [
          {
            code: '1',
            title: '完成出生计划85%',
            points: 10,
            rule: { kind: 'threshold', value: 'births', op: '>=', target: 'assigned * 0.85' },
          },
          {
            code: '2',
            title: '政策符合率',
            points: 10,
            rule: { kind: 'threshold', value: 'policy * 100 / births', op: '>=', target: 92 },
          },
        ],
      },
    ],
  });

  it('compares a bound derived from counts exactly: 8,499 births < 85 % × 9,999 = 8,499.15', () => {
    // 9,999 × 0.85 = 8,499.15 births: a count, not a rate, so rates rounding (0 places) must not
    // make it 8,499. 8,499 < 8,499.15 → 0 of 10 (all or nothing).
    // 一.2: 7,820 × 100 / 8,499 = 92.0108… % ≥ 92 → 10.
    const u = unit({ births: 8499, assigned: 9999, policy: 7820 });
    expect(items(scoreUnit(rs, u)).map((i) => i.score)).toEqual(['0', '10']);
    expect(totalBoth(rs, u)).toBe('10');
    // 8,500 ≥ 8,499.15 → 10
    expect(totalBoth(rs, unit({ births: 8500, assigned: 9999, policy: 7820 }))).toBe('20');
  });

  it('still rounds a derived percentage before comparing it', () => {
    // 一.2: 7,780 × 100 / 8,500 = 91.529…% → 92 at 0 places: meets ≥ 92 → 10; 一.1 met → 10
    const u = unit({ births: 8500, assigned: 9999, policy: 7780 });
    expect(items(scoreUnit(rs, u)).map((i) => i.score)).toEqual(['10', '10']);
    expect(totalBoth(rs, u)).toBe('20');
    // 7,770 × 100 / 8,500 = 91.41…% → 91: not met → 一.2 = 0
    expect(totalBoth(rs, unit({ births: 8500, assigned: 9999, policy: 7770 }))).toBe('10');
  });
});

describe('3. a ramp has a declared direction, never one read from its operands', () => {
  const ramp = (rule: Record<string, unknown>): Json => ({
    points: 4,
    inputs: [{ id: 'birth', label: '出生率', unit: '‰' }],
    sections: [
      {
        code: '一',
        title: '出生',
        points: 4,
        items: [
          {
            code: '1',
            title: '出生率',
            points: 4,
            rule: { kind: 'ramp', value: 'birth', ...rule } as never,
          },
        ],
      },
    ],
  });

  it('requires `better` when an end is worked out per unit or cohort', () => {
    expect(issuesOf(ramp({ full: 'peer_min(birth)', zero: 12 }))).toEqual([
      'ramp-direction@sections[0].items[0].rule.better',
    ]);
  });

  it('rejects a declared direction that its constant ends contradict, infers it from them', () => {
    expect(issuesOf(ramp({ full: 8, zero: 12, better: 'higher' }))).toEqual([
      'ramp-direction@sections[0].items[0].rule.better',
    ]);
    expect(issuesOf(ramp({ full: 8, zero: 12 }))).toEqual([]);
    expect(issuesOf(ramp({ full: 8, zero: 12, better: 'lower' }))).toEqual([]);
  });

  it('gives 0 to every unit beyond the zero point, even when the best of them sets the full end', () => {
    // lower is better; full at the best unit's rate, zero at 12 ‰. Every unit is above 12 ‰:
    // all are at or beyond the zero point → 0 each (the ends' order must not flip the direction).
    const rs = build(ramp({ full: 'peer_min(birth)', zero: 12, better: 'lower' }));
    const units = [13, 14, 15].map((b, i) => unit({ birth: b }, { id: `u${i}`, name: `单位${i}` }));
    expect(scoreCohort(rs, units).units.map((u) => u.total)).toEqual(['0', '0', '0']);
    expect(rankCohort(rs, units).units.map((u) => u.total)).toEqual(['0', '0', '0']);
  });

  it('scores in proportion between a peer-relative full end and a constant zero end', () => {
    // full at min = 10 ‰, zero at 12 ‰: 10 → 4; 11 → 4 × (12 − 11) ÷ (12 − 10) = 2; 13 → 0
    const rs = build(ramp({ full: 'peer_min(birth)', zero: 12, better: 'lower' }));
    const units = [10, 11, 13].map((b, i) => unit({ birth: b }, { id: `u${i}`, name: `单位${i}` }));
    const byId = (r: { units: { unitId: string; total: string }[] }) =>
      Object.fromEntries(r.units.map((u) => [u.unitId, u.total]));
    expect(byId(scoreCohort(rs, units))).toEqual({ u0: '4', u1: '2', u2: '0' });
    expect(byId(rankCohort(rs, units))).toEqual({ u0: '4', u1: '2', u2: '0' });
  });
});

describe('4 and 5. while an input is missing, sanctions that need it and every grade are pending', () => {
  const rs = build({
    points: 100,
    inputs: [
      { id: 'rate', label: '符合政策生育率', unit: '%' },
      { id: 'group', label: '领导小组', unit: 'yesno' },
      { id: 'plan', label: '工作方案', unit: 'yesno' },
      { id: 'illegal', label: '违法生育例数', unit: 'count' },
    ],
    sections: [
      {
        code: '一',
        title: '工作',
        points: 100,
        items: [
          {
            code: '1',
            title: '符合政策生育率',
            points: 60,
            rule: {
              kind: 'threshold',
              value: 'rate',
              op: '>=',
              target: 90,
              below: { per: 1, points: 1, steps: 'each-started' },
            },
          },
          { code: '2', title: '领导小组', points: 20, rule: { kind: 'yesno', input: 'group' } },
          { code: '3', title: '工作方案', points: 20, rule: { kind: 'yesno', input: 'plan' } },
        ],
      },
    ],
    sanctions: [
      { id: 'low_total', level: 'veto', when: 'total < 80', reason: '总分低于80分' },
      { id: 'illegal_births', level: 'veto', when: 'illegal > 0', reason: '发生违法生育' },
      { id: 'plan_failed', level: 'notice', when: "!met('一.3')", reason: '工作方案未落实' },
    ],
    grades: {
      bands: [
        { id: 'pass', label: '合格', min: 60 },
        { id: 'fail', label: '不合格', min: null },
      ],
    },
  });

  it('does not veto "total below 80" on an incomplete total of 78', () => {
    // 一.1: 88 % is 2 points below 90 → 60 − 2 = 58; 一.2 yes → 20; 一.3 blank → missing.
    // 58 + 20 = 78 is not the total (一.3 may add 20): the veto on total is undecided.
    const u = unit({ rate: 88, group: true, plan: null, illegal: 0 });
    const r = scoreUnit(rs, u);
    expect([r.total, r.vetoed, r.complete]).toEqual(['78', false, false]);
    expect(r.issues.filter((i) => i.code === 'sanction-undecided').map((i) => i.path)).toEqual([
      'low_total',
      'plan_failed',
    ]);
    const cohort = scoreCohort(rs, [u]);
    const fast = rankCohort(rs, [u]);
    for (const row of [cohort.units[0], fast.units[0]]) {
      expect([row?.vetoed, row?.complete, row?.grade, row?.gradeLabel?.zh]).toEqual([
        false,
        false,
        null,
        '待定',
      ]);
    }
    expect(fast.grades).toEqual(cohort.grades);
    expect(cohort.grades?.graded).toBe(0);
  });

  it('vetoes on the complete total: 78 with nothing missing', () => {
    // 58 + 20 + 0 (plan: no) = 78 < 80 → vetoed; the notice on 一.3 holds too
    const u = unit({ rate: 88, group: true, plan: false, illegal: 0 });
    const r = scoreUnit(rs, u);
    expect([r.total, r.vetoed, r.complete, r.sanctions.map((s) => s.id)]).toEqual([
      '78',
      true,
      true,
      ['low_total', 'plan_failed'],
    ]);
    expect(rankCohort(rs, [u]).units[0]?.vetoed).toBe(true);
  });

  it('leaves a unit incomplete and ungraded when only a sanction reads a blank count', () => {
    // 60 + 20 + 20 = 100: every item is scored, but 违法生育例数 is blank (no blankMeans): the
    // veto on it cannot be decided, so the unit is not complete and its grade is pending.
    const u = unit({ rate: 95, group: true, plan: true, illegal: null });
    const r = scoreUnit(rs, u);
    expect([r.total, r.vetoed, r.complete]).toEqual(['100', false, false]);
    expect(r.issues.filter((i) => i.code === 'sanction-undecided').map((i) => i.path)).toEqual([
      'illegal_births',
    ]);
    // It names the figure as a person knows it, not by its id (illegal).
    expect(r.issues.find((i) => i.code === 'sanction-undecided')?.message.zh).toBe(
      '无法判定「发生违法生育」:缺少“违法生育例数”',
    );
    for (const row of [scoreCohort(rs, [u]).units[0], rankCohort(rs, [u]).units[0]]) {
      expect([row?.complete, row?.grade, row?.gradeLabel?.zh]).toEqual([false, null, '待定']);
    }
    // Typed 0: decided, graded 合格
    const typed = unit({ rate: 95, group: true, plan: true, illegal: 0 });
    for (const row of [scoreCohort(rs, [typed]).units[0], rankCohort(rs, [typed]).units[0]]) {
      expect([row?.complete, row?.grade]).toEqual([true, 'pass']);
    }
  });
});

describe('6. a rule on an item with sub-items', () => {
  it('is rejected at validation: the parent is the sum of its sub-items', () => {
    expect(
      issuesOf({
        kind: 'certification',
        rectificationDays: 30,
        points: 4,
        inputs: [
          { id: 'a', label: 'a', unit: 'yesno' },
          { id: 'b', label: 'b', unit: 'yesno' },
          { id: 'rate', label: '达标率', unit: '%' },
        ],
        sections: [
          {
            code: '一',
            title: '村',
            points: 4,
            items: [
              {
                code: '1',
                title: '父项',
                points: 4,
                rule: { kind: 'threshold', value: 'rate', op: '>=', target: 85 },
                items: [
                  { code: '(1)', title: 'a', points: 2, rule: { kind: 'yesno', input: 'a' } },
                  { code: '(2)', title: 'b', points: 2, rule: { kind: 'yesno', input: 'b' } },
                ],
              },
            ],
          },
        ],
      }),
    ).toEqual(['parent-rule@sections[0].items[0].rule']);
  });
});

describe('7. maxima by class are checked as points are', () => {
  const classed = (
    byClass: Record<string, unknown>,
    extra: Partial<Json> = {},
    section: Record<string, unknown> = {},
  ): Json => ({
    points: 10,
    classes: [
      { id: 'a', label: '甲类' },
      { id: 'b', label: '乙类' },
    ],
    inputs: [{ id: 'y', label: 'y', unit: 'yesno' }],
    sections: [
      {
        code: '一',
        title: '甲',
        points: 10,
        ...section,
        items: [
          {
            code: '1',
            title: '一',
            points: 6,
            pointsByClass: byClass as never,
            rule: { kind: 'yesno', input: 'y' },
          },
          { code: '2', title: '二', points: 4, rule: { kind: 'yesno', input: 'y' } },
        ],
      },
    ],
    ...extra,
  });

  it('rejects class maxima that do not add up to the section and the total', () => {
    // class a: 60 + 4 = 64 ≠ the section's 10
    expect(issuesOf(classed({ a: 60 }))).toEqual(['points-mismatch@sections[0].points']);
    // declared for the section, but then the total's 10 ≠ 64
    expect(
      issuesOf(classed({ a: 60 }, {}, { pointsByClass: { a: 64 } })).filter(
        (i) => !i.endsWith('.points') || i.startsWith('points-mismatch@points'),
      ),
    ).toEqual(['points-mismatch@points']);
    // declared all the way up: a class-a unit is assessed out of 64, and that is what was meant
    expect(
      issuesOf(classed({ a: 60 }, { pointsByClass: { a: 64 } }, { pointsByClass: { a: 64 } })),
    ).toEqual([]);
  });

  it('rejects a negative, a huge and a blank class maximum', () => {
    expect(issuesOf(classed({ a: -5 }))).toContain(
      'negative-points@sections[0].items[0].pointsByClass.a',
    );
    const huge = issuesOf(classed({ a: 1e21 }));
    expect(huge).toContain('points-too-large@一.1');
    expect(issuesOf(classed({ a: null }))).toEqual([
      'missing-number@sections[0].items[0].pointsByClass.a',
    ]);
  });

  it("takes 'not-assessed' as the explicit word for an item a class is not assessed on", () => {
    const rs = build(classed({ b: 'not-assessed' }));
    const r = scoreUnit(rs, unit({ y: true }, { class: 'b' }));
    expect(items(r).map((i) => [i.status, i.max])).toEqual([
      ['not-applicable', '0'],
      ['met', '4'],
    ]);
  });

  it('reports a unit of an undeclared class, and does not score its class maxima by default', () => {
    const rs = build(classed({ a: 'not-assessed' }));
    const u = unit({ y: true }, { class: 'c' });
    const r = scoreUnit(rs, u);
    expect(r.issues.map((i) => i.code)).toEqual(['unknown-class']);
    expect(items(r).map((i) => [i.status, i.missingInputs])).toEqual([
      ['missing-input', ['class']],
      ['met', []],
    ]);
    expect(r.complete).toBe(false);
    expect(totalBoth(rs, u)).toBe('4');
    expect(scoreCohort(rs, [u]).issues.map((i) => i.code)).toContain('unknown-class');
    expect(rankCohort(rs, [u]).issues.map((i) => i.code)).toContain('unknown-class');
  });
});

describe('8. notApplicable: rescale goes to the points of the unit’s own class', () => {
  it('rescales a farm to its 60 points, a town to its 35', () => {
    const rs = build({
      points: 35,
      pointsByClass: { farm: 60 },
      classes: [
        { id: 'town', label: '乡镇' },
        { id: 'farm', label: '农场' },
      ],
      inputs: [
        { id: 'done', label: '完成', unit: 'yesno' },
        { id: 'pond', label: '有水面', unit: 'yesno' },
      ],
      sections: [
        {
          code: '一',
          title: '任务',
          points: 35,
          pointsByClass: { farm: 60 },
          notApplicable: 'rescale',
          items: [
            {
              code: '1',
              title: '甲',
              points: 20,
              pointsByClass: { farm: 30 },
              rule: { kind: 'yesno', input: 'done' },
            },
            {
              code: '2',
              title: '乙',
              points: 15,
              pointsByClass: { farm: 30 },
              applicable: 'pond',
              rule: { kind: 'yesno', input: 'done' },
            },
          ],
        },
      ],
    });
    // farm: 一.2 does not apply; 一.1 30 of 30 → 30 × 60 ÷ 30 = 60
    const farm = unit({ done: true, pond: false }, { class: 'farm' });
    expect(scoreUnit(rs, farm).sections[0]).toMatchObject({ score: '60', max: '60' });
    expect(totalBoth(rs, farm)).toBe('60');
    // town: 20 of 20 → 20 × 35 ÷ 20 = 35
    const town = unit({ done: true, pond: false }, { class: 'town' });
    expect(scoreUnit(rs, town).sections[0]).toMatchObject({ score: '35', max: '35' });
    expect(totalBoth(rs, town)).toBe('35');
  });
});

describe('9. a zero denominator is not a missing input', () => {
  it('has its own status and reason: 比率无法计算:分母为0', () => {
    const rs = build({
      points: 5,
      rounding: { scores: { dp: 2, mode: 'half-up' }, rates: { dp: 1, mode: 'half-up' } },
      inputs: [
        { id: 'members', label: '会员数', unit: '人' },
        { id: 'population', label: '人口数', unit: '人' },
      ],
      sections: [
        {
          code: '一',
          title: '会员',
          points: 5,
          items: [
            {
              code: '1',
              title: '入会率',
              points: 5,
              rule: {
                kind: 'threshold',
                value: 'members * 100 / population',
                op: '>=',
                target: 10,
              },
            },
          ],
        },
      ],
    });
    const u = unit({ members: 12, population: 0 });
    const item = items(scoreUnit(rs, u))[0];
    expect([item?.status, item?.score, item?.missingInputs, item?.reason]).toEqual([
      'cannot-compute',
      null,
      [],
      { zh: '比率无法计算:分母为0', en: 'ratio cannot be computed: the denominator is 0' },
    ]);
    expect(totalBoth(rs, u)).toBe('0');
    expect(scoreUnit(rs, u).complete).toBe(false);
  });
});
