// Shared by the golden tests: compile a shipped rule set once, and look results up by path.
import {
  compileRuleSet,
  parseRuleSet,
  type CompiledRuleSet,
  type IndicatorResult,
  type RuleSetInput,
  type UnitResult,
} from '@kaohe/engine';
import { allIndicators } from '@kaohe/engine/internal';

export function compiled(ruleSet: RuleSetInput): CompiledRuleSet {
  const parsed = parseRuleSet(ruleSet);
  if (!parsed.ok)
    throw new Error(
      `${ruleSet.id}: ${parsed.issues.map((i) => `${i.path}: ${i.message.en}`).join('; ')}`,
    );
  return compileRuleSet(parsed.value);
}

/** The result of the item at `path` ("一(二).1.(1)", "加分.1"); fails loudly if there is none. */
export function item(result: UnitResult, path: string): IndicatorResult {
  const found = allIndicators(result).find((i) => i.path === path);
  if (!found) throw new Error(`${result.unitId}: no item ${path}`);
  return found;
}

/** Section subtotals by code, as the engine's canonical decimal strings. */
export function sectionScores(result: UnitResult): Record<string, string | null> {
  return Object.fromEntries(result.sections.map((s) => [s.code, s.score]));
}
