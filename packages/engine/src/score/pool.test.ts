// Form 49 of RULE-FORMS.md as data: items without points of their own ("—" in the document), a
// section that starts at its points and takes its items' deductions (`pool: true`, items
// `points: 'none'`). Every figure is worked out by hand in the comment beside it; the fast path
// (rankCohort) is held to the exact one on the same units.
import { describe, expect, it } from 'vitest';
import { parseRuleSet } from '../validate/parse.ts';
import { compileRuleSet } from './compile.ts';
import { scoreUnit } from './score-unit.ts';
import { rankCohort } from '../fast/rank-cohort.ts';
import { diffRuleSets } from '../diff/diff.ts';
import { certify } from '../certify/certify.ts';
import type { RuleSet, RuleSetInput } from '../schema/ruleset.ts';
import type { IndicatorResult, InputValue, UnitInput, UnitResult } from '../model/result.ts';

const json: RuleSetInput = {
  schemaVersion: 1,
  id: 'pool-forms',
  title: '计划生育依法行政考核',
  issuer: '县',
  level: '乡镇',
  year: 2026,
  edition: 1,
  points: 15,
  rounding: { scores: { dp: 1, mode: 'half-up' } },
  inputs: [
    { id: 'illegal', label: '违法生育例数', unit: 'count' },
    { id: 'unfiled', label: '未按规定立案例数', unit: 'count' },
    { id: 'major', label: '发生重大案件', unit: 'yesno' },
    { id: 'town', label: '设有服务站', unit: 'yesno' },
    { id: 'late', label: '迟报例数', unit: 'count', blankMeans: 0 },
    { id: 'plan', label: '制定工作计划', unit: 'yesno' },
  ],
  sections: [
    {
      code: '一',
      title: '依法行政',
      points: 10,
      // 一、依法行政(10分): the items have "—" in 分值 and deduct from the 10 points.
      pool: true,
      items: [
        {
          code: '1',
          title: '违法生育',
          points: 'none',
          deductions: [{ kind: 'per-case', input: 'illegal', each: 1 }],
        },
        {
          code: '2',
          title: '立案查处',
          points: 'none',
          deductions: [{ kind: 'per-case', input: 'unfiled', each: 1 }],
        },
        {
          code: '3',
          title: '重大案件',
          points: 'none',
          // 发生重大案件的,该部分不得分.
          gates: [{ when: 'major', reason: '发生重大案件' }],
        },
        {
          code: '4',
          title: '服务站迟报',
          points: 'none',
          // Only a town with a service station is assessed on it.
          applicable: 'town',
          deductions: [{ kind: 'per-case', input: 'late', each: 0.25 }],
        },
      ],
    },
    {
      code: '二',
      title: '工作计划',
      points: 5,
      items: [{ code: '1', title: '工作计划', points: 5, rule: { kind: 'yesno', input: 'plan' } }],
    },
  ],
  sanctions: [
    { id: 'sc', level: 'notice', when: "score('一.1') <= -3", reason: '违法生育3例以上' },
    { id: 'mt', level: 'interview', when: "!met('一.2')", reason: '未按规定立案' },
  ],
};

function compile(j: RuleSetInput = json) {
  const parsed = parseRuleSet(j);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues.map((i) => i.message.en)));
  return { rs: compileRuleSet(parsed.value), parsed: parsed.value };
}
function issuesOf(j: unknown) {
  const parsed = parseRuleSet(j);
  return parsed.ok ? parsed.warnings : parsed.issues;
}
const BASE: Record<string, InputValue> = {
  illegal: 0,
  unfiled: 0,
  major: false,
  town: false,
  late: 0,
  plan: true,
};
const unit = (values: Record<string, InputValue>, id = 'u', cls?: string): UnitInput => ({
  id,
  name: id,
  values: { ...BASE, ...values },
  ...(cls ? { class: cls } : {}),
});
const item = (r: UnitResult, path: string): IndicatorResult => {
  const found = r.sections.flatMap((s) => s.items).find((i) => i.path === path);
  if (!found) throw new Error(`no ${path}`);
  return found;
};
const section = (r: UnitResult, code: string) => {
  const found = r.sections.find((s) => s.code === code);
  if (!found) throw new Error(`no section ${code}`);
  return found;
};
/** The same units on the kernels' route: totals, sections and completeness agree. */
function sameOnBothRoutes(rs: ReturnType<typeof compile>['rs'], units: UnitInput[]) {
  const ranked = rankCohort(rs, units);
  for (const u of units) {
    const exact = scoreUnit(rs, u);
    const fast = ranked.units.find((r) => r.unitId === u.id);
    expect(fast?.total).toBe(exact.total);
    expect(fast?.complete).toBe(exact.complete);
    expect(fast?.sanctions).toEqual(exact.sanctions.map((x) => x.id));
    expect(fast?.sections.map((s) => (s === null ? null : s / 10))).toEqual(
      exact.sections.map((s) => (s.score === null ? null : Number(s.score))),
    );
  }
  return ranked;
}

