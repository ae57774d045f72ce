// A rule set for the benchmark only: the rule forms no example rule set uses, each as a real
// document words it, so that `pnpm bench` measures them and prints their route: per-case
// deductions on an escalating scale with a count that zeroes the item (RULE-FORMS 20–23), cases
// found by the city at twice the amount, deductions by formula (21) over a rate and over a
// ratio of money to people, points by place and in proportion to the leader, an uncapped
// bonus item (加分不设上限), and per-case records (52): late reports priced by the months of each,
// at most 10 months a case, twice for the city's, and births priced by their order, a sixth
// zeroing the item. Its cohort is generated from its input declarations, as the
// example rule sets' are.
import type { RuleSetInput } from '@kaohe/engine';

export const streamsAndRanks: RuleSetInput = {
  schemaVersion: 1,
  id: 'bench-streams-ranks',
  title: {
    zh: '累进扣分、公式扣分与排名(基准用)',
    en: 'Escalating, formula and rank forms (bench)',
  },
  issuer: '基准',
  level: '县',
  year: 2026,
  edition: 1,
  points: 48,
  rounding: { scores: { dp: 2, mode: 'half-up' }, rates: { dp: 2, mode: 'half-up' } },
  inputs: [
    { id: 'found', label: '查实违法生育例数', unit: 'count' },
    { id: 'city', label: '市级查实例数', unit: 'count' },
    { id: 'late', label: '迟报次数', unit: '次' },
    { id: 'rate', label: '政策符合率', unit: '%' },
    { id: 'budget', label: '计生经费', unit: '元' },
    { id: 'pop', label: '常住人口', unit: '人' },
    { id: 'projects', label: '引进项目数', unit: 'count' },
    {
      id: 'late_cases',
      label: '逾期上报案件',
      unit: 'cases',
      blankMeans: 0,
      fields: [
        { id: 'months', label: '逾期月数', unit: '月', min: 0 },
        {
          id: 'found_by',
          label: '查处层级',
          unit: 'choice',
          choices: [
            { value: 'county', label: '县级' },
            { value: 'city', label: '市级' },
          ],
        },
      ],
    },
    {
      id: 'births',
      label: '违法生育案件',
      unit: 'cases',
      blankMeans: 0,
      fields: [{ id: 'order', label: '出生孩次', unit: 'count', min: 1 }],
    },
  ],
  sections: [
    {
      code: '一',
      title: '违法生育与报送',
      points: 20,
      items: [
        {
          code: '1',
          title: '违法生育',
          points: 10,
          // 第1例不扣分,第2例扣1.5分,第3例扣2.5分,以后每例比上一例多扣0.75分;达到8例该项不得分.
          deductions: [
            {
              kind: 'per-case',
              input: 'found',
              each: 1,
              schedule: [0, 1.5, 2.5],
              increment: 0.75,
              zeroAt: 8,
            },
          ],
        },
        {
          code: '2',
          title: '按时报送',
          points: 10,
          // 每迟报1次扣0.5分;市级查实的另按2倍扣分;最多扣4分.
          deductions: [
            {
              kind: 'per-case',
              input: 'late',
              each: 0.5,
              multiplied: { input: 'city', factor: 2 },
              cap: 4,
            },
          ],
        },
      ],
    },
    {
      code: '二',
      title: '政策与经费',
      points: 10,
      items: [
        {
          code: '1',
          title: '政策符合率',
          points: 5,
          rule: {
            kind: 'threshold',
            value: 'rate',
            op: '>=',
            target: 90,
            below: { per: 1, points: 0.5, steps: 'pro-rata' },
          },
          // 低于95%的,每低1个百分点再扣0.1分,最多扣2分.
          deductions: [{ kind: 'expr', amount: 'max(0, 95 - rate) * 0.1', cap: 2 }],
        },
        {
          code: '2',
          title: '人均经费',
          points: 5,
          // 人均经费低于300元的,每低1元扣0.01分,最多扣5分.
          deductions: [{ kind: 'expr', amount: 'max(0, 300 - budget / pop) * 0.01', cap: 5 }],
        },
      ],
    },
    {
      code: '三',
      title: '排名',
      points: 8,
      items: [
        {
          code: '1',
          title: '政策符合率排名',
          points: 5,
          rule: { kind: 'rank', value: 'rate', points: [5, 4, 3], otherwise: 1 },
        },
        {
          code: '2',
          title: '迟报次数排名',
          points: 3,
          rule: { kind: 'rank', value: 'late', order: 'asc', points: 'proportional-to-leader' },
        },
      ],
    },
    {
      code: '四',
      title: '逐件计分',
      points: 10,
      items: [
        {
          code: '1',
          title: '逾期上报',
          points: 5,
          // 逾期上报的,从次月起每月扣0.2分,每件最多计10个月;市级查出的加倍.
          deductions: [
            {
              kind: 'per-record',
              input: 'late_cases',
              each: 'min(months, 10) * 0.2',
              multiplied: { when: "found_by == 'city'", factor: 2 },
            },
          ],
        },
        {
          code: '2',
          title: '违法生育',
          points: 5,
          // 二孩扣1分、三孩2分,其后每孩加1分;六孩及以上该项不得分.
          deductions: [
            {
              kind: 'per-record',
              input: 'births',
              escalation: {
                by: 'order',
                schedule: [
                  { at: 2, points: 1 },
                  { at: 3, points: 2 },
                ],
                beyondLast: { increment: 1 },
                zeroAt: 6,
              },
            },
          ],
        },
      ],
    },
  ],
  bonus: {
    cap: 'none',
    items: [
      {
        code: '1',
        title: '引进项目',
        points: 'uncapped',
        start: 'zero',
        deductions: [{ kind: 'per-case', input: 'projects', each: 0.5, direction: 'add' }],
      },
    ],
  },
};
