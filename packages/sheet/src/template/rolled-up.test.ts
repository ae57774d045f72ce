// A figure rolled up from the children (source: children) in the data sheet: 数据来源 says
// 下级汇总, the value cell is locked even while blank (never typed: kaohe rollup writes it), and
// the note says so until the roll-up puts its provenance there.
import { describe, expect, it } from 'vitest';
import { fixtureInput, ruleSetOf, unit } from '../__tests__/fixture.ts';
import { buildTemplate } from './build-template.ts';
import { ROLLED_UP_NOTE, withRolledUpNote } from './data-sheet.ts';

const rs = ruleSetOf({
  ...fixtureInput,
  inputs: [
    ...fixtureInput.inputs,
    {
      id: 'villages_ok',
      label: '达标村比例',
      unit: '%',
      source: 'children',
      from: 'village',
      note: '村(居)民自治合格',
      rollUp: { kind: 'share', qualifies: { by: 'total', min: 85 } },
    },
  ],
});

describe('a rolled-up figure in the data sheet', () => {
  const t = buildTemplate(rs, unit);
  const data = t.sheets[1];
  const row = t.map.data.rows.find((x) => x.id === 'villages_ok')?.row ?? -1;
  const cell = (col: number) => data?.values[row]?.[col];

  it('says 下级汇总, locks the blank value cell, and says who fills it', () => {
    expect(cell(t.map.data.columns.source)).toBe('下级汇总');
    expect(cell(t.map.data.columns.value)).toBeNull();
    const hint = data?.cells.find((c) => c.row === row && c.col === t.map.data.columns.value);
    expect(hint?.kind).toBe('item');
    expect(cell(t.map.data.columns.note)).toBe(`村(居)民自治合格;${ROLLED_UP_NOTE}`);
  });

  it('the provenance replaces the placeholder, and an earlier provenance, keeping the rest', () => {
    const first = withRolledUpNote(cell(t.map.data.columns.note) ?? null, '下级汇总(甲):75%');
    expect(first).toBe('村(居)民自治合格;下级汇总(甲):75%');
    expect(withRolledUpNote(first, '下级汇总(乙):80%;来自:a.xlsx')).toBe(
      '村(居)民自治合格;下级汇总(乙):80%;来自:a.xlsx',
    );
    expect(withRolledUpNote(null, '下级汇总(乙)')).toBe('下级汇总(乙)');
  });
});
