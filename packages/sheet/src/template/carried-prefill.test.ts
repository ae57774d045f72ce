// A value carried in from another assessment (form 42), prefilled in the data sheet: the
// 数据来源 column says 其他考核结转, the note says where it came from, and the cell is locked as
// an assigned target is (the unit does not set what another scheme decided).
import { describe, expect, it } from 'vitest';
import type { CarriedIn } from '@kaohe/engine';
import { fixtureInput, ruleSetOf, unit } from '../__tests__/fixture.ts';
import { readSheet } from '../read/read-sheet.ts';
import { buildTemplate } from './build-template.ts';
import { templateGrids } from './template-grids.ts';

const rs = ruleSetOf({
  ...fixtureInput,
  inputs: [
    ...fixtureInput.inputs,
    { id: 'safety_cut', label: '安全生产结转', unit: 'number', source: 'carried', from: 'safety' },
  ],
});
const carried: CarriedIn = {
  sender: {
    ruleSetId: 'safety',
    title: { zh: '安全生产考核', en: 'safety' },
    year: 2012,
    edition: 2,
  },
  amounts: [
    {
      sanctionId: 'major_veto',
      level: 'veto',
      reason: { zh: '发生重大安全事故', en: 'a major accident' },
      amount: '-10',
    },
  ],
};

describe('a carried value in the data sheet', () => {
  const t = buildTemplate(rs, unit, {
    prefill: { values: { safety_cut: '-10' }, carried: { safety_cut: carried } },
  });
  const data = t.sheets[1];
  const row = t.map.data.rows.find((x) => x.id === 'safety_cut')?.row ?? -1;
  const cell = (col: number) => data?.values[row]?.[col];

  it('says its source and where it came from, and locks it', () => {
    expect(cell(t.map.data.columns.source)).toBe('其他考核结转');
    expect(cell(t.map.data.columns.note)).toBe(
      '另一考核(「安全生产考核」2012年度第2版)否决事项「发生重大安全事故」结转:扣10分',
    );
    const hint = data?.cells.find((c) => c.row === row && c.col === t.map.data.columns.value);
    expect(hint?.kind).toBe('item');
  });

  it('reads the value back exactly', () => {
    const r = readSheet(templateGrids(t));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.unit.values.safety_cut).toBe('-10');
  });

  it('leaves a carried input without a value open, with no provenance to say', () => {
    const open = buildTemplate(rs, unit, {});
    const hint = open.sheets[1]?.cells.find(
      (c) => c.row === row && c.col === open.map.data.columns.value,
    );
    expect(hint?.kind).toBe('input');
  });
});
