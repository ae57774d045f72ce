// An input value as the cell that shows it under the template's formats: the inverse of the
// reader, so a prefilled figure reads back to exactly itself.
import { type InputDef, type InputValue } from '@kaohe/engine';
import { fmt, q } from '@kaohe/engine/internal';
import { NO, YES } from '../labels.ts';
import type { CellValue } from '../types.ts';
import { zh } from '../units.ts';

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** A decimal as a JS number when that number spells it exactly, else as text. */
function numberCell(text: string): CellValue {
  const n = Number(text);
  return Number.isFinite(n) && fmt(q(n)) === fmt(q(text)) ? n : text;
}

export function cellOf(def: InputDef, value: InputValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? YES : NO;
  const text = String(value);
  if (def.unit === 'choice') {
    const c = def.choices?.find((x) => x.value === text);
    return c ? zh(c.label) : text;
  }
  if (!DECIMAL.test(text.trim())) return text;
  // A percent cell holds the fraction (92 % is 0.92); when the fraction has no exact double
  // spelling, text with its % sign reads back exactly instead.
  if (def.unit === '%') {
    const cell = numberCell(fmt(q(text).div(100)));
    return typeof cell === 'number' ? cell : `${fmt(q(text))}%`;
  }
  return numberCell(text);
}
