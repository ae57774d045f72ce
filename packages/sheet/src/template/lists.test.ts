// Every data-validation list of every example rule set: on a range of the meta sheet that holds
// exactly the entries (one a cell, commas and quotes included), and every entry an official
// picks reads back as that choice.
import { describe, expect, it } from 'vitest';
import { parseRuleSet, type RuleSet } from '@kaohe/engine';
import { baotou2012, exampleRuleSets } from '@kaohe/rulesets';
import { parseRange } from '../a1.ts';
import { readSheet } from '../read/read-sheet.ts';
import type { CellValue, SheetGrid, SheetLayout, Template } from '../types.ts';
import { zh } from '../units.ts';
import { buildTemplate } from './build-template.ts';

function parsed(input: unknown): RuleSet {
  const r = parseRuleSet(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const templateOf = (rs: RuleSet): Template => {
  const cls = rs.classes?.[0];
  return buildTemplate(rs, { id: 'u1', name: '测试单位', ...(cls ? { class: cls.id } : {}) });
};

/** The cells a list reference ('kaohe_meta'!$D$1:$D$4) points at, in the template's grids. */
function resolve(t: Template, ref: string): CellValue[] {
  const m = /^'((?:[^']|'')+)'!(.+)$/.exec(ref);
  if (!m) throw new Error(`not a sheet reference: ${ref}`);
  const sheet = t.sheets.find((s) => s.name === m[1]?.replaceAll("''", "'"));
  const range = parseRange((m[2] ?? '').replaceAll('$', ''));
  if (!sheet || !range) throw new Error(`bad reference: ${ref}`);
  expect(range.left).toBe(range.right);
  const out: CellValue[] = [];
  for (let row = range.top; row <= range.bottom; row++)
    out.push(sheet.values[row]?.[range.left] ?? null);
  return out;
}

const listHints = (layout: SheetLayout) => layout.cells.filter((c) => c.list);

describe('validation lists', () => {
  it.each(Object.entries(exampleRuleSets))(
    '%s: each list is a range holding exactly its entries, which are the choices',
    (_id, input) => {
      const rs = parsed(input);
      const t = templateOf(rs);
      const [scoring, data] = t.sheets as [SheetLayout, SheetLayout];
      let lists = 0;
      for (const layout of [scoring, data]) {
        for (const hint of listHints(layout)) {
          lists++;
          expect(hint.listRange, `${layout.name} ${hint.row},${hint.col}`).toBeDefined();
          expect(hint.listRange!.length).toBeLessThanOrEqual(255);
          expect(resolve(t, hint.listRange!)).toEqual(hint.list);
        }
      }
      // Each data row's list is its input's choices (是/否 for a yes/no).
      let typedLists = 0;
      for (const { id, row } of t.map.data.rows) {
        const def = rs.inputs.find((d) => d.id === id)!;
        const hint = data.cells.find((c) => c.row === row && c.col === t.map.data.columns.value);
        const expected =
          def.unit === 'yesno'
            ? ['是', '否']
            : def.unit === 'choice'
              ? def.choices!.map((c) => zh(c.label))
              : undefined;
        if (hint?.kind === 'input') {
          expect(hint.list, id).toEqual(expected);
          if (expected) typedLists++;
        }
      }
      // The unit class, when the rule set has classes.
      const classHint = listHints(scoring)[0];
      expect(classHint?.list).toEqual(rs.classes?.map((c) => zh(c.label)));
      // Every list a clerk picks from is there: one per typed yes/no or choice, and the class's
      // (a rule set whose figures are all rolled up from its children may have none).
      expect(lists).toBeGreaterThanOrEqual(typedLists + (rs.classes?.length ? 1 : 0));
    },
  );

  it('Baotou 2012: 查处「两非」案件情况 offers its 4 choices, and each one picked reads back', () => {
    const rs = parsed(baotou2012);
    const def = rs.inputs.find((d) => d.id === 'liangfei_outcome')!;
    const t = templateOf(rs);
    const row = t.map.data.rows.find((r) => r.id === def.id)!.row;
    const col = t.map.data.columns.value;
    const hint = t.sheets[1]!.cells.find((c) => c.row === row && c.col === col)!;
    const entries = resolve(t, hint.listRange!);
    // The full-points label holds an ASCII comma: one entry, not two.
    expect(entries).toHaveLength(4);
    expect(entries[0]).toBe('有部署、有行动、有效果(有具体案例,性别比得到遏制)');
    for (const [i, entry] of entries.entries()) {
      const grids: SheetGrid[] = t.sheets.map((s) => ({
        name: s.name,
        values: s.values.map((r) => [...r]),
        state: s.state,
      }));
      grids[1]!.values[row]![col] = entry;
      const r = readSheet(grids);
      if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 3)));
      expect(r.value.unit.values[def.id]).toBe(def.choices![i]!.value);
    }
  });

  it('holds a label with a quote, a comma and more than 255 characters in all', () => {
    const rs = parsed(baotou2012);
    const old = rs.inputs.find((d) => d.id === 'liangfei_outcome')!.choices!;
    // The values the item's tiers name stay; more choices after them.
    const long = Array.from({ length: 12 }, (_, i) => ({
      value: old[i]?.value ?? `c${i}`,
      label: `第${i}种情形,"带引号"的说明文字${'长'.repeat(20)}`,
    }));
    const r = parseRuleSet({
      ...rs,
      inputs: rs.inputs.map((d) => (d.id === 'liangfei_outcome' ? { ...d, choices: long } : d)),
    });
    if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 3)));
    const t = templateOf(r.value);
    const row = t.map.data.rows.find((x) => x.id === 'liangfei_outcome')!.row;
    const hint = t.sheets[1]!.cells.find(
      (c) => c.row === row && c.col === t.map.data.columns.value,
    )!;
    expect(long.map((c) => c.label).join(',').length).toBeGreaterThan(255);
    expect(resolve(t, hint.listRange!)).toEqual(long.map((c) => c.label));
    expect(hint.listRange!.length).toBeLessThanOrEqual(255);
  });
});
