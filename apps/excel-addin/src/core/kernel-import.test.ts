import { describe, expect, it } from 'vitest';
import { groupSheets } from './kernel-grids.ts';
import { sheetLabel, unitSheetNames } from './kernel-import.ts';

const FILE = ['考核评分 (2)', '基础数据 (2)', 'kaohe_meta (2)'];

describe('imported sheets named after their unit', () => {
  it('names every sheet of a file with the unit, and the names still group', () => {
    const names = unitSheetNames(FILE, '青山区', new Set(['考核评分', ...FILE]));
    expect([...names!.values()]).toEqual([
      '考核评分 (青山区)',
      '基础数据 (青山区)',
      'kaohe_meta (青山区)',
    ]);
    const groups = groupSheets(['考核评分', 'kaohe_meta', ...names!.values()]);
    expect(groups.map((g) => g.suffix)).toEqual(['', ' (青山区)']);
  });

  it('numbers a second file of the same unit', () => {
    const taken = new Set(['考核评分 (青山区)', '基础数据 (青山区)', 'kaohe_meta (青山区)']);
    expect(unitSheetNames(FILE, '青山区', taken)?.get('考核评分 (2)')).toBe('考核评分 (青山区 2)');
  });

  it('keeps names Excel accepts: no : \\ / ? * [ ], brackets full-width, 31 characters at most', () => {
    expect(sheetLabel('a:b/c\\d?e*f[g]h', 40)).toBe('a_b_c_d_e_f_g_h');
    expect(sheetLabel("'旗(试点)'", 40)).toBe('旗(试点)');
    const long = '内蒙古自治区包头市土默特右旗人民政府办公室综合科';
    const names = unitSheetNames(FILE, long, new Set());
    for (const name of names!.values()) expect([...name].length).toBeLessThanOrEqual(31);
    // The same label on every sheet of the file, so they stay one group.
    expect(new Set([...names!.values()].map((n) => n.slice(n.indexOf(' (')))).size).toBe(1);
  });

  it('gives no name for a unit name that leaves nothing', () => {
    expect(unitSheetNames(FILE, '   ', new Set())).toBeNull();
  });
});
