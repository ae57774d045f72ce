export { parseRuleSet, validateRuleSet } from './parse.ts';
export { formatPath } from './issues.ts';
