// planRollup: a township's figures from its villages' returned workbooks (the cascade rule sets),
// the decisions `kaohe rollup` and the pane's 汇总下级 share.
import { parseRuleSet, type RuleSet, type UnitInput } from '@kaohe/engine';
import { cascadeTownship, cascadeVillage } from '@kaohe/rulesets';
import { ROLLED_UP, TOWNSHIP, VILLAGES } from '@kaohe/test-utils';
import { describe, expect, it } from 'vitest';
import { a1 } from '../a1.ts';
import { FILLS } from '../formats.ts';
import { signingKey } from '../__tests__/fixture.ts';
import { readSheet } from '../read/read-sheet.ts';
import { buildTemplate } from '../template/build-template.ts';
import type { SheetGrid } from '../types.ts';
import { applyToGrids } from '../write/apply-to-grids.ts';
import { fillWrites } from '../write/fill-writes.ts';
import { publishEdition, type TrustStore } from '../editions/edition.ts';
import { signPrefill } from '../editions/prefill.ts';
import { readReturn } from './review.ts';
import { planRollup } from './rollup.ts';

const parsed = (json: unknown): RuleSet => {
  const p = parseRuleSet(json);
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return p.value;
};
const village = parsed(cascadeVillage);
const township = parsed(cascadeTownship);

// The six villages and the township's figures from them, worked by hand: @kaohe/test-utils.
function filled(rules: RuleSet, unit: UnitInput): SheetGrid[] {
  const t = buildTemplate(rules, { id: unit.id, name: unit.name });
  return applyToGrids(t.sheets, fillWrites(rules, t.map.data, unit));
}

function parent() {
  const grids = filled(township, TOWNSHIP);
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
    expect(plan.figures.map((f) => [f.def.id, f.value])).toEqual(Object.entries(ROLLED_UP));
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

// With a trust list (kaohe rollup --trust; the pane's imported keys): each child's workbook is
// signed by the township — its rules as an edition, last year's 符合政策生育率 (90) as its signed
// prefill. A child whose rules' signature fails, or whose prefill is not as signed, is not counted:
// every figure blank, naming its file and the cell.
describe('planRollup with a trust list', () => {
  const township = signingKey('某镇人民政府', [2015, 2016]);
  const stranger = signingKey('某乡人民政府', [2015, 2016]);
  const trust: TrustStore = { keys: [township.key], revoked: [] };
  const prefill = { previous: { policy_rate: '90' } };

  /** A village's workbook: rules and prefill signed by `by`, filled, then `edit` done to it. */
  function signedChild(
    v: UnitInput,
    by = township,
    edit: (g: SheetGrid[], map: ReturnType<typeof buildTemplate>['map']) => void = () => {},
  ): SheetGrid[] {
    const edition = publishEdition(village, { ...by, issuedAt: '2015-01-05T00:00:00Z' });
    const prefillSignature = signPrefill(edition, v, prefill, {
      ...by,
      issuedAt: '2015-01-06T00:00:00Z',
    });
    const t = buildTemplate(village, v, { edition, prefill, prefillSignature });
    const grids = applyToGrids(t.sheets, fillWrites(village, t.map.data, v));
    edit(grids, t.map);
    return grids;
  }
  const plan = (children: SheetGrid[][]) => {
    const p = parent();
    return planRollup({
      parent: p.read,
      parentGrids: p.grids,
      childRules: village,
      children: children.map((grids, i) =>
        readReturn({ file: `${VILLAGES[i]!.name}.xlsx`, grids }, i, village),
      ),
      roster,
      trust,
    });
  };

  it('children signed by a trusted key, untouched: counted', () => {
    const p = plan(VILLAGES.map((v) => signedChild(v)));
    expect(p.unusable).toEqual([]);
    expect(p.figures.map((f) => [f.def.id, f.value])).toEqual(Object.entries(ROLLED_UP));
  });

  it('a child whose rules’ signature fails is not counted, naming its file and the signature’s cell', () => {
    const p = plan(VILLAGES.map((v) => signedChild(v, v.id === 'v2' ? stranger : township)));
    expect(p.figures.map((f) => f.value)).toEqual([null, null, null]);
    expect(p.unusable.map((u) => u.unitId)).toEqual(['v2']);
    const why = p.unusable[0]?.why;
    expect(why?.zh).toMatch(/^\(二村\.xlsx\)规则签名未通过核验\(kaohe_meta!B\d+\):/);
    expect(why?.en).toMatch(
      /^二村\.xlsx: its rules failed signature verification \(kaohe_meta!B\d+\): /,
    );
    // At each figure, in the issue the apps print.
    expect(p.figures[0]?.issues.map((i) => i.message.zh).join()).toContain(
      '下级单位「二村」(二村.xlsx)规则签名未通过核验(kaohe_meta!B',
    );
  });

  it('a child whose prefilled figure is not as signed is not counted, naming its file and cell', () => {
    let cell = '';
    const p = plan(
      VILLAGES.map((v) =>
        signedChild(v, township, (grids, map) => {
          if (v.id !== 'v3') return;
          // 三村 raises last year's rate it was issued (90 → 95), so that this year looks better.
          const row = map.data.rows.find((r) => r.id === 'policy_rate')!.row;
          const data = grids.find((g) => g.name === map.data.sheet)!;
          data.values[row]![map.data.columns.previous] = 0.95;
          cell = `${map.data.sheet}!${a1(row, map.data.columns.previous)}`;
        }),
      ),
    );
    expect(p.figures.map((f) => f.value)).toEqual([null, null, null]);
    expect(p.unusable.map((u) => [u.unitId, u.why.zh])).toEqual([
      [
        'v3',
        `(三村.xlsx)预填指标未通过核验:预填指标已被改动:符合政策生育率(%)(上年数据) ${cell} 签发为 90,现为 95`,
      ],
    ]);
    expect(p.unusable[0]?.why.en).toBe(
      `三村.xlsx: its prefilled figures failed verification: prefill altered: policy_rate (last year) at ${cell} was issued as 90, now 95`,
    );
  });

  it('a child whose signed prefill was swapped for another’s is not counted, naming the cell', () => {
    const other = signedChild(VILLAGES[0]!);
    const p = plan(
      VILLAGES.map((v) =>
        signedChild(v, township, (grids) => {
          if (v.id !== 'v4') return;
          // 四村 pastes 一村's signed prefill over its own.
          const meta = (g: SheetGrid[]) => g.find((x) => x.name === 'kaohe_meta')!;
          const row = meta(grids).values.findIndex((r) => r[0] === 'prefill');
          meta(grids).values[row]![1] = meta(other).values[row]![1]!;
        }),
      ),
    );
    expect(p.unusable.map((u) => u.unitId)).toEqual(['v4']);
    expect(p.unusable[0]?.why.zh).toMatch(
      /^\(四村\.xlsx\)预填指标未通过核验:预填指标已被改动:单位代码 考核评分!/,
    );
    expect(p.figures.map((f) => f.value)).toEqual([null, null, null]);
  });
});
