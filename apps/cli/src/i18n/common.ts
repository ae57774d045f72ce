// The CLI's message catalogue, common part: files, usage, failures. Every text in zh-CN and en.
import type { Msg } from '@kaohe/engine';

export const common = {
  fileMissing: (file: string): Msg => ({ zh: `找不到文件:${file}`, en: `File not found: ${file}` }),
  fileIsDir: (file: string): Msg => ({
    zh: `这是一个文件夹,不是文件:${file}`,
    en: `This is a folder, not a file: ${file}`,
  }),
  notRegularFile: (file: string): Msg => ({
    zh: `不是普通文件:${file}(设备、管道等特殊文件不予读取)`,
    en: `Not a regular file: ${file} (devices, pipes and other special files are not read)`,
  }),
  fileTooLarge: (file: string, size: string, limit: string): Msg => ({
    zh: `文件过大:${file}(${size},上限 ${limit}),请检查是否选错文件`,
    en: `File too large: ${file} (${size}; the limit is ${limit}); is it the right file?`,
  }),
  fileNoAccess: (file: string): Msg => ({
    zh: `没有权限读取:${file}`,
    en: `No permission to read: ${file}`,
  }),
  fileUnreadable: (file: string, why: string): Msg => ({
    zh: `无法读取 ${file}:${why}`,
    en: `Cannot read ${file}: ${why}`,
  }),
  notJson: (file: string, why: string): Msg => ({
    zh: `${file} 不是有效的 JSON:${why}`,
    en: `${file} is not valid JSON: ${why}`,
  }),
  ruleSetInvalid: (file: string, errors: number): Msg => ({
    zh: `规则集 ${file} 有 ${errors} 个错误,请先运行 kaohe validate 修正`,
    en: `Rule set ${file} has ${errors} error(s); run kaohe validate and fix them first`,
  }),
  writeFailed: (file: string, why: string): Msg => ({
    zh: `无法写入 ${file}:${why}(未写入任何文件)`,
    en: `Cannot write ${file}: ${why} (nothing was written)`,
  }),
  usage: (detail: string): Msg => ({ zh: `用法错误:${detail}`, en: `Usage error: ${detail}` }),
  noCommand: { zh: '请指定一个命令', en: 'no command given' } satisfies Msg,
  seeHelp: (command: string): Msg => ({
    zh: `运行 kaohe ${command}--help 查看用法`,
    en: `Run kaohe ${command}--help for usage`,
  }),
  internal: (why: string): Msg => ({
    zh: `内部错误(这是 kaohe 的缺陷,请报告):${why}`,
    en: `Internal error (a bug in kaohe, please report it): ${why}`,
  }),
  error: { zh: '错误', en: 'error' } satisfies Msg,
  warning: { zh: '警告', en: 'warning' } satisfies Msg,
  wrote: (file: string): Msg => ({ zh: `已写入 ${file}`, en: `Wrote ${file}` }),
} as const;
