export { combineParts } from './combine.ts';
export type { Combined, CombinedPart, CombineOptions, Part } from './combine.ts';
export { rollUp } from './roll-up.ts';
export type { Qualifier, RollUpResult, RollUpRule } from './roll-up.ts';
export { childFlags, perChildDeduction } from './per-child.ts';
export type { ChildFlag, PerChildDeduction } from './per-child.ts';
