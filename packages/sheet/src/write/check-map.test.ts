import { describe, expect, it } from 'vitest';
import { fill, goodValues, ruleSetOf, unit } from '../__tests__/fixture.ts';
import { readSheet } from '../read/read-sheet.ts';
import { buildTemplate } from '../template/build-template.ts';
import { checkMap } from './check-map.ts';

const t = buildTemplate(ruleSetOf(), unit);

describe('checkMap', () => {
  const grids = fill(t, goodValues);
  const read = readSheet(grids);
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  const scoring = () => {
    const g = grids.find((s) => s.name === '考核评分');
    if (!g) throw new Error('no sheet');
    return { ...g, values: g.values.map((r) => [...r]) };
  };

  it('passes on the sheet the map was read from', () => {
    expect(checkMap(scoring(), read.value.map, 'self')).toEqual([]);
  });

  it('stops when a row was inserted since the read', () => {
    const s = scoring();
    s.values.splice(t.map.scoring.headerRow + 2, 0, []);
    const issues = checkMap(s, read.value.map, 'self');
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]).toMatchObject({ code: 'row-missing', severity: 'error' });
  });

  it('stops when the stage column moved', () => {
    const s = scoring();
    s.values.forEach((r) => r.splice(t.map.scoring.columns.self, 0, null));
    expect(checkMap(s, read.value.map, 'review').map((i) => i.code)).toContain('column-missing');
  });
});
