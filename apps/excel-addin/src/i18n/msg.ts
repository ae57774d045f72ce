import { useTranslation } from 'react-i18next';
import type { Msg } from '../core/kernel.types.ts';

/** A rule-set or engine message in the pane's language. */
export function pick(msg: Msg, language: string): string {
  return language === 'en' ? msg.en : msg.zh;
}

export function useMsg(): (msg: Msg) => string {
  const { i18n } = useTranslation();
  return (msg) => pick(msg, i18n.language);
}
