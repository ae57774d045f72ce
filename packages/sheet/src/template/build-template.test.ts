import { describe, expect, it } from 'vitest';
import { canonicalRuleSet, fingerprint, ruleSetChecksum } from '../checksum.ts';
import { fixtureInput, ruleSetOf, unit } from '../__tests__/fixture.ts';
import { buildTemplate } from './build-template.ts';

describe('buildTemplate', () => {
  const rs = ruleSetOf();
  const t = buildTemplate(rs, unit);
  const [scoring, data, meta] = t.sheets;

  it('lays out the scoring sheet with the required columns and keyed rows in document order', () => {
    expect(scoring?.name).toBe('考核评分');
    const header = scoring?.values[t.map.scoring.headerRow]?.map((c) => String(c).split('\n')[0]);
    expect(header).toEqual([
      '序号',
      '考核项目',
      '考核内容及评分标准',
      '分值',
      '数据项',
      '自评得分',
      '初审得分',
      '复核得分',
      '扣分原因',
      '备注',
    ]);
    expect(t.map.scoring.rows.map((r) => `${r.kind}:${r.key}`)).toEqual([
      'section:一',
      'item:一.1',
      'item:一.2',
      'item:一.3',
      'item:一.3.(1)',
      'item:一.3.(2)',
      'section:二',
      'item:二.1',
      'bonus:加分',
      'bonus-item:加分.1',
      'sanctions:否决',
      'sanction:否决.petition',
      'total:合计',
    ]);
    const row = (key: string) =>
      scoring?.values[t.map.scoring.rows.find((r) => r.key === key)?.row ?? -1];
    expect(row('一.1')?.slice(0, 5)).toEqual([
      '一.1',
      '符合政策生育率',
      '符合政策生育率达到92%,每低1个百分点扣0.5分',
      4,
      '符合政策生育率(%)\n政策外生育',
    ]);
    expect(row('合计')?.[3]).toBe(25);
    expect(scoring?.values[0]?.[0]).toBe('2012年度人口和计划生育目标管理责任制考核');
  });

  it("shows a piecewise item's breakpoints when the document gives no criteria", () => {
    // 一.1 scored 按比例分段 instead: 90% → 1, 95% → 3, 100% → 4, nothing below 90%.
    const [first, ...rest] = fixtureInput.sections;
    const [, ...items] = first?.items ?? [];
    const input = {
      ...fixtureInput,
      sections: [
        {
          ...first,
          items: [
            {
              code: '1',
              title: '符合政策生育率',
              points: 4,
              rule: {
                kind: 'piecewise',
                value: 'policy_rate',
                breakpoints: [
                  { at: 90, points: 1 },
                  { at: 95, points: 3 },
                  { at: 100, points: 4 },
                ],
                beforeFirst: 'zero',
              },
            },
            ...items,
          ],
        },
        ...rest,
      ],
    } as typeof fixtureInput;
    const tp = buildTemplate(ruleSetOf(input), unit);
    const sheet = tp.sheets[0];
    const row = sheet?.values[tp.map.scoring.rows.find((r) => r.key === '一.1')?.row ?? -1];
    expect(row?.[2]).toBe(
      '按比例分段计分:90%得1分,95%得3分,100%得4分,之间按比例;低于90%不得分,高于100%按4分计',
    );
  });

  it('puts issuer, unit, year, rule set, edition and checksum in the header', () => {
    const cell = (p: { row: number; col: number } | undefined) =>
      p ? scoring?.values[p.row]?.[p.col] : undefined;
    const h = t.map.scoring.header;
    expect([
      cell(h.issuer),
      cell(h.unitName),
      cell(h.unitId),
      cell(h.year),
      cell(h.ruleSetId),
      cell(h.edition),
      cell(h.checksum),
    ]).toEqual([
      '测试市人民政府',
      '昆都仑区',
      'kdq',
      2012,
      'test-pop',
      3,
      fingerprint(ruleSetChecksum(rs)),
    ]);
    expect(t.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lists one data row per input, with formats for % and ‰ and 是/否 lists', () => {
    expect(t.map.data.rows.map((r) => r.id)).toEqual(fixtureInput.inputs.map((i) => i.id));
    const hint = (id: string, col: number) =>
      data?.cells.find(
        (c) => c.row === t.map.data.rows.find((r) => r.id === id)?.row && c.col === col,
      );
    const value = t.map.data.columns.value;
    expect(hint('policy_rate', value)).toMatchObject({
      kind: 'input',
      format: 'percent',
      required: true,
    });
    expect(hint('birth_rate', value)).toMatchObject({ kind: 'input', format: 'permille' });
    expect(hint('group', value)).toMatchObject({ kind: 'input', list: ['是', '否'] });
    expect(hint('illegal', value)?.required).toBe(false);
    expect(hint('group', t.map.data.columns.evidence)?.required).toBe(true);
  });

  it('embeds the canonical rule set in a very hidden meta sheet, whatever the key order', () => {
    expect(meta?.state).toBe('veryHidden');
    const reordered = ruleSetOf(
      Object.fromEntries(Object.entries(fixtureInput).reverse()) as typeof fixtureInput,
    );
    expect(ruleSetChecksum(reordered)).toBe(t.checksum);
    const json = meta?.values
      .filter((r) => r[0] === 'json')
      .map((r) => r[1])
      .join('');
    expect(json).toBe(canonicalRuleSet(rs));
  });

  it('chunks a long rule set under the 32,767-character cell limit', () => {
    const long = buildTemplate(ruleSetOf({ ...fixtureInput, notes: ['注'.repeat(70000)] }), unit);
    const chunks =
      long.sheets[2]?.values.filter((r) => r[0] === 'json').map((r) => String(r[1])) ?? [];
    expect(chunks.length).toBe(3);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(32767);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(buildTemplate(rs, unit))).toBe(JSON.stringify(t));
  });

  it('leaves the unit cells to fill when no unit is given', () => {
    const blank = buildTemplate(rs);
    const p = blank.map.scoring.header.unitName;
    expect(blank.sheets[0]?.cells.find((c) => c.row === p?.row && c.col === p?.col)?.kind).toBe(
      'input',
    );
  });
});
