// Reasons say what the rule did, in zh-CN and in English: full strings for hand-built cases.
import { describe, expect, it } from 'vitest';
import { scoreCohort } from '../cohort/score-cohort.ts';
import type { IndicatorResult, InputValue, Msg, UnitResult } from '../model/result.ts';
import type { IndicatorInput, InputDef, RuleSetInput } from '../schema/ruleset.ts';
import { parseRuleSet } from '../validate/parse.ts';
import { compileRuleSet } from './compile.ts';
import { scoreUnit } from './score-unit.ts';

function ruleSet(
  inputs: Partial<InputDef>[],
  items: IndicatorInput[],
  extra: Partial<RuleSetInput> = {},
) {
  const points = items.reduce((s, i) => s + Number(i.points), 0);
  const parsed = parseRuleSet({
    schemaVersion: 1,
    id: 'reasons',
    title: '理由',
    issuer: '市',
    level: '县',
    year: 2014,
    edition: 1,
    points,
    rounding: { scores: { dp: 2, mode: 'half-up' } },
    inputs: inputs.map((i) => ({ label: i.id ?? 'x', unit: 'number', ...i })),
    sections: [{ code: '一', title: '甲', points, items }],
    ...extra,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues.map((i) => i.message.en)));
  return compileRuleSet(parsed.value);
}
const run = (rs: ReturnType<typeof ruleSet>, values: Record<string, InputValue>): UnitResult =>
  scoreUnit(rs, { id: 'u', name: 'u', values });
const item = (r: UnitResult, i = 0): IndicatorResult => r.sections[0]!.items[i]!;
const said = (r: IndicatorResult): [string | null, Msg] => [r.score, r.reason];

