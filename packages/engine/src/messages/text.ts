import type { Text } from '../schema/common.ts';
import type { Msg } from '../model/result.ts';

/** A rule-set text as a message: English falls back to the Chinese when the rule set has none. */
export function msgOf(text: Text): Msg {
  return typeof text === 'string'
    ? { zh: text, en: text }
    : { zh: text.zh, en: text.en ?? text.zh };
}