describe('a section whose items have no points of their own (form 49)', () => {
  const { rs } = compile();

  it('starts at its points and takes each item’s deductions', () => {
    // 3 cases + 2 cases at 1 a case: 10 − 3 − 2 = 5; with 二's 5: 10.
    const r = scoreUnit(rs, unit({ illegal: 3, unfiled: 2 }));
    const s = section(r, '一');
    expect([s.score, s.max]).toEqual(['5', '10']);
    expect(s.reason?.zh).toBe('10分,扣除一.1扣3分、一.2扣2分,共扣5分,得5分');
    expect(s.reason?.en).toBe('10 points less 一.1 −3, 一.2 −2; 5 deducted in all; scores 5');
    expect(r.total).toBe('10');
    expect(r.max).toBe('15');
    // Each item's own result: its deduction as a negative figure, of no points of its own.
    const one = item(r, '一.1');
    expect([one.score, one.max, one.status]).toEqual(['-3', '0', 'not-met']);
    expect(one.reason.zh).toBe(
      '本项无单独分值,从「一」的10分中扣除:违法生育例数3例,每例扣1分,扣3分,共扣3分',
    );
    expect(one.reason.en).toBe(
      "no points of its own: deducts from 一's 10: 违法生育例数: 3 case(s), 1 each: −3; −3 in all",
    );
    // An item that deducts nothing has met what it asks.
    const three = item(r, '一.3');
    expect([three.score, three.max, three.status]).toEqual(['0', '0', 'met']);
    expect(three.reason.zh).toBe('本项无单独分值,从「一」的10分中扣除,未扣分');
    expect(r.complete).toBe(true);
  });

  it('nothing deducted: the whole points', () => {
    const s = section(scoreUnit(rs, unit({})), '一');
    expect([s.score, s.reason?.zh]).toEqual(['10', '各项均未扣分,得10分']);
  });

  it('deductions beyond the pool stop at 0 (扣完为止)', () => {
    // 8 + 5 = 13 > 10: 10 − 13 = −3, floored at 0.
    const s = section(scoreUnit(rs, unit({ illegal: 8, unfiled: 5 })), '一');
    expect([s.score, s.max]).toEqual(['0', '10']);
    expect(s.reason?.zh).toBe('10分,扣除一.1扣8分、一.2扣5分,共扣13分,扣完为止,得0分');
  });

  it('a gate on an item zeroes the section (该部分不得分)', () => {
    // 1 case: 10 − 1 = 9, but 重大案件: 0.
    const r = scoreUnit(rs, unit({ illegal: 1, major: true }));
    expect(section(r, '一').score).toBe('0');
    expect(section(r, '一').reason?.zh).toBe('10分,扣除一.1扣1分,一.3不记分情形成立,本部分得0分');
    const gated = item(r, '一.3');
    expect([gated.score, gated.status]).toEqual(['0', 'gated']);
    expect(gated.reason.zh).toBe('本项无单独分值,从「一」的10分中扣除,发生重大案件,本部分不得分');
    // The total is 0 + 5.
    expect(r.total).toBe('5');
    // The event alone, nothing deducted: 10, zeroed.
    const alone = section(scoreUnit(rs, unit({ major: true })), '一');
    expect([alone.score, alone.reason?.zh]).toEqual([
      '0',
      '10分,各项均未扣分,一.3不记分情形成立,本部分得0分',
    ]);
  });

  it('a blank under one item leaves the section not scored, never a silent 0 or 10', () => {
    const r = scoreUnit(rs, unit({ illegal: null, unfiled: 2 }));
    const s = section(r, '一');
    expect(s.score).toBeNull();
    expect(s.max).toBe('10');
    expect(s.reason?.zh).toBe('一.1无法评分,从10分中扣除多少尚不能确定,未计分');
    const one = item(r, '一.1');
    expect([one.score, one.status, one.missingInputs]).toEqual([
      null,
      'missing-input',
      ['illegal'],
    ]);
    expect(r.complete).toBe(false);
    // 一 adds nothing while it is not scored: the total is 二's 5, and incomplete.
    expect(r.total).toBe('5');
  });

  it('an item that does not apply deducts nothing; the pool keeps its points', () => {
    // Not a town: 一.4 is not assessed, its 5 late reports cost nothing: 10 − 3 = 7.
    const away = scoreUnit(rs, unit({ illegal: 3, late: 5 }));
    expect(item(away, '一.4').status).toBe('not-applicable');
    expect([section(away, '一').score, section(away, '一').max]).toEqual(['7', '10']);
    // A town: 5 × 0.25 = 1.25, rounded to one place half up: 1.3; 10 − 3 − 1.3 = 5.7.
    const town = scoreUnit(rs, unit({ illegal: 3, late: 5, town: true }));
    expect(item(town, '一.4').score).toBe('-1.3');
    expect(section(town, '一').score).toBe('5.7');
  });

  it('sanctions read an item’s deduction and whether it deducted', () => {
    // score('一.1') = −3 ≤ −3: the notice holds; 一.2 deducted 1: not met, the interview holds.
    const r = scoreUnit(rs, unit({ illegal: 3, unfiled: 1 }));
    expect(r.sanctions.map((s) => s.id)).toEqual(['sc', 'mt']);
    const clear = scoreUnit(rs, unit({ illegal: 2 }));
    expect(clear.sanctions.map((s) => s.id)).toEqual([]);
  });

  it('rankCohort gives the same figures, the pool’s items on the kernels', () => {
    const units = [
      unit({ illegal: 3, unfiled: 2 }, 'a'),
      unit({ illegal: 8, unfiled: 5 }, 'b'),
      unit({ illegal: 1, major: true }, 'c'),
      unit({ illegal: null }, 'd'),
      unit({ illegal: 3, late: 5, town: true }, 'e'),
      unit({ illegal: 3, unfiled: 1 }, 'f'),
    ];
    const ranked = sameOnBothRoutes(rs, units);
    // A unit: 一.1–一.3 and 二.1 on the kernels (a blank too: the kernel reads it as blank);
    // 一.4's 0.25 a case has more places than the scores' one, so the kernels hand it over.
    expect(ranked.routes).toEqual({
      fast: 4 * units.length,
      exact: units.length,
      // score('一.1') and !met('一.2') read on the pool items' kernels.
      sanctionsFast: 2 * units.length,
      sanctionsExact: 0,
    });
  });

  /** The rule set with 一.1 counting cases until 5 zero the section, its other fields `more`,
   *  and section 二 as given. */
  const zeroingAtFive = (
    more: Record<string, unknown> = {},
    second = json.sections[1]!,
  ): RuleSetInput => {
    const pool = json.sections[0] as RuleSetInput['sections'][number];
    const first = {
      ...pool.items[0]!,
      // 每例扣1分,达到5例的该部分不得分.
      deductions: [{ kind: 'per-case' as const, input: 'illegal', each: 1, zeroAt: 5 }],
      ...more,
    };
    return { ...json, sections: [{ ...pool, items: [first, ...pool.items.slice(1)] }, second] };
  };

  it('an item whose case count zeroes the section (zeroAt) is read on its kernel', () => {
    const { rs: z } = compile(zeroingAtFive());
    // 4 cases: 10 − 4 = 6; 5 cases: zeroed, 0.
    const units = [unit({ illegal: 4 }, 'a'), unit({ illegal: 5 }, 'b')];
    expect(units.map((u) => section(scoreUnit(z, u), '一').score)).toEqual(['6', '0']);
    expect(item(scoreUnit(z, units[1]!), '一.1').status).toBe('gated');
    const ranked = sameOnBothRoutes(z, units);
    // 一.4 (0.25 a case) exact; 一.1 (its zeroAt told by its kernel), 一.2, 一.3 and 二.1 on the
    // kernels.
    expect(ranked.routes).toEqual({
      fast: 4 * units.length,
      exact: units.length,
      // score('一.1') and !met('一.2') read on the pool items' kernels.
      sanctionsFast: 2 * units.length,
      sanctionsExact: 0,
    });
  });

  it('tells the zeroing item itself when its gate scores another item on the kernels', () => {
    const withGate: RuleSetInput = {
      ...zeroingAtFive(
        // The gate reads 二.1's score: its kernel runs inside this item's.
        { gates: [{ when: "score('二.1') < 1", reason: '迟报过多' }] },
        {
          ...json.sections[1]!,
          items: [
            {
              code: '1',
              title: '按时报送',
              points: 5,
              deductions: [{ kind: 'per-case', input: 'late', each: 1 }],
            },
          ],
        },
      ),
      sanctions: [],
    };
    const { rs: z } = compile(withGate);
    // 5 cases zero 一 (二.1 scores 5, the gate does not hold): 0 + 5; 4 cases: 10 − 4 = 6, + 5;
    // 6 late reports: 二.1 0, the gate holds, 一 is 0 (2 cases), 二 0.
    const units = [
      unit({ illegal: 5 }, 'a'),
      unit({ illegal: 4 }, 'b'),
      unit({ illegal: 2, late: 6 }, 'c'),
    ];
    expect(units.map((u) => scoreUnit(z, u).total)).toEqual(['5', '11', '0']);
    sameOnBothRoutes(z, units);
  });

  it('score() of a pool item that credits reads its own figure, not the 0 its section takes', () => {
    // 一.1 deducts n − 5: below 5 that is negative, a credit — n = 2 gives the item 3 as its own
    // figure, while the section, which only deducts, keeps its 10.
    const { rs: c } = compile({
      ...json,
      points: 15,
      inputs: [
        { id: 'n', label: '数', unit: 'number' },
        { id: 'plan', label: '计划', unit: 'yesno' },
      ],
      sections: [
        {
          code: '一',
          title: '扣分',
          points: 10,
          pool: true,
          items: [
            {
              code: '1',
              title: '差额',
              points: 'none',
              deductions: [{ kind: 'expr', amount: 'n - 5' }],
            },
          ],
        },
        {
          code: '二',
          title: '计划',
          points: 5,
          items: [{ code: '1', title: '计划', points: 5, rule: { kind: 'yesno', input: 'plan' } }],
        },
      ],
      sanctions: [{ id: 's', level: 'notice', when: "score('一.1') > 0", reason: '差额为正' }],
    } as RuleSetInput);
    const units = [
      unit({ n: 2, plan: true }, 'a'),
      unit({ n: 5, plan: true }, 'b'),
      unit({ n: 7, plan: true }, 'c'),
    ];
    expect(units.map((u) => scoreUnit(c, u).sanctions.map((x) => x.id))).toEqual([['s'], [], []]);
    const ranked = rankCohort(c, units);
    expect(new Map(ranked.units.map((u) => [u.unitId, [...u.sanctions]]))).toEqual(
      new Map([
        ['a', ['s']],
        ['b', []],
        ['c', []],
      ]),
    );
  });
});

