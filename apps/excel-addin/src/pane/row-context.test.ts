import { describe, expect, it } from 'vitest';
import { rowContext } from './row-context.ts';

describe('rowContext', () => {
  it('names a data row by its label, not its input id', () => {
    expect(rowContext(['reform_mechanisms', '创新机制数', '个', '本单位填报', 7])).toBe(
      '创新机制数 个',
    );
    expect(rowContext(['pop', '常住人口', '人'])).toBe('常住人口 人');
  });

  it('keeps a scoring row’s 序号 and title', () => {
    expect(rowContext(['一(五).1', '三级联创', '……', 5])).toBe('一(五).1 三级联创');
  });
});
