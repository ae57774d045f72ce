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

  it('names the first unit of each id on a large cohort, as a plain first-seen map does', () => {
    // 20,000 units over 7,001 ids of 1 to 6 characters, repeats spread through the cohort.
    const units = Array.from({ length: 20_000 }, (_, i) => ({
      id: ((i * 7919) % 7001).toString(36),
      name: `单位${i}`,
    }));
    const firstOf = new Map<string, { id: string; name: string }>();
    const expected: string[] = [];
    for (const u of units) {
      const first = firstOf.get(u.id);
      if (first) expected.push(`单位「${u.name}」(${u.id})的编号与「${first.name}」(${u.id})重复`);
      else firstOf.set(u.id, u);
    }
    expect(expected).toHaveLength(20_000 - 7001);
    expect(duplicateUnits(units).map((i) => i.message.zh)).toEqual(expected);
  });

  it('tells an id that is not text from the same digits as text (unchecked input)', () => {
    const units = [
      { id: 1 as unknown as string, name: '甲' },
      { id: '1', name: '乙' },
      { id: 1 as unknown as string, name: '丙' },
    ];
    expect(duplicateUnits(units).map((i) => i.message.zh)).toEqual([
      '单位「丙」(1)的编号与「甲」(1)重复',
    ]);
  });
});
