// Edited headers: every descriptive column the layout contract lets an official delete can go
// without losing a header field; a header label or a meta cell that no longer says what it
// should is an issue at its cell, never a check silently skipped.
import { describe, expect, it } from 'vitest';
import { parseRuleSet, type RuleSet } from '@kaohe/engine';
import { exampleRuleSets } from '@kaohe/rulesets';
import { buildTemplate } from '../template/build-template.ts';
import { META_CHUNK, SCORING_COLUMNS } from '../labels.ts';
import type { ScoringColumn, SheetGrid, Template } from '../types.ts';
import { fill, goodValues, ruleSetOf, unit } from '../__tests__/fixture.ts';
import { readSheet } from './read-sheet.ts';
import { sha256Hex } from '../checksum.ts';

function parsed(input: unknown): RuleSet {
  const r = parseRuleSet(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const gridsOf = (t: Template): SheetGrid[] =>
  t.sheets.map((s) => ({ name: s.name, values: s.values.map((r) => [...r]), state: s.state }));
const sheet = (grids: SheetGrid[], name: string): SheetGrid => {
  const s = grids.find((g) => g.name === name);
  if (!s) throw new Error(name);
  return s;
};
/** Deletes a column as Excel does: every cell right of it moves one to the left. */
const dropCol = (g: SheetGrid, col: number): void => g.values.forEach((r) => r.splice(col, 1));

/** The columns README's layout contract lets an official delete. */
const DELETABLE: ScoringColumn[] = ['title', 'criteria', 'points', 'inputs', 'note'];

describe('deleting the columns the layout contract allows', () => {
  const cases = Object.entries(exampleRuleSets).flatMap(([id, input]) =>
    DELETABLE.map((col) => [id, col, input] as const),
  );

  it.each(cases)('%s without %s reads back the same unit', (_id, col, input) => {
    const rs = parsed(input);
    const cls = rs.classes?.[0];
    const t = buildTemplate(rs, { id: 'u1', name: '测试单位', ...(cls ? { class: cls.id } : {}) });
    const whole = readSheet(gridsOf(t));
    if (!whole.ok) throw new Error(JSON.stringify(whole.issues.slice(0, 3)));
    const grids = gridsOf(t);
    const index = SCORING_COLUMNS.findIndex((c) => c.key === col);
    dropCol(sheet(grids, t.map.scoring.sheet), index);
    const r = readSheet(grids);
    if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 3)));
    expect(r.value.unit).toEqual(whole.value.unit);
    expect(r.value.map.scoring.columns[col]).toBe(-1);
  });

  it('reads on with all of them deleted at once', () => {
    const t = buildTemplate(ruleSetOf(), unit);
    const grids = fill(t, goodValues);
    const scoring = sheet(grids, '考核评分');
    // Right to left, so the indexes of the ones still to go do not move.
    const indexes = DELETABLE.map((k) => SCORING_COLUMNS.findIndex((c) => c.key === k));
    for (const i of indexes.sort((a, b) => b - a)) dropCol(scoring, i);
    const r = readSheet(grids);
    if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 3)));
    expect(r.value.unit.id).toBe('kdq');
    expect(r.value.unit.name).toBe('昆都仑区');
  });
});

describe('header labels and meta cells that were overwritten', () => {
  const t = buildTemplate(ruleSetOf(), unit);

  it.each([
    ['edition', '版本'],
    ['checksum', '校验码'],
    ['ruleSetId', '规则集'],
    ['unitName', '被考核单位'],
  ] as const)('a %s label overwritten is an issue at its cell, naming it', (key, label) => {
    const grids = fill(t, goodValues);
    const p = t.map.scoring.header[key];
    if (!p) throw new Error(key);
    const cells = sheet(grids, '考核评分').values[p.row];
    if (!cells) throw new Error(key);
    // The label is the first cell of the field's row.
    cells[0] = '随便写的';
    const r = readSheet(grids);
    const at = `考核评分!A${p.row + 1}`;
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.address])).toEqual([
      ['header-field-missing', at],
    ]);
    const issue = r.ok ? undefined : r.issues[0];
    expect(issue?.message.zh).toContain(`“${label}”`);
    expect(issue?.message.zh).toContain(at);
    expect(issue?.message.en).toContain(at);
  });

  it('finds the label again after rows were inserted above the header', () => {
    const grids = fill(t, goodValues);
    const scoring = sheet(grids, '考核评分');
    scoring.values.splice(
      1,
      0,
      Array.from({ length: 10 }, () => null),
    );
    const p = t.map.scoring.header.edition;
    if (!p) throw new Error('edition');
    const cells = scoring.values[p.row + 1];
    if (cells) cells[0] = null;
    const r = readSheet(grids);
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.address])).toEqual([
      ['header-field-missing', `考核评分!A${p.row + 2}`],
    ]);
  });

  it('checks the meta sheet ruleSetId cell against the embedded rules, at its cell', () => {
    const rs = ruleSetOf();
    for (const options of [{}, { ruleSet: rs, embedded: 'reviewer-wins' as const }]) {
      const grids = fill(t, goodValues);
      const meta = sheet(grids, 'kaohe_meta');
      const row = meta.values.findIndex((r) => r[0] === 'ruleSetId');
      const cells = meta.values[row];
      if (!cells) throw new Error('ruleSetId row');
      cells[1] = 'other-rules';
      const r = readSheet(grids, options);
      const at = `kaohe_meta!B${row + 1}`;
      expect(r.ok ? [] : r.issues.map((i) => [i.code, i.address])).toEqual([
        ['meta-id-mismatch', at],
      ]);
      const issue = r.ok ? undefined : r.issues[0];
      expect(issue?.message.zh).toContain(at);
      expect(issue?.message.zh).toContain('other-rules');
      expect(issue?.message.en).toContain('test-pop');
    }
  });

  it('makes embedded rules nested 1,000 deep (checksum consistent) an issue for that workbook', () => {
    const rs = ruleSetOf();
    let inner = '{"code":"1","title":"t","points":1}';
    for (let i = 0; i < 1000; i++) inner = `{"code":"1","title":"t","points":1,"items":[${inner}]}`;
    const grids = fill(t, goodValues);
    const meta = sheet(grids, 'kaohe_meta');
    const old = meta.values.filter((r) => r[0] === 'json').map((r) => String(r[1]));
    const json = old.join('').replace('"items":[', `"items":[${inner},`);
    const chars = Array.from(json);
    const parts: string[] = [];
    for (let i = 0; i < chars.length; i += META_CHUNK)
      parts.push(chars.slice(i, i + META_CHUNK).join(''));
    const first = meta.values.findIndex((r) => r[0] === 'json');
    meta.values.splice(first, old.length, ...parts.map((p) => ['json', p]));
    for (const r of meta.values) {
      if (r[0] === 'checksum') r[1] = sha256Hex(json);
      if (r[0] === 'chunks') r[1] = String(parts.length);
    }
    const strict = readSheet(grids);
    expect(strict.ok ? [] : strict.issues.map((i) => [i.code, i.address])).toEqual([
      ['ruleset-invalid', 'kaohe_meta!B8'],
    ]);
    expect(strict.ok ? '' : strict.issues[0]?.message.zh).toContain('嵌套');
    const lenient = readSheet(grids, { ruleSet: rs, embedded: 'reviewer-wins' });
    if (!lenient.ok) throw new Error(JSON.stringify(lenient.issues));
    expect(lenient.value.rulesAltered).toBe(true);
    expect(lenient.warnings.map((w) => [w.code, w.address])).toContainEqual([
      'rules-altered',
      'kaohe_meta!B8',
    ]);
  });
});
