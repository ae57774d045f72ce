// Split writes so no single request carries more than ~5 MB (Excel for the web rejects larger
// payloads). Below the limit everything goes in one request, whatever the number of ranges.
import { a1 } from '@kaohe/sheet';
import { rangeStart } from './a1.ts';
import type { RangeWrite } from './workbook-port.ts';

export const MAX_REQUEST_BYTES = 5_000_000;

function rowBytes(
  values: readonly unknown[],
  ...styles: (readonly unknown[] | undefined)[]
): number {
  return styles.reduce(
    (n, row) => n + (row ? JSON.stringify(row).length : 0),
    JSON.stringify(values).length + 2,
  );
}

/** Groups of writes, each group's estimated JSON size within `limit`; big writes split by rows. */
export function chunkWrites(
  writes: readonly RangeWrite[],
  limit = MAX_REQUEST_BYTES,
): RangeWrite[][] {
  const groups: RangeWrite[][] = [];
  let current: RangeWrite[] = [];
  let size = 0;
  const flush = () => {
    if (current.length > 0) groups.push(current);
    current = [];
    size = 0;
  };
  for (const write of writes) {
    const rows = write.values.map((row, r) =>
      rowBytes(row, write.numberFormats?.[r], write.fills?.[r]),
    );
    const total = rows.reduce((a, b) => a + b, 0);
    if (size + total <= limit) {
      current.push(write);
      size += total;
      continue;
    }
    flush();
    const start = rangeStart(write.address);
    let from = 0;
    let bytes = 0;
    rows.forEach((next, r) => {
      if (bytes + next > limit && r > from) {
        groups.push([slice(write, start.row, start.col, from, r)]);
        from = r;
        bytes = 0;
      }
      bytes += next;
    });
    current = [from === 0 ? write : slice(write, start.row, start.col, from, rows.length)];
    size = bytes;
  }
  flush();
  return groups;
}

function slice(write: RangeWrite, row: number, col: number, from: number, to: number): RangeWrite {
  const part: RangeWrite = {
    sheet: write.sheet,
    address: a1(row + from, col),
    values: write.values.slice(from, to),
  };
  if (write.numberFormats) part.numberFormats = write.numberFormats.slice(from, to);
  if (write.fills) part.fills = write.fills.slice(from, to);
  return part;
}
