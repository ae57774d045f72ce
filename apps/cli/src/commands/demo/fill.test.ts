import type { InputDef } from '@kaohe/engine';
import { describe, expect, it } from 'vitest';
import { typed } from './fill.ts';

const def = (unit: InputDef['unit']): InputDef => ({ id: 'x', label: 'x', unit, source: 'unit', evidence: false });

describe('typed', () => {
  it('types a % figure into a percent-formatted cell as its fraction, exactly', () => {
    expect(typed('95.80', def('%'), '0.00%')).toBe(0.958);
    expect(typed('92', def('%'), '0.00%')).toBe(0.92);
    expect(typed('92', def('%'), 'General')).toBe(92);
  });

  it('keeps ‰ and counts as typed, yes/no as 是/否, a blank as nothing', () => {
    expect(typed('8.15', def('‰'), '0.00"‰"')).toBe(8.15);
    expect(typed(true, def('yesno'), null)).toBe('是');
    expect(typed(false, def('yesno'), null)).toBe('否');
    expect(typed(null, def('count'), null)).toBeNull();
  });
});
