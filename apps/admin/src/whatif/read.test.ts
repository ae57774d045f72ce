// One unit's workbook read as the what-if reads it: real .xlsx files, built by @kaohe/sheet's
// template code and @kaohe/xlsx's writer and filled through the codec's map (as `kaohe demo`
// fills them), then read by the one reader the cohort and one unit opened alone share.
import { compileRuleSet, scoreUnit } from '@kaohe/engine';
import { baotou2012, baotou2012SampleUnits } from '@kaohe/rulesets';
import { describe, expect, it } from 'vitest';
import type { Doc } from '../doc/open.ts';
import { readReturned } from './read.ts';
import { ab, base, filled, sample, typedInto } from './sample-workbook.ts';
import { whatIfService } from './service.ts';

describe("one unit's workbook, read by the what-if's reader", () => {
  it('gives the unit and its figures as filled', { timeout: 60_000 }, async () => {
    const read = await readReturned(await filled(), base());
    if (read.kind !== 'unit') throw new Error(JSON.stringify(read));
    expect([read.unit.id, read.unit.name]).toEqual([sample.id, sample.name]);
    // Every figure the unit gave comes back: the same number (a cell holds 109.50 as 109.5).
    const figure = (v: unknown) => (typeof v === 'string' ? Number(v) : v);
    for (const [id, value] of Object.entries(sample.values))
      expect([id, figure(read.unit.values[id])]).toEqual([id, figure(value)]);
  });

  it('refuses a figure that is not a number, at its cell', { timeout: 60_000 }, async () => {
    const { bytes, cells } = await typedInto({ birth_rate: '八' });
    const at = cells['birth_rate'];
    const read = await readReturned(bytes, base());
    if (read.kind !== 'refused') throw new Error(JSON.stringify(read));
    expect(read.message.zh.startsWith(`${at}:`)).toBe(true);
    expect(read.message.en.startsWith(`${at}: `)).toBe(true);
  });

  it('refuses a file that is no workbook, in words, not a stack', async () => {
    const read = await readReturned(new TextEncoder().encode('单位,得分\n'), base());
    expect(read).toEqual({
      kind: 'refused',
      message: {
        zh: '这不是 Excel 工作簿(.xlsx)文件',
        en: 'this is not an Excel workbook (.xlsx)',
      },
    });
  });

  it(
    'through the worker’s service: the unit, scored by the page under the draft; a wrong file said',
    { timeout: 60_000 },
    async () => {
      const answer = whatIfService();
      const doc = baotou2012 as unknown as Doc;
      const reply = await answer({
        type: 'unit',
        base: doc,
        file: { name: '青山区.xlsx', bytes: ab(await filled()) },
      });
      if (reply.type !== 'unit' || !reply.ok) throw new Error(JSON.stringify(reply));
      // The same result as the engine gives for the unit's own figures.
      const rules = compileRuleSet(base());
      expect(scoreUnit(rules, reply.unit).total).toBe(scoreUnit(rules, sample).total);
      const bad = await answer({
        type: 'unit',
        base: doc,
        file: { name: 'x.xlsx', bytes: ab(new TextEncoder().encode('x')) },
      });
      expect(bad).toEqual({
        type: 'unit',
        ok: false,
        message: {
          zh: '这不是 Excel 工作簿(.xlsx)文件',
          en: 'this is not an Excel workbook (.xlsx)',
        },
      });
    },
  );
});

describe('the worker’s service: returned workbooks read with warnings', () => {
  it(
    'names each file read with warnings and says them at their cells; a clean file is not named',
    { timeout: 60_000 },
    async () => {
      const { bytes: blanked, cells } = await typedInto(
        { birth_rate: '' },
        baotou2012SampleUnits[0],
      );
      const at = cells['birth_rate'];
      const doc = baotou2012 as unknown as Doc;
      const reply = await whatIfService()({
        type: 'cohort',
        rev: 1,
        base: doc,
        draft: doc,
        files: [
          { name: '青山区.xlsx', bytes: ab(await filled()) },
          { name: '昆都仑区.xlsx', bytes: ab(blanked) },
        ],
      });
      if (reply.type !== 'cohort' || !reply.ok) throw new Error(JSON.stringify(reply));
      // Both are read (a blank is missing, never 0), and the blank one's warning names its cell.
      expect(reply.units).toHaveLength(2);
      expect(reply.warned.map((w) => w.name)).toEqual(['昆都仑区.xlsx']);
      expect(reply.warned[0]!.warnings).toEqual([
        {
          zh: `${at}:“人口出生率”未填写,按缺数据处理`,
          en: `${at}: "人口出生率" is blank: treated as missing`,
        },
      ]);
    },
  );
});

describe('the worker’s service: a cohort kept, each draft rescored by revision', () => {
  it(
    'rescores the kept cohort under each draft sent, tagged with its revision; a broken draft names its first problem',
    { timeout: 60_000 },
    async () => {
      const answer = whatIfService();
      const doc = baotou2012 as unknown as Doc;
      const loaded = await answer({
        type: 'cohort',
        rev: 7,
        base: doc,
        draft: doc,
        files: [{ name: '青山区.xlsx', bytes: ab(await filled()) }],
      });
      if (loaded.type !== 'cohort' || !loaded.ok || !loaded.rescored.ok)
        throw new Error(JSON.stringify(loaded));
      expect(loaded.rev).toBe(7);
      expect(loaded.units.map((u) => u.id)).toEqual([sample.id]);
      expect(loaded.rescored.result.movers).toEqual([]); // the same rules: nobody moves
      // 青山区's birth rate is 8 ‰, on last year's target: at 7.5 ‰ it loses 5 points (0.5 ‰
      // above, each started 0.1 ‰ a point, capped at the item's 5).
      const json = JSON.parse(JSON.stringify(baotou2012)) as {
        sections: { items: { items: { rule: { target: number } }[] }[] }[];
      };
      json.sections[0]!.items[0]!.items[0]!.rule.target = 7.5;
      const tightened = await answer({ type: 'rescore', rev: 8, draft: json as unknown as Doc });
      if (tightened.type !== 'rescore' || !tightened.rescored.ok)
        throw new Error(JSON.stringify(tightened));
      expect(tightened.rev).toBe(8);
      const [m] = tightened.rescored.result.movers;
      expect(Number(m!.before.total) - Number(m!.after.total)).toBe(5);
      // A draft with a blank points: not rescored, its first problem named at its path.
      const points = json.sections[0]!.items[0]!.items[0]! as unknown as Record<string, unknown>;
      delete points['points'];
      const broken = await answer({ type: 'rescore', rev: 9, draft: json as unknown as Doc });
      if (broken.type !== 'rescore' || broken.rescored.ok) throw new Error(JSON.stringify(broken));
      expect(broken.rev).toBe(9);
      expect(broken.rescored.message.zh).toMatch(/^sections\[0\]\.items\[0\]\.items\[0\]\.points:/);
    },
  );
});
