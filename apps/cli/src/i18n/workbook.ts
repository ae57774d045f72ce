import type { Msg } from '@kaohe/engine';

export const workbookText = {
  unusable: (file: string, why: Msg): Msg => ({
    zh: `无法使用 ${file}:${why.zh}`,
    en: `Cannot use ${file}: ${why.en}`,
  }),
  notKaohe: (file: string): Msg => ({
    zh: `${file} 不能按考核表使用,请先更正下列单元格`,
    en: `${file} cannot be used as an assessment sheet; fix the cells below first`,
  }),
  otherRuleSet: (file: string): Msg => ({
    zh: `${file} 属于另一个规则集,不能用这份规则复核`,
    en: `${file} belongs to another rule set and cannot be reviewed with these rules`,
  }),
} as const;
