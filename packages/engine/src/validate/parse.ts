import type { Issue, Result } from '../model/result.ts';
import { RuleSet } from '../schema/ruleset.ts';
import { blankPoints } from './blanks.ts';
import { sortIssues } from './issues.ts';
import { fromZod } from './schema-issues.ts';
import { checkRuleSet } from './semantic.ts';

/**
 * Reads a rule set: the schema first, then the checks the schema cannot express (points that
 * add up, unknown inputs, expressions, cycles, bands, grades, quotas). Never throws on bad data.
 */
export function parseRuleSet(json: unknown): Result<RuleSet> {
  const parsed = RuleSet.safeParse(json);
  if (!parsed.success) {
    // Every blank at once: the schema's, and the blank points it lets through for the checks.
    const found = [...parsed.error.issues.flatMap((i) => fromZod(i, json)), ...blankPoints(json)];
    const byPlace = new Map(found.map((i) => [`${i.code}@${i.path}`, i]));
    return { ok: false, issues: sortIssues([...byPlace.values()]) };
  }
  const issues = checkRuleSet(parsed.data);
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) return { ok: false, issues: sortIssues(issues) };
  return { ok: true, value: parsed.data, warnings: sortIssues(issues) };
}

/** All issues, errors and warnings, without building anything: for editors and `kaohe validate`. */
export function validateRuleSet(json: unknown): Issue[] {
  const result = parseRuleSet(json);
  return result.ok ? result.warnings : result.issues;
}
