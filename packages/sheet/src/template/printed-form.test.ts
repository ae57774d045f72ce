// The template as a printed form: a short fingerprint in the header (the full checksum in the
// meta sheet), the sign-off block under both sheets, the unit in the footer.
import { describe, expect, it } from 'vitest';
import { cellRef } from '../a1.ts';
import { fingerprint, ruleSetChecksum } from '../checksum.ts';
import { fill, goodValues, ruleSetOf, unit } from '../__tests__/fixture.ts';
import { readSheet } from '../read/read-sheet.ts';
import type { SheetGrid, SheetLayout } from '../types.ts';
import { buildTemplate } from './build-template.ts';

const rs = ruleSetOf();
const t = buildTemplate(rs, unit);
const [scoring, data, meta] = t.sheets as [SheetLayout, SheetLayout, SheetLayout];
const headerCell = (g: SheetGrid[] | SheetLayout[], name = '考核评分') => {
  const p = t.map.scoring.header.checksum ?? { row: -1, col: -1 };
  const row = (g as { name: string; values: unknown[][] }[]).find((s) => s.name === name)?.values[
    p.row
  ];
  return { row, col: p.col };
};

describe('the printed header', () => {
  it('shows the first 12 hex digits of the checksum in groups of four; the meta sheet keeps all 64', () => {
    const sum = ruleSetChecksum(rs);
    expect(fingerprint('aeb60aba69df64885dec94e28e930e0323b8c412300faacffed412f2c21ce1ba')).toBe(
      'aeb6 0aba 69df',
    );
    const { row, col } = headerCell([scoring]);
    expect(row?.[col]).toBe(fingerprint(sum));
    expect(String(row?.[col])).toMatch(/^[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}$/);
    expect(meta.values.find((r) => r[0] === 'checksum')?.[1]).toBe(sum);
  });

  it('reads back with the fingerprint, with the full checksum of an older workbook, not with another', () => {
    expect(readSheet(fill(t, goodValues)).ok).toBe(true);
    const older = fill(t, goodValues);
    const o = headerCell(older);
    if (o.row) o.row[o.col] = ruleSetChecksum(rs).toUpperCase();
    expect(readSheet(older).ok).toBe(true);
    const other = fill(t, goodValues);
    const x = headerCell(other);
    if (x.row) x.row[x.col] = '0000 0aba 69df';
    const r = readSheet(other);
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.address])).toEqual([
      [
        'header-mismatch',
        cellRef(
          '考核评分',
          t.map.scoring.header.checksum?.row ?? 0,
          t.map.scoring.header.checksum?.col ?? 0,
        ),
      ],
    ]);
  });
});

describe('the sign-off block', () => {
  const LABELS = ['填报单位(盖章)', '负责人', '填表人', '联系电话', '日期'];
  for (const [layout, lastKeyed] of [
    [scoring, t.map.scoring.rows.at(-1)?.row ?? 0],
    [data, t.map.data.rows.at(-1)?.row ?? 0],
  ] as const) {
    it(`closes ${layout.name} below its last keyed row, out of the key column, blanks unlocked`, () => {
      const below = layout.values.slice(lastKeyed + 1);
      const labels = below.flat().filter((v) => typeof v === 'string' && LABELS.includes(v));
      expect(labels.sort()).toEqual([...LABELS].sort());
      for (const r of below) expect(r[0]).toBeNull();
      // The unit is written in after 填报单位; the stamp row prints taller than the others.
      const unitRow = layout.values.findIndex((r) => r.includes('填报单位(盖章)'));
      const labelCol = layout.values[unitRow]?.indexOf('填报单位(盖章)') ?? -1;
      expect(layout.values[unitRow]?.[labelCol + 1]).toBe('昆都仑区');
      const signs = layout.cells.filter((c) => c.kind === 'sign');
      expect(new Set(signs.map((c) => c.row)).size).toBe(3);
      expect(signs.every((c) => c.row > lastKeyed)).toBe(true);
      const tall = new Map(layout.tallRows?.map((x) => [x.row, x.height]));
      expect(tall.get(unitRow)).toBeGreaterThan(tall.get(unitRow + 1) ?? Infinity);
    });
  }

  it('a filled-in sign-off is not read as rows the reader does not know', () => {
    const grids = fill(t, goodValues);
    for (const g of grids.filter((s) => s.name !== 'kaohe_meta'))
      for (const r of g.values) {
        const i = r.indexOf('负责人');
        if (i >= 0) r[i + 1] = '张三';
      }
    const read = readSheet(grids);
    expect(read.ok && read.warnings.map((w) => w.code)).toEqual([]);
  });
});

describe('the printed footer', () => {
  it('names the unit on every page of both sheets, and leaves a line when the form is blank', () => {
    expect([scoring.footer, data.footer]).toEqual(['被考核单位:昆都仑区', '被考核单位:昆都仑区']);
    const blank = buildTemplate(rs);
    expect(blank.sheets.slice(0, 2).map((s) => s.footer)).toEqual([
      '被考核单位:____________',
      '被考核单位:____________',
    ]);
    expect(blank.sheets[2]?.footer).toBeUndefined();
  });
});
