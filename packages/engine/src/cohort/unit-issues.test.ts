import { describe, expect, it } from 'vitest';
import { duplicateUnits } from './unit-issues.ts';

describe('duplicateUnits', () => {
  it('names each repeat with the first unit that has its id, however the repeats interleave', () => {
    const units = [
      { id: 'a', name: '甲一' },
      { id: 'b', name: '乙一' },
      { id: 'a', name: '甲二' },
      { id: 'c', name: '丙一' },
      { id: 'b', name: '乙二' },
      { id: 'c', name: '丙二' },
      { id: 'a', name: '甲三' },
      { id: 'd', name: '丁' },
    ];
    expect(duplicateUnits(units).map((i) => i.message.zh)).toEqual([
      '单位「甲二」(a)的编号与「甲一」(a)重复',
      '单位「乙二」(b)的编号与「乙一」(b)重复',
      '单位「丙二」(c)的编号与「丙一」(c)重复',
      '单位「甲三」(a)的编号与「甲一」(a)重复',
    ]);
  });

  it('finds nothing when every id differs', () => {
    expect(
      duplicateUnits(Array.from({ length: 1000 }, (_, i) => ({ id: `u${i}`, name: `单位${i}` }))),
    ).toEqual([]);
  });
});
