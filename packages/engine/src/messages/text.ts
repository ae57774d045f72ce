import type { Text } from '../schema/common.ts';
import type { Msg } from '../model/result.ts';

/** A rule-set text as a message: English falls back to the Chinese when the rule set has none. */
export function msgOf(text: Text): Msg {
  return typeof text === 'string'
    ? { zh: text, en: text }
    : { zh: text.zh, en: text.en ?? text.zh };
}

/**
 * The same text as one flat string. Reasons are built by concatenation, which V8 keeps as a tree
 * of partial strings (about ten objects for one line of a reason). A result kept for long (a
 * cohort's) would hold every tree, copied and marked by each garbage collection until then;
 * reading a character makes V8 flatten the tree in place, and the next collection keeps the flat
 * text alone. The text is unchanged. (A result dropped at once is better left as it is: its tree
 * dies young, and flattening would only cost the copy.)
 */
export function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}
