import type { Msg } from '@kaohe/engine';

export const templateText = {
  badUnit: (spec: string): Msg => ({
    zh: `单位“${spec}”写法不对:应为 名称、编号=名称 或 编号=名称@类别`,
    en: `unit "${spec}" is not understood: use name, id=name or id=name@class`,
  }),
  duplicateUnit: (what: string): Msg => ({
    zh: `单位“${what}”重复`,
    en: `unit "${what}" is given twice`,
  }),
  unknownClass: (cls: string, classes: string): Msg => ({
    zh: `单位类别“${cls}”不在规则集的类别(${classes})之中`,
    en: `unit class "${cls}" is not one of the rule set's classes (${classes})`,
  }),
  noClasses: (cls: string): Msg => ({
    zh: `规则集没有单位类别,不能指定“@${cls}”`,
    en: `the rule set declares no unit classes; "@${cls}" cannot be used`,
  }),
  outFileForMany: (out: string, count: number): Msg => ({
    zh: `${count} 个单位需要一个输出文件夹,而 ${out} 是 .xlsx 文件名`,
    en: `${count} units need an output folder, but ${out} names an .xlsx file`,
  }),
  made: (count: number, title: string): Msg => ({
    zh: `已为 ${count} 个单位生成考核表:${title}`,
    en: `Made ${count} assessment workbook(s): ${title}`,
  }),
} as const;
