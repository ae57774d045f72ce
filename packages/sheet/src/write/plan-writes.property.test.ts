// Property: whatever rows an official inserts (blank, notes, text in any column), a read
// followed by planWrites writes only into the keyed rows' score and reason cells, and the
// unit's inputs read back unchanged after the writes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRuleSet, scoreUnit } from '@kaohe/engine';
import { parseRange } from '../a1.ts';
import { fill, goodValues, ruleSetOf, unit } from '../__tests__/fixture.ts';
import { readSheet } from '../read/read-sheet.ts';
import { buildTemplate } from '../template/build-template.ts';
import type { CellValue } from '../types.ts';
import { applyToGrids } from './apply-to-grids.ts';
import { planWrites } from './plan-writes.ts';

const rs = ruleSetOf();
const compiled = compileRuleSet(rs);
const t = buildTemplate(rs, unit);

const insertion = fc.record({
  sheet: fc.constantFrom(0, 1),
  at: fc.nat(),
  cells: fc.array(
    fc.oneof(fc.constant(null), fc.constant('说明'), fc.integer({ min: 0, max: 99 })),
    { maxLength: 10 },
  ),
});

describe('planWrites after arbitrary inserted rows', () => {
  it('writes only score and reason cells of keyed rows, and inputs read back unchanged', () => {
    fc.assert(
      fc.property(
        fc.array(insertion, { maxLength: 6 }),
        fc.constantFrom('self', 'review', 'final') as fc.Arbitrary<'self' | 'review' | 'final'>,
        (inserts, stage) => {
          const grids = fill(t, goodValues);
          for (const ins of inserts) {
            const g = grids[ins.sheet];
            if (!g) continue;
            const header = ins.sheet === 0 ? t.map.scoring.headerRow : t.map.data.headerRow;
            // Below the header, so the inserted row is a body row (a note, a blank line, a figure).
            const at = header + 1 + (ins.at % (g.values.length - header));
            g.values.splice(at, 0, ins.cells as CellValue[]);
          }
          const read = readSheet(grids);
          if (!read.ok) throw new Error(JSON.stringify(read.issues));
          const result = scoreUnit(compiled, read.value.unit);
          const writes = planWrites(read.value.map, result, stage);
          const m = read.value.map.scoring;
          const keyed = new Set(m.rows.map((r) => r.row));
          for (const w of writes) {
            expect(w.sheet).toBe(m.sheet);
            const range = parseRange(w.address);
            if (!range) throw new Error(w.address);
            expect([m.columns[stage], m.columns.reason]).toContain(range.left);
            w.values.forEach((line, i) => {
              if (line[0] !== null) expect(keyed.has(range.top + i)).toBe(true);
            });
          }
          const after = readSheet(applyToGrids(grids, writes));
          if (!after.ok) throw new Error(JSON.stringify(after.issues));
          expect(after.value.unit).toEqual(read.value.unit);
          expect(after.value.reported[stage]['合计']).toBe(result.total);
        },
      ),
      { numRuns: 150 },
    );
  });
});
