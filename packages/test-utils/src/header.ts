// The identity and rounding every test rule set needs (see index.ts).

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
