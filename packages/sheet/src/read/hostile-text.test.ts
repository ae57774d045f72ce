// A page of text pasted into a cell: read as not understood, at its cell, and the message quotes
// only the start of it.
import { describe, expect, it } from 'vitest';
import type { InputDef } from '@kaohe/engine';
import { parseInput } from './parse-input.ts';
import { readSheet } from './read-sheet.ts';
import { buildTemplate } from '../template/build-template.ts';
import type { CellValue } from '../types.ts';
import { fill, goodValues, ruleSetOf, unit } from '../__tests__/fixture.ts';

const def = (unit: InputDef['unit']): InputDef => ({
  id: 'x',
  label: '测试',
  unit,
  source: 'unit',
  evidence: false,
  ...(unit === 'choice' ? { choices: [{ value: 'a', label: '甲' }] } : {}),
});

describe('hostile text in an input cell', () => {
  it.each(['count', '%', 'yesno', 'choice', 'date'] as const)(
    'a %s cell holding 100,000 characters is an error at the cell with a short message',
    (unit) => {
      const pasted = '九'.repeat(100_000);
      const r = parseInput(pasted, null, def(unit), '基础数据!E7');
      expect(r.value).toBeNull();
      expect(r.issues.map((i) => [i.severity, i.address])).toEqual([['error', '基础数据!E7']]);
      const m = r.issues[0]!.message;
      expect(m.zh).toContain('九'.repeat(20));
      expect(m.zh.length + m.en.length).toBeLessThan(400);
    },
  );
});

describe('hostile text in the scoring sheet', () => {
  it('a page of text in a header value or a key cell is quoted only in part', () => {
    const t = buildTemplate(ruleSetOf(), unit);
    const grids = fill(t, goodValues);
    const scoring = grids.find((g) => g.name === '考核评分')!;
    const p = t.map.scoring.header.edition!;
    scoring.values[p.row]![p.col] = '3'.repeat(100_000);
    const extra = Array.from({ length: scoring.values[0]!.length }, () => null) as CellValue[];
    extra[0] = '九'.repeat(100_000);
    scoring.values.splice(t.map.scoring.rows.at(-1)!.row, 0, extra);
    const r = readSheet(grids);
    const issues = r.ok ? r.warnings : r.issues;
    expect(issues.map((i) => i.code).sort()).toEqual(['header-mismatch', 'row-unknown']);
    for (const i of issues) expect(i.message.zh.length + i.message.en.length).toBeLessThan(2200);
  });
});
