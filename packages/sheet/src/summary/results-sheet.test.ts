import { describe, expect, it } from 'vitest';
import { compileRuleSet, scoreCohort, type UnitInput } from '@kaohe/engine';
import { goodValues, ruleSetOf } from '../__tests__/fixture.ts';
import { ruleSetChecksum } from '../checksum.ts';
import type { SheetGrid } from '../types.ts';
import { buildSummary } from './build-summary.ts';
import { readSummaryResults, RESULTS_SHEET } from './results-sheet.ts';

const rs = ruleSetOf();
const values = goodValues as UnitInput['values'];
const units: UnitInput[] = [
  { id: 'a', name: '甲区', values: { ...values, policy_rate: '95' } },
  { id: 'b', name: '乙区', values: { ...values, policy_rate: null } },
];
const cohort = scoreCohort(compileRuleSet(rs), units);
const grids = (): SheetGrid[] =>
  buildSummary(cohort, rs).sheets.map((s) => ({
    name: s.name,
    values: s.values.map((r) => [...r]),
    ...(s.state ? { state: s.state } : {}),
  }));

describe('the summary’s results (kaohe_results)', () => {
  it('every unit’s total, maximum and completeness read back as the cohort gave them', () => {
    const sheet = grids().find((g) => g.name === RESULTS_SHEET);
    expect(sheet?.state).toBe('veryHidden');
    const r = readSummaryResults(grids());
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect([r.value.ruleSetId, r.value.year, r.value.checksum]).toEqual([
      rs.id,
      rs.year,
      ruleSetChecksum(rs),
    ]);
    expect(r.value.units.map((u) => [u.unitId, u.total, u.max, u.complete])).toEqual(
      cohort.units.map((u) => [u.unitId, u.total, u.result.max, u.complete]),
    );
    // 乙区 left its policy rate blank: provisional, carried as such (never a complete 0).
    expect(r.value.units.find((u) => u.unitId === 'b')?.complete).toBe(false);
  });

  it('a workbook without it, or with a damaged row, is an error at the cell', () => {
    const none = readSummaryResults(grids().filter((g) => g.name !== RESULTS_SHEET));
    expect(!none.ok && none.issues.map((i) => [i.code, i.address])).toEqual([
      ['not-a-summary', 'kaohe_results!A1'],
    ]);
    const damaged = grids();
    const sheet = damaged.find((g) => g.name === RESULTS_SHEET) as SheetGrid;
    const row = sheet.values.findIndex((r) => r[0] === 'unit' && r[1] === 'a');
    const cells = sheet.values[row] as (string | number | boolean | null)[];
    cells[2] = String(cells[2]).replace(/"total":"[^"]*"/, '"total":""');
    const bad = readSummaryResults(damaged);
    expect(!bad.ok && bad.issues.map((i) => [i.code, i.address])).toEqual([
      ['summary-corrupt', `kaohe_results!C${row + 1}`],
    ]);
    expect(!bad.ok && bad.issues[0]?.message.zh).toContain('格式不符:.total');
  });
});
