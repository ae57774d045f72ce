import { describe, expect, it } from 'vitest';
import { csvField } from './ranking-csv.ts';

describe('csvField (OWASP CSV injection)', () => {
  it('prefixes an apostrophe to text that starts like a formula, and quotes every field', () => {
    expect(csvField('=1+1')).toBe(`"'=1+1"`);
    expect(csvField('+1+2')).toBe(`"'+1+2"`);
    expect(csvField('-3+cmd')).toBe(`"'-3+cmd"`);
    expect(csvField('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvField('\t=1')).toBe(`"'\t=1"`);
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    expect(csvField('  =1')).toBe(`"'  =1"`);
    expect(csvField(`=cmd|' /C calc'!A0`)).toBe(`"'=cmd|' /C calc'!A0"`);
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });

  it('leaves plain numbers and ordinary text as they are', () => {
    expect(csvField('-2.5')).toBe('"-2.5"');
    expect(csvField('148.5')).toBe('"148.5"');
    expect(csvField('昆都仑区')).toBe('"昆都仑区"');
    expect(csvField('a,b\nc')).toBe('"a,b\nc"');
    expect(csvField('')).toBe('""');
  });
});