describe('a pool with its own floor and points by class', () => {
  const withFloor = (min: number | 'none'): RuleSetInput => ({
    ...json,
    sections: [
      { ...(json.sections[0] as RuleSetInput['sections'][number]), min },
      json.sections[1]!,
    ],
  });

  it('a negative floor lets the section go below 0, down to it', () => {
    const { rs } = compile(withFloor(-5));
    // 10 − 8 − 5 = −3, above −5: −3.
    expect(section(scoreUnit(rs, unit({ illegal: 8, unfiled: 5 })), '一').score).toBe('-3');
    // 10 − 12 − 8 = −10, floored at −5.
    const floored = section(scoreUnit(rs, unit({ illegal: 12, unfiled: 8 })), '一');
    expect([floored.score, floored.reason?.zh]).toEqual([
      '-5',
      '10分,扣除一.1扣12分、一.2扣8分,共扣20分,最低-5分',
    ]);
    // A gate leaves a negative score as it is: 10 − 12 = −2, gated: −2.
    expect(section(scoreUnit(rs, unit({ illegal: 12, major: true })), '一').score).toBe('-2');
  });

  it("min 'none': no floor at all", () => {
    const { rs } = compile(withFloor('none'));
    // 10 − 12 − 8 = −10.
    const units = [unit({ illegal: 12, unfiled: 8 }, 'a'), unit({ illegal: 1 }, 'b')];
    expect(section(scoreUnit(rs, units[0]!), '一').score).toBe('-10');
    sameOnBothRoutes(rs, units);
  });

  it('points by class: the pool starts at the class’s points; without a class, not scored', () => {
    const classed: RuleSetInput = {
      ...json,
      points: 15,
      pointsByClass: { farm: 17 },
      classes: [
        { id: 'town', label: '乡镇' },
        { id: 'farm', label: '农场' },
      ],
      sections: [
        { ...(json.sections[0] as RuleSetInput['sections'][number]), pointsByClass: { farm: 12 } },
        json.sections[1]!,
      ],
    };
    const { rs } = compile(classed);
    // A farm: 12 − 3 − 2 = 7; a town: 10 − 3 − 2 = 5.
    const farm = scoreUnit(rs, unit({ illegal: 3, unfiled: 2 }, 'f', 'farm'));
    expect([section(farm, '一').score, section(farm, '一').max]).toEqual(['7', '12']);
    expect(item(farm, '一.1').reason.zh).toContain('从「一」的12分中扣除');
    const town = scoreUnit(rs, unit({ illegal: 3, unfiled: 2 }, 't', 'town'));
    expect(section(town, '一').score).toBe('5');
    // No class: the pool's points are not known; never the default 10.
    const none = scoreUnit(rs, unit({ illegal: 3, unfiled: 2 }, 'n'));
    expect(section(none, '一').score).toBeNull();
    expect(none.complete).toBe(false);
    sameOnBothRoutes(rs, [
      unit({ illegal: 3, unfiled: 2 }, 'f', 'farm'),
      unit({ illegal: 3, unfiled: 2 }, 't', 'town'),
      unit({ illegal: 3, unfiled: 2 }, 'n'),
    ]);
  });

  it('a pool whose items are not known yet is pending on both routes, never 0 of 0', () => {
    const pending: RuleSetInput = {
      ...json,
      sections: [
        {
          ...(json.sections[0] as RuleSetInput['sections'][number]),
          items: [],
          itemsPending: '细则另行下发',
        },
        json.sections[1]!,
      ],
      sanctions: [],
    };
    const { rs } = compile(pending);
    const r = scoreUnit(rs, unit({}));
    expect([section(r, '一').score, section(r, '一').max, r.complete]).toEqual([null, '10', false]);
    sameOnBothRoutes(rs, [unit({}, 'a')]);
  });

  it('no item applies: the section is not assessed (0 of 0)', () => {
    const only: RuleSetInput = {
      ...json,
      points: 10,
      sections: [
        {
          code: '一',
          title: '服务站',
          points: 10,
          pool: true,
          items: [
            {
              code: '1',
              title: '迟报',
              points: 'none',
              applicable: 'town',
              deductions: [{ kind: 'per-case', input: 'late', each: 1 }],
            },
          ],
        },
      ],
      sanctions: [],
    };
    const { rs } = compile(only);
    const r = scoreUnit(rs, unit({ late: 2 }));
    expect([section(r, '一').score, section(r, '一').max, r.max]).toEqual(['0', '0', '0']);
  });
});

