import { describe, expect, it } from 'vitest';
import { q } from '../exact/exact.ts';
import { show } from './format.ts';

describe('show: a value as a person reads it', () => {
  it('gives a typed figure of up to 6 places in full, never rounded onto the limit beside it', () => {
    // BENCH-30's ceilings: 0.01001 over a limit of 0.01 once read "≈0.01, 高于 0.01".
    expect(show(q('0.01001'))).toBe('0.01001');
    expect(show(q('0.123456'))).toBe('0.123456');
    expect(show(q('91.2'))).toBe('91.2');
    expect(show(q('-3'))).toBe('-3');
  });

  it('marks a value with more places or no finite decimal form as approximate', () => {
    // 1/3 has no decimal form; a yuan-a-head figure of 6 places is shown in full, of 7 rounded.
    expect(show(q(1).div(3))).toBe('≈0.333333');
    expect(show(q(100).div(3))).toBe('≈33.33');
    expect(show(q('21.381723'))).toBe('21.381723');
    expect(show(q('21.3817231'))).toBe('≈21.38');
    expect(show(q(-2).div(3))).toBe('≈-0.666667');
  });
});
