// A rule set whose header the schema refuses (a blank year, an edition of 0, a title missing)
// still has its formulas judged: an admin typing a formula sees what is wrong with it while the
// year is not filled in yet. Only for the header: its fields are what no formula reads (id,
// title, issuer, level, year, edition, notes, points, rounding, evidence policy), so the rule set
// is checked again with each refused one set to a placeholder, and of what that check finds only
// the formulas' own issues (expr-*: syntax, unknown names and functions, arity, types) are kept.
// A refusal anywhere else (an input, an item, a sanction) leaves the formulas unjudged, as the
// schema's issues alone are then the rule set's: a placeholder there would change what a
// formula may name.
import type { z } from 'zod';
import type { Issue } from '../model/result.ts';
import { RuleSet, SCHEMA_VERSION } from '../schema/ruleset.ts';
import { isRecord } from './issues.ts';
import { checkRuleSet } from './semantic.ts';

/** A valid value for each header field (undefined: the field left out). */
const PLACEHOLDERS: Readonly<Record<string, unknown>> = {
  $schema: undefined,
  schemaVersion: SCHEMA_VERSION,
  id: 'draft',
  title: '—',
  issuer: '—',
  level: '—',
  year: 2000,
  edition: 1,
  notes: undefined,
  points: null,
  pointsMismatch: undefined,
  rounding: { scores: { dp: 2, mode: 'half-up' } },
  evidencePolicy: undefined,
};

/** The formulas' issues of a rule set the schema refused only in its header; none otherwise. */
export function formulaIssuesDespiteHeader(
  json: unknown,
  refused: readonly z.core.$ZodIssue[],
): Issue[] {
  if (!isRecord(json)) return [];
  const patched: Record<string, unknown> = { ...json };
  for (const issue of refused) {
    const top = issue.path[0];
    if (typeof top !== 'string' || !Object.hasOwn(PLACEHOLDERS, top)) return [];
    const value = PLACEHOLDERS[top];
    if (value === undefined) delete patched[top];
    else patched[top] = value;
  }
  const again = RuleSet.safeParse(patched);
  if (!again.success) return [];
  return checkRuleSet(again.data).filter((i) => i.code.startsWith('expr-'));
}
