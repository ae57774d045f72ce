import { describe, expect, it } from 'vitest';
import type { CellValue } from '../types.ts';
import { columnWrite } from './column.ts';

describe('columnWrite', () => {
  it('spans the first to the last row, gaps null (left unchanged)', () => {
    const cells = new Map<number, CellValue>([
      [6, '甲'],
      [3, 1.5],
      [5, ''],
    ]);
    expect(columnWrite('评分', 2, cells)).toEqual([
      { sheet: '评分', address: 'C4:C7', values: [[1.5], [null], [''], ['甲']] },
    ]);
  });

  it('writes nothing for no cells or an absent column', () => {
    expect(columnWrite('评分', 2, new Map())).toEqual([]);
    expect(columnWrite('评分', -1, new Map([[0, 1]]))).toEqual([]);
  });
});
