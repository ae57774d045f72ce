// The little of xlsx-populate the tests use: writing a password-encrypted workbook.
declare module 'xlsx-populate' {
  interface Workbook {
    sheet(index: number): { cell(address: string): { value(v: string | number): unknown } };
    outputAsync(options?: { password?: string }): Promise<Uint8Array>;
  }
  const XlsxPopulate: { fromBlankAsync(): Promise<Workbook> };
  export default XlsxPopulate;
}
