import { describe, expect, it } from 'vitest';
import { actualName, fromA1, groupSheets, gridsOf, splitAddress } from './kernel-grids.ts';

describe('kernel grids', () => {
  it('puts a used range back at A1', () => {
    const grid = fromA1({
      name: 's',
      top: 1,
      left: 2,
      values: [['x', 1]],
      numberFormats: [['@', '0%']],
    });
    expect(grid.values).toEqual([[], [null, null, 'x', 1]]);
    expect(grid.numberFormats).toEqual([[], ['General', 'General', '@', '0%']]);
  });

  it('groups imported sheets by the suffix Excel gave them', () => {
    const groups = groupSheets([
      '考核评分',
      '基础数据',
      'kaohe_meta',
      '考核评分 (2)',
      '基础数据 (2)',
      'kaohe_meta (2)',
      '说明',
      '考核评分 (3)',
    ]);
    expect(groups.map((g) => [g.suffix, [...g.actual.keys()]])).toEqual([
      ['', ['考核评分', '基础数据', 'kaohe_meta']],
      [' (2)', ['考核评分 (2)', '基础数据 (2)', 'kaohe_meta (2)']],
    ]);
    const imported = groups[1]!;
    const grids = gridsOf(imported, [
      { name: '基础数据 (2)', top: 0, left: 0, values: [['a']], numberFormats: [['General']] },
    ]);
    expect(grids.map((g) => g.name)).toEqual(['基础数据']);
    expect(actualName(imported, '考核评分')).toBe('考核评分 (2)');
  });

  it('keeps a unit’s case table (案件明细) with its group, imported or not', () => {
    const groups = groupSheets([
      '考核评分',
      '基础数据',
      '案件明细',
      'kaohe_meta',
      '考核评分 (2)',
      '案件明细 (2)',
      'kaohe_meta (2)',
    ]);
    expect(groups.map((g) => [...g.actual.values()])).toEqual([
      ['考核评分', '基础数据', '案件明细', 'kaohe_meta'],
      ['考核评分', '案件明细', 'kaohe_meta'],
    ]);
  });

  it('splits sheet-qualified addresses, quoted or not', () => {
    expect(splitAddress("'考核评分 (2)'!F7")).toEqual({ sheet: '考核评分 (2)', cell: 'F7' });
    expect(splitAddress('基础数据!E7')).toEqual({ sheet: '基础数据', cell: 'E7' });
    expect(splitAddress('E7')).toEqual({ sheet: null, cell: 'E7' });
  });
});
