// Reads a shipped rule-set JSON file as the engine's input type. The JSON is what admins edit;
// the engine's checks here (schema and semantics) turn a broken edit into an error naming the
// file and the rule path, instead of a type cast that would let it through to scoring.
import { parseRuleSet, type Issue, type RuleSetInput } from '@kaohe/engine';

export class RuleSetFileError extends Error {
  readonly code = 'invalid-rule-set-file';
  constructor(
    readonly file: string,
    readonly issues: readonly Issue[],
  ) {
    const list = issues.map((i) => `${i.path}: ${i.message.zh} / ${i.message.en}`).join('; ');
    super(`${file}: 规则集有误 / invalid rule set — ${list}`);
  }
}

/** Checks `json` as a rule set and returns it typed; throws RuleSetFileError naming `file` and each path. */
export function ruleSetFromJson(json: unknown, file: string): RuleSetInput {
  const parsed = parseRuleSet(json);
  if (!parsed.ok) throw new RuleSetFileError(file, parsed.issues);
  return json as RuleSetInput;
}
