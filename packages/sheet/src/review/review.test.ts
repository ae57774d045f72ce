import { compileRuleSet, scoreUnit, type RuleSetInput } from '@kaohe/engine';
import { describe, expect, it } from 'vitest';
import { fill, fixtureInput, goodValues, ruleSetOf } from '../__tests__/fixture.ts';
import { buildTemplate } from '../template/build-template.ts';
import type { CellValue, SheetGrid, SheetLayout } from '../types.ts';
import { applyToGrids } from '../write/apply-to-grids.ts';
import { planWrites } from '../write/plan-writes.ts';
import { readSheet } from '../read/read-sheet.ts';
import { reviewReturns, type Returned } from './review.ts';

const rs = ruleSetOf();

/** A unit's workbook, filled with `values` and, unless `scored` is false, self-assessed. */
function returned(
  id: string,
  name: string,
  values: Record<string, CellValue> = goodValues,
  options: { scored?: boolean; ruleSet?: typeof rs; edit?: (g: SheetGrid[]) => void } = {},
): SheetGrid[] {
  const rules = options.ruleSet ?? rs;
  const t = buildTemplate(rules, { id, name });
  let grids = fill(t, values);
  if (options.scored !== false) {
    const read = readSheet(grids);
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    const result = scoreUnit(compileRuleSet(rules), read.value.unit);
    grids = applyToGrids(grids, planWrites(t.map, result, 'self'));
  }
  options.edit?.(grids);
  return grids;
}

const body = (s: SheetLayout | undefined) => s?.values.slice(2) ?? [];
const sheet = (r: ReturnType<typeof reviewReturns>, name: string) =>
  r.summary.sheets.find((s) => s.name === name);

