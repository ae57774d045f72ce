/** A workbook's file name from a unit's name: characters Windows refuses become "_". */
export function workbookFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const safe = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/[. ]+$/, '');
  return `${safe || '_'}.xlsx`;
}
