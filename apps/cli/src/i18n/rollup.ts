// Words of `kaohe rollup`: a level's reviewed results become the figures of the level above.
import type { Msg } from '@kaohe/engine';

export const rollupText = {
  help: {
    zh: '下级汇总:按下级规则集复核下级上报的考核表,把达标比例、逐个扣分等填入上级考核表的下级汇总项(注明来自哪些文件,不可手工改写)',
    en: "roll up: review the children's returned workbooks by their rules and fill the parent workbook's rolled-up figures (share qualified, per-child deductions), naming the files they came from, locked",
  },
  paths: { zh: '下级上报的考核表文件或文件夹', en: "the children's returned workbooks or folders" },
  rules: {
    zh: '下级的规则集(JSON 或正式版本):按它复核下级的考核表',
    en: "the children's rule set (JSON or an official edition): their workbooks are reviewed by it",
  },
  into: {
    zh: '上级单位的考核表(kaohe template 生成):在其基础数据表中填入下级汇总项',
    en: "the parent unit's workbook (made by kaohe template): its rolled-up figures are filled in its data sheet",
  },
  children: {
    zh: '下级单位名单(.xlsx 或 .csv,单位代码、单位名称):据此核对是否每个下级都已上报',
    en: 'the roster of the children (.xlsx or .csv: 单位代码, 单位名称): checks that every child returned its workbook',
  },
  out: {
    zh: '输出文件(默认:与上级考核表同目录的 <名称>.rollup.xlsx)',
    en: "output file (default: <name>.rollup.xlsx next to the parent's workbook)",
  },
  sameAsInto: (file: string): Msg => ({
    zh: `--out 与 --into 是同一个文件:${file}(上级考核表不会被改写,请另给输出文件)`,
    en: `--out and --into name the same file: ${file} (the parent's workbook is never rewritten: name another output)`,
  }),
  nothingToRollUp: (parent: string, title: Msg): Msg => ({
    zh: `${parent} 中没有由按「${title.zh}」考核的下级汇总的数据项(source: children),无可汇总`,
    en: `${parent} has no figure rolled up from children assessed by "${title.en}" (source: children): nothing to roll up`,
  }),
  refused: (count: number): Msg => ({
    zh: `下级汇总有 ${count} 处错误,未写入任何文件`,
    en: `the roll-up has ${count} error(s); nothing was written`,
  }),
  rosterRefused: (file: string, count: number): Msg => ({
    zh: `下级单位名单 ${file} 有 ${count} 处错误,未汇总`,
    en: `the roster of the children ${file} has ${count} error(s); nothing was rolled up`,
  }),
  heading: (parent: string, title: Msg, children: Msg, count: number): Msg => ({
    zh: `下级汇总:${parent}(「${title.zh}」),下级 ${count} 个单位(按「${children.zh}」考核)`,
    en: `Roll-up: ${parent} ("${title.en}"), ${count} children (assessed by "${children.en}")`,
  }),
  filled: (where: string, label: Msg, value: string): Msg => ({
    zh: `${where} ${label.zh} = ${value}`,
    en: `${where} ${label.en} = ${value}`,
  }),
  replaced: (where: string, label: Msg, was: string, now: string | null): Msg => ({
    zh: `${where} ${label.zh}:考核表中原为 ${was},按下级汇总${now === null ? '清空(未汇总)' : `改为 ${now}`}`,
    en: `${where} ${label.en}: the workbook had ${was}; the roll-up ${now === null ? 'clears it (not rolled up)' : `gives ${now}`}`,
  }),
  how: (words: Msg): Msg => ({ zh: `  ${words.zh}`, en: `  ${words.en}` }),
  notFilled: (where: string, label: Msg): Msg => ({
    zh: `${where} ${label.zh}:未填(不按0计)`,
    en: `${where} ${label.en}: not filled (never taken as 0)`,
  }),
  because: (why: Msg): Msg => ({ zh: `  原因:${why.zh}`, en: `  because: ${why.en}` }),
  rejected: (line: Msg): Msg => ({ zh: `未纳入:${line.zh}`, en: `Not included: ${line.en}` }),
  summaryGiven: (file: string): Msg => ({
    zh: `${file} 是复核汇总表:汇总表不含各村填报的数据和签名,无法核验,请给出下级上报的考核表(或其所在文件夹)`,
    en: `${file} is a review summary: it holds neither the children's figures nor their signatures and cannot be verified; give the children's returned workbooks (or their folder)`,
  }),
  unfilledCount: (count: number): Msg => ({
    zh: `${count} 项下级汇总未填,见上`,
    en: `${count} rolled-up figure(s) not filled, see above`,
  }),
};
