import type { Issue, Result } from '../model/result.ts';
import { RuleSet } from '../schema/ruleset.ts';
import { blankPoints } from './blanks.ts';
import { sortIssues } from './issues.ts';
import { fromZod } from './schema-issues.ts';
import { checkRuleSet } from './semantic.ts';
import { depthIssue, reservedIdIssues } from './bounds.ts';
import { formulaIssuesDespiteHeader } from './formulas-despite.ts';

/**
 * Reads a rule set: the schema first, then the checks the schema cannot express (points that
 * add up, unknown inputs, expressions, cycles, bands, grades, quotas). Never throws on bad data.
 */
export function parseRuleSet(json: unknown): Result<RuleSet> {
  // Nesting past any document's is refused before the schema, which would recurse into it.
  const deep = depthIssue(json);
  if (deep) return { ok: false, issues: [deep] };
  const reserved = reservedIdIssues(json);
  const parsed = RuleSet.safeParse(json);
  if (!parsed.success) {
    // Every blank at once: the schema's, and the blank points it lets through for the checks.
    // And the formulas' own issues when only the header was refused (formulas-despite.ts).
    const found = [
      ...reserved,
      ...parsed.error.issues.flatMap((i) => fromZod(i, json)),
      ...blankPoints(json),
      ...formulaIssuesDespiteHeader(json, parsed.error.issues),
    ];
    const byPlace = new Map(found.map((i) => [`${i.code}@${i.path}`, i]));
    return { ok: false, issues: sortIssues([...byPlace.values()]) };
  }
  const issues = [...reserved, ...checkRuleSet(parsed.data)];
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) return { ok: false, issues: sortIssues(issues) };
  return { ok: true, value: parsed.data, warnings: sortIssues(issues) };
}

/** All issues, errors and warnings, without building anything: for editors and `kaohe validate`. */
export function validateRuleSet(json: unknown): Issue[] {
  const result = parseRuleSet(json);
  return result.ok ? result.warnings : result.issues;
}
