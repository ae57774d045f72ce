// Forms 23, 27, 28/48 and 57 of RULE-FORMS.md as data: gate-only items and capped accrual
// without a dummy rule (`start`), open bounds (`min: 'none'`, `points: 'uncapped'`, bonus
// `cap: 'none'`) and partial credit without evidence (`evidencePolicy: { keep }`). Every figure
// is worked out by hand in the comment beside it; the fast path (rankCohort) is held to the
// exact one on the same units.
import { describe, expect, it } from 'vitest';
import { parseRuleSet } from '../validate/parse.ts';
import { compileRuleSet } from './compile.ts';
import { scoreUnit } from './score-unit.ts';
import { rankCohort } from '../fast/rank-cohort.ts';
import { diffRuleSets } from '../diff/diff.ts';
import type { IndicatorInput, RuleSet, RuleSetInput } from '../schema/ruleset.ts';
import type { IndicatorResult, InputValue, UnitInput, UnitResult } from '../model/result.ts';

const json: RuleSetInput = {
  schemaVersion: 1,
  id: 'open-forms',
  title: '人口计生目标管理责任制考核',
  issuer: '县',
  level: '乡镇',
  year: 2026,
  edition: 1,
  points: 25,
  rounding: { scores: { dp: 2, mode: 'half-up' } },
  inputs: [
    { id: 'report_true', label: '举报属实', unit: 'yesno' },
    { id: 'served', label: '服务流动人口例数', unit: 'count' },
    { id: 'illegal', label: '违法生育例数', unit: 'count' },
    { id: 'materials', label: '宣传资料', unit: 'yesno', evidence: true },
    { id: 'projects', label: '引进项目数', unit: 'count' },
    { id: 'honour', label: '获上级表彰', unit: 'yesno' },
  ],
  sections: [
    {
      code: '一',
      title: '目标管理',
      points: 25,
      items: [
        {
          code: '1',
          title: '目标管理',
          points: 10,
          // 举报属实此项不记分: full points unless the gate holds; no rule of its own.
          start: 'full',
          gates: [{ when: 'report_true', reason: '举报属实,此项不记分' }],
        },
        {
          code: '2',
          title: '流动人口服务',
          points: 8,
          // 每服务1例加0.4分,最多加8分: from 0, not from full points.
          start: 'zero',
          deductions: [{ kind: 'per-case', input: 'served', each: 0.4, direction: 'add', cap: 8 }],
        },
        {
          code: '3',
          title: '违法生育',
          points: 5,
          // 每例扣2分,该项可负分.
          min: 'none',
          deductions: [{ kind: 'per-case', input: 'illegal', each: 2 }],
        },
        {
          code: '4',
          title: '宣传资料',
          points: 2,
          // 有宣传资料得2分;有但无佐证材料得1分.
          rule: { kind: 'yesno', input: 'materials' },
          evidencePolicy: { keep: 1 },
        },
      ],
    },
  ],
  bonus: {
    // 加分不设上限.
    cap: 'none',
    items: [
      {
        code: '1',
        title: '引进项目',
        points: 'uncapped',
        start: 'zero',
        deductions: [{ kind: 'per-case', input: 'projects', each: 0.5, direction: 'add' }],
      },
      { code: '2', title: '获表彰', points: 3, rule: { kind: 'yesno', input: 'honour' } },
    ],
  },
};

function compile(j: RuleSetInput = json) {
  const parsed = parseRuleSet(j);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues.map((i) => i.message.en)));
  return { rs: compileRuleSet(parsed.value), parsed: parsed.value };
}
const BASE: Record<string, InputValue> = {
  report_true: false,
  served: 0,
  illegal: 0,
  materials: false,
  projects: 0,
  honour: false,
};
const unit = (
  values: Record<string, InputValue>,
  evidence?: Record<string, boolean>,
  id = 'u',
): UnitInput => ({
  id,
  name: id,
  values: { ...BASE, ...values },
  ...(evidence ? { evidence } : {}),
});
const item = (r: UnitResult, path: string): IndicatorResult => {
  const all = [...r.sections.flatMap((s) => s.items), ...r.bonus.items];
  const found = all.find((i) => i.path === path);
  if (!found) throw new Error(`no ${path}`);
  return found;
};

