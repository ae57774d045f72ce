// A1 addresses <-> 0-based row/column, for the ports (which place 2-D arrays) and the problem list.

export interface CellRef {
  row: number;
  col: number;
}

export function columnName(col: number): string {
  let name = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

export function cellAddress(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

/** "B4" → {row: 3, col: 1}; a sheet prefix ("'单位'!B4") and $ signs are ignored. */
export function parseCell(address: string): CellRef {
  const bare = address.slice(address.lastIndexOf('!') + 1).replaceAll('$', '');
  const match = /^([A-Za-z]{1,3})(\d{1,7})$/.exec(bare);
  if (!match?.[1] || !match[2]) throw new Error(`Not a cell address: "${address}"`);
  let col = 0;
  for (const ch of match[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, col: col - 1 };
}

/** "B4:D9" or "B4" → its top-left cell. */
export function rangeStart(address: string): CellRef {
  const bare = address.slice(address.lastIndexOf('!') + 1);
  return parseCell(bare.split(':')[0] ?? bare);
}

/** The range a 2-D array fills from its top-left cell: ("B4", 2 rows, 3 cols) → "B4:D5". */
export function rangeOf(start: CellRef, rows: number, cols: number): string {
  const from = cellAddress(start.row, start.col);
  if (rows <= 1 && cols <= 1) return from;
  return `${from}:${cellAddress(start.row + Math.max(rows, 1) - 1, start.col + Math.max(cols, 1) - 1)}`;
}
