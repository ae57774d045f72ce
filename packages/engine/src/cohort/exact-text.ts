import { fmt, type Q } from '../exact/exact.ts';

/** Canonical decimal text when the value has one ("12.5"), else the exact fraction ("100/3"). */
export function exactText(value: Q): string {
  try {
    return fmt(value);
  } catch {
    // No finite decimal form: the fraction keeps the value exact and the output deterministic.
    return value.toFraction();
  }
}
