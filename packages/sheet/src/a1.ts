// A1 addresses from 0-based positions ("E7", "H5:H40", "基础数据!E7").

export function colLetters(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function a1(row: number, col: number): string {
  return `${colLetters(col)}${row + 1}`;
}

export function a1Range(top: number, left: number, bottom: number, right: number): string {
  const start = a1(top, left);
  const end = a1(bottom, right);
  return start === end ? start : `${start}:${end}`;
}

/** Sheet-qualified address; names other than letters, digits, CJK and _ are quoted. */
export function cellRef(sheet: string, row: number, col: number): string {
  return `${sheetPrefix(sheet)}!${a1(row, col)}`;
}

function sheetPrefix(sheet: string): string {
  return /^[\p{L}\p{N}_]+$/u.test(sheet) ? sheet : `'${sheet.replaceAll("'", "''")}'`;
}

/** Parses "E7" or "H5:H40" into 0-based bounds; undefined when it is not an A1 range. */
export function parseRange(
  address: string,
): { top: number; left: number; bottom: number; right: number } | undefined {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(address);
  if (!m) return undefined;
  const col = (letters: string): number =>
    [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
  const top = Number(m[2]) - 1;
  const left = col(m[1] ?? 'A');
  const bottom = m[4] ? Number(m[4]) - 1 : top;
  const right = m[3] ? col(m[3]) : left;
  if (top < 0 || bottom < top || right < left) return undefined;
  return { top, left, bottom, right };
}
