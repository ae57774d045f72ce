import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { createI18n, languageFor } from './i18n.ts';
import { zhCN } from './zh-cn.ts';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('i18n', () => {
  it('uses zh-CN unless Office says English', () => {
    expect(['en-US', 'en-GB', 'zh-CN', 'zh-TW', 'fr-FR', undefined, null].map(languageFor)).toEqual(
      ['en', 'en', 'zh-CN', 'zh-CN', 'zh-CN', 'zh-CN', 'zh-CN'],
    );
  });

  it('has every key in both languages, with the same placeholders', () => {
    expect(keys(en)).toEqual(keys(zhCN));
    const placeholders = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    const flat = (o: object): string[] =>
      Object.values(o).flatMap((v) => (typeof v === 'object' ? flat(v as object) : [String(v)]));
    expect(flat(en).map(placeholders)).toEqual(flat(zhCN).map(placeholders));
  });

  it('interpolates in the chosen language and switches', async () => {
    const i18n = await createI18n('zh-CN');
    expect(i18n.t('self.written', { cells: 12 })).toBe('已写回 12 个单元格。');
    await i18n.changeLanguage('en');
    expect(i18n.t('self.written', { cells: 12 })).toBe('12 cells written.');
  });
});
