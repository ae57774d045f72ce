import { describe, expect, it } from 'vitest';
import type { InputValue } from '@kaohe/engine';
import { fixtureInput, ruleSetOf, unit } from '../__tests__/fixture.ts';
import { readSheet } from '../read/read-sheet.ts';
import { buildTemplate } from './build-template.ts';
import { templateGrids } from './template-grids.ts';

const rs = ruleSetOf({
  ...fixtureInput,
  inputs: fixtureInput.inputs.map((i) =>
    i.id === 'policy_rate' ? { ...i, source: 'assigned' as const } : i,
  ),
});

describe('prefilled templates', () => {
  const values: Record<string, InputValue> = {
    policy_rate: '92.5',
    pop: '50000',
    group: true,
    budget: '0.1',
  };
  const previous: Record<string, InputValue> = {
    policy_rate: '33.333333333333333',
    birth_rate: '7.85',
  };
  const t = buildTemplate(rs, unit, { prefill: { values, previous } });

  it('reads prefilled figures back exactly, percentages included', () => {
    const r = readSheet(templateGrids(t));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.unit.values).toMatchObject({
      policy_rate: '92.5',
      pop: '50000',
      group: true,
      budget: '0.1',
    });
    expect(r.value.previous).toEqual(previous);
    expect(r.warnings.filter((w) => w.code !== 'blank-input')).toEqual([]);
  });

  it('locks an assigned target and leaves the unit’s own figures to fill', () => {
    const data = t.sheets[1];
    const hint = (id: string) =>
      data?.cells.find(
        (c) =>
          c.row === t.map.data.rows.find((x) => x.id === id)?.row &&
          c.col === t.map.data.columns.value,
      );
    expect(hint('policy_rate')?.kind).toBe('item');
    expect(hint('pop')?.kind).toBe('input');
    expect(hint('birth_rate')?.kind).toBe('input');
  });
});
