import type { Msg } from '@kaohe/engine';

export const diffText = {
  heading: (
    oldTitle: string,
    oldEd: number,
    oldYear: number,
    newTitle: string,
    newEd: number,
    newYear: number,
  ): Msg => ({
    zh: `比较:${oldTitle}(${oldYear}年第 ${oldEd} 版)→ ${newTitle}(${newYear}年第 ${newEd} 版)`,
    en: `Comparing: ${oldTitle} (${oldYear}, edition ${oldEd}) → ${newTitle} (${newYear}, edition ${newEd})`,
  }),
  otherRuleSet: (a: string, b: string): Msg => ({
    zh: `注意:两个文件是不同的考核办法(${a} 与 ${b}),逐项比较仍按编号进行`,
    en: `Note: the files are different rule sets (${a} and ${b}); items are still compared by their codes`,
  }),
  tightened: { zh: '收紧', en: 'tightened' } satisfies Msg,
  loosened: { zh: '放宽', en: 'loosened' } satisfies Msg,
} as const;
