import { z } from 'zod';
import { RuleSet } from './ruleset.ts';

/** The rule-set format as JSON Schema (draft 2020-12), for editors and other tools. */
export function ruleSetJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(RuleSet, { io: 'input', unrepresentable: 'any' }),
    title: 'Kaohe rule set (考核评估内容和评估办法)',
  };
}