describe('gate-only items and capped accrual without a dummy rule (forms 23, 27)', () => {
  const { rs } = compile();

  it('a gate-only item has full points unless its gate holds', () => {
    // No report: the whole 10 points.
    const clear = item(scoreUnit(rs, unit({})), '一.1');
    expect([clear.score, clear.status]).toEqual(['10', 'met']);
    expect(clear.reason.zh).toBe('得满分10分');
    // 举报属实: 0, gated, and the reason says why.
    const gated = item(scoreUnit(rs, unit({ report_true: true })), '一.1');
    expect([gated.score, gated.status]).toEqual(['0', 'gated']);
    expect(gated.reason.zh).toContain('举报属实,此项不记分');
  });

  it('capped accrual starts at 0: 0.4 a case, at most 8', () => {
    // 12 cases × 0.4 = 4.8 of 8.
    const some = item(scoreUnit(rs, unit({ served: 12 })), '一.2');
    expect([some.score, some.status]).toEqual(['4.8', 'partly-met']);
    expect(some.reason.zh).toBe('起始0分,按件累计加分,服务流动人口例数12例,每例加0.4分,加4.8分');
    expect(some.reason.en).toContain('starts at 0; credits accrue');
    // 25 cases × 0.4 = 10, capped at 8: full.
    const many = item(scoreUnit(rs, unit({ served: 25 })), '一.2');
    expect([many.score, many.status]).toEqual(['8', 'met']);
    // No case: 0, not the full 8 a missing base rule used to give.
    const none = item(scoreUnit(rs, unit({ served: 0 })), '一.2');
    expect([none.score, none.status]).toEqual(['0', 'not-met']);
  });
});

describe('open bounds (forms 28, 48)', () => {
  const { rs } = compile();

  it('an item with no floor goes below 0 as far as its deductions go', () => {
    // 5 − 4 × 2 = −3: no floor, so −3 (min 0 would have stopped at 0).
    const r = item(scoreUnit(rs, unit({ illegal: 4 })), '一.3');
    expect([r.score, r.max, r.status]).toEqual(['-3', '5', 'not-met']);
    expect(r.reason.zh).not.toContain('扣完为止');
    expect(r.reason.zh).toBe('得满分5分,违法生育例数4例,每例扣2分,扣8分,该项可负分,得-3分');
    expect(r.reason.en).toContain('no floor: -3');
    // 5 − 40 × 2 = −75: still no floor (the −1000 workaround is not needed).
    expect(item(scoreUnit(rs, unit({ illegal: 40 })), '一.3').score).toBe('-75');
  });

  it('an uncapped bonus item and an uncapped bonus total count what they earn', () => {
    // 30 projects × 0.5 = 15, no cap; 获表彰 3; bonus 15 + 3 = 18, no cap on the total.
    const r = scoreUnit(rs, unit({ projects: 30, honour: true }));
    const b = item(r, '加分.1');
    expect([b.score, b.max, b.status]).toEqual(['15', '15', 'met']);
    expect(b.reason.zh).toBe(
      '起始0分,按件累计加分,引进项目数30例,每例加0.5分,加15分,不设上限,得15分',
    );
    expect(b.reason.en).toContain('uncapped: 15');
    expect(r.bonus).toMatchObject({ score: '18', uncapped: '18', cap: null });
    // Section: 一.1 10 + 一.2 0 + 一.3 5 + 一.4 0 = 15; total 15 + 18 = 33, above the 25 points.
    expect(r.sections[0]?.score).toBe('15');
    expect([r.total, r.max]).toEqual(['33', '25']);
    // Nothing earned: 0 of no maximum is not met.
    const zero = item(scoreUnit(rs, unit({})), '加分.1');
    expect([zero.score, zero.max, zero.status]).toEqual(['0', '0', 'not-met']);
  });
});

