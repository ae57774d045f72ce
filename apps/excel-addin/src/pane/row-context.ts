// What the browser-mode selection note says about a cell's row: its first words a person reads.
// A key column's id (reform_mechanisms in 基础数据's 代码) is for the codec, not for people: it is
// left out, the label beside it is shown.
const ID = /^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+$|^[a-z][a-z0-9]*$/;

export function rowContext(cells: readonly unknown[]): string {
  return cells
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '' && !ID.test(v.trim()))
    .slice(0, 2)
    .join(' ');
}
