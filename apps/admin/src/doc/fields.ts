// A form field's text ↔ the document's value. A blank is written as null, which the engine
// reports at the field (缺少数值,空白不会按0处理) — never taken as 0 and never dropped.
import type { Json } from './open.ts';

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** The text a field shows for a value. */
export function fieldText(value: Json | undefined): string {
  if (typeof value === 'number' || typeof value === 'string') return String(value);
  return '';
}

/**
 * The value a field's text stands for: a decimal the JSON number spells exactly stays a number
 * (8, 7.5), any other decimal stays text ("0.30000000000000001"), an expression stays text; blank
 * is null, or — for a field that may be absent — undefined (the key removed, its default applies).
 */
export function fieldValue(text: string, optional = false): Json | undefined {
  const t = text.trim();
  if (t === '') return optional ? undefined : null;
  if (DECIMAL.test(t) && String(Number(t)) === t) return Number(t);
  return t;
}

/**
 * The value a formula field's text stands for (a `when`, a `score`, a derived `expression`): the
 * formula as text, even when it is a bare number ("1" stays the formula "1"); blank is null, or —
 * for a field that may be absent (`applicable`) — undefined. An operand (a rule's value or target,
 * a number or an expression) is a fieldValue.
 */
export function formulaValue(text: string, optional = false): Json | undefined {
  const t = text.trim();
  if (t === '') return optional ? undefined : null;
  return t;
}
