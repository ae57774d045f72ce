import type { Msg } from '@kaohe/engine';

export const certificationText = {
  heading: (title: string, count: number, date: string): Msg => ({
    zh: `评估认定:${title},${count} 个单位,认定日期 ${date}`,
    en: `Certification: ${title}, ${count} units, assessed on ${date}`,
  }),
  dateFromClock: (date: string): Msg => ({
    zh: `认定日期:${date}(未指定 --assessed-on,取本机今天的日期)`,
    en: `Assessment date: ${date} (no --assessed-on given: today's date on this computer)`,
  }),
  badDate: (text: string): Msg => ({
    zh: `--assessed-on「${text}」不是有效日期,应写作 YYYY-MM-DD(如 2012-11-20)`,
    en: `--assessed-on "${text}" is not a valid date: write YYYY-MM-DD (e.g. 2012-11-20)`,
  }),
  dateNotForScored: (title: string): Msg => ({
    zh: `--assessed-on 只用于评估认定;「${title}」是计分考核,不需要认定日期`,
    en: `--assessed-on is for certifications only; "${title}" is a scored assessment`,
  }),
  passed: (name: string, id: string, result: Msg, by: Msg): Msg => ({
    zh: `  ${name}(${id}):${result.zh}(认定单位:${by.zh})`,
    en: `  ${name} (${id}): ${result.en} (certified by ${by.en})`,
  }),
  failed: (
    name: string,
    id: string,
    result: Msg,
    n: number,
    by: Msg,
    rectifyBy: string | null,
  ): Msg => ({
    zh: `  ${name}(${id}):${result.zh},${n} 项条款未达到${rectifyBy ? `,请于 ${rectifyBy} 前完成整改` : ''}(认定单位:${by.zh})`,
    en: `  ${name} (${id}): ${result.en}, ${n} clause(s) not met${rectifyBy ? `; rectify by ${rectifyBy}` : ''} (certified by ${by.en})`,
  }),
  clause: (caption: Msg, reason: Msg): Msg => ({
    zh: `    ${caption.zh}:${reason.zh}`,
    en: `    ${caption.en}: ${reason.en}`,
  }),
  refused: (name: string, id: string): Msg => ({
    zh: `  ${name}(${id}):无法认定`,
    en: `  ${name} (${id}): cannot be certified`,
  }),
  note: (message: Msg): Msg => ({ zh: `    注意:${message.zh}`, en: `    Note: ${message.en}` }),
  history: (text: Msg): Msg => ({
    zh: `    认定经过:${text.zh.split('\n').join(';')}`,
    en: `    History: ${text.en.split('\n').join('; ')}`,
  }),
  totals: (
    passed: number,
    failed: number,
    undecided: number,
    refused: number,
    notices: number,
  ): Msg => ({
    zh: `认定通过 ${passed} 个,未通过 ${failed} 个(其中 ${undecided} 个有条款缺少数据、无法判定),无法认定 ${refused} 个;汇总表含 ${notices} 份整改通知书。`,
    en: `${passed} certified, ${failed} not (${undecided} with clauses that cannot be judged: data missing), ${refused} cannot be certified; the summary holds ${notices} rectification notice(s).`,
  }),
  historyOf: (file: string, count: number): Msg => ({
    zh: `已从 ${file} 带入 ${count} 个单位的认定记录`,
    en: `Carried the certification records of ${count} unit(s) from ${file}`,
  }),
  historyUnusable: (file: string): Msg => ({
    zh: `${file} 的认定记录无法使用,未生成考核表`,
    en: `the certification records of ${file} cannot be used; no workbook was made`,
  }),
  historyNotCertification: (title: string): Msg => ({
    zh: `--history 只用于评估认定;「${title}」是计分考核`,
    en: `--history is for certifications only; "${title}" is a scored assessment`,
  }),
} as const;
