// End to end on the project's real rule sets: every one lays out and reads back; for Baotou
// 2012, each sample unit (and a generated cohort with blanks and missing evidence), typed in
// as an official would, reads back to inputs that score exactly as the originals.
import { describe, expect, it } from 'vitest';
import {
  compileRuleSet,
  parseRuleSet,
  scoreUnit,
  type InputValue,
  type RuleSet,
  type UnitInput,
} from '@kaohe/engine';
import { baotou2012, baotou2012SampleUnits, exampleRuleSets, generateUnits } from '@kaohe/rulesets';
import { buildTemplate } from '../template/build-template.ts';
import { rowKeys } from '../template/row-keys.ts';
import { zh } from '../units.ts';
import type { CellValue, SheetGrid } from '../types.ts';
import { readSheet } from './read-sheet.ts';

function parsed(input: unknown): RuleSet {
  const r = parseRuleSet(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

/** What an official types for a value: 是/否, 92%, 8‰, numbers, text. */
function typed(value: InputValue | undefined, unit: string): CellValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (unit === '%') return `${value}%`;
  if (unit === '‰') return `${value}‰`;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) && String(Number(value)) === value)
    return Number(value);
  return value;
}

function typeIn(rs: RuleSet, unit: UnitInput): SheetGrid[] {
  const t = buildTemplate(rs, {
    id: unit.id,
    name: unit.name,
    ...(unit.class ? { class: unit.class } : {}),
  });
  const grids = t.sheets.map((s) => ({
    name: s.name,
    values: s.values.map((r) => [...r]),
    state: s.state,
  }));
  const data = grids[1];
  for (const { id, row } of t.map.data.rows) {
    const cells = data?.values[row];
    const def = rs.inputs.find((d) => d.id === id);
    if (!cells || !def) throw new Error(id);
    cells[t.map.data.columns.value] = typed(unit.values[id], def.unit);
    const e = unit.evidence?.[id];
    cells[t.map.data.columns.evidence] = e === true ? '√' : e ? e : null;
  }
  return grids;
}

describe('the example rule sets', () => {
  it.each(Object.entries(exampleRuleSets))('%s lays out and reads back blank', (_id, input) => {
    const rs = parsed(input);
    const cls = rs.classes?.[0];
    const t = buildTemplate(rs, { id: 'u1', name: '测试单位', ...(cls ? { class: cls.id } : {}) });
    const r = readSheet(t.sheets.map((s) => ({ name: s.name, values: s.values, state: s.state })));
    if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 3)));
    expect(Object.keys(r.value.unit.values)).toEqual(rs.inputs.map((d) => d.id));
    expect(r.value.unit.class).toBe(cls?.id);
    expect(rowKeys(rs).map(({ key, kind, cell }) => ({ key, kind, cell }))).toEqual(
      t.map.scoring.rows.map(({ key, kind, cell }) => ({ key, kind, cell: cell ?? key })),
    );
    const itemRows = t.map.scoring.rows.filter((x) => x.kind === 'item' || x.kind === 'bonus-item');
    expect(itemRows.length).toBeGreaterThan(0);
    // The year once in the title, whether or not the document's title names it.
    expect(String(t.sheets[0]?.values[0]?.[0]).split(String(rs.year))).toHaveLength(2);
    expect(String(t.sheets[0]?.values[0]?.[0])).toContain(zh(rs.title));
  });

  const rs = parsed(baotou2012);
  const compiled = compileRuleSet(rs);
  const units = [...baotou2012SampleUnits, ...generateUnits(60, 7)];

  it(`Baotou 2012: ${units.length} units typed in read back and score exactly as the originals`, () => {
    for (const unit of units) {
      const r = readSheet(typeIn(rs, unit), { ruleSet: rs });
      if (!r.ok) throw new Error(`${unit.id}: ${JSON.stringify(r.issues.slice(0, 3))}`);
      expect(
        r.warnings.filter((w) => w.code !== 'blank-input'),
        unit.id,
      ).toEqual([]);
      const mine = scoreUnit(compiled, r.value.unit);
      const theirs = scoreUnit(compiled, unit);
      expect(mine.total, unit.id).toBe(theirs.total);
      expect(mine.sections, unit.id).toEqual(theirs.sections);
      expect(mine.sanctions, unit.id).toEqual(theirs.sanctions);
    }
    // About 3 s alone; leave room for a loaded machine.
  }, 30_000);
});

describe('association-grade-certification in the sheet', () => {
  const rs = parsed(exampleRuleSets['association-grade-certification']);
  it('the unit fills the grade sought from a list and a date in its own spelling', () => {
    const t = buildTemplate(rs, { id: 'lj', name: '李家村计生协' });
    const row = (id: string) => t.map.data.rows.find((r) => r.id === id)?.row ?? -1;
    const hint = t.sheets[1]?.cells.find(
      (h) => h.row === row('grade_sought') && h.col === t.map.data.columns.value,
    );
    expect(hint?.list).toEqual(['一流', '合格']);
    const grids = t.sheets.map((s) => ({
      name: s.name,
      values: s.values.map((r) => [...r]),
      state: s.state,
    }));
    grids[1]!.values[row('grade_sought')]![t.map.data.columns.value] = '合格';
    grids[1]!.values[row('self_check_date')]![t.map.data.columns.value] = '10月28日';
    const r = readSheet(grids);
    if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 3)));
    expect(r.value.unit.values.grade_sought).toBe('qualified');
    // 10月28日 takes the input's declared year, 2013
    expect(r.value.unit.values.self_check_date).toBe('2013-10-28');
  });
});