describe('validation of a pool and its items', () => {
  const pool = json.sections[0] as RuleSetInput['sections'][number];
  const withItem = (extra: Record<string, unknown>): unknown => ({
    ...json,
    sections: [
      { ...pool, items: [{ ...pool.items[0], ...extra }, ...pool.items.slice(1)] },
      json.sections[1],
    ],
  });
  const codes = (j: unknown) => issuesOf(j).map((i) => [i.code, i.path, i.severity]);

  it('a pool item with points, a rule, a credit, a start, a floor or sub-items is refused', () => {
    // A blank is one error, which names the word for "—".
    const blank = issuesOf(withItem({ points: null }));
    expect(blank.map((i) => [i.code, i.path])).toEqual([
      ['missing-number', 'sections[0].items[0].points'],
    ]);
    expect(blank[0]?.message.zh).toContain("没有单独分值的请写 points: 'none'");
    expect(codes(withItem({ points: 3 }))).toContainEqual([
      'pool-item-points',
      'sections[0].items[0].points',
      'error',
    ]);
    const rule = issuesOf(withItem({ rule: { kind: 'yesno', input: 'major' } }));
    expect(rule.map((i) => [i.code, i.path])).toContainEqual([
      'pool-item-rule',
      'sections[0].items[0].rule',
    ]);
    expect(rule.find((i) => i.code === 'pool-item-rule')?.message.zh).toBe(
      '一.1 没有单独分值,评分规则(rule)给出的分数无处可得;请写成扣分(deductions)或不记分情形(gates)',
    );
    expect(
      codes(
        withItem({
          deductions: [{ kind: 'per-case', input: 'illegal', each: 1, direction: 'add' }],
        }),
      ),
    ).toContainEqual(['pool-item-credit', 'sections[0].items[0].deductions[0].direction', 'error']);
    expect(codes(withItem({ start: 'full' }))).toContainEqual([
      'pool-item-start',
      'sections[0].items[0].start',
      'error',
    ]);
    expect(codes(withItem({ min: -2 }))).toContainEqual([
      'pool-item-min',
      'sections[0].items[0].min',
      'error',
    ]);
    expect(codes(withItem({ pointsByClass: { farm: 2 } }))).toContainEqual([
      'pool-item-points',
      'sections[0].items[0].pointsByClass',
      'error',
    ]);
    expect(
      codes(
        withItem({
          items: [
            { code: '(1)', title: 'x', points: 'none', deductions: pool.items[0]?.deductions },
          ],
        }),
      ),
    ).toContainEqual(['pool-item-items', 'sections[0].items[0].items', 'error']);
    expect(codes(withItem({ deductions: [] }))).toContainEqual([
      'pool-item-empty',
      'sections[0].items[0]',
      'error',
    ]);
    expect(codes(withItem({ evidencePolicy: 'flag' }))).toContainEqual([
      'pool-evidence-policy',
      'sections[0].items[0].evidencePolicy',
      'warning',
    ]);
  });

  it("points 'none' outside a pool, a section floor without a pool, a rescaled pool", () => {
    const plain = json.sections[1] as RuleSetInput['sections'][number];
    const outside = {
      ...json,
      sections: [
        pool,
        {
          ...plain,
          items: [
            {
              ...plain.items[0],
              points: 'none',
              rule: undefined,
              deductions: pool.items[0]?.deductions,
            },
          ],
        },
      ],
    };
    expect(codes(outside)).toContainEqual([
      'points-none-outside-pool',
      'sections[1].items[0].points',
      'error',
    ]);
    const bonus = {
      ...json,
      bonus: {
        items: [{ code: '1', title: 'x', points: 'none', deductions: pool.items[0]?.deductions }],
      },
    };
    expect(codes(bonus)).toContainEqual([
      'points-none-outside-pool',
      'bonus.items[0].points',
      'error',
    ]);
    const floor = { ...json, sections: [pool, { ...plain, min: -2 }] };
    expect(codes(floor)).toContainEqual(['section-min-without-pool', 'sections[1].min', 'error']);
    const rescale = { ...json, sections: [{ ...pool, notApplicable: 'rescale' }, plain] };
    expect(codes(rescale)).toContainEqual(['pool-rescale', 'sections[0].notApplicable', 'error']);
    // A floor is a score: on the one place scores keep here (−2.55 would round below it).
    const places = { ...json, sections: [{ ...pool, min: -2.55 }, plain] };
    expect(codes(places)).toContainEqual(['points-precision', 'sections[0].min', 'error']);
    const high = { ...json, sections: [{ ...pool, min: 11 }, plain] };
    expect(codes(high)).toContainEqual(['min-above-points', 'sections[0].min', 'error']);
    // A pool section in the bonus: the bonus has no sections, the schema refuses it at its path.
    const inBonus = { ...json, bonus: { pool: true, items: [pool.items[0]] } };
    expect(codes(inBonus).map((c) => c[1])).toContain('bonus');
  });

  it('a pool’s points by class are checked against the total’s, class by class', () => {
    const classes = [
      { id: 'town', label: '乡镇' },
      { id: 'farm', label: '农场' },
    ];
    // 一 is 12 for a farm, 二 5: a farm's total is 17, and the rule set says 15 for all.
    const off = {
      ...json,
      classes,
      sections: [{ ...pool, pointsByClass: { farm: 12 } }, json.sections[1]],
    };
    expect(codes(off)).toContainEqual(['points-mismatch', 'points', 'error']);
    expect(codes({ ...off, pointsByClass: { farm: 17 } })).toEqual([]);
  });

  it('a pool’s items add up to nothing, and no points mismatch is needed', () => {
    expect(issuesOf(json)).toEqual([]);
    const declared = {
      ...json,
      sections: [{ ...pool, pointsMismatch: '原文件如此' }, json.sections[1]],
    };
    expect(codes(declared)).toContainEqual([
      'points-mismatch-unneeded',
      'sections[0].pointsMismatch',
      'warning',
    ]);
  });
});

