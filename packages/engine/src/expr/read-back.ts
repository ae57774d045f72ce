// What an expression editor needs from the language while a formula is being typed: the formula
// read back in words (the same words a reason uses, inputs by their labels) and the functions a
// formula at a place may call. The diagnostics are validateRuleSet's own (issues with position
// and end); these two never judge a formula.
import { msgOf } from '../messages/text.ts';
import type { Msg } from '../model/result.ts';
import type { Text } from '../schema/common.ts';
import { hostFunctions, placeAllows } from '../score/env.ts';
import { BUILTIN_NAMES } from './builtins.ts';
import { parseSource } from './parse.ts';
import { inWords, type Naming } from './words.ts';

const isText = (v: unknown): v is Text =>
  typeof v === 'string' ||
  (v !== null && typeof v === 'object' && typeof (v as { zh?: unknown }).zh === 'string');

/** The labels of a rule set's inputs, derived values and deadlines, read from the document as
 *  it stands (a draft may not pass validation yet): an id without a label shows itself. */
function namingOf(ruleSet: unknown): Naming {
  const labels = new Map<string, Msg>();
  const doc = (ruleSet ?? {}) as Record<string, unknown>;
  for (const list of [doc['inputs'], doc['derived'], doc['deadlines']]) {
    if (!Array.isArray(list)) continue;
    for (const entry of list as unknown[]) {
      const { id, label } = (entry ?? {}) as { id?: unknown; label?: unknown };
      if (typeof id === 'string' && isText(label) && !labels.has(id)) labels.set(id, msgOf(label));
    }
  }
  return { label: (id) => labels.get(id) };
}

/**
 * A formula as an official reads it (`budget * 10000 / pop` → 计生经费 × 10000 ÷ 常住人口), with
 * the labels of `ruleSet`'s inputs, derived values and deadlines; undefined when it does not
 * parse (validateRuleSet then says where). It is read, not checked: an unknown name shows as
 * written.
 */
export function expressionInWords(ruleSet: unknown, source: string): Msg | undefined {
  if (source.trim() === '') return undefined;
  const parsed = parseSource(source);
  return parsed.ok ? inWords(parsed.parsed.ast, namingOf(ruleSet)) : undefined;
}

/** The functions a formula at `path` (`sections[0].items[1].rule.score`, `sanctions[2].when`)
 *  may call: the language's own and the host's, those a place refuses left out. */
export function expressionFunctions(path: string): readonly string[] {
  return [...BUILTIN_NAMES, ...Object.keys(hostFunctions)].filter((n) => placeAllows(n, path));
}
