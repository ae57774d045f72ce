import type { Msg } from '@kaohe/engine';

export const demoText = {
  heading: (title: string, units: number): Msg => ({
    zh: `演示:${title}——${units} 个旗县区的考核表已生成、填报、自评计分并复核,排名如下`,
    en: `Demo: ${title} — workbooks for ${units} units made, filled, self-scored and reviewed; the ranking:`,
  }),
  outDir: (dir: string): Msg => ({ zh: `演示文件在:${dir}`, en: `Demo files are in: ${dir}` }),
  progress: { zh: '演示', en: 'Demo' } satisfies Msg,
  bundledInvalid: {
    zh: '内置示例规则集无效(kaohe 的缺陷)',
    en: 'the bundled example rule set is invalid (a bug in kaohe)',
  } satisfies Msg,
} as const;