describe('partial credit without evidence (form 57)', () => {
  const { rs } = compile();

  it('keeps 1 of 2 points when the evidence is missing, status missing-evidence', () => {
    // 有, with evidence: 2 of 2.
    const backed = item(scoreUnit(rs, unit({ materials: true }, { materials: true })), '一.4');
    expect([backed.score, backed.status]).toEqual(['2', 'met']);
    // 有, without evidence: min(2, 1) = 1, and the reason says what was kept and why.
    const r = item(scoreUnit(rs, unit({ materials: true })), '一.4');
    expect([r.score, r.status, r.missingEvidence]).toEqual([
      '1',
      'missing-evidence',
      ['materials'],
    ]);
    expect(r.reason.zh).toBe('宣传资料:是,但缺少佐证材料(宣传资料),按规定最多保留1分,得1分(1/2)');
    expect(r.reason.en).toContain('at most 1 kept as the rules allow, 1 (1/2)');
    // 无: 0, nothing to back.
    expect(item(scoreUnit(rs, unit({ materials: false })), '一.4').status).toBe('not-met');
  });

  it('overrides the rule set’s policy for that item only', () => {
    const flagged: RuleSetInput = { ...json, evidencePolicy: 'flag' };
    const { rs: f } = compile(flagged);
    // The item keeps 1 (its own policy); under the rule set's `flag` it would have kept 2.
    expect(item(scoreUnit(f, unit({ materials: true })), '一.4').score).toBe('1');
  });
});

describe('the fast path agrees, and routes what it declines', () => {
  it('rankCohort gives scoreUnit’s totals, uncapped items on the kernels too', () => {
    const { rs } = compile();
    const units = [
      unit({ served: 12, illegal: 4, materials: true, projects: 30, honour: true }, undefined, 'a'),
      unit({ report_true: true, served: 25 }, { materials: true }, 'b'),
      unit({ illegal: 40, materials: true }, { materials: true }, 'c'),
    ];
    const ranked = rankCohort(rs, units);
    for (const u of units) {
      const lean = ranked.units.find((r) => r.unitId === u.id);
      expect([u.id, lean?.total]).toEqual([u.id, scoreUnit(rs, u).total]);
    }
    // a: 10 + 4.8 + (5 − 8 = −3) + 1 + bonus (15 + 3) = 30.8
    expect(ranked.units.find((r) => r.unitId === 'a')?.total).toBe('30.8');
    // Per unit: 一.1–一.4, 加分.1 (uncapped: no ceiling on the kernel either) and 加分.2 on the
    // kernels (一.4 keeps 1 of 2 there too, by the shared decision): 3 × 6 = 18.
    expect(ranked.routes).toEqual({ fast: 18, exact: 0, sanctionsFast: 0, sanctionsExact: 0 });
    // met() of an uncapped item: nothing earned is not met (0 of no maximum), on both paths.
    const { rs: withSanction } = compile({
      ...json,
      sanctions: [{ id: 'np', level: 'notice', when: "!met('加分.1')", reason: '未引进项目' }],
    });
    const held = rankCohort(withSanction, units).units.map((r) => [r.unitId, r.sanctions]);
    expect(held.sort()).toEqual([
      ['a', []],
      ['b', ['np']],
      ['c', ['np']],
    ]);
    for (const u of units)
      expect(scoreUnit(withSanction, u).sanctions.map((x) => x.id)).toEqual(
        held.find(([id]) => id === u.id)?.[1],
      );
  });
});

describe('a parent without a floor sums its sub-items below 0', () => {
  it('on both paths: (1) 3 − 4 × 2 = −5, (2) yes 2, the parent −5 + 2 = −3', () => {
    const j: RuleSetInput = {
      ...json,
      points: 5,
      sections: [
        {
          code: '二',
          title: '合计可负',
          points: 5,
          items: [
            {
              code: '1',
              title: '父项',
              points: 5,
              min: 'none',
              items: [
                {
                  code: '(1)',
                  title: '违法生育',
                  points: 3,
                  min: 'none',
                  deductions: [{ kind: 'per-case', input: 'illegal', each: 2 }],
                },
                { code: '(2)', title: '表彰', points: 2, rule: { kind: 'yesno', input: 'honour' } },
              ],
            },
          ],
        },
      ],
      bonus: undefined,
    };
    const { rs } = compile(j);
    const u = unit({ illegal: 4, honour: true });
    const exact = scoreUnit(rs, u);
    expect(item(exact, '二.1').score).toBe('-3');
    expect(exact.total).toBe('-3');
    // The container runs on the kernels: its floor is none there too.
    const ranked = rankCohort(rs, [u]);
    expect(ranked.units[0]?.total).toBe('-3');
    expect(ranked.routes).toEqual({ fast: 2, exact: 0, sanctionsFast: 0, sanctionsExact: 0 });
  });
});

