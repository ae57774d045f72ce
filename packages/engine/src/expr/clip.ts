// Text echoed in a message (a name, a typed value, an expression) is cut to a readable length:
// a message names the place and the cause, it never repeats a megabyte of what was given.

/** Longest expression accepted, in UTF-16 code units; longer ones are refused before parsing. */
export const MAX_EXPR_LENGTH = 4000;

/** Characters of echoed text kept in a message. */
const ECHO_LIMIT = 80;

/** `text` as echoed in a message: at most `limit` characters (code points), then "…". */
export function clip(text: string, limit = ECHO_LIMIT): string {
  if (text.length <= limit) return text;
  const chars = Array.from(text.slice(0, limit * 2));
  return chars.length <= limit ? text : `${chars.slice(0, limit).join('')}…`;
}
