// The reviewer's record against the units' sheets, in the review both apps share: the roster's
// class and figures are scored, blanks on the roster stay blank, and a unit whose two different
// files were both rejected did return something (not 未上报).
import { describe, expect, it } from 'vitest';
import { fill, fixtureInput, goodValues, ruleSetOf } from '../__tests__/fixture.ts';
import { cellRef } from '../a1.ts';
import { readRoster } from '../roster/read-roster.ts';
import { buildTemplate } from '../template/build-template.ts';
import type { CellValue, SheetGrid } from '../types.ts';
import { reviewReturns } from './review.ts';
import { applyRecord, recordFlagged } from './record.ts';
import { readSheet } from '../read/read-sheet.ts';

// policy_rate is a target the assessing level assigns; birth_rate is last year's own figure.
const rs = ruleSetOf({
  ...fixtureInput,
  classes: [
    { id: 'town', label: '镇' },
    { id: 'farm', label: '农场' },
  ],
  inputs: fixtureInput.inputs.map((i) =>
    i.id === 'policy_rate'
      ? { ...i, source: 'assigned' as const }
      : i.id === 'birth_rate'
        ? { ...i, source: 'previous' as const }
        : i,
  ),
});

const roster = readRoster(
  {
    name: '单位名单',
    values: [
      ['单位代码', '单位名称', '单位类别', '符合政策生育率', '出生率'],
      ['kdq', '昆都仑区', '镇', 92, null],
      ['qs', '青山区', '镇', 90, 8],
    ],
  },
  rs,
);

function unit(id: string, name: string, cls: string, values: Record<string, CellValue>) {
  const t = buildTemplate(rs, { id, name, class: cls });
  return { grids: fill(t, { ...goodValues, ...values }) as SheetGrid[], template: t };
}

describe('review with a roster (record.ts)', () => {
  it('scores the roster’s class and figures, keeps the roster’s blank blank, and flags each cell', () => {
    expect(roster.issues.filter((i) => i.severity === 'error')).toEqual([]);
    // 昆都仑区 calls itself a farm and types a birth rate of its own where the roster has none.
    const k = unit('kdq', '昆都仑区', 'farm', { policy_rate: 92, birth_rate: 6 });
    const r = reviewReturns([{ file: 'k.xlsx', grids: k.grids }], rs, undefined, {
      record: { roster },
    });
    const u = r.units[0];
    expect(u?.input.class).toBe('town');
    expect(u?.input.values.birth_rate).toBeNull();
    expect(u?.input.values.policy_rate).toBe('92');
    const header = k.template.map.scoring.header.unitClass;
    const data = k.template.map.data;
    const rateRow = data.rows.find((x) => x.id === 'birth_rate')?.row ?? -1;
    expect(u?.record?.changes.map((c) => [c.field, c.address, c.signed, c.found])).toEqual([
      [
        'unitClass',
        header ? cellRef(k.template.map.scoring.sheet, header.row, header.col) : '?',
        'town',
        'farm',
      ],
      ['birth_rate', cellRef(data.sheet, rateRow, data.columns.value), null, '6'],
    ]);
    // 青山区 returned nothing.
    expect(r.missing.map((m) => [m.id, m.address])).toEqual([['qs', '单位名单!A3']]);
    expect(r.findings.missing).toBe(1);
    expect(r.findings.recordDiffers).toBe(1);
  });

  it('a unit whose two different files were both rejected is not listed as 未上报', () => {
    const a = unit('qs', '青山区', 'town', { policy_rate: 90, birth_rate: 8 });
    const b = unit('qs', '青山区', 'town', { policy_rate: 90, birth_rate: 8, pop: 1 });
    const r = reviewReturns(
      [
        { file: 'a.xlsx', grids: a.grids },
        { file: 'b.xlsx', grids: b.grids },
      ],
      rs,
      undefined,
      { record: { roster } },
    );
    expect(r.rejected.map((x) => x.reason)).toEqual(['duplicate-unit', 'duplicate-unit']);
    expect(r.missing.map((m) => m.id)).toEqual(['kdq']);
  });
});

describe('review with the previous summary’s counts (record.ts, --counters)', () => {
  it('a unit the previous summary does not list is flagged and keeps its counts for the signed ones to decide', () => {
    const k = unit('kdq', '昆都仑区', 'town', {});
    const read = readSheet(k.grids);
    if (!read.ok) throw new Error('fixture: the sheet does not read');
    const counts = { fail: { consecutive: 2, cumulative: 3 } };
    const { unit: scored, check } = applyRecord(
      { ...read.value, unit: { ...read.value.unit, counters: counts } },
      { counters: { file: 'q1.xlsx', units: new Map() } },
    );
    expect(check.inCounters).toBe(false);
    expect(recordFlagged(check)).toBe(true);
    expect(check.message?.zh).toBe(
      '上期汇总表(q1.xlsx)中没有单位“kdq”:上期计数无从按汇总表核对,按签发的(未签发的按表中所填)计,请核实',
    );
    // Never dropped: absent counts would read as none yet, and could only miss a sanction.
    expect(scored.counters).toEqual(counts);
  });
});
