// What an input's (or a case field's) value is in an expression, by its unit.
import type { ExprKind } from '../expr/types.ts';
import type { InputUnit } from './ruleset.ts';

export const KIND_OF_UNIT: Readonly<Record<InputUnit, ExprKind>> = {
  '%': 'number',
  '‰': 'number',
  元: 'number',
  万元: 'number',
  人: 'number',
  户: 'number',
  个: 'number',
  次: 'number',
  天: 'number',
  月: 'number',
  count: 'number',
  number: 'number',
  yesno: 'boolean',
  choice: 'string',
  text: 'string',
  date: 'date',
  // A list of cases reads as its number of cases.
  cases: 'number',
};
