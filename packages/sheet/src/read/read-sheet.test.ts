import { describe, expect, it } from 'vitest';
import { compileRuleSet, scoreUnit } from '@kaohe/engine';
import { buildTemplate } from '../template/build-template.ts';
import { fill, fixtureInput, goodValues, gridsOf, ruleSetOf, unit } from '../__tests__/fixture.ts';
import type { CellValue, SheetGrid } from '../types.ts';
import { readSheet } from './read-sheet.ts';

const rs = ruleSetOf();
const t = buildTemplate(rs, unit);
const sheet = (grids: SheetGrid[], name: string): SheetGrid => {
  const g = grids.find((s) => s.name === name);
  if (!g) throw new Error(name);
  return g;
};
const insertRow = (g: SheetGrid, at: number, cells: CellValue[] = []): void =>
  void g.values.splice(at, 0, cells);
const insertCol = (g: SheetGrid, at: number): void =>
  g.values.forEach((r) => r.splice(at, 0, null));

describe('readSheet', () => {
  it('reads a filled sheet into the engine’s unit input, as exact decimal text', () => {
    const r = readSheet(fill(t, goodValues, { group: '会议纪要.pdf' }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.unit).toEqual({
      id: 'kdq',
      name: '昆都仑区',
      values: {
        policy_rate: '91.2',
        birth_rate: '7.5',
        group: true,
        illegal: null,
        budget: '120',
        pop: '50000',
        petitions: '0',
        funds_ok: true,
        award: false,
      },
      evidence: { group: '会议纪要.pdf' },
    });
    expect(r.value.ruleSet).toEqual(rs);
    expect(r.value.rulesDiffer).toBe(false);
    // The engine scores what was read: 91.2 % is 0.8 below 92 → one started step → 4 − 0.5.
    const result = scoreUnit(compileRuleSet(r.value.ruleSet), r.value.unit);
    expect(result.sections[0]?.items[0]?.score).toBe('3.5');
  });

  it('keeps a blank as missing (warning with the cell), never 0', () => {
    const r = readSheet(fill(t, { ...goodValues, pop: null }));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.unit.values.pop).toBeNull();
    const row = t.map.data.rows.find((x) => x.id === 'pop')?.row ?? -1;
    expect(r.warnings).toContainEqual(
      expect.objectContaining({
        code: 'blank-input',
        address: `基础数据!E${row + 1}`,
        inputId: 'pop',
      }),
    );
  });

  it('finds rows and columns again after rows were inserted and columns widened or added', () => {
    const grids = fill(t, goodValues);
    const data = sheet(grids, '基础数据');
    const scoring = sheet(grids, '考核评分');
    insertCol(data, 2);
    insertRow(data, t.map.data.rows[2]?.row ?? 0, ['说明', '以下为组织类指标']);
    insertRow(data, 1, []);
    insertCol(scoring, 4);
    insertRow(scoring, t.map.scoring.rows[3]?.row ?? 0, [null, '(本行为单位自行插入的说明)']);
    const r = readSheet(grids);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.unit.values).toMatchObject({ policy_rate: '91.2', group: true, award: false });
    expect(r.value.map.data.columns.value).toBe(t.map.data.columns.value + 1);
    expect(r.value.map.data.headerRow).toBe(t.map.data.headerRow + 1);
    expect(r.value.map.scoring.rows.find((x) => x.key === '一.3')?.row).toBe(
      (t.map.scoring.rows[3]?.row ?? 0) + 1,
    );
    expect(r.warnings.find((w) => w.code === 'row-unknown')).toMatchObject({
      address: expect.stringMatching(/^基础数据!A\d+$/),
    });
  });

  it('reads a meta sheet that came back merely hidden, with a warning', () => {
    const grids = fill(t, goodValues).map((g) =>
      g.name === 'kaohe_meta' ? { ...g, state: 'hidden' as const } : g,
    );
    const r = readSheet(grids);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.warnings.map((w) => w.code)).toContain('meta-not-very-hidden');
  });

  it('stops at a deleted item row, naming the place, and returns nothing else', () => {
    const grids = fill(t, goodValues);
    const row = t.map.scoring.rows.find((x) => x.key === '一.2')?.row ?? -1;
    sheet(grids, '考核评分').values.splice(row, 1);
    const r = readSheet(grids);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toContainEqual(
      expect.objectContaining({
        code: 'row-missing',
        severity: 'error',
        address: `考核评分!A${row + 1}`,
      }),
    );
    expect('value' in r).toBe(false);
  });

  it('names a deleted sanction row by its reason, not its id', () => {
    const grids = fill(t, goodValues);
    const row = t.map.scoring.rows.find((x) => x.key === '否决.petition')?.row ?? -1;
    sheet(grids, '考核评分').values.splice(row, 1);
    const r = readSheet(grids);
    expect(
      r.ok ? [] : r.issues.filter((i) => i.code === 'row-missing').map((i) => i.message.zh),
    ).toEqual(['找不到“否决.1「发生重大信访案件」”行(可能被删除),未作任何修改']);
  });

  it('stops at reordered item rows', () => {
    const grids = fill(t, goodValues);
    const s = sheet(grids, '考核评分');
    const a = t.map.scoring.rows.find((x) => x.key === '一.1')?.row ?? -1;
    const b = t.map.scoring.rows.find((x) => x.key === '一.2')?.row ?? -1;
    [s.values[a], s.values[b]] = [s.values[b] ?? [], s.values[a] ?? []];
    const r = readSheet(grids);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues).toContainEqual(
        expect.objectContaining({ code: 'row-order', address: `考核评分!A${a + 1}` }),
      );
  });

  it('stops at a deleted input row', () => {
    const grids = fill(t, goodValues);
    const row = t.map.data.rows.find((x) => x.id === 'budget')?.row ?? -1;
    sheet(grids, '基础数据').values.splice(row, 1);
    const r = readSheet(grids);
    // Named as a person knows the figure (its label), not by its id (budget).
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.message.zh, i.message.en])).toContainEqual([
      'row-missing',
      '找不到“计生经费”行(可能被删除),未作任何修改',
      'row "family planning budget" not found (deleted?); nothing was changed',
    ]);
  });

  it('reports every unreadable input with its address, and gives no partial value', () => {
    const r = readSheet(fill(t, { ...goodValues, policy_rate: '九十', group: '可能' }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const row = (id: string) => (t.map.data.rows.find((x) => x.id === id)?.row ?? 0) + 1;
    expect(r.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.address])).toEqual([
      ['not-a-number', `基础数据!E${row('policy_rate')}`],
      ['invalid-yesno', `基础数据!E${row('group')}`],
    ]);
  });

  it('refuses a sheet of another rule set', () => {
    const other = ruleSetOf({ ...fixtureInput, id: 'other-set' });
    const r = readSheet(fill(t, goodValues), { ruleSet: other });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues[0]).toMatchObject({ code: 'ruleset-mismatch', address: 'kaohe_meta!B2' });
  });

  it('scores by the reviewer’s rules when the embedded edition differs, and says so', () => {
    const newer = ruleSetOf({ ...fixtureInput, edition: 4 });
    const r = readSheet(fill(t, goodValues), { ruleSet: newer });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.rulesDiffer).toBe(true);
    expect(r.value.ruleSet.edition).toBe(4);
    expect(r.warnings.map((w) => w.code)).toContain('rules-differ');
  });

  it('detects altered embedded rules and header fields that do not match them', () => {
    const grids = fill(t, goodValues);
    const meta = sheet(grids, 'kaohe_meta');
    const jsonRow = meta.values.find((r) => r[0] === 'json');
    if (jsonRow) jsonRow[1] = String(jsonRow[1]).replace('"points":4', '"points":9');
    expect(readSheet(grids)).toMatchObject({ ok: false, issues: [{ code: 'meta-tampered' }] });

    const g2 = fill(t, goodValues);
    const p = t.map.scoring.header.edition ?? { row: 0, col: 0 };
    const cells = sheet(g2, '考核评分').values[p.row];
    if (cells) cells[p.col] = 2;
    const r2 = readSheet(g2);
    expect(r2.ok ? [] : r2.issues.map((i) => i.code)).toEqual(['header-mismatch']);
  });

  it('fails clearly without the meta sheet', () => {
    const grids = gridsOf(t).filter((g) => g.name !== 'kaohe_meta');
    expect(readSheet(grids)).toMatchObject({
      ok: false,
      issues: [{ code: 'meta-missing', address: 'kaohe_meta!A1' }],
    });
  });

  it('reads on when descriptive columns were deleted, and names each essential column that was', () => {
    const grids = fill(t, goodValues);
    const dropCol = (g: SheetGrid, col: number): void => g.values.forEach((r) => r.splice(col, 1));
    // 分值 and 考核内容 hold no header values (the header's values sit in other columns).
    dropCol(sheet(grids, '考核评分'), t.map.scoring.columns.points);
    dropCol(sheet(grids, '考核评分'), t.map.scoring.columns.criteria);
    dropCol(sheet(grids, '基础数据'), t.map.data.columns.previous);
    const r = readSheet(grids);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.map.scoring.columns.points).toBe(-1);
    expect(r.value.map.scoring.columns.criteria).toBe(-1);
    expect(r.value.map.scoring.columns.self).toBe(t.map.scoring.columns.self - 2);
    expect(r.value.map.data.columns.previous).toBe(-1);

    dropCol(sheet(grids, '考核评分'), t.map.scoring.columns.reason - 2);
    dropCol(sheet(grids, '基础数据'), t.map.data.columns.evidence - 1);
    const broken = readSheet(grids);
    expect(broken.ok ? [] : broken.issues.map((i) => [i.code, i.address, i.message.zh])).toEqual([
      ['column-missing', `考核评分!A${t.map.scoring.headerRow + 1}`, '找不到“扣分原因”列'],
      ['column-missing', `基础数据!A${t.map.data.headerRow + 1}`, '找不到“佐证材料”列'],
    ]);
  });

  it('names a header field whose value was deleted', () => {
    const grids = fill(t, goodValues);
    const p = t.map.scoring.header.edition ?? { row: 0, col: 0 };
    const cells = sheet(grids, '考核评分').values[p.row];
    if (cells) cells[p.col] = null;
    const r = readSheet(grids);
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.address, i.message.zh])).toEqual([
      [
        'header-mismatch',
        `考核评分!${String.fromCharCode(65 + p.col)}${p.row + 1}`,
        '表头“版本”为“”,与规则数据“3”不符',
      ],
    ]);
  });

  it('reads grids as Office.js gives them, empty cells as ""', () => {
    const office = fill(t, goodValues).map((g) => ({
      ...g,
      values: g.values.map((r) => r.map((v) => (v === null ? '' : v))),
    }));
    const plain = readSheet(fill(t, goodValues));
    const r = readSheet(office);
    if (!r.ok || !plain.ok) throw new Error(JSON.stringify(r.ok ? [] : r.issues));
    expect(r.value.unit).toEqual(plain.value.unit);
    expect(r.value.reported).toEqual(plain.value.reported);
  });
});
