import type { Msg } from '@kaohe/engine';

export const validateText = {
  ruleSet: (title: string, id: string, edition: number): Msg => ({
    zh: `规则集:${title}(${id},第 ${edition} 版)`,
    en: `Rule set: ${title} (${id}, edition ${edition})`,
  }),
  valid: (warnings: number): Msg => ({
    zh: warnings === 0 ? '规则集有效,没有问题。' : `规则集有效,有 ${warnings} 条警告。`,
    en:
      warnings === 0
        ? 'The rule set is valid; no issues.'
        : `The rule set is valid, with ${warnings} warning(s).`,
  }),
  invalid: (errors: number, warnings: number): Msg => ({
    zh: `规则集无效:${errors} 个错误,${warnings} 条警告。`,
    en: `The rule set is invalid: ${errors} error(s), ${warnings} warning(s).`,
  }),
} as const;
