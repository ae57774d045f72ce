// One i18next instance per pane. zh-CN unless Office says the user works in English.
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { zhCN } from './zh-cn.ts';

export type Language = 'zh-CN' | 'en';

/** Office's display language ("en-US", "zh-CN", "fr-FR"…) → the pane's language. */
export function languageFor(displayLanguage: string | null | undefined): Language {
  return displayLanguage?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

export async function createI18n(language: Language): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'zh-CN',
    supportedLngs: ['zh-CN', 'en'],
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
