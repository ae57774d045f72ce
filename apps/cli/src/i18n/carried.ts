// Words of the carried results (a sanction's points carried into another scheme, form 42).
import type { Msg } from '@kaohe/engine';

export const carriedText = {
  helpCarried: {
    zh: '其他考核结转的分值(另一考核 kaohe review 或 score --carried-out 写出的 JSON;可多次给出)',
    en: 'points carried from another assessment (the JSON its kaohe review or score --carried-out wrote; may repeat)',
  },
  helpCarriedOut: {
    zh: '另将本考核结转到其他考核的分值写成 JSON(供对方 --carried 读取)',
    en: 'also write the points this assessment carries into others as JSON (for their --carried)',
  },
  notCarried: (file: string, why: string): Msg => ({
    zh: `${file} 不是结转数据文件(应由 kaohe review 或 score --carried-out 写出):${why}`,
    en: `${file} is not a carried-results file (one kaohe review or score --carried-out wrote): ${why}`,
  }),
  /** A carried value that replaced a different figure in the workbook's locked cell. */
  replaced: (label: Msg, was: string, now: string | null, from: Msg): Msg => ({
    zh: `「${label.zh}」:工作簿中为 ${was},按另一考核「${from.zh}」的结转数据改为 ${now ?? '空白(待定)'}`,
    en: `"${label.en}": the workbook has ${was}; the carried data of "${from.en}" gives ${now ?? 'blank (pending)'}, which is used`,
  }),
  /** The carried files cannot be read into these rules without losing or trusting wrongly. */
  refused: (count: number): Msg => ({
    zh: `结转数据有 ${count} 处错误,未使用`,
    en: `the carried data has ${count} error(s) and was not used`,
  }),
  wroteCarried: (units: number, amounts: number, pending: number): Msg => ({
    zh: `结转数据:${units} 个单位,${amounts} 项结转${pending ? `,${pending} 项待定` : ''}`,
    en: `carried data: ${units} unit(s), ${amounts} amount(s)${pending ? `, ${pending} pending` : ''}`,
  }),
};
