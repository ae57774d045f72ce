import { describe, expect, it } from 'vitest';
import { compileRuleSet, scoreUnit } from '@kaohe/engine';
import { parseRange } from '../a1.ts';
import { FILLS } from '../formats.ts';
import { fill, fixtureInput, goodValues, ruleSetOf, unit } from '../__tests__/fixture.ts';
import { readSheet } from '../read/read-sheet.ts';
import { buildTemplate } from '../template/build-template.ts';
import type { SheetGrid } from '../types.ts';
import { applyToGrids } from './apply-to-grids.ts';
import { planWrites } from './plan-writes.ts';

const rs = ruleSetOf();
const t = buildTemplate(rs, unit);
const compiled = compileRuleSet(rs);

function readAndScore(grids: SheetGrid[]) {
  const r = readSheet(grids);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return { read: r.value, result: scoreUnit(compiled, r.value.unit) };
}

describe('planWrites', () => {
  const grids = fill(t, { ...goodValues, petitions: 1, award: '是' });
  const { read, result } = readAndScore(grids);
  const writes = planWrites(read.map, result, 'self');

  it('writes one score range and one reason range, in the stage’s column', () => {
    const first = t.map.scoring.rows[0]?.row ?? 0;
    const last = t.map.scoring.rows.at(-1)?.row ?? 0;
    // Section rows carry a subtotal but no reason: the reason range starts at the first item.
    expect(writes.map((w) => `${w.sheet}!${w.address}`)).toEqual([
      `考核评分!F${first + 1}:F${last + 1}`,
      `考核评分!I${first + 2}:I${last + 1}`,
    ]);
    expect(planWrites(read.map, result, 'final')[0]?.address).toMatch(/^H/);
  });

  it('never touches an input cell: every value lands on a score, reason or total cell', () => {
    const inputCells = new Set(
      t.sheets.flatMap((s) =>
        s.cells.filter((c) => c.kind === 'input').map((c) => `${s.name}!${c.row},${c.col}`),
      ),
    );
    const owned = new Set(
      t.sheets.flatMap((s) =>
        s.cells
          .filter((c) => ['score', 'reason', 'total'].includes(c.kind))
          .map((c) => `${s.name}!${c.row},${c.col}`),
      ),
    );
    let written = 0;
    for (const w of writes) {
      const range = parseRange(w.address);
      if (!range) throw new Error(w.address);
      w.values.forEach((line, i) =>
        line.forEach((v, j) => {
          if (v === null) return;
          const key = `${w.sheet}!${range.top + i},${range.left + j}`;
          expect(inputCells.has(key), key).toBe(false);
          expect(owned.has(key), key).toBe(true);
          written++;
        }),
      );
    }
    // 12 scores (all rows but the sanctions heading) and 10 reasons (items, bonus, sanction, total).
    expect(written).toBe(22);
  });

  it('puts the scores, subtotals, capped bonus, veto and total into the sheet', () => {
    const after = applyToGrids(grids, writes);
    const again = readSheet(after);
    if (!again.ok) throw new Error(JSON.stringify(again.issues));
    const self = again.value.reported.self;
    expect(self['一.1']).toBe(result.sections[0]?.items[0]?.score);
    expect(self['一']).toBe(result.sections[0]?.score);
    expect(self['加分']).toBe('2');
    expect(self['否决.petition']).toBe('是');
    expect(self['合计']).toBe(result.total);
    expect(again.value.reported.review['合计']).toBeNull();
    // Inputs untouched: the unit reads back the same.
    expect(again.value.unit).toEqual(read.unit);
  });

  it('is idempotent: same inputs, same writes; applying twice equals applying once', () => {
    expect(planWrites(read.map, result, 'self')).toEqual(writes);
    const once = applyToGrids(grids, writes);
    expect(applyToGrids(once, writes)).toEqual(once);
    const { read: read2, result: result2 } = readAndScore(once);
    expect(planWrites(read2.map, result2, 'self')).toEqual(writes);
  });

  it('writes into rows where an official inserted lines, leaving those lines alone', () => {
    const shifted = fill(t, goodValues);
    const scoring = shifted.find((g) => g.name === '考核评分');
    scoring?.values.splice(t.map.scoring.rows[2]?.row ?? 0, 0, [
      null,
      '插入的说明',
      null,
      null,
      null,
      '手填内容',
    ]);
    const { read: r, result: res } = readAndScore(shifted);
    const after = applyToGrids(shifted, planWrites(r.map, res, 'self'));
    const inserted = after.find((g) => g.name === '考核评分')?.values[
      t.map.scoring.rows[2]?.row ?? 0
    ];
    expect(inserted?.[5]).toBe('手填内容');
    const back = readSheet(after);
    if (!back.ok) throw new Error(JSON.stringify(back.issues));
    expect(back.value.reported.self['一.2']).toBe(res.sections[0]?.items[1]?.score);
  });

  it('marks the score of an item that cannot be computed 未计分 and gives the reason', () => {
    const g = fill(t, { ...goodValues, policy_rate: null });
    const { read: r, result: res } = readAndScore(g);
    const w = planWrites(r.map, res, 'self');
    const at = (i: number) =>
      (r.map.scoring.rows.find((x) => x.key === '一.1')?.row ?? 0) -
      (parseRange(w[i]?.address ?? '')?.top ?? 0);
    expect(w[0]?.values[at(0)]?.[0]).toBe('未计分');
    expect(String(w[1]?.values[at(1)]?.[0])).toContain('符合政策生育率');
  });

  describe('an item not scored', () => {
    // policy_rate declared 0–100 %: 105 is refused by the engine; pop blank leaves 一.3.(1) unscored.
    const ranged = ruleSetOf({
      ...fixtureInput,
      inputs: fixtureInput.inputs.map((i) =>
        i.id === 'policy_rate' ? { ...i, min: 0, max: 100 } : i,
      ),
    });
    const tt = buildTemplate(ranged, unit);
    const r = readSheet(fill(tt, { ...goodValues, policy_rate: 105, pop: null }));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const res = scoreUnit(compileRuleSet(ranged), r.value.unit);
    const reasonOf = (ws: ReturnType<typeof planWrites>, key: string) => {
      const row = tt.map.scoring.rows.find((x) => x.key === key)?.row ?? -1;
      const w = ws[1];
      const top = parseRange(w?.address ?? '')?.top ?? 0;
      return w?.values[row - top]?.[0];
    };
    const cellOfRate = `基础数据!E${(tt.map.data.rows.find((x) => x.id === 'policy_rate')?.row ?? 0) + 1}`;

    it('for a figure out of range says so with the cell, not 缺少数据', () => {
      const ws = planWrites(r.value.map, res, 'self', { read: r.value });
      expect(reasonOf(ws, '一.1')).toBe(`数据有误:${cellOfRate} 105% 超出允许范围 0–100%,未能计分`);
      // A blank stays a blank: 缺少数据.
      expect(String(reasonOf(ws, '一.3.(1)'))).toContain('缺少数据');
    });

    it('puts 未计分 in the score cell of each unscored leaf, read back as not reported', () => {
      const ws = planWrites(r.value.map, res, 'self', { read: r.value });
      const scoreOf = (key: string) => {
        const row = tt.map.scoring.rows.find((x) => x.key === key)?.row ?? -1;
        const top = parseRange(ws[0]?.address ?? '')?.top ?? 0;
        return ws[0]?.values[row - top]?.[0];
      };
      expect([scoreOf('一.1'), scoreOf('一.3.(1)'), scoreOf('一.2')]).toEqual([
        '未计分',
        '未计分',
        3,
      ]);
      const back = readSheet(
        applyToGrids(fill(tt, { ...goodValues, policy_rate: 105, pop: null }), ws),
      );
      if (!back.ok) throw new Error(JSON.stringify(back.issues));
      expect(back.value.reported.self['一.1']).toBeNull();
      expect(back.value.reported.self['一.2']).toBe('3');
    });

    it('highlights what could not be judged (unscored leaves, 合计) and restores every other fill', () => {
      const ws = planWrites(r.value.map, res, 'self', { read: r.value });
      const fillOf = (i: number, key: string) => {
        const row = tt.map.scoring.rows.find((x) => x.key === key)?.row ?? -1;
        const top = parseRange(ws[i]?.address ?? '')?.top ?? 0;
        return ws[i]?.fills?.[row - top]?.[0];
      };
      for (const key of ['一.1', '一.3.(1)', '合计']) {
        expect(fillOf(0, key), key).toBe(FILLS.unscored);
        expect(fillOf(1, key), key).toBe(FILLS.unscored);
      }
      // Scored rows get the template's own fill back: none on an item, the band on a subtotal
      // whose items are all scored (二); 一 holds unscored items, so its sum is a part: flagged.
      expect([fillOf(0, '一.2'), fillOf(1, '一.2'), fillOf(0, '二'), fillOf(0, '一')]).toEqual([
        '',
        '',
        FILLS.section,
        FILLS.unscored,
      ]);
      // A complete result: nothing highlighted, the 合计 in its band.
      const done = planWrites(read.map, result, 'self');
      expect(
        done.flatMap((w) => w.fills?.flat() ?? []).filter((f) => f === FILLS.unscored),
      ).toEqual([]);
      // Every cell written has a fill, every cell left alone keeps its own.
      for (const w of ws)
        w.values.forEach((line, i) =>
          expect(w.fills?.[i]?.[0] === null, w.address).toBe(line[0] === null),
        );
    });

    it('marks the total as incomplete, naming the unscored leaf items', () => {
      const ws = planWrites(r.value.map, res, 'self', { read: r.value });
      // Two leaves unscored (一.1 and 一.3.(1)); their parent 一.3 is not counted again.
      expect(reasonOf(ws, '合计')).toBe('不完整:有 2 项未能计分(一.1、一.3.(1)),总分仅供参考');
      // A complete result carries no such note.
      expect(reasonOf(planWrites(read.map, result, 'self'), '合计')).not.toContain('不完整');
    });
  });
});

