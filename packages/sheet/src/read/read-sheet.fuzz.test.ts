// Any cell of a filled workbook replaced by anything a spreadsheet can hold: readSheet answers
// with a value or issues, each at a cell, and never throws.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildTemplate } from '../template/build-template.ts';
import type { CellValue } from '../types.ts';
import { fill, goodValues, ruleSetOf, unit } from '../__tests__/fixture.ts';
import { readSheet } from './read-sheet.ts';

const t = buildTemplate(ruleSetOf(), unit);
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constant(''),
  fc.boolean(),
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 8 }),
  fc.constantFrom(
    '是',
    '否',
    '92%',
    '８‰',
    '-',
    '一.1',
    '合计',
    '版本',
    '校验码\nSHA-256',
    'kaohe-meta',
    'json',
    'chunks',
    '__proto__',
    'constructor',
    '{"a":1}',
  ),
);

describe('readSheet on a workbook edited at random', () => {
  it('never throws, and every issue has an address', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: 2 }), fc.nat({ max: 60 }), fc.nat({ max: 12 }), cell), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.boolean(),
        (edits, lenient) => {
          const grids = fill(t, goodValues);
          for (const [s, row, col, value] of edits) {
            const g = grids[s];
            if (!g) continue;
            while (g.values.length <= row) g.values.push([]);
            const r = g.values[row]!;
            while (r.length <= col) r.push(null);
            r[col] = value;
          }
          const r = readSheet(
            grids,
            lenient ? { ruleSet: ruleSetOf(), embedded: 'reviewer-wins' } : {},
          );
          for (const i of r.ok ? r.warnings : r.issues) {
            expect(i.address).toMatch(/!/);
            expect(i.message.zh.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 300, seed: 20163 },
    );
  });
});
