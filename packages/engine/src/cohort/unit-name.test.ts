import { describe, expect, it } from 'vitest';
import { unitName } from './unit-name.ts';

describe('unitName', () => {
  it('names a unit by its name with the id in brackets; by the id alone when it has no other name', () => {
    expect(unitName('xh01', '团结村')).toEqual({ zh: '「团结村」(xh01)', en: '"团结村" (xh01)' });
    expect(unitName('xh01', '  ')).toEqual({ zh: '「xh01」', en: '"xh01"' });
    expect(unitName('xh01', 'xh01')).toEqual({ zh: '「xh01」', en: '"xh01"' });
    expect(unitName('xh01')).toEqual({ zh: '「xh01」', en: '"xh01"' });
  });
});
