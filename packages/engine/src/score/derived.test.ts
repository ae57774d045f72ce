// Named derived values (form 47): a formula named once and read by its id in rules, peer
// statistics, streams, gates and sanctions. Golden figures worked out by hand.
import { describe, expect, it } from 'vitest';
import { parseRuleSet, validateRuleSet } from '../validate/parse.ts';
import { compileRuleSet } from './compile.ts';
import { scoreUnit } from './score-unit.ts';
import { scoreCohort } from '../cohort/score-cohort.ts';
import { rankCohort } from '../fast/rank-cohort.ts';
import type { IndicatorInput, RuleSetInput } from '../schema/ruleset.ts';
import type { InputValue } from '../model/result.ts';
import { diffRuleSets } from '../diff/diff.ts';

const SRB = {
  id: 'srb',
  label: '出生人口性别比',
  unit: 'number',
  expression: 'boys / girls * 100',
  rounding: { dp: 2, mode: 'half-up' },
} as const;

function json(items: IndicatorInput[], extra: Partial<RuleSetInput> = {}): RuleSetInput {
  const points = items.reduce((s, i) => s + Number(i.points), 0);
  return {
    schemaVersion: 1,
    id: 'derived',
    title: '派生指标',
    issuer: '市',
    level: '县',
    year: 2024,
    edition: 1,
    points,
    rounding: { scores: { dp: 2, mode: 'half-up' } },
    evidencePolicy: 'flag',
    inputs: [
      { id: 'boys', label: '出生男婴数', unit: '人' },
      { id: 'girls', label: '出生女婴数', unit: '人' },
      { id: 'members', label: '会员数', unit: '人', evidence: true },
      { id: 'pop', label: '人口数', unit: '人' },
      { id: 'cases', label: '违规例数', unit: 'count', blankMeans: 0 },
    ],
    derived: [
      SRB,
      { id: 'share', label: '会员占比', unit: '%', expression: 'members * 100 / pop' },
    ],
    sections: [{ code: '一', title: '甲', points, items }],
    ...extra,
  };
}
const compiled = (j: RuleSetInput) => {
  const p = parseRuleSet(j);
  if (!p.ok) throw new Error(JSON.stringify(p.issues.map((i) => `${i.path}: ${i.message.en}`)));
  return compileRuleSet(p.value);
};
const units = (list: Record<string, InputValue>[]) =>
  list.map((values, i) => ({ id: `u${i}`, name: `单位${i}`, values }));

const meanAndPooled: IndicatorInput[] = [
  // The mean of the units' SRBs.
  {
    code: '1',
    title: '不高于各单位性别比的平均值',
    points: 5,
    rule: { kind: 'threshold', value: 'srb', op: '<=', target: 'peer_mean(srb)' },
  },
  // The pooled SRB: all boys over all girls (means of counts over the same units).
  {
    code: '2',
    title: '不高于全体合计性别比',
    points: 5,
    rule: {
      kind: 'threshold',
      value: 'srb',
      op: '<=',
      target: 'peer_mean(boys) / peer_mean(girls) * 100',
    },
  },
];

