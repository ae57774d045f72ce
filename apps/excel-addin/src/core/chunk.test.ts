import { describe, expect, it } from 'vitest';
import { chunkWrites } from './chunk.ts';
import type { RangeWrite } from './workbook-port.ts';

const column = (sheet: string, address: string, rows: number, text: string): RangeWrite => ({
  sheet,
  address,
  values: Array.from({ length: rows }, (_, i) => [`${text}${i}`]),
});

describe('chunkWrites', () => {
  it('keeps everything in one request below the limit', () => {
    const writes = [column('a', 'B2', 2000, 'x'), column('a', 'D2', 2000, 'y')];
    expect(chunkWrites(writes)).toEqual([writes]);
  });

  it('splits past the limit by rows, keeping every row once and in place', () => {
    const big = column('a', 'C10', 1000, 'reason-text-');
    const groups = chunkWrites([column('a', 'A1', 1, 'h'), big], 4000);
    expect(groups.length).toBeGreaterThan(3);
    for (const group of groups) {
      expect(JSON.stringify(group.map((w) => w.values)).length).toBeLessThanOrEqual(4000 + 50);
    }
    const parts = groups.flat().slice(1);
    expect(parts[0]?.address).toBe('C10');
    expect(parts.flatMap((p) => p.values)).toEqual(big.values);
    const second = parts[1];
    expect(second?.address).toBe(`C${10 + (parts[0]?.values.length ?? 0)}`);
  });

  it('splits a write’s fills with its rows, so each part keeps its own', () => {
    const big = {
      ...column('a', 'C10', 1000, 'reason-text-'),
      fills: Array.from({ length: 1000 }, (_, i) => [i % 7 === 0 ? 'FFFFC7CE' : '']),
    };
    const parts = chunkWrites([big], 4000).flat();
    expect(parts.length).toBeGreaterThan(3);
    for (const p of parts) expect(p.fills?.length).toBe(p.values.length);
    expect(parts.flatMap((p) => p.fills ?? [])).toEqual(big.fills);
  });
});