describe('validation: each shape at its rule path, in zh and en', () => {
  const issuesOf = (items: IndicatorInput[], extra: Partial<RuleSetInput> = {}) => {
    const r = parseRuleSet({
      ...json,
      points: 10,
      sections: [{ code: '一', title: '甲', points: 10, items }],
      bonus: undefined,
      ...extra,
    });
    return r.ok ? r.warnings : r.issues;
  };
  const one = (issues: ReturnType<typeof issuesOf>, code: string) => {
    const found = issues.filter((i) => i.code === code);
    expect(found).toHaveLength(1);
    return found[0] as (typeof found)[number];
  };

  it('a gate-only item without start is refused, and told how to say it', () => {
    const i = one(
      issuesOf([
        { code: '1', title: 'a', points: 10, gates: [{ when: 'report_true', reason: 'x' }] },
      ]),
      'no-rule',
    );
    expect(i.path).toBe('sections[0].items[0]');
    expect(i.message.zh).toContain("请写 start: 'full'");
    expect(i.message.en).toContain("write start: 'full'");
  });

  it('start beside a rule or sub-items, and start zero without credit', () => {
    const withRule = one(
      issuesOf([
        {
          code: '1',
          title: 'a',
          points: 10,
          start: 'zero',
          rule: { kind: 'yesno', input: 'honour' },
        },
      ]),
      'start-with-rule',
    );
    expect(withRule.path).toBe('sections[0].items[0].start');
    expect(withRule.message.zh).toContain('不能另写 start');
    const withItems = one(
      issuesOf([
        {
          code: '1',
          title: 'a',
          points: 10,
          start: 'full',
          items: [
            { code: '(1)', title: 'b', points: 10, rule: { kind: 'yesno', input: 'honour' } },
          ],
        },
      ]),
      'start-with-items',
    );
    expect(withItems.path).toBe('sections[0].items[0].start');
    const noCredit = one(
      issuesOf([
        {
          code: '1',
          title: 'a',
          points: 10,
          start: 'zero',
          deductions: [{ kind: 'per-case', input: 'illegal', each: 1 }],
        },
      ]),
      'start-zero-without-credit',
    );
    expect(noCredit.path).toBe('sections[0].items[0].start');
    expect(noCredit.message.en).toContain('could never score');
  });

  it('uncapped only on a bonus item whose rule gives its own points', () => {
    const inSection = one(
      issuesOf([
        { code: '1', title: 'a', points: 'uncapped', rule: { kind: 'expr', score: 'served' } },
      ]),
      'uncapped-outside-bonus',
    );
    expect(inSection.path).toBe('sections[0].items[0].points');
    expect(inSection.message.zh).toContain('只有加分项目');
    const yes = one(
      issuesOf([{ code: '1', title: 'a', points: 10, rule: { kind: 'yesno', input: 'honour' } }], {
        bonus: {
          items: [
            { code: '1', title: 'b', points: 'uncapped', rule: { kind: 'yesno', input: 'honour' } },
          ],
        },
      }),
      'uncapped-needs-points',
    );
    expect(yes.path).toBe('bonus.items[0].rule');
    expect(yes.message.en).toContain('no full points to give');
  });

  it('a blank floor or bonus cap is an error, never "no bound": the word is named', () => {
    const blank = parseRuleSet({
      ...json,
      sections: [
        {
          ...(json.sections[0] as RuleSetInput['sections'][number]),
          items: [
            { code: '1', title: 'a', points: 25, min: null as unknown as number, start: 'full' },
          ],
        },
      ],
      bonus: { cap: null as unknown as number, items: json.bonus?.items ?? [] },
    });
    expect(blank.ok).toBe(false);
    const issues = blank.ok ? [] : blank.issues;
    const at = (path: string) => issues.find((i) => i.path === path);
    expect(at('sections[0].items[0].min')?.message.zh).toContain("不设下限(该项可负分)请写 'none'");
    expect(at('bonus.cap')?.message.en).toContain("for no cap on bonus write 'none'");
  });

  it('a kept share outside 0 … points, and a policy with nothing to apply to', () => {
    const above = one(
      issuesOf([
        {
          code: '1',
          title: 'a',
          points: 10,
          rule: { kind: 'yesno', input: 'materials' },
          evidencePolicy: { keep: 12 },
        },
      ]),
      'evidence-keep-range',
    );
    expect(above.path).toBe('sections[0].items[0].evidencePolicy.keep');
    expect(above.message.zh).toBe('一.1 缺少佐证时保留 12 分,应在0至该项满分 10 之间');
    const places = one(
      issuesOf(
        [
          {
            code: '1',
            title: 'a',
            points: 10,
            rule: { kind: 'yesno', input: 'materials' },
            evidencePolicy: { keep: 0.5 },
          },
        ],
        { rounding: { scores: { dp: 0, mode: 'half-up' } } },
      ),
      'points-precision',
    );
    // 0.5 kept at 0 places would be a score off the grid the scores are rounded to.
    expect(places.path).toBe('sections[0].items[0].evidencePolicy.keep');
    expect(places.message.zh).toContain('超出得分保留的 0 位小数');
    const unused = one(
      issuesOf([
        {
          code: '1',
          title: 'a',
          points: 10,
          rule: { kind: 'yesno', input: 'honour' },
          evidencePolicy: { keep: 5 },
        },
      ]),
      'evidence-policy-unused',
    );
    expect([unused.path, unused.severity]).toEqual([
      'sections[0].items[0].evidencePolicy',
      'warning',
    ]);
  });
});

