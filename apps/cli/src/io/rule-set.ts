// A rule set from a JSON file, checked and compiled; a bad one is an input error listing its issues.
import {
  compileRuleSet,
  parseRuleSet,
  type CompiledRuleSet,
  type Issue,
  type RuleSet,
} from '@kaohe/engine';
import { CliError, type ErrorDetail } from '../errors.ts';
import { common } from '../i18n/common.ts';
import { readJson } from './files.ts';

export interface LoadedRuleSet {
  ruleSet: RuleSet;
  compiled: CompiledRuleSet;
  warnings: Issue[];
}

function issueDetail(issue: Issue): ErrorDetail {
  return { code: issue.code, where: issue.path, message: issue.message };
}

export function ruleSetFromJson(json: unknown, shown: string): LoadedRuleSet {
  const parsed = parseRuleSet(json);
  if (!parsed.ok) {
    const errors = parsed.issues.filter((i) => i.severity === 'error');
    throw new CliError(
      'input-invalid',
      common.ruleSetInvalid(shown, errors.length),
      errors.map(issueDetail),
    );
  }
  return {
    ruleSet: parsed.value,
    compiled: compileRuleSet(parsed.value),
    warnings: parsed.warnings,
  };
}

export async function loadRuleSet(path: string, shown = path): Promise<LoadedRuleSet> {
  return ruleSetFromJson(await readJson(path, shown), shown);
}
