import { describe, expect, it } from 'vitest';
import { mockWorkbook } from '../office/mock-workbook.ts';
import { createOfficePort } from '../office/office-port.ts';
import { FAKE_META, fakeKernel } from '../testing/fake-kernel.ts';
import type { Cell } from './workbook-port.ts';
import { createSession } from './session.ts';

function unitSheet(indicators: number): Cell[][] {
  return [
    ['考核单位', '昆都仑区', null, null, null],
    ...Array.from({ length: indicators }, (_, i): Cell[] => [
      `一.${i + 1}`,
      '项目',
      5,
      i % 7 === 0 ? null : 95,
      null,
    ]),
  ];
}

function officeSession(indicators: number) {
  const book = mockWorkbook(
    [
      { name: '单位', values: unitSheet(indicators) },
      { name: '青山区', values: unitSheet(indicators) },
      { name: '汇总', values: [] },
      { name: FAKE_META, values: [['meta']] },
    ],
    '单位',
  );
  const port = createOfficePort({ run: book.excel.run });
  return { book, port, session: createSession(port, fakeKernel) };
}

describe('session round trips (Office port, counted)', () => {
  for (const size of [10, 2000]) {
    it(`self-assessment of ${size} indicators: 3 syncs`, async () => {
      const { port, session, book } = officeSession(size);
      const applied = await session.selfAssess();
      expect(applied.ok).toBe(true);
      expect(port.meter.count).toBe(3);
      expect(book.syncs).toBe(3);
      expect(book.writes[0]?.[2]).toHaveLength(size);
    });

    it(`review of ${size}-indicator units: 3 syncs`, async () => {
      const { port, session, book } = officeSession(size);
      const applied = await session.review();
      expect(applied.ok && applied.plan.units.map((u) => u.sheet)).toEqual(['单位', '青山区']);
      expect(port.meter.count).toBe(3);
      expect(book.syncs).toBe(3);
    });

    it(`summary over ${size}-indicator units: 3 syncs, chart on the summary sheet`, async () => {
      const { port, session, book } = officeSession(size);
      const applied = await session.summarise();
      expect(applied.ok).toBe(true);
      expect(port.meter.count).toBe(3);
      expect(book.syncs).toBe(3);
      expect(book.charts).toEqual(['汇总']);
    });
  }

  it('selecting a problem cell is one sync; a problem without a cell makes none', async () => {
    const { port, session, book } = officeSession(3);
    await session.select({ sheet: '单位', address: 'D3' });
    await session.select({ sheet: '单位', address: null });
    expect(port.meter.count).toBe(1);
    expect(book.syncs).toBe(1);
  });
});