describe('reviewReturns: one review for the CLI and the pane', () => {
  it('counts the same file seen twice once, with a note; two files claiming one unit are both named, neither ranked', () => {
    const qsq = returned('qsq', '青山区');
    const files: Returned[] = [
      { file: 'a/青山区.xlsx', grids: qsq },
      { file: 'b/青山区 (1).xlsx', grids: qsq.map((g) => ({ ...g })) },
      { file: '东河区.xlsx', grids: returned('dhq', '东河区') },
    ];
    const once = reviewReturns(files, rs);
    expect(once.units.map((u) => [u.name, u.file, u.sameAs.map((s) => s.file)])).toEqual([
      ['东河区', '东河区.xlsx', []],
      ['青山区', 'a/青山区.xlsx', ['b/青山区 (1).xlsx']],
    ]);
    expect(once.rejected).toEqual([]);

    // Another file claims 青山区 with other figures: both are findings naming the other.
    const other = returned('qsq', '青山区', { ...goodValues, policy_rate: 80 });
    const twice = reviewReturns([...files, { file: 'c/青山区.xlsx', grids: other }], rs);
    expect(twice.units.map((u) => u.name)).toEqual(['东河区']);
    expect(twice.rejected.map((r) => [r.file, r.reason])).toEqual([
      ['a/青山区.xlsx', 'duplicate-unit'],
      ['b/青山区 (1).xlsx', 'duplicate-unit'],
      ['c/青山区.xlsx', 'duplicate-unit'],
    ]);
    expect(twice.rejected[0]?.message.zh).toContain('c/青山区.xlsx');
    expect(twice.rejected[2]?.message.zh).toContain('a/青山区.xlsx');
    expect(body(sheet(twice, '未纳入')).map((r) => r[0])).toEqual([
      'a/青山区.xlsx',
      'b/青山区 (1).xlsx',
      'c/青山区.xlsx',
    ]);
  });

  it('flags a sheet filled but never self-scored once (未自评), not item by item', () => {
    const r = reviewReturns(
      [{ file: '青山区.xlsx', grids: returned('qsq', '青山区', goodValues, { scored: false }) }],
      rs,
    );
    expect(r.units[0]).toMatchObject({ stage: null, differences: [] });
    expect(r.findings).toMatchObject({ notScored: 1, differences: 0 });
    expect(body(sheet(r, '差异'))).toEqual([]);
    expect(String(body(sheet(r, '排名'))[0]?.[8])).toContain('未自评');
  });

  it('an undecided sanction reported 待定 is 待定 on both sides, not a difference', () => {
    // petitions left blank (no blankMeans): the veto on petitions > 0 cannot be decided.
    const r = reviewReturns(
      [{ file: 'x.xlsx', grids: returned('qsq', '青山区', { ...goodValues, petitions: null }) }],
      rs,
    );
    const u = r.units[0];
    expect(u?.read.reported.self['否决.petition']).toBe('待定');
    expect(u?.differences.filter((d) => d.key.startsWith('否决.'))).toEqual([]);
  });

  it('treats other rules under the same id and edition (valid checksum) as altered, and says what changed', () => {
    // The embedded edition 3 lowers 一.1's floor from 92 % to 90 %, under a valid checksum.
    const input = JSON.parse(JSON.stringify(fixtureInput)) as RuleSetInput & {
      sections: { items: { rule: { target: number } }[] }[];
    };
    const first = input.sections[0]?.items[0];
    if (!first) throw new Error('fixture: no first item');
    first.rule.target = 90;
    const theirs = ruleSetOf(input);
    expect(theirs.edition).toBe(rs.edition);
    const r = reviewReturns(
      [{ file: 'x.xlsx', grids: returned('qsq', '青山区', goodValues, { ruleSet: theirs }) }],
      rs,
    );
    expect(r.units[0]?.rules).toBe('altered');
    expect(r.findings).toMatchObject({ rulesDiffer: 1, rulesAltered: 1 });
    const changes = r.units[0]?.ruleChanges ?? [];
    expect(changes.map((c) => c.path)).toEqual(['一.1']);
    expect(changes[0]?.message.zh).toMatch(/90.*92/);
    expect(body(sheet(r, '差异')).some((row) => String(row[2]).includes('一.1'))).toBe(true);
    expect(String(body(sheet(r, '排名'))[0]?.[8])).toContain('规则被改动');
  });

  it('ranks the readable returns and lists each rejected file with its reason', () => {
    const other = ruleSetOf({ ...fixtureInput, id: 'other-set' });
    const r = reviewReturns(
      [
        { file: '青山区.xlsx', grids: returned('qsq', '青山区') },
        { file: '别的.xlsx', grids: returned('x', '某县', goodValues, { ruleSet: other }) },
        { file: '坏的.xlsx', unreadable: { zh: '不是 xlsx 文件', en: 'not an xlsx file' } },
      ],
      rs,
    );
    expect(r.units.map((u) => u.name)).toEqual(['青山区']);
    expect(r.rejected.map((x) => [x.file, x.reason])).toEqual([
      ['别的.xlsx', 'wrong-rule-set'],
      ['坏的.xlsx', 'unreadable'],
    ]);
    expect(r.findings.rejected).toBe(2);
    expect(body(sheet(r, '未纳入'))).toEqual([
      ['别的.xlsx', expect.stringContaining('不是本考核的考核表')],
      ['坏的.xlsx', expect.stringContaining('不是 xlsx 文件')],
    ]);
  });

  it('puts the flags and each tie-break in the ranking’s 说明, and grade shares as numbers', () => {
    const graded = ruleSetOf({
      ...fixtureInput,
      grades: {
        bands: [
          { id: 'ok', label: '达标', min: 0 },
          { id: 'bad', label: '不达标', min: null },
        ],
        vetoed: 'bad',
      },
      ranking: { tieBreak: ['input:pop:asc'] },
    } as RuleSetInput);
    const r = reviewReturns(
      [
        // Same total (pop changes no score: 120万元 / 4万人 and / 5万人 both pass the 22元 floor).
        { file: 'a.xlsx', grids: returned('a', '甲区', goodValues, { ruleSet: graded }) },
        {
          file: 'b.xlsx',
          grids: returned('b', '乙区', { ...goodValues, pop: 40000 }, { ruleSet: graded }),
        },
        // Vetoed (a major petition case): graded 不达标.
        {
          file: 'c.xlsx',
          grids: returned('c', '丙区', { ...goodValues, petitions: 2 }, { ruleSet: graded }),
        },
      ],
      graded,
    );
    const ranking = body(sheet(r, '排名'));
    expect(ranking.map((row) => row[2])).toEqual(['乙区', '甲区', '丙区']);
    expect(ranking[0]?.[8]).toContain('与甲区同分,按“常住人口”(小者优先)排定名次');
    expect(ranking[1]?.[8]).toContain('与乙区同分,按“常住人口”(小者优先)排定名次');
    // 2 of 3 graded units 达标: 200/3 = 66.66… → 66.7; 1 of 3 不达标: 100/3 → 33.3.
    expect(body(sheet(r, '等级')).map((row) => [row[0], row[1], row[2]])).toEqual([
      ['达标', 2, 66.7],
      ['不达标', 1, 33.3],
    ]);
  });
});
