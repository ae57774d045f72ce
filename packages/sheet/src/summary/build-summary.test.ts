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
    // Units as rows (ranking order), items as columns: readable for 200 units as for 3.
    const matrix = byName(summary.sheets, '指标得分');
    const rows = body(matrix);
    expect(rows.map((r) => r.slice(0, 2))).toEqual(cohort.units.map((u) => [u.unitId, u.name]));
    const header = matrix?.values[1] ?? [];
    expect(header.slice(2).map((h) => String(h).split('\n')[0])).toEqual([
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
    // Code, title and points, one per line: 一.1 is worth 4 points, the total 25.
    expect(header[3]).toBe('一.1\n符合政策生育率\n(4分)');
    expect(header.at(-1)).toBe('合计\n总分\n(25分)');
    expect(header.filter((h) => String(h).startsWith('加分\n'))).toEqual([
      `加分\n(${rs.bonus?.cap}分)`,
    ]);
    const col = header.findIndex((h) => String(h).startsWith('一.1\n'));
    expect(rows.map((r) => r[col])).toEqual(
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
      '否决.1「发生重大信访案件」',
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
    const matrix = byName(s.sheets, '指标得分');
    expect(body(matrix).map((r) => r[0])).toEqual(c.units.map((u) => u.unitId));
    const matrixKeys = matrix?.values[1]?.slice(2).map((h) => String(h).split('\n')[0]);
    expect(matrixKeys).toEqual(
      rowKeys(brs)
        .filter((r) => r.kind !== 'sanctions' && r.kind !== 'sanction')
        .map((r) => r.key),
    );
    // Each column prints the points the scoring sheet declares for its row, also where an item
    // does not apply to some units (一(四).要求: 4 points, applicable to four units of twelve).
    const { buildTemplate } = await import('../template/build-template.ts');
    const tpl = buildTemplate(brs);
    const scoring = tpl.sheets[0];
    const declared = new Map(
      tpl.map.scoring.rows.map((r) => [
        r.key,
        scoring?.values[r.row]?.[tpl.map.scoring.columns.points],
      ]),
    );
    for (const h of matrix?.values[1]?.slice(2) ?? []) {
      const lines = String(h).split('\n');
      const key = lines[0];
      const points = lines.length > 1 && lines.at(-1)?.startsWith('(') ? lines.at(-1) : undefined;
      const p = declared.get(key ?? '');
      expect([key, points]).toEqual([key, p === null ? undefined : `(${p}分)`]);
    }
    expect(matrix?.values[1]).toContain(
      '一(四).要求\n性别比在107–120的超出107部分下降10%,120以上的下降12%\n(4分)',
    );
    expect(s.differences).toBe(0);
  });
});

describe('the items × units sheet for 200 units', () => {
  it('runs the units down the pages and the items across, unit and item titles repeated', () => {
    const many: UnitInput[] = Array.from({ length: 200 }, (_, i) => ({
      id: `u${String(i + 1).padStart(3, '0')}`,
      name: `第${i + 1}单位`,
      values: { ...values, policy_rate: String(90 + (i % 10)) },
    }));
    const m = byName(buildSummary(scoreCohort(compileRuleSet(rs), many), rs).sheets, '指标得分');
    expect(body(m)).toHaveLength(200);
    expect(m?.values[1]).toHaveLength(2 + 11);
    // Printed at full size across pages: header row 2 and columns A:B on every page.
    expect(m).toMatchObject({ printAcross: true, printTitleRows: [1, 1], printTitleCols: [0, 1] });
    // The other sheets stay one page wide.
    expect(byName(buildSummary(cohort, rs).sheets, '排名')?.printAcross).toBeUndefined();
  });

  it('builds the sheets for a cohort of no units too (the pane asks it for the sheet names)', () => {
    const none = buildSummary(scoreCohort(compileRuleSet(rs), []), rs);
    expect(byName(none.sheets, '指标得分')?.values[1]).toEqual(['单位代码\nUnit id', '单位\nUnit']);
  });
});

