import { describe, expect, it } from 'vitest';
import { a1 as cellAddress, colLetters as columnName } from '@kaohe/sheet';
import { parseCell, rangeOf, rangeStart } from './a1.ts';

describe('a1', () => {
  it('names columns past Z and ZZ', () => {
    expect([0, 25, 26, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
  });
  it('round-trips addresses', () => {
    for (const [row, col] of [
      [0, 0],
      [3, 1],
      [1999, 27],
      [1_048_575, 16_383],
    ] as const) {
      expect(parseCell(cellAddress(row, col))).toEqual({ row, col });
    }
  });
  it('reads sheet prefixes, $ signs and ranges', () => {
    expect(parseCell("'单位 1'!$C$12")).toEqual({ row: 11, col: 2 });
    expect(rangeStart('Sheet1!B4:D9')).toEqual({ row: 3, col: 1 });
    expect(rangeOf({ row: 3, col: 1 }, 2, 3)).toBe('B4:D5');
    expect(rangeOf({ row: 3, col: 1 }, 1, 1)).toBe('B4');
  });
  it('names the bad address', () => {
    expect(() => parseCell('4B')).toThrow('"4B"');
  });
});
