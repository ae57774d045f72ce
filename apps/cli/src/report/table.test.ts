import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { formatTable } from './table.ts';

describe('formatTable', () => {
  it('aligns Chinese and digits by display width', () => {
    const text = formatTable(
      [{ header: '名次', align: 'right' }, { header: '单位' }, { header: '总分', align: 'right' }],
      [
        ['1', '昆都仑区', '148.5'],
        ['12', '达尔罕茂明安联合旗', '97'],
      ],
    );
    const lines = text.split('\n');
    expect(lines).toHaveLength(4);
    // Every line's last column ends at the same display column.
    const ends = lines.filter((_, i) => i !== 1).map((l) => stringWidth(l));
    expect(new Set(ends).size).toBe(1);
    expect(lines[2]).toMatch(/^ {3}1 {2}昆都仑区 {12}148\.5$/);
  });
});