describe('two editions: a section becoming a pool, its points or floor changed', () => {
  const a = compile().parsed;
  const asPool = (rs: RuleSet, patch: Partial<RuleSet['sections'][number]>): RuleSet => ({
    ...rs,
    edition: rs.edition + 1,
    sections: [
      { ...(rs.sections[0] as RuleSet['sections'][number]), ...patch },
      ...rs.sections.slice(1),
    ],
  });

  it('a lower floor is 收紧, a higher one 放宽; the pool’s points are the points line', () => {
    const b = asPool(a, { min: -5, points: 12 });
    const lines = diffRuleSets(a, b).changes.filter((c) => c.path === '一');
    expect(lines.map((l) => [l.message.zh, l.direction])).toEqual([
      ['一 依法行政:分值由 10分 提高到 12分', undefined],
      ['一 依法行政:最低分由「最低0分」改为「最低-5分」(收紧)', 'tightened'],
    ]);
    const back = diffRuleSets(b, a).changes.find((c) => c.message.zh.includes('最低分'));
    expect(back?.direction).toBe('loosened');
  });

  it('a section becoming a pool, its items losing their points', () => {
    const plain: RuleSet = {
      ...a,
      sections: [
        {
          ...(a.sections[0] as RuleSet['sections'][number]),
          pool: undefined,
          items: (a.sections[0] as RuleSet['sections'][number]).items.map((i) => ({
            ...i,
            points: 2.5,
          })),
        },
        ...a.sections.slice(1),
      ],
    };
    const changes = diffRuleSets(plain, { ...a, edition: 2 }).changes;
    expect(changes.find((c) => c.path === '一')?.message.zh).toBe(
      '一 依法行政:改为各项无单独分值,从本部分分值中扣分',
    );
    expect(changes.find((c) => c.path === '一.1')?.message.zh).toBe(
      '一.1 违法生育:改为无单独分值(—),原2.5分',
    );
  });
});