describe('reasons', () => {
  it('a relative gap is a share of the target, and says so', () => {
    const rs = ruleSet(
      [{ id: 'done', label: { zh: '完成户数', en: 'households done' }, unit: '户' }],
      [
        {
          code: '1',
          title: '任务',
          points: 5,
          rule: {
            kind: 'threshold',
            value: 'done',
            op: '>=',
            target: 200,
            below: { per: 1, points: 0.5, steps: 'pro-rata', gap: 'relative' },
          },
        },
      ],
    );
    // 194 against 200: 6 short is 3 % of the target; 3 steps of 1 % × 0.5 = 1.5; 5 − 1.5 = 3.5.
    expect(said(item(run(rs, { done: 194 })))).toEqual([
      '3.5',
      {
        zh: '完成户数 194户,低于 200户,每低于目标值的1%扣0.5分(不足部分按比例),低于目标值3%,扣1.5分',
        en: 'households done 194 households is below 200 households; deduct 0.5 per 1% of the target below (pro rata); 3% below the target: 1.5',
      },
    ]);
  });

  it('a state is named by its label, a yes/no as 是/否, never by an id', () => {
    const rs = ruleSet(
      [
        {
          id: 'station',
          label: { zh: '服务站', en: 'service station' },
          unit: 'choice',
          choices: [
            { value: 'no', label: { zh: '未建', en: 'not built' } },
            { value: 'ok', label: { zh: '正常', en: 'working' } },
          ],
        },
        { id: 'on_time', label: { zh: '按期上报', en: 'reported on time' }, unit: 'yesno' },
      ],
      [
        {
          code: '1',
          title: '服务',
          points: 5,
          deductions: [
            { kind: 'state', input: 'station', amounts: { no: 2 } },
            { kind: 'state', input: 'on_time', amounts: { no: 1 } },
          ],
        },
      ],
    );
    // 5 − 2 (not built) − 1 (late) = 2.
    expect(said(item(run(rs, { station: 'no', on_time: false })))).toEqual([
      '2',
      {
        zh: '得满分5分,服务站为「未建」,扣2分,按期上报为「否」,扣1分',
        en: 'full marks 5; service station is "not built": −2; reported on time is "no": −1',
      },
    ]);
  });

  it('multiplied cases: besides the others (extra, the default) or among them (of-which)', () => {
    const inputs = [
      { id: 'found', label: { zh: '违规', en: 'violations' }, unit: 'count' as const },
      { id: 'city', label: { zh: '市级查出', en: 'found by the city' }, unit: 'count' as const },
    ];
    const stream = (cases?: 'extra' | 'of-which'): IndicatorInput => ({
      code: cases === 'of-which' ? '2' : '1',
      title: '违规',
      points: 10,
      deductions: [
        {
          kind: 'per-case',
          input: 'found',
          each: 1,
          multiplied: { input: 'city', factor: 2, ...(cases ? { cases } : {}) },
        },
      ],
    });
    const rs = ruleSet(inputs, [stream(), stream('of-which')]);
    const r = run(rs, { found: 3, city: 1 });
    // extra: 3 × 1 + 1 × 1 × 2 = 5 deducted → 5.
    expect(said(item(r, 0))).toEqual([
      '5',
      {
        zh: '得满分10分,违规3例,每例扣1分,扣3分;另有市级查出1例,每例按2倍扣2分,扣2分',
        en: 'full marks 10; violations: 3 case(s), 1 each: −3; besides, found by the city: 1 case(s) at ×2, 2 each: −2',
      },
    ]);
    // of-which: the city's case is one of the 3; it weighs × 2: 3 × 1 + 1 × 1 × (2 − 1) = 4 → 6.
    expect(said(item(r, 1))).toEqual([
      '6',
      {
        zh: '得满分10分,违规3例,每例扣1分,扣3分;其中市级查出1例按2倍计,再扣1分',
        en: 'full marks 10; violations: 3 case(s), 1 each: −3; of which found by the city: 1 case(s) count ×2: −1 more',
      },
    ]);
    // More "of which" than cases cannot be judged: said at the item, never scored around.
    const over = run(rs, { found: 1, city: 2 });
    expect([item(over, 1).score, item(over, 1).reason.zh]).toEqual([
      null,
      '无法计算:其中「市级查出」2例多于「违规」1例',
    ]);
    expect(item(over, 0).score).toBe('5'); // extra: 1 + 2 × 2 = 5 deducted
  });

  it('a formula is shown in words with each operand’s label, value and unit', () => {
    const rs = ruleSet(
      [
        { id: 'budget', label: { zh: '计生经费', en: 'budget' }, unit: '万元' },
        { id: 'pop', label: { zh: '常住人口', en: 'population' }, unit: '人' },
        { id: 'rate', label: { zh: '兑现率', en: 'payout rate' }, unit: '%' },
      ],
      [
        {
          code: '1',
          title: '经费',
          points: 6,
          rule: { kind: 'expr', score: 'budget * 10000 / pop + rate / 100' },
        },
      ],
    );
    // 2 × 10000 ÷ 4000 + 95 ÷ 100 = 5 + 0.95 = 5.95.
    expect(said(item(run(rs, { budget: 2, pop: 4000, rate: 95 })))).toEqual([
      '5.95',
      {
        zh: '按公式「计生经费 × 10000 ÷ 常住人口 + 兑现率 ÷ 100」计算(计生经费 2万元,常住人口 4000人,兑现率 95%),得5.95分',
        en: 'by formula "budget × 10000 ÷ population + payout rate ÷ 100" with budget 2 ×10k yuan, population 4000 persons, payout rate 95%: 5.95',
      },
    ]);
  });

  it('a derived value keeps its unit and says what it is; a target input is named', () => {
    const rs = ruleSet(
      [
        { id: 'rate', label: { zh: '兑现率', en: 'payout rate' }, unit: '%' },
        { id: 'goal', label: { zh: '责任目标', en: 'assigned target' }, unit: '%' },
      ],
      [
        {
          code: '1',
          title: '折算兑现率',
          points: 5,
          rule: { kind: 'threshold', value: 'rate * 0.999', op: '>=', target: 95 },
        },
        {
          code: '2',
          title: '兑现',
          points: 5,
          rule: { kind: 'threshold', value: 'rate', op: '>=', target: 'goal' },
        },
      ],
      { rounding: { scores: { dp: 2, mode: 'half-up' }, rates: { dp: 2, mode: 'half-up' } } },
    );
    // 95 × 0.999 = 94.905 → 94.91 (rates rounded half-up to 2 places) < 95: no points.
    const r = run(rs, { rate: 95, goal: 96 });
    expect(said(item(r, 0))).toEqual([
      '0',
      {
        zh: '折算兑现率 94.91%(兑现率 × 0.999),低于 95%,未达到不得分',
        en: '折算兑现率 94.91% (payout rate × 0.999) is below 95%: not met: no points',
      },
    ]);
    expect(said(item(r, 1))).toEqual([
      '0',
      {
        zh: '兑现率 95%,低于 96%(责任目标),未达到不得分',
        en: 'payout rate 95% is below 96% (assigned target): not met: no points',
      },
    ]);
  });

  it('in proportion to the leader says the ratio; a peer-mean target says it is the mean', () => {
    const rs = ruleSet(
      [{ id: 'rate', label: { zh: '覆盖率', en: 'coverage' }, unit: '%' }],
      [
        {
          code: '1',
          title: '排名',
          points: 10,
          rule: { kind: 'rank', value: 'rate', points: 'proportional-to-leader' },
        },
        {
          code: '2',
          title: '均值',
          points: 10,
          rule: { kind: 'proportional', value: 'rate', target: 'peer_mean(rate)' },
        },
      ],
    );
    const out = scoreCohort(rs, [
      { id: 'a', name: 'a', values: { rate: 96 } },
      { id: 'b', name: 'b', values: { rate: 90 } },
      { id: 'c', name: 'c', values: { rate: 84 } },
    ]);
    const c = out.units.find((u) => u.result.unitId === 'c')?.result;
    if (!c) throw new Error('no unit c');
    // 84 ÷ 96 × 10 = 8.75; mean (96 + 90 + 84) ÷ 3 = 90, 84 ÷ 90 × 10 = 9.333… → 9.33.
    expect(said(item(c, 0))).toEqual([
      '8.75',
      {
        zh: '覆盖率 84%,第一名 96%,按与第一名之比计分:84 ÷ 96 × 10,得8.75分',
        en: 'coverage 84%, leader 96%; in proportion to the leader: 84 ÷ 96 × 10: 8.75',
      },
    ]);
    expect(said(item(c, 1))).toEqual([
      '9.33',
      {
        zh: '覆盖率 84%,目标90%(各单位覆盖率的平均值),按比例得9.33分',
        en: 'coverage 84% against a target of 90% (the mean coverage of all units): 9.33 pro rata',
      },
    ]);
  });

  it('says where a score stops: at the points, or where deductions run out', () => {
    const rs = ruleSet(
      [
        { id: 'x', label: { zh: '得分率', en: 'rate' } },
        { id: 'n', label: { zh: '违规', en: 'violations' }, unit: 'count' },
      ],
      [
        { code: '1', title: '公式', points: 5, rule: { kind: 'expr', score: 'x / 10' } },
        {
          code: '2',
          title: '扣分',
          points: 3,
          deductions: [{ kind: 'per-case', input: 'n', each: 1 }],
        },
        {
          code: '3',
          title: '小项',
          points: 4,
          pointsMismatch: '原文件小项合计6分,大项4分',
          items: [
            { code: '(1)', title: '甲', points: 3, rule: { kind: 'expr', score: '3' } },
            { code: '(2)', title: '乙', points: 3, rule: { kind: 'expr', score: '3' } },
          ],
        },
      ],
    );
    const r = run(rs, { x: 59, n: 5 });
    // 59 ÷ 10 = 5.9 on a 5-point item → 5; 3 − 5 × 1 = −2 → 0; 3 + 3 = 6 on a 4-point item → 4.
    expect(said(item(r, 0))).toEqual([
      '5',
      {
        zh: '按公式「得分率 ÷ 10」计算(得分率 59),得5.9分,超过满分,按5分计',
        en: 'by formula "rate ÷ 10" with rate 59: 5.9; capped at 5',
      },
    ]);
    expect(said(item(r, 1))).toEqual([
      '0',
      {
        zh: '得满分3分,违规5例,每例扣1分,扣5分,扣完为止,得0分',
        en: 'full marks 3; violations: 5 case(s), 1 each: −5; no lower than 0',
      },
    ]);
    expect(item(r, 2).score).toBe('4');
    expect(item(r, 2).reason.zh).toBe('各小项得分合计,超过满分,按4分计');
  });

  it('lower is better: the leader over the value', () => {
    const rs = ruleSet(
      [{ id: 'late', label: { zh: '逾期天数', en: 'days late' }, unit: '天' }],
      [
        {
          code: '1',
          title: '时效',
          points: 10,
          rule: { kind: 'rank', value: 'late', order: 'asc', points: 'proportional-to-leader' },
        },
      ],
    );
    const out = scoreCohort(rs, [
      { id: 'a', name: 'a', values: { late: 2 } },
      { id: 'b', name: 'b', values: { late: 8 } },
    ]);
    const b = out.units.find((u) => u.result.unitId === 'b')?.result;
    if (!b) throw new Error('no unit b');
    // 2 ÷ 8 × 10 = 2.5.
    expect(said(item(b))).toEqual([
      '2.5',
      {
        zh: '逾期天数 8天,第一名 2天,按与第一名之比计分:2 ÷ 8 × 10,得2.5分',
        en: 'days late 8 days, leader 2 days; in proportion to the leader: 2 ÷ 8 × 10: 2.5',
      },
    ]);
  });
});
