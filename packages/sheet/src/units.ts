// How each declared input unit shows in the sheet and which cell format it gets.
import type { InputDef, InputUnit, Text } from '@kaohe/engine';
import type { CellFormat } from './types.ts';
import { NO, YES } from './labels.ts';
import { UNIT_DISPLAY } from './unit-display.ts';

export const unitDisplay = (unit: InputUnit): string => UNIT_DISPLAY[unit];

export function formatOf(unit: InputUnit): CellFormat {
  switch (unit) {
    case '%':
      return 'percent';
    case '‰':
      return 'permille';
    case '人':
    case '户':
    case '个':
    case '次':
    case '天':
    case '月':
    case 'count':
      return 'integer';
    case '元':
    case '万元':
    case 'number':
      return 'decimal';
    case 'date':
      return 'date';
    case 'yesno':
    case 'choice':
    case 'text':
    case 'cases':
      return 'text';
  }
}

export const zh = (t: Text): string => (typeof t === 'string' ? t : t.zh);

/** The validation list of an input cell, when it has one. */
export function listOf(def: InputDef): string[] | undefined {
  if (def.unit === 'yesno') return [YES, NO];
  if (def.unit === 'choice' && def.choices) return def.choices.map((c) => zh(c.label));
  return undefined;
}

/** "符合政策生育率(%)": the label an official reads for an input. */
export const inputCaption = (def: InputDef): string =>
  ['yesno', 'choice', 'text', 'number', 'count'].includes(def.unit)
    ? zh(def.label)
    : `${zh(def.label)}(${unitDisplay(def.unit)})`;

/** "2012年度…考核": the year is prefixed unless the title already names it. */
export const sheetTitle = (ruleSet: { year: number; title: Text }): string => {
  const t = zh(ruleSet.title);
  return t.includes(String(ruleSet.year)) ? t : `${ruleSet.year}年度${t}`;
};
