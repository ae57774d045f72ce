// The adapter's one typed error: a file that cannot be opened safely, with a zh/en message for
// the edge (CLI exit code, add-in MessageBar). Expected sheet problems are values (@kaohe/sheet).
import type { Msg } from '@kaohe/engine';

export type XlsxErrorCode =
  | 'empty'
  | 'too-large'
  | 'not-xlsx'
  | 'encrypted'
  | 'legacy-xls'
  | 'zip-bomb'
  | 'too-many-entries'
  | 'too-many-cells'
  | 'corrupt'
  | 'missing-sheet'
  | 'bad-range';

const MESSAGES: Record<XlsxErrorCode, (detail: string) => Msg> = {
  empty: () => ({ zh: '文件是空的', en: 'the file is empty' }),
  'too-large': (d) => ({
    zh: `文件太大(${d}),请检查是否选错文件`,
    en: `the file is too large (${d}); is it the right file?`,
  }),
  'not-xlsx': () => ({
    zh: '这不是 Excel 工作簿(.xlsx)文件',
    en: 'this is not an Excel workbook (.xlsx)',
  }),
  encrypted: () => ({
    zh: '文件设置了打开密码,请在 Excel 中取消密码后另存为 .xlsx 再试',
    en: 'the file is password-protected; remove the password in Excel, save as .xlsx and try again',
  }),
  'legacy-xls': () => ({
    zh: '这是旧版 .xls 文件,请在 Excel 中另存为 .xlsx 再试',
    en: 'this is an old .xls file; save it as .xlsx in Excel and try again',
  }),
  'zip-bomb': (d) => ({
    zh: `文件解压后异常庞大(${d}),已拒绝打开`,
    en: `the file would expand to an abnormal size (${d}); refused`,
  }),
  'too-many-entries': (d) => ({
    zh: `压缩包条目过多(${d}),已拒绝打开`,
    en: `the file holds too many zip entries (${d}); refused`,
  }),
  'too-many-cells': (d) => ({
    zh: `工作表的单元格或行过多(${d}),已拒绝打开`,
    en: `the sheets hold too many cells or rows (${d}); refused`,
  }),
  corrupt: (d) => ({
    zh: `文件已损坏,无法读取(${d})`,
    en: `the file is damaged and cannot be read (${d})`,
  }),
  'missing-sheet': (d) => ({
    zh: `工作簿中没有工作表“${d}”`,
    en: `the workbook has no sheet "${d}"`,
  }),
  'bad-range': (d) => ({ zh: `无效的单元格区域“${d}”`, en: `invalid cell range "${d}"` }),
};

export class XlsxError extends Error {
  readonly code: XlsxErrorCode;
  readonly msg: Msg;

  constructor(code: XlsxErrorCode, detail = '', options?: { cause?: unknown }) {
    const msg = MESSAGES[code](detail);
    super(`${msg.zh} / ${msg.en}`, options);
    this.name = 'XlsxError';
    this.code = code;
    this.msg = msg;
  }
}
