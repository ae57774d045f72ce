export { diffRuleSets } from './diff.ts';
export type { Change, ChangeKind, Direction, RuleSetDiff } from './types.ts';
