import { describe, expect, it } from 'vitest';
import { parseRuleSet } from '@kaohe/engine';
import { fmt, q } from '@kaohe/engine/internal';
import { baotou2012, baotou2012SampleUnits } from '@kaohe/rulesets';
import { readSheet } from '../read/read-sheet.ts';
import { buildTemplate } from '../template/build-template.ts';
import { templateGrids } from '../template/template-grids.ts';
import { applyToGrids } from './apply-to-grids.ts';
import { fillWrites } from './fill-writes.ts';

const parsed = parseRuleSet(baotou2012);
if (!parsed.ok) throw new Error('baotou2012 does not parse');
const rs = parsed.value;

describe('fillWrites', () => {
  it('fills a unit’s figures and evidence so that they read back exactly', () => {
    for (const unit of baotou2012SampleUnits.slice(0, 4)) {
      const t = buildTemplate(rs, unit);
      const writes = fillWrites(rs, t.map.data, unit);
      expect(writes.every((w) => w.sheet === t.map.data.sheet)).toBe(true);
      const r = readSheet(applyToGrids(templateGrids(t), writes), { ruleSet: rs });
      if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 3)));
      const canon = (v: unknown) =>
        typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? fmt(q(v)) : (v ?? null);
      for (const def of rs.inputs)
        expect(canon(r.value.unit.values[def.id]), `${unit.id}.${def.id}`).toEqual(
          canon(unit.values[def.id]),
        );
      expect(r.warnings.filter((w) => w.code !== 'blank-input')).toEqual([]);
    }
  });
});
