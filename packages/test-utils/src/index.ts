// Fixtures shared by the packages' tests. Plain data with no dependency on the engine, so the
// engine's own tests can use them too; each caller's type annotation checks the shape.

import { ruleSetHeader } from './header.ts';

export { ruleSetHeader, type Mode } from './header.ts';

/** A small sound rule set: a floor on a rate (6 points) and a formula on a count (4 points). */
export function smallRuleSet<T extends object = object>(overrides: T = {} as T) {
  return ruleSetHeader({
    id: 'v',
    title: '校验',
    issuer: '市',
    points: 10,
    inputs: [
      { id: 'rate', label: '比率', unit: '%' as const },
      { id: 'n', label: '件数', unit: 'count' as const },
    ],
    sections: [
      {
        code: '一',
        title: '甲',
        points: 10,
        items: [
          {
            code: '1',
            title: '比率',
            points: 6,
            rule: { kind: 'threshold' as const, value: 'rate', op: '>=' as const, target: 90 },
          },
          { code: '2', title: '件数', points: 4, rule: { kind: 'expr' as const, score: '4 - n' } },
        ],
      },
    ],
    ...overrides,
  });
}

/**
 * A quarterly yes/no inspection counted across periods: the counter `fail` (`when`, by default
 * the inspection not met) and the interview (约谈) at 3 failures in a row or 5 in all — the
 * counters-across-periods fixture. `points`: the inspection's (and the rule set's).
 */
export function inspectionRuleSet<T extends object = object>(
  { points = 10, when = "!met('一.1')" }: { points?: number; when?: string } = {},
  overrides: T = {} as T,
) {
  return ruleSetHeader({
    id: 'quarterly',
    title: '季度检查',
    issuer: '某镇',
    level: '村',
    year: 2012,
    points,
    rounding: { scores: { dp: 1, mode: 'half-up' as const } },
    inputs: [{ id: 'passed', label: '本季度检查合格', unit: 'yesno' as const }],
    sections: [
      {
        code: '一',
        title: '检查',
        points,
        items: [
          {
            code: '1',
            title: '季度检查',
            points,
            rule: { kind: 'yesno' as const, input: 'passed' },
          },
        ],
      },
    ],
    counters: [{ id: 'fail', label: '检查不合格', when }],
    sanctions: [
      {
        id: 'talk',
        level: 'interview' as const,
        when: "consecutive('fail') >= 3 || cumulative('fail') >= 5",
        reason: '连续3次或累计5次检查不合格,约谈',
      },
    ],
    ...overrides,
  });
}

export {
  populationRuleSet,
  ROLLED_UP,
  rosterRows,
  TOWNSHIP,
  VILLAGES,
  type Village,
} from './rounds.ts';
export {
  applyTamper,
  KEY_TAMPERS,
  RAISED_TARGET,
  TAMPERS,
  tamperRules,
  type Tamper,
  type TamperContext,
  type TamperSheet,
} from './tampers.ts';