describe('named derived values', () => {
  it('peer_mean(srb) is the mean of the units’ SRBs; a pooled rate is written over the counts', () => {
    const rs = compiled(json(meanAndPooled));
    // SRBs: 110 ÷ 100 × 100 = 110, 210 ÷ 200 × 100 = 105, 107 ÷ 100 × 100 = 107.
    // Mean of the SRBs: (110 + 105 + 107) ÷ 3 = 107.33…; pooled: (110 + 210 + 107) ÷
    // (100 + 200 + 100) × 100 = 427 ÷ 400 × 100 = 106.75. The third unit's 107 meets the first
    // (≤ 107.33…) and misses the second (> 106.75).
    const us = units([
      { boys: 110, girls: 100 },
      { boys: 210, girls: 200 },
      { boys: 107, girls: 100 },
    ]);
    const full = scoreCohort(rs, us);
    expect(
      full.units.map((u) => [u.unitId, u.result.sections[0]?.items.map((i) => i.score)]),
    ).toEqual([
      ['u1', ['5', '5']],
      ['u2', ['5', '0']],
      ['u0', ['0', '0']],
    ]);
    const third = full.units.find((u) => u.unitId === 'u2')?.result.sections[0]?.items;
    expect(third?.[0]?.reason.zh).toBe(
      '出生人口性别比 107,达到不高于≈107.33(各单位出生人口性别比的平均值)的要求',
    );
    // The kernels take the derived value and its cohort mean: the same totals, no item left.
    const fast = rankCohort(rs, us);
    expect(fast.units.map((u) => [u.unitId, u.total])).toEqual(
      full.units.map((u) => [u.unitId, u.total]),
    );
    expect(fast.routes).toEqual({ fast: 6, exact: 0, sanctionsFast: 0, sanctionsExact: 0 });
  });

  it('a blank under a derived value is missing at every reader, and left out of the mean', () => {
    const rs = compiled(
      json(
        [
          ...meanAndPooled.slice(0, 1),
          {
            code: '3',
            title: '性别比区间',
            points: 5,
            rule: {
              kind: 'band',
              value: 'srb',
              low: 103,
              high: 107,
              outside: { per: 1, points: 1, steps: 'pro-rata' },
            },
          },
        ],
        { sanctions: [{ id: 'high', level: 'notice', when: 'srb > 115', reason: '性别比过高' }] },
      ),
    );
    const us = units([{ boys: 110, girls: 100 }, { boys: 105, girls: 100 }, { boys: 120 }]);
    const full = scoreCohort(rs, us);
    const byId = new Map(full.units.map((u) => [u.unitId, u.result]));
    // Mean over the two units that reported: (110 + 105) ÷ 2 = 107.5 (not (110 + 105 + 0) ÷ 3).
    expect(byId.get('u1')?.sections[0]?.items[0]?.reason.zh).toBe(
      '出生人口性别比 105,达到不高于107.5(各单位出生人口性别比的平均值)的要求',
    );
    // 110 is 3 above 107: 5 − 3 × 1 = 2.
    expect(byId.get('u0')?.sections[0]?.items[1]?.score).toBe('2');
    const blank = byId.get('u2');
    expect(blank?.sections[0]?.items.map((i) => [i.score, i.status, i.missingInputs])).toEqual([
      [null, 'missing-input', ['girls']],
      [null, 'missing-input', ['girls']],
    ]);
    // The sanction on srb cannot be decided on a blank (120 boys over no girls is not "0").
    expect(blank?.complete).toBe(false);
    expect(blank?.issues.map((i) => i.code)).toContain('sanction-undecided');
  });

  it('shows its label and unit, is rounded as declared (rates for a % value), asks for evidence', () => {
    const rs = compiled(
      json(
        [
          {
            code: '1',
            title: '会员占比',
            points: 4,
            rule: { kind: 'expr', score: 'share / 100 * 4' },
          },
          {
            code: '2',
            title: '会员占比达标',
            points: 2,
            rule: { kind: 'threshold', value: 'share', op: '>=', target: 94.8 },
            deductions: [{ kind: 'expr', amount: 'cases * 0.5' }],
          },
        ],
        { rounding: { scores: { dp: 2, mode: 'half-up' }, rates: { dp: 1, mode: 'half-up' } } },
      ),
    );
    // 9475 × 100 ÷ 10000 = 94.75 → 94.8 (rounding.rates, 1 place): 94.8 ÷ 100 × 4 = 3.792 → 3.79;
    // 94.8 meets "≥ 94.8" (94.75 would not); 1 case costs 0.5: 2 − 0.5 = 1.5.
    const r = scoreUnit(rs, {
      id: 'u',
      name: 'u',
      values: { members: 9475, pop: 10000, cases: 1 },
      evidence: { members: true },
    });
    const [a, b] = r.sections[0]?.items ?? [];
    expect([a?.score, b?.score]).toEqual(['3.79', '1.5']);
    expect(a?.reason.zh).toBe('按公式「会员占比 ÷ 100 × 4」计算(会员占比 94.8%),得3.79分');
    expect(b?.reason.zh).toBe('会员占比 94.8%,达到不低于94.8%的要求,会员占比达标:扣0.5分');
    // The evidence asked for is the input's under the derived value.
    const bare = scoreUnit(rs, { id: 'u', name: 'u', values: { members: 9475, pop: 10000 } });
    expect(bare.sections[0]?.items.map((i) => i.status)).toEqual([
      'missing-evidence',
      'missing-evidence',
    ]);
    // A division by zero under it cannot be computed (nothing is blank).
    const zero = scoreUnit(rs, { id: 'u', name: 'u', values: { members: 1, pop: 0 } });
    expect(zero.sections[0]?.items[0]?.status).toBe('cannot-compute');
  });

  it('refuses unknown ids, cycles, a clash with an input, a unit or formula that is no number', () => {
    const item: IndicatorInput = {
      code: '1',
      title: '甲',
      points: 5,
      rule: { kind: 'threshold', value: 'srb', op: '<=', target: 107 },
    };
    const errors = (derived: unknown[], items: IndicatorInput[] = [item]) =>
      validateRuleSet({ ...json(items), derived })
        .filter((i) => i.severity === 'error')
        .map((i) => [i.code, i.path, i.message.zh]);
    expect(errors([{ ...SRB, expression: 'boys / gilrs * 100' }])).toEqual([
      [
        'expr-unknown-identifier',
        'derived[0].expression',
        'derived[0].expression:表达式第8–12个字符处:未知的输入项 gilrs',
      ],
    ]);
    expect(
      errors([
        { ...SRB, expression: 'ratio * 100' },
        { id: 'ratio', label: '比', unit: 'number', expression: 'srb / 100' },
      ]).map(([code, path, zh]) => [code, path, zh]),
    ).toEqual([
      ['derived-cycle', 'derived[0].expression', '派生指标互相引用成环:srb → ratio → srb'],
    ]);
    expect(errors([SRB, { ...SRB, id: 'boys' }])).toEqual([
      ['derived-id-clash', 'derived[1].id', '派生指标「boys」与同名输入项重名,请改用其他代码'],
    ]);
    // A unit its formula contradicts is a warning: members × 100 ÷ pop is a %, not 人.
    const warned = validateRuleSet({
      ...json([item]),
      derived: [
        SRB,
        { id: 'share', label: '会员占比', unit: '人', expression: 'members * 100 / pop' },
      ],
    }).filter((i) => i.code === 'derived-unit-form');
    expect(warned.map((i) => [i.severity, i.path, i.message.zh])).toEqual([
      ['warning', 'derived[1].unit', '派生指标「share」声明的单位为 人,但公式得出的是 %'],
    ]);
    expect(errors([{ ...SRB, unit: 'yesno' }]).map(([code, path]) => [code, path])).toEqual([
      ['derived-unit', 'derived[0].unit'],
    ]);
    expect(errors([{ ...SRB, expression: 'boys > girls' }]).map(([c, p]) => [c, p])).toEqual([
      ['derived-type', 'derived[0].expression'],
    ]);
    expect(errors([{ ...SRB, expression: "score('一.1') * 2" }]).map(([c, p]) => [c, p])).toEqual([
      ['derived-function', 'derived[0].expression'],
    ]);
    expect(errors([{ ...SRB, id: 'total' }]).map(([c, p]) => [c, p])).toContainEqual([
      'reserved-id',
      'derived[0].id',
    ]);
    // A cohort statistic of a value that is itself one of the cohort's is refused.
    const pooled = {
      id: 'pooled',
      label: '合计性别比',
      unit: 'number',
      expression: 'peer_mean(boys) / peer_mean(girls) * 100',
    };
    const nested: IndicatorInput = {
      ...item,
      rule: { kind: 'threshold', value: 'srb', op: '<=', target: 'peer_mean(pooled)' },
    };
    expect(errors([SRB, pooled], [nested]).map(([c, p]) => [c, p])).toEqual([
      ['derived-peer-nested', 'sections[0].items[0].rule.target'],
    ]);
    const meanOfPooled = { ...SRB, id: 'gap', expression: 'srb - peer_mean(pooled)' };
    expect(errors([SRB, pooled, meanOfPooled]).map(([c, p]) => [c, p])).toEqual([
      ['derived-peer-nested', 'derived[2].expression'],
    ]);
  });

  it('a cohort statistic of a figure that is not a number is refused at its operand', () => {
    // The mean of dates, of yes/no answers or of choices is no figure a rule can be held to.
    const on = (input: string): IndicatorInput => ({
      ...meanAndPooled[0]!,
      rule: { kind: 'threshold', value: 'srb', op: '<=', target: `peer_max(${input})` },
    });
    const extra = {
      inputs: [
        ...json([]).inputs,
        { id: 'filed', label: '报送日期', unit: 'date' },
        { id: 'group', label: '成立领导小组', unit: 'yesno' },
      ],
    } as Partial<RuleSetInput>;
    for (const input of ['filed', 'group']) {
      const found = validateRuleSet(json([on(input)], extra)).filter((i) => i.code === 'peer-unit');
      expect(found.map((i) => [i.severity, i.path])).toEqual([
        ['error', 'sections[0].items[0].rule.target'],
      ]);
      expect(found[0]?.message.zh).toContain(`peer_max 只能用于数值`);
    }
    expect(validateRuleSet(json([on('boys')])).filter((i) => i.code === 'peer-unit')).toEqual([]);
  });

  it('two editions: a formula or rounding changed is said at the derived value', () => {
    const parse = (j: RuleSetInput) => {
      const p = parseRuleSet(j);
      if (!p.ok) throw new Error('refused');
      return p.value;
    };
    const a = parse(json(meanAndPooled));
    const b = parse({
      ...json(meanAndPooled),
      edition: 2,
      derived: [
        { ...SRB, rounding: { dp: 1, mode: 'half-up' } },
        { id: 'births', label: '出生数', unit: '人', expression: 'boys + girls' },
      ],
    });
    expect(
      diffRuleSets(a, b)
        .changes.filter((c) => c.path.startsWith('derived.'))
        .map((c) => [c.kind, c.message.zh]),
    ).toEqual([
      ['derived-changed', '派生指标「出生人口性别比」:取舍由「2位/half-up」改为「1位/half-up」'],
      ['derived-added', '派生指标「出生数」:新增'],
      ['derived-removed', '派生指标「会员占比」:删除'],
    ]);
  });

  it('blank(srb) holds for a blank under it, not for a figure typed but refused', () => {
    const rs = compiled(
      json([
        {
          code: '1',
          title: '甲',
          points: 2,
          rule: { kind: 'expr', score: 'if(blank(srb), 1, 2)' },
        },
      ]),
    );
    const us = units([{ boys: 110 }, { boys: 110, girls: 'abc' }, { boys: 110, girls: 100 }]);
    const exact = us.map((u) => scoreUnit(rs, u).sections[0]?.items[0]);
    expect(exact.map((i) => [i?.score, i?.status])).toEqual([
      ['1', 'partly-met'],
      [null, 'missing-input'],
      ['2', 'met'],
    ]);
    const fast = rankCohort(rs, us);
    expect(new Map(fast.units.map((u) => [u.unitId, u.complete ? u.total : null]))).toEqual(
      new Map([
        ['u0', '1'],
        ['u1', null],
        ['u2', '2'],
      ]),
    );
  });
});

describe('a rank over a cohort statistic', () => {
  it('is refused where it is written: units are ranked on their own figures', () => {
    const j = json([
      {
        code: '1',
        title: '偏离均值排名',
        points: 5,
        rule: { kind: 'rank', value: 'gap', order: 'asc', points: [5, 3, 1] },
      },
    ]);
    j.derived = [
      ...(j.derived ?? []),
      { id: 'gap', label: '偏离', unit: 'number', expression: 'abs(srb - peer_mean(srb))' },
    ];
    expect(
      validateRuleSet(j)
        .filter((i) => i.severity === 'error')
        .map((i) => `${i.code}@${i.path}`),
    ).toContain('rank-peer-value@sections[0].items[0].rule.value');
  });
});
