import { describe, expect, it } from 'vitest';
import { InputDef } from '../schema/ruleset.ts';
import { withBaselines } from './baselines.ts';

const defs = [
  InputDef.parse({ id: 'quota', label: '生育计划', unit: '人', source: 'assigned' }),
  InputDef.parse({ id: 'ratio_prev', label: '上年性别比', unit: 'number', source: 'previous' }),
  InputDef.parse({ id: 'rate', label: '符合政策生育率', unit: '%' }),
];

describe('withBaselines', () => {
  it('fills blanks, keeps typed values and reports conflicts', () => {
    const units = [
      { id: 'a', name: '甲', values: { rate: 93, quota: null } },
      { id: 'b', name: '乙', values: { quota: '120', ratio_prev: '110.0' } },
    ];
    const { units: out, issues } = withBaselines(
      units,
      {
        assigned: { a: { quota: 100 }, b: { quota: 125 } },
        previous: { a: { ratio_prev: '112.5' }, b: { ratio_prev: 110 } },
      },
      defs,
    );
    expect(out[0]!.values).toEqual({ rate: 93, quota: 100, ratio_prev: '112.5' });
    expect(out[1]!.values).toEqual({ quota: '120', ratio_prev: '110.0' });
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['baseline-conflict', 'assigned.b.quota'],
    ]);
    expect(issues[0]!.message.zh).toBe(
      '单位「乙」(b)填报的「quota」为 120,与责任指标 125 不一致,保留单位填报值',
    );
    expect(issues[0]!.message.en).toBe(
      'unit "乙" (b) typed 120 for "quota", which differs from the assigned value 125: the typed value is kept',
    );
    expect(units[0]!.values.quota).toBeNull();
  });

  it('names unknown units and inputs, and inputs of another source', () => {
    const { issues } = withBaselines(
      [{ id: 'a', name: '甲', values: {} }],
      { assigned: { a: { nope: 1, rate: 92 }, z: { quota: 1 } } },
      defs,
    );
    expect(issues.map((i) => [i.code, i.severity, i.path])).toEqual([
      ['baseline-unknown-input', 'error', 'assigned.a.nope'],
      ['baseline-source-mismatch', 'warning', 'assigned.a.rate'],
      ['baseline-unknown-unit', 'warning', 'assigned.z'],
    ]);
  });
});
