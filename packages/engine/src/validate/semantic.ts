import type { Issue } from '../model/result.ts';
import type { RuleSet } from '../schema/ruleset.ts';
import { compileCollecting } from '../score/compile.ts';
import { q } from '../exact/exact.ts';
import { error, warning } from './issues.ts';

/** The checks a schema cannot express; compiling finds most of them (it resolves every name). */
export function checkRuleSet(ruleSet: RuleSet): Issue[] {
  const issues = [...compileCollecting(ruleSet).issues];
  ruleSet.inputs.forEach((def, i) => {
    if (def.min !== undefined && def.max !== undefined && q(def.min).compare(q(def.max)) > 0) {
      issues.push(
        error('band-inverted', `inputs[${i}].min`, {
          zh: `输入项「${def.id}」的最小值高于最大值`,
          en: `input "${def.id}": min is above max`,
        }),
      );
    }
    if (def.unit === 'choice' && !def.choices?.length) {
      issues.push(
        error('missing-choices', `inputs[${i}].choices`, {
          zh: `输入项「${def.id}」是选项类型,但没有列出选项`,
          en: `input "${def.id}" is a choice but lists no choices`,
        }),
      );
    }
  });
  // A declared points mismatch is said where the sums are checked (score/compile.ts).
  if (ruleSet.kind === 'certification' && ruleSet.rectificationDays === undefined) {
    issues.push(
      warning('no-rectification-days', 'rectificationDays', {
        zh: '评估认定未规定整改期限',
        en: 'certification declares no rectification period',
      }),
    );
  }
  return issues;
}