describe('the diff of two editions says it', () => {
  const edit = (f: (j: RuleSetInput) => void): RuleSet => {
    const j = structuredClone(json);
    f(j);
    return compile(j).parsed;
  };
  const base = compile().parsed;
  const messages = (b: RuleSet) => diffRuleSets(base, b).changes.map((c) => c.message);

  it('floor set, cap set, start changed, kept share changed, bonus capped', () => {
    const b = edit((j) => {
      const items = j.sections[0]?.items as IndicatorInput[];
      delete (items[2] as IndicatorInput).min;
      (items[1] as IndicatorInput).start = 'full';
      (items[3] as IndicatorInput).evidencePolicy = 'zero';
      const bonus = j.bonus as NonNullable<RuleSetInput['bonus']>;
      bonus.cap = 20;
      (bonus.items[0] as IndicatorInput).points = 15;
    });
    const zh = messages(b).map((m) => m.zh);
    expect(zh).toContain('一.3 违法生育:新设最低得分0分(原不设下限)(放宽)');
    expect(zh).toContain('一.2 流动人口服务:改为从满分起算(放宽)');
    expect(zh).toContain('一.4 宣传资料:缺少佐证材料时由「最多保留1分」改为「不得分」(收紧)');
    expect(zh).toContain('加分:新设加分上限20分(原不设上限)(收紧)');
    expect(zh).toContain('加分.1 引进项目:新设上限15分(原不设上限)(收紧)');
    // An uncapped item added says so, not a blank where its points would be.
    const added = edit((j) => {
      const bonus = j.bonus as NonNullable<RuleSetInput['bonus']>;
      bonus.items.push({ ...(bonus.items[0] as IndicatorInput), code: '3', title: '新引进' });
    });
    expect(messages(added).map((m) => m.zh)).toContain('加分.3 新引进:新增(不设上限)');
    // And back: cap removed / 不设上限, floor removed.
    const en = diffRuleSets(b, base).changes.map((c) => c.message.en);
    expect(en).toContain('加分.1 引进项目: cap removed (was 15 points): uncapped (loosened)');
    expect(en).toContain(
      '一.3 违法生育: floor removed (was 0 points): no floor, the item may go negative (tightened)',
    );
  });
});
