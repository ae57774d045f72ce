// planRollup: a township's figures from its villages' returned workbooks (the cascade rule sets),
// the decisions `kaohe rollup` and the pane's 汇总下级 share.
import { parseRuleSet, type RuleSet, type UnitInput } from '@kaohe/engine';
import { cascadeTownship, cascadeVillage } from '@kaohe/rulesets';
import { describe, expect, it } from 'vitest';
import { a1 } from '../a1.ts';
import { FILLS } from '../formats.ts';
import { readSheet } from '../read/read-sheet.ts';
import { buildTemplate } from '../template/build-template.ts';
import type { SheetGrid } from '../types.ts';
import { applyToGrids } from '../write/apply-to-grids.ts';
import { fillWrites } from '../write/fill-writes.ts';
import { readReturn } from './review.ts';
import { planRollup } from './rollup.ts';

const parsed = (json: unknown): RuleSet => {
  const p = parseRuleSet(json);
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return p.value;
};
const village = parsed(cascadeVillage);
const township = parsed(cascadeTownship);

// By hand, as in the CLI's rollup test: totals 100, 80, 85, 85, 90, 90 → 达标 (≥ 85) 5 of 6 =
// 83.33 %; 一.2 met by v1 v3 v4 v5: 4 of 6 = 66.67 %; unsigned v3, v5: 2 × −0.5 = −1.
const VILLAGES: UnitInput[] = (
  [
    ['v1', '一村', true, true, '95', '9'],
    ['v2', '二村', true, false, '90', '8'],
    ['v3', '三村', false, true, '92', '7.5'],
    ['v4', '四村', true, true, '89', '8'],
    ['v5', '五村', false, true, '93', '10'],
    ['v6', '六村', true, false, '95', '9'],
  ] as const
).map(([id, name, signed, selfGov, rate, members]) => ({
  id,
  name,
  values: { signed, self_gov: selfGov, policy_rate: rate, members_share: members },
}));

function filled(rules: RuleSet, unit: UnitInput): SheetGrid[] {
  const t = buildTemplate(rules, { id: unit.id, name: unit.name });
  return applyToGrids(t.sheets, fillWrites(rules, t.map.data, unit));
}

function parent() {
  const grids = filled(township, { id: 't1', name: '某镇', values: { policy_rate: '93' } });
  const read = readSheet(grids);
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return { grids, read: read.value };
}

const roster = new Map(VILLAGES.map((v) => [v.id, v.name]));

describe('planRollup', () => {
  it('fills the figures whose source is the children, naming the files; writes nothing else', () => {
    const p = parent();
    const plan = planRollup({
      parent: p.read,
      parentGrids: p.grids,
      childRules: village,
      children: VILLAGES.map((v, i) =>
        readReturn({ file: `${v.name}.xlsx`, grids: filled(village, v) }, i, village),
      ),
      roster,
    });
    expect(plan.figures.map((f) => [f.def.id, f.value])).toEqual([
      ['villages_qualified', '83.33'],
      ['self_gov_share', '66.67'],
      ['unsigned_cut', '-1'],
    ]);
    expect(plan.unusable).toEqual([]);
    expect(plan.figures[0]?.words?.zh).toContain('六村.xlsx');
    // Only the rolled-up rows' value and note cells; 政策符合率 (typed by the township) untouched.
    const data = p.read.map.data;
    const rowOf = (id: string) => data.rows.find((r) => r.id === id)!.row;
    const allowed = new Set(
      ['villages_qualified', 'self_gov_share', 'unsigned_cut'].flatMap((id) => [
        a1(rowOf(id), data.columns.value),
        a1(rowOf(id), data.columns.note),
      ]),
    );
    expect(plan.writes.every((w) => w.sheet === data.sheet && allowed.has(w.address))).toBe(true);
    expect(
      plan.writes.some((w) => w.address === a1(rowOf('policy_rate'), data.columns.value)),
    ).toBe(false);
  });

  it('a child missing, or whose rules were altered, is not counted: the figures stay blank, naming it', () => {
    const p = parent();
    const children = VILLAGES.slice(0, 5).map((v, i) =>
      readReturn({ file: `${v.name}.xlsx`, grids: filled(village, v) }, i, village),
    );
    const plan = planRollup({
      parent: p.read,
      parentGrids: p.grids,
      childRules: village,
      children,
      roster,
    });
    expect(plan.figures.map((f) => f.value)).toEqual([null, null, null]);
    expect(plan.unusable.map((u) => u.unitId)).toEqual(['v6']);
    // Blank (a stale figure never stays), and marked as an unscored cell.
    const data = p.read.map.data;
    const values = plan.figures.map((f) => {
      const row = data.rows.find((r) => r.id === f.def.id)!.row;
      return plan.writes.find((w) => w.address === a1(row, data.columns.value));
    });
    expect(values.map((w) => w?.values[0]?.[0])).toEqual(['', '', '']);
    expect(values.every((w) => w?.fills?.[0]?.[0] === FILLS.unscored)).toBe(true);
  });

  it('a child not on the roster is not counted, and one named otherwise there is noted', () => {
    const p = parent();
    const extra: UnitInput = { ...VILLAGES[0]!, id: 'v7', name: '七村' };
    const children = [...VILLAGES, extra].map((v, i) =>
      readReturn({ file: `${v.name}.xlsx`, grids: filled(village, v) }, i, village),
    );
    const plan = planRollup({
      parent: p.read,
      parentGrids: p.grids,
      childRules: village,
      children,
      roster: new Map([...roster, ['v6', '第六村']]),
    });
    expect(plan.unusable).toEqual([
      {
        unitId: 'v7',
        name: '七村',
        why: { zh: '不在下级单位名单中', en: 'is not on the roster of the children' },
      },
    ]);
    expect(plan.notes.map((n) => n.zh)).toEqual([
      '单位代码 v6:名单中为「第六村」,考核表中为「六村」',
    ]);
    expect(plan.figures.map((f) => f.value)).toEqual([null, null, null]);
  });
});
