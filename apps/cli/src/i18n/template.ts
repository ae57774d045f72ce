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
  noRules: {
    zh: '缺少规则:请给出规则集或发布文件(template <rules.json> 或 --edition <edition.json>)',
    en: 'no rules: give a rule set or edition (template <rules.json> or --edition <edition.json>)',
  } satisfies Msg,
  twoRules: (a: string, b: string): Msg => ({
    zh: `给出了两份规则(${a} 与 --edition ${b}),只能用一份`,
    en: `two sets of rules given (${a} and --edition ${b}): give one`,
  }),
  noUnits: {
    zh: '缺少被考核单位:用 --unit 逐个给出,或用 --roster 给出单位名单',
    en: 'no units: give each with --unit, or a roster with --roster',
  } satisfies Msg,
  unitWithRoster: {
    zh: '--unit 与 --roster 不能同时使用(单位名单已列出全部单位)',
    en: '--unit and --roster cannot be used together (the roster lists the units)',
  } satisfies Msg,
  keyWithoutRoster: {
    zh: '--key 用于给名单中各单位的预填指标签名,须与 --roster 一起使用',
    en: '--key signs the prefill of each unit of a roster: use it with --roster',
  } satisfies Msg,
  keyNeedsEdition: {
    zh: '预填指标的签名须与正式版本绑定:请用 --edition 给出已发布的版本(kaohe publish 生成)',
    en: 'a signed prefill is bound to an official edition: give --edition a published edition (made by kaohe publish)',
  } satisfies Msg,
  keyNotForYear: (file: string, from: number, to: number, year: number): Msg => ({
    zh: `${file} 只适用于 ${from}–${to} 年,不能为 ${year} 年度的指标签名`,
    en: `${file} is valid for ${from}–${to}, not for signing ${year} targets`,
  }),
  prefillUnsigned: {
    zh: '注意:未给出 --key,预填指标未签名,各单位改动指标将无法被发现',
    en: 'note: no --key given: the prefill is unsigned, and a unit changing its targets cannot be caught',
  } satisfies Msg,
  prefillSigned: (n: number): Msg => ({
    zh: `各单位的预填指标已签名(${n} 份),改动即可被 kaohe verify / review 发现`,
    en: `each unit's prefill is signed (${n} workbooks): a change is caught by kaohe verify / review`,
  }),
} as const;
