import { describe, expect, it } from 'vitest';
import { compileRuleSet, scoreCohort, type UnitInput } from '@kaohe/engine';
import { fixtureInput, goodValues, ruleSetOf } from '../__tests__/fixture.ts';
import { ruleSetChecksum } from '../checksum.ts';
import type { SheetLayout } from '../types.ts';
import { buildSummary } from './build-summary.ts';

const rs = ruleSetOf();
const values = goodValues as UnitInput['values'];
const units: UnitInput[] = [
  { id: 'a', name: '甲区', values: { ...values, policy_rate: '95' } },
  { id: 'b', name: '乙区', values: { ...values, policy_rate: '89.5', award: true } },
  { id: 'c', name: '丙区', values: { ...values, policy_rate: '99', petitions: '2' } },
];
const cohort = scoreCohort(compileRuleSet(rs), units);
const body = (s: SheetLayout | undefined) => s?.values.slice(2) ?? [];
const byName = (sheets: SheetLayout[], name: string) => sheets.find((s) => s.name === name);

describe('buildSummary', () => {
  const a = cohort.units.find((u) => u.unitId === 'a')?.result;
  const summary = buildSummary(cohort, rs, {
    submissions: [
      {
        unitId: 'a',
        embeddedChecksum: ruleSetChecksum(rs),
        reported: {
          self: {
            一: a?.sections[0]?.score ?? null,
            '一.1': '3',
            合计: '30',
            '否决.petition': '是',
          },
          review: {},
          final: {},
        },
      },
      {
        unitId: 'b',
        embeddedChecksum: ruleSetChecksum(ruleSetOf({ ...fixtureInput, edition: 2 })),
      },
      // Rules edited behind an unchanged checksum field: listed although the checksum is the reviewer's.
      { unitId: 'c', embeddedChecksum: ruleSetChecksum(rs), rulesAltered: true },
    ],
  });

  it('ranks the cohort, vetoed units last, with their totals as numbers', () => {
    const rows = body(byName(summary.sheets, '排名'));
    expect(rows.map((r) => [r[0], r[1], r[5]])).toEqual(
      cohort.units.map((u) => [u.rank, u.unitId, u.vetoed ? '是' : '否']),
    );
    expect(rows.at(-1)?.[1]).toBe('c');
    expect(rows.map((r) => r[3])).toEqual(cohort.units.map((u) => Number(u.total)));
  });

  it('lists vetoes and sanctions per unit', () => {
    expect(body(byName(summary.sheets, '否决'))).toEqual([
      ['c', '丙区', '一票否决', '发生重大信访案件', ''],
    ]);
  });

  it('publishes section scores and the items × units matrix', () => {
    const sections = body(byName(summary.sheets, '分项得分'));
    expect(sections.map((r) => [r[0], r.at(-1)])).toEqual(
      cohort.units.map((u) => [u.unitId, Number(u.total)]),
    );
    expect(sections.map((r) => r[2])).toEqual(
      cohort.units.map((u) => Number(u.result.sections[0]?.score)),
    );
    const matrix = byName(summary.sheets, '指标得分');
    expect(matrix?.values[1]?.slice(3)).toEqual(cohort.units.map((u) => u.name));
    const rows = body(matrix);
    expect(rows.map((r) => r[0])).toEqual([
      '一',
      '一.1',
      '一.2',
      '一.3',
      '一.3.(1)',
      '一.3.(2)',
      '二',
      '二.1',
      '加分',
      '加分.1',
      '合计',
    ]);
    const item = rows.find((r) => r[0] === '一.1');
    expect(item?.slice(3)).toEqual(
      cohort.units.map((u) => Number(u.result.sections[0]?.items[0]?.score)),
    );
  });

  it('lists reported scores that differ from the recomputed ones, exactly, and foreign rules', () => {
    const rows = body(byName(summary.sheets, '差异'));
    const total = Number(a?.total);
    expect(rows).toContainEqual([
      'a',
      '甲区',
      '合计',
      30,
      total,
      Number((30 - total).toFixed(2)),
      expect.any(String),
    ]);
    // Items by 序号 and title, a sanction by its reason: no ids where a person reads.
    expect(rows).toContainEqual(['a', '甲区', '一.1 符合政策生育率', 3, 4, -1, expect.any(String)]);
    expect(rows.some((r) => r[0] === 'a' && String(r[2]).startsWith('一 '))).toBe(false);
    expect(rows).toContainEqual([
      'a',
      '甲区',
      '否决「发生重大信访案件」',
      '是',
      '否',
      null,
      expect.any(String),
    ]);
    expect(rows).toContainEqual([
      'b',
      '乙区',
      '规则校验码 / rules checksum',
      expect.stringMatching(/^[0-9a-f]{64}$/),
      ruleSetChecksum(rs),
      null,
      expect.any(String),
    ]);
    expect(rows).toContainEqual([
      'c',
      '丙区',
      '规则校验码 / rules checksum',
      ruleSetChecksum(rs),
      ruleSetChecksum(rs),
      null,
      expect.stringContaining('表内规则被改动'),
    ]);
    expect(rows.filter((r) => r[2] === '规则校验码 / rules checksum').map((r) => r[0])).toEqual([
      'b',
      'c',
    ]);
    expect(summary.differences).toBe(rows.length);
  });
});

describe('buildSummary on the Baotou 2012 sample cohort', () => {
  it('publishes every unit, every band and every indicator', async () => {
    const { baotou2012, baotou2012SampleUnits } = await import('@kaohe/rulesets');
    const { rowKeys } = await import('../template/row-keys.ts');
    const brs = ruleSetOf(baotou2012);
    const c = scoreCohort(compileRuleSet(brs), baotou2012SampleUnits);
    const s = buildSummary(c, brs);
    expect(body(byName(s.sheets, '排名'))).toHaveLength(baotou2012SampleUnits.length);
    const bands = body(byName(s.sheets, '等级'));
    expect(bands).toHaveLength(brs.grades?.bands.length ?? 0);
    expect(bands.reduce((n, r) => n + Number(r[1]), 0)).toBe(c.grades?.graded);
    const matrixKeys = body(byName(s.sheets, '指标得分')).map((r) => r[0]);
    expect(matrixKeys).toEqual(
      rowKeys(brs)
        .filter((r) => r.kind !== 'sanctions' && r.kind !== 'sanction')
        .map((r) => r.key),
    );
    expect(s.differences).toBe(0);
  });
});
