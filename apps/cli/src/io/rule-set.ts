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
import { verifyEdition, type EditionFile } from '@kaohe/sheet';
import { editionText } from '../i18n/editions.ts';
import { readJson } from './files.ts';
import { loadTrust } from './trust.ts';

export interface LoadedRuleSet {
  ruleSet: RuleSet;
  /** The signed edition the rules came from, verified (a rules file of plain JSON: absent). */
  edition?: EditionFile;
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

/** A rule set file, or a published edition (verified against the trust list first: only a
 *  trusted edition's rules are used). */
export async function loadRuleSet(
  path: string,
  shown = path,
  trustFile?: string,
): Promise<LoadedRuleSet> {
  const json = await readJson(path, shown);
  if ((json as { kaohe?: unknown } | null)?.kaohe !== 'edition')
    return ruleSetFromJson(json, shown);
  const check = verifyEdition(json, await loadTrust(trustFile));
  if (check.status !== 'trusted' || !check.ruleSet)
    throw new CliError('input-invalid', editionText.editionRefused(shown, check.message));
  return { ...ruleSetFromJson(check.ruleSet, shown), edition: json as EditionFile };
}