describe('a pool in a certification', () => {
  // Every clause must hold: a pool item holds when it deducts nothing.
  const cert: RuleSetInput = {
    ...json,
    kind: 'certification',
    rectificationDays: 30,
    sanctions: [],
  };
  const { rs } = compile(cert);

  it('an item that deducts is a failing clause; one that deducts nothing holds', () => {
    const failed = certify(rs, unit({ unfiled: 1 }), { assessedOn: '2026-12-20' });
    if (!failed.ok) throw new Error(JSON.stringify(failed.issues));
    expect(failed.value.record.failing.map((f) => [f.path, f.status])).toEqual([
      ['一.2', 'not-met'],
    ]);
    const passed = certify(rs, unit({}), { assessedOn: '2026-12-20' });
    if (!passed.ok) throw new Error(JSON.stringify(passed.issues));
    expect(passed.value.record.passed).toBe(true);
  });

  it('a blank under a pool item is no pass: the clause is undecided', () => {
    const open = certify(rs, unit({ illegal: null }), { assessedOn: '2026-12-20' });
    if (!open.ok) throw new Error(JSON.stringify(open.issues));
    expect(open.value.record.passed).toBe(false);
    expect(open.value.record.failing.map((f) => [f.path, f.status])).toEqual([
      ['一.1', 'missing-input'],
    ]);
  });
});
