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
    undo: '撤销',
    redo: '重做',
    save: '保存为文件',
    saved: '已保存为 {{name}}。',
    nextYear: '新一年度',
    nextYearDone: '已复制为 {{year}} 年度第 {{edition}} 版草稿,编号保持不变。',
  },
  outline: {
    heading: '考核项目',
    pointsOf: '{{points}}(下级合计 {{sum}})',
    pointsHint: '分值;与下级合计不符时一并列出',
    problems: '{{count}} 个问题',
  },
  problems: {
    heading: '问题',
    count: '{{errors}} 个错误,{{warnings}} 个提示',
    none: '引擎未发现问题。',
    error: '错误',
    warning: '提示',
  },
  item: {
    heading: '所选项目',
    none: '在左侧选择一个部分或项目。',
  },
  json: {
    label: 'JSON(本项目的全部内容)',
    apply: '应用修改',
    invalid: '不是有效的 JSON:{{message}}',
    issues: '本项目的问题',
  },
  draft: {
    autosaved: '草稿已自动保存在本浏览器中',
    offer: '本浏览器中有未完成的草稿 {{name}}(保存于 {{at}})。',
    restore: '恢复草稿',
    discard: '丢弃',
    restored: '已恢复草稿 {{name}}。',
    unavailable: '本浏览器无法自动保存草稿({{message}}),请及时保存为文件。',
  },
};
export type Catalogue = typeof zhCN;
