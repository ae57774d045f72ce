// What the admin reads, in Chinese first; en.ts has the same keys (the type checks it).
export const zhCN = {
  app: {
    title: '考核办法编辑',
    intro: '打开上一年度的考核办法(JSON)或已发布的版本文件,编辑下一年度的办法并发布。',
    open: '打开考核办法或发布文件',
    opened: '已打开 {{name}}',
    fromEdition: '来自发布文件(第 {{edition}} 版;签名未在此核验)',
    language: 'English',
  },
  doc: {
    heading: '考核办法',
    year: '年度',
    edition: '版次',
    issuer: '发布单位',
    nextYear: '新一年度',
    nextYearDone: '已复制为 {{year}} 年度第 {{edition}} 版草稿,编号保持不变。',
  },
};
export type Catalogue = typeof zhCN;
