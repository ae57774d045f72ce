// Fixtures shared by the packages' tests. Plain data with no dependency on the engine, so the
// engine's own tests can use them too; each caller's type annotation checks the shape.

export type Mode = 'half-up' | 'half-even' | 'down' | 'up';

/** The identity and rounding every test rule set needs; override what a test is about. */
export function ruleSetHeader<T extends object = object>(
  overrides: T = {} as T,
): {
  schemaVersion: 1;
  id: string;
  title: string | { zh: string; en?: string };
  issuer: string;
  level: string;
  year: number;
  edition: number;
  rounding: { scores: { dp: number; mode: Mode }; rates?: { dp: number; mode: Mode } };
} & T {
  return {
    schemaVersion: 1,
    id: 'test',
    title: '测试考核',
    issuer: '测试市',
    level: '县',
    year: 2013,
    edition: 1,
    rounding: { scores: { dp: 2, mode: 'half-up' } },
    ...overrides,
  };
}

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
