import { msgOf, type Text } from '@kaohe/engine';
import { useTranslation } from 'react-i18next';
import type { Json } from '../doc/open.ts';

/** A rule-set or engine message in the app's language. */
export function useMsg(): (msg: Text) => string {
  const { i18n } = useTranslation();
  return (msg) => (i18n.language === 'en' ? msgOf(msg).en : msgOf(msg).zh);
}

/** A title or label from a draft that may not be valid yet: a Text when it is one, else none. */
export function textOf(value: Json | undefined): Text | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (
    value &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    typeof value['zh'] === 'string'
  )
    return { zh: value['zh'], ...(typeof value['en'] === 'string' ? { en: value['en'] } : {}) };
  return undefined;
}

/** A scalar of the draft as shown (a year, an edition); anything else as "—". */
export function shown(value: Json | undefined): string {
  return typeof value === 'number' || typeof value === 'string' ? String(value) : '—';
}
