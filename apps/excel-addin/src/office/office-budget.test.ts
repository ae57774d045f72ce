// The round-trip budget with the real kernel: a self-assessment of 10 and of 2,000 indicators,
// read from and written to Excel through office-addin-mock, takes 3 syncs either way.
import { SHEET_NAMES } from '@kaohe/sheet';
import { describe, expect, it } from 'vitest';
import { createKernel } from '../core/kernel.ts';
import { createSession } from '../core/session.ts';
import { generatedRuleSet } from '../testing/generated-rule-set.ts';
import { asGrids, filledTemplate, parsed } from '../testing/sample-workbook.ts';
import { mockWorkbook } from './mock-workbook.ts';
import { createOfficePort } from './office-port.ts';

describe('self-assessment round trips in Excel (real kernel)', () => {
  for (const n of [10, 2000]) {
    it(`${n} indicators: read, re-check header, write = 3 syncs`, async () => {
      const ruleSet = parsed(generatedRuleSet(n));
      const values = Object.fromEntries(
        ruleSet.inputs.map((input, i) => [input.id, i % 5 === 0 ? '85' : '95']),
      );
      const grids = asGrids(filledTemplate(ruleSet, { id: 'u1', name: '测试单位', values }));
      const book = mockWorkbook(
        grids.map((g) => ({ name: g.name, values: g.values })),
        SHEET_NAMES.scoring,
      );
      const port = createOfficePort({ run: book.excel.run });
      const applied = await createSession(port, createKernel()).selfAssess();
      if (!applied.ok) throw new Error(JSON.stringify(applied.problems.slice(0, 3)));
      expect(port.meter.count).toBe(3);
      expect(book.syncs).toBe(3);
      expect(applied.plan.result.total).toBe(String(n - Math.ceil(n / 5)));
      // Scores and reasons: one range each, covering every indicator row.
      const lengths = book.writes.map(([, , v]) => v.length);
      expect(lengths.every((l) => l > n)).toBe(true);
    }, 60_000);
  }
});
