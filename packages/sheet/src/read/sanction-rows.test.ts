// A sanction's row: its 序号 reads 否决.1, 否决.2… (an official reads no id); the reader keys it
// to the sanction by the rules' declared order, and still reads sheets made when it held the id.
import { describe, expect, it } from 'vitest';
import { compileRuleSet, scoreUnit } from '@kaohe/engine';
import { fill, fixtureInput, goodValues, ruleSetOf, unit } from '../__tests__/fixture.ts';
import { buildTemplate } from '../template/build-template.ts';
import { checkMap } from '../write/check-map.ts';
import { planWrites } from '../write/plan-writes.ts';
import { applyToGrids } from '../write/apply-to-grids.ts';
import type { SheetGrid } from '../types.ts';
import { readSheet } from './read-sheet.ts';

// Two sanctions, so the numbering is seen to follow the declared order.
const rs = ruleSetOf({
  ...fixtureInput,
  sanctions: [
    ...(fixtureInput.sanctions ?? []),
    { id: 'srb_interview', level: 'interview', when: 'illegal > 5', reason: '政策外生育过多' },
  ],
});
const t = buildTemplate(rs, unit);
const scoring = (grids: SheetGrid[]): SheetGrid => grids.find((g) => g.name === '考核评分')!;
const rowOf = (key: string): number => t.map.scoring.rows.find((r) => r.key === key)?.row ?? -1;

describe('sanction rows', () => {
  it('number the sanctions in 序号 and print no sanction id anywhere a person reads', () => {
    const sheet = t.sheets.find((s) => s.role === 'scoring')!;
    expect([
      sheet.values[rowOf('否决.petition')]?.[0],
      sheet.values[rowOf('否决.srb_interview')]?.[0],
    ]).toEqual(['否决.1', '否决.2']);
    const visible = t.sheets.filter((s) => s.state === 'visible');
    const texts = visible.flatMap((s) => s.values.flat()).map((v) => String(v ?? ''));
    // (the input `petitions` in 基础数据's 代码 column is a key column's id, not this one)
    for (const id of ['petition', 'srb_interview'])
      expect(
        texts.filter((v) => new RegExp(`(^|[^a-z_])${id}([^a-z_]|$)`).test(v)),
        id,
      ).toEqual([]);
  });

  it('read back by their number: a veto reported 是 lands on its sanction', () => {
    const grids = fill(t, { ...goodValues, petitions: 1 });
    const r = readSheet(grids);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const result = scoreUnit(compileRuleSet(rs), r.value.unit);
    const after = readSheet(applyToGrids(grids, planWrites(r.value.map, result, 'self')));
    if (!after.ok) throw new Error(JSON.stringify(after.issues));
    expect(after.value.reported.self['否决.petition']).toBe('是');
    expect(after.value.reported.self['否决.srb_interview']).toBe('否');
    expect(checkMap(scoring(grids), r.value.map, 'self')).toEqual([]);
  });

  it('still reads a sheet made when 序号 held the sanction id (否决.<id>)', () => {
    const grids = fill(t, { ...goodValues, petitions: 1 });
    const s = scoring(grids);
    s.values[rowOf('否决.petition')]![0] = '否决.petition';
    s.values[rowOf('否决.srb_interview')]![0] = '否决.srb_interview';
    const r = readSheet(grids);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.warnings.filter((w) => w.code === 'row-unknown')).toEqual([]);
    expect(r.value.map.scoring.rows.find((x) => x.key === '否决.srb_interview')?.row).toBe(
      rowOf('否决.srb_interview'),
    );
    expect(checkMap(s, r.value.map, 'self')).toEqual([]);
  });

  it('re-checks a sanction row before writing by what its 序号 says, naming no id', () => {
    const grids = fill(t, goodValues);
    const r = readSheet(grids);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    scoring(grids).values[rowOf('否决.srb_interview')]![0] = '备注';
    expect(checkMap(scoring(grids), r.value.map, 'self').map((i) => i.message.zh)).toEqual([
      '找不到“否决.2”行(可能被删除),未作任何修改',
    ]);
  });

  it('names a misplaced sanction row by its number and reason', () => {
    const grids = fill(t, goodValues);
    const s = scoring(grids);
    const [a, b] = [rowOf('否决.petition'), rowOf('否决.srb_interview')];
    [s.values[a], s.values[b]] = [s.values[b]!, s.values[a]!];
    const r = readSheet(grids);
    expect(
      r.ok ? [] : r.issues.filter((i) => i.code === 'row-order').map((i) => i.message.zh),
    ).toEqual([
      '“否决.2「政策外生育过多」”行的位置不对(应在“否决.1「发生重大信访案件」”之后),未作任何修改',
    ]);
  });
});
