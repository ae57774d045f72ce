export { parseRuleSet, validateRuleSet } from './parse.ts';
export { formatPath } from './issues.ts';
export { MAX_ITEM_DEPTH, MAX_JSON_DEPTH, RESERVED_IDS } from './bounds.ts';
