// Fixtures of the rounds across levels (issue 16), defined once for the codec's, the CLI's and the
// pane's tests: the villages a township rolls up (cascade-village / cascade-township rule sets in
// @kaohe/rulesets) and the population scheme parts are combined from. Plain data, as the rest of
// this package: each caller's types check the shape.
import { ruleSetHeader } from './header.ts';

/** A village's workbook figures (cascade-village's inputs). */
export interface Village {
  id: string;
  name: string;
  values: { signed: boolean; self_gov: boolean; policy_rate: string; members_share: string };
}

/**
 * Six villages' figures (cascade-village), by hand (signed 10, self-government 10, policy rate
 * ≥ 92 → 60 less 5 a point pro rata, members ≥ 8 % → 20 less 5 a started point):
 *   v1 一村 是 是 95 9   → 10 + 10 + 60 + 20                 = 100
 *   v2 二村 是 否 90 8   → 10 +  0 + (60 − 2 × 5 = 50) + 20  =  80  (below 85)
 *   v3 三村 否 是 92 7.5 →  0 + 10 + 60 + (20 − 5 = 15)      =  85
 *   v4 四村 是 是 89 8   → 10 + 10 + (60 − 3 × 5 = 45) + 20  =  85
 *   v5 五村 否 是 93 10  →  0 + 10 + 60 + 20                 =  90
 *   v6 六村 是 否 95 9   → 10 +  0 + 60 + 20                 =  90
 * Their township (ROLLED_UP):
 *   达标村比例 (total ≥ 85): v1 v3 v4 v5 v6 = 5 of 6 = 83.333… → 83.33 %
 *   村民自治合格比例 (一.2 met): v1 v3 v4 v5 = 4 of 6 = 66.666… → 66.67 %
 *   未签责任书: v3, v5 → 2 × −0.5 = −1
 */
export const VILLAGES = (
  [
    ['v1', '一村', true, true, '95', '9'],
    ['v2', '二村', true, false, '90', '8'],
    ['v3', '三村', false, true, '92', '7.5'],
    ['v4', '四村', true, true, '89', '8'],
    ['v5', '五村', false, true, '93', '10'],
    ['v6', '六村', true, false, '95', '9'],
  ] as const
).map(([id, name, signed, selfGov, rate, members]): Village => ({
  id,
  name,
  values: { signed, self_gov: selfGov, policy_rate: rate, members_share: members },
}));

/** The township's rolled-up figures from all six VILLAGES, by input id (worked out above). */
export const ROLLED_UP = {
  villages_qualified: '83.33',
  self_gov_share: '66.67',
  unsigned_cut: '-1',
} as const;

/** The township the villages roll up into, with the figure it types itself (政策符合率 93 %). */
export const TOWNSHIP = { id: 't1', name: '某镇', values: { policy_rate: '93' } };

/** The roster of `villages` as the rows of a 单位名单 sheet (or a CSV): header, then id, name. */
export const rosterRows = (villages: readonly { id: string; name: string }[] = VILLAGES) => [
  ['单位代码', '单位名称'],
  ...villages.map((v) => [v.id, v.name]),
];

/**
 * The population scheme parts are combined from (100 points): 一.1 policy rate ≥ 90 % → 60 (else
 * 0); 一.2 40 − 5 × cases. `id`: each app's own rule set id.
 */
export function populationRuleSet<T extends object = object>(id: string, overrides: T = {} as T) {
  return ruleSetHeader({
    id,
    title: '人口计生目标考核',
    year: 2012,
    points: 100,
    inputs: [
      { id: 'rate', label: '政策符合率', unit: '%' as const },
      { id: 'cases', label: '违法生育件数', unit: 'count' as const },
    ],
    sections: [
      {
        code: '一',
        title: '目标',
        points: 100,
        items: [
          {
            code: '1',
            title: '政策符合率',
            points: 60,
            rule: { kind: 'threshold' as const, value: 'rate', op: '>=' as const, target: 90 },
          },
          {
            code: '2',
            title: '违法生育',
            points: 40,
            rule: { kind: 'expr' as const, score: '40 - 5 * cases' },
          },
        ],
      },
    ],
    ...overrides,
  });
}
