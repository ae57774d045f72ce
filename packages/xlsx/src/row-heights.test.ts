import { describe, expect, it } from 'vitest';
import { template } from './__tests__/fixture.ts';
import { linesFor, rowHeights, textWidth } from './row-heights.ts';

describe('row heights', () => {
  it('counts CJK characters double and wraps by column width', () => {
    expect(textWidth('序号No.')).toBe(7);
    expect(linesFor('序号\nNo.', 11, true)).toBe(2);
    expect(linesFor('一二三四五六七八九十', 11, true)).toBe(2);
    expect(linesFor('一二三四五六七八九十', 11, false)).toBe(1);
  });

  it('gives the two-line header rows and the title room, and one-line rows the one-line height', () => {
    const t = template();
    const scoring = t.sheets[0];
    if (!scoring) throw new Error('no sheet');
    const h = rowHeights(scoring);
    expect(h.get(0)).toBe(24);
    expect(h.get(t.map.scoring.headerRow)).toBeGreaterThanOrEqual(2 * 15);
    const total = t.map.scoring.rows.find((r) => r.key === '合计')?.row ?? -1;
    expect(h.get(total)).toBe(15 + 5);
  });
});