describe('buildSummary with a share counted from the bottom', () => {
  it('gives each band its count from the bottom (后进: the lowest-ranked 10 %)', () => {
    const withBottom = ruleSetOf({
      ...fixtureInput,
      grades: {
        bands: [
          { id: 'adv', label: '先进', min: 0 },
          { id: 'back', label: '后进', min: null, fromBottom: { share: 10, rounding: 'ceil' } },
        ],
      },
    });
    const c = scoreCohort(compileRuleSet(withBottom), units);
    const s = buildSummary(c, withBottom);
    const sheet = byName(s.sheets, '等级');
    expect(sheet?.values[1]?.[5]).toBe('排名最后\nLowest-ranked');
    // 丙区 is vetoed (a petition case), out of the grades: 2 graded, ceil(10 % × 2) = ceil(0.2)
    // = 1 from the bottom; the top band has no count from the bottom.
    expect(body(sheet).map((r) => [r[0], r[1], r[5]])).toEqual([
      ['先进', 1, null],
      ['后进', 1, 1],
    ]);
    // The lower-ranked of the two graded units is the one taken (whatever its total).
    const graded = c.units.filter((u) => !u.vetoed);
    expect(graded.map((u) => u.grade)).toEqual(['adv', 'back']);
    expect(graded[1]!.gradeNotes.map((n) => n.zh)).toEqual(['排名在后10%(1个)之内,定为「后进」']);
    expect(c.units.find((u) => u.unitId === 'c')).toMatchObject({ vetoed: true, grade: null });
  });
});

describe('the 金额 sheet (money carried as output)', () => {
  const withAmounts = ruleSetOf({
    ...fixtureInput,
    amounts: [
      {
        id: 'subsidy',
        label: { zh: '人口补助', en: 'population subsidy' },
        unit: '元',
        amount: 'pop * 0.015',
      },
    ],
  });
  const cohortWith = scoreCohort(compileRuleSet(withAmounts), [
    { id: 'a', name: '甲区', values: { ...values, pop: '50000' } },
    { id: 'b', name: '乙区', values: { ...values, pop: '12345' } },
    { id: 'c', name: '丙区', values: { ...values, pop: null } },
  ]);
  const sheet = byName(buildSummary(cohortWith, withAmounts).sheets, '金额');

  it("lists each unit's amount, a pending one as 待定, and the sum of the decided ones", () => {
    // 50000 × 0.015 = 750; 12345 × 0.015 = 185.175 → 185.18 (to the fen, half-up); c: pop blank.
    const rows = body(sheet).map((r) => r.slice(0, 3));
    const a = rows.find((r) => r[0] === 'a');
    const b = rows.find((r) => r[0] === 'b');
    const c = rows.find((r) => r[0] === 'c');
    expect([a?.[2], b?.[2], c?.[2]]).toEqual([750, 185.18, '待定']);
    // 750 + 185.18 = 935.18; c is said to be left out.
    const last = body(sheet).at(-1);
    expect(last?.slice(0, 3)).toEqual(['合计', '', 935.18]);
    expect(last?.[3]).toBe('人口补助待定1个单位,未计入合计');
    expect(sheet?.values[1]?.[2]).toBe('人口补助(元)');
  });

  it('is not written for a rule set without amounts', () => {
    expect(byName(buildSummary(cohort, rs).sheets, '金额')).toBeUndefined();
  });
});

describe('sanctions on the ranking in the 差异 sheet', () => {
  const ranked = ruleSetOf({
    ...fixtureInput,
    sanctions: [
      ...(fixtureInput.sanctions ?? []),
      {
        id: 'last',
        level: 'interview',
        when: 'bottom_rank() <= 1',
        reason: '排名最后',
      },
    ],
  });
  const out = scoreCohort(compileRuleSet(ranked), units);
  it('a unit that reported 待定 for a sanction only the cohort decides is no difference', () => {
    // The lowest-ranked unit is interviewed (decided on the cohort); its own sheet said 待定.
    const last = out.units.at(-1);
    expect(last?.result.sanctions.map((s) => s.id)).toContain('last');
    const summary = buildSummary(out, ranked, {
      submissions: [
        {
          unitId: last?.unitId ?? '',
          embeddedChecksum: ruleSetChecksum(ranked),
          reported: { self: { '否决.last': '待定' }, review: {}, final: {} },
        },
      ],
    });
    expect(summary.differences).toBe(0);
  });
});