describe('planWrites on a section whose items are pending', () => {
  it('writes 未计分 in its subtotal cell, never 0, and names it in the 合计 note', () => {
    const partial = ruleSetOf({
      ...fixtureInput,
      points: 35,
      sections: [
        ...fixtureInput.sections,
        { code: '九', title: '其他', points: 10, items: [], itemsPending: '细则另行下发' },
      ],
    });
    const tp = buildTemplate(partial, unit);
    const r = readSheet(fill(tp, goodValues));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const result = scoreUnit(compileRuleSet(partial), r.value.unit);
    expect(result.complete).toBe(false);
    const [scores] = planWrites(r.value.map, result, 'self');
    const first = r.value.map.scoring.rows[0]?.row ?? 0;
    const at = (key: string) => {
      const row = r.value.map.scoring.rows.find((x) => x.key === key)?.row ?? -1;
      return scores?.values[row - first]?.[0];
    };
    expect(at('九')).toBe('未计分');
    const [, reasons] = planWrites(r.value.map, result, 'self');
    const totalRow = r.value.map.scoring.rows.find((x) => x.kind === 'total')?.row ?? -1;
    const note = reasons?.values[totalRow - first - 1]?.[0];
    // The section is named as a part whose items are pending, not counted as an item.
    expect(note).toBe('不完整:第九部分考核项目待定,总分仅供参考');
    // Its subtotal cell is highlighted like any figure that could not be judged.
    const fillAt = (key: string) => {
      const row = r.value.map.scoring.rows.find((x) => x.key === key)?.row ?? -1;
      return scores?.fills?.[row - first]?.[0];
    };
    expect([fillAt('九'), fillAt('一')]).toEqual([FILLS.unscored, FILLS.section]);
  });
});
