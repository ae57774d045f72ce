// The assessing level's roster as a clerk keeps it: Chinese headers, figures typed as officials
// type them, and every problem at its cell.
import { describe, expect, it } from 'vitest';
import { fixtureInput, ruleSetOf } from '../__tests__/fixture.ts';
import type { CellValue, SheetGrid } from '../types.ts';
import { readRoster } from './read-roster.ts';

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
const grid = (values: CellValue[][]): SheetGrid => ({ name: '单位名单', values });
const HEAD = [
  '序号',
  '单位代码',
  '单位名称',
  '单位类别',
  '符合政策生育率(%)',
  '出生率',
  '上年:常住人口',
];

describe('readRoster', () => {
  it('reads ids, names, classes, targets and last year’s figures as officials type them', () => {
    const r = readRoster(
      grid([
        ['2013年考核单位名单'],
        HEAD,
        [1, 'kdq', '昆都仑区', '镇', '９２％', '7.85‰', '5万人'],
        [null, null, null, null, null, null, null],
        [2, 'dm', '达茂旗', 'farm', 0.9, 8, '1,234'],
      ]),
      rs,
    );
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.units).toEqual([
      {
        id: 'kdq',
        name: '昆都仑区',
        class: 'town',
        prefill: { values: { policy_rate: '92', birth_rate: '7.85' }, previous: { pop: '50000' } },
        address: '单位名单!B3',
      },
      {
        id: 'dm',
        name: '达茂旗',
        class: 'farm',
        prefill: { values: { policy_rate: '90', birth_rate: '8' }, previous: { pop: '1234' } },
        address: '单位名单!B5',
      },
    ]);
    // 0.9 for a rate is read as 90 %, and said so at its cell.
    expect(r.issues.map((i) => [i.code, i.address])).toEqual([
      ['ambiguous-percent', '单位名单!E5'],
    ]);
  });

  it('names every problem at its cell: unknown column, duplicate id, unknown class, unreadable and blank targets', () => {
    const r = readRoster(
      grid([
        [...HEAD, '常驻人口', '计生经费'],
        [1, 'kdq', '昆都仑区', '镇', '九十二', null, null, null, null],
        [2, 'kdq', '青山区', '乡', '-', null, null, null, null],
        [3, null, '东河区', null, 92, null, null, null, null],
      ]),
      rs,
    );
    expect(r.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.address])).toEqual([
      ['roster-column-unknown', '单位名单!H1'],
      ['roster-column-not-prefill', '单位名单!I1'],
      ['not-a-number', '单位名单!E2'],
      ['roster-duplicate', '单位名单!B3'],
      ['class-invalid', '单位名单!D3'],
      ['roster-target-blank', '单位名单!E3'],
      ['unit-missing', '单位名单!B4'],
      ['roster-class-blank', '单位名单!D4'],
    ]);
    const dup = r.issues.find((i) => i.code === 'roster-duplicate');
    expect(dup?.message.zh).toBe('单位代码“kdq”与 单位名单!B2 重复');
    // A blank target is never a 0 in the prefill.
    expect(r.units[1]?.prefill.values).toEqual({});
  });

  it('a list without 单位代码 and 单位名称 has no header row', () => {
    const r = readRoster(grid([['名称', '指标']]), rs);
    expect(r.issues.map((i) => i.code)).toEqual(['roster-header-missing']);
  });
});
