import type { Msg } from '@kaohe/engine';

export const rosterText = {
  gb18030: (file: string): Msg => ({
    zh: `${file} 不是 UTF-8 编码,已按 GB18030(GBK,中文 Windows 下 Excel 另存为 CSV 的默认编码)读取;如有乱码,请在 Excel 中另存为“CSV UTF-8”`,
    en: `${file} is not UTF-8: read as GB18030 (GBK, what Excel on Chinese Windows saves as CSV); if the text is garbled, save it as "CSV UTF-8" in Excel`,
  }),
  badEncoding: (file: string): Msg => ({
    zh: `${file} 的编码无法识别(既不是 UTF-8 也不是 GB18030/GBK):请在 Excel 中另存为“CSV UTF-8”`,
    en: `${file}: the encoding is neither UTF-8 nor GB18030/GBK; save it as "CSV UTF-8" in Excel`,
  }),
  badCsv: (file: string, why: string): Msg => ({
    zh: `${file} 不是有效的 CSV:${why}`,
    en: `${file} is not valid CSV: ${why}`,
  }),
  refused: (file: string, errors: number): Msg => ({
    zh: `名单 ${file} 有 ${errors} 处错误,请先更正下列单元格`,
    en: `the roster ${file} has ${errors} error(s): fix the cells below first`,
  }),
  checked: (file: string, units: number, errors: number, warnings: number): Msg => ({
    zh: `名单 ${file}:${units} 个单位,${errors} 处错误,${warnings} 条提示`,
    en: `roster ${file}: ${units} unit(s), ${errors} error(s), ${warnings} warning(s)`,
  }),
  unit: (id: string, name: string, figures: number): Msg => ({
    zh: `  ${id} ${name}:预填 ${figures} 项`,
    en: `  ${id} ${name}: ${figures} figure(s) prefilled`,
  }),
} as const;
