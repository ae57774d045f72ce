// What a printed form needs, checked in the sheet XML a spreadsheet program reads: the unit in
// the footer, a height on every row, the sign-off blanks unlocked with a line to write on, and
// a summary matrix that prints across pages with its titles repeated.
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildSummary, buildTemplate } from '@kaohe/sheet';
import { compileRuleSet, scoreCohort } from '@kaohe/engine';
import { ruleSet } from './__tests__/fixture.ts';
import { heightFor } from './row-heights.ts';
import { footer, writeTemplateWorkbook } from './write-template.ts';

const xml = (bytes: Uint8Array): Map<string, string> =>
  new Map(
    Object.entries(unzipSync(bytes)).map(([name, data]) => [name, new TextDecoder().decode(data)]),
  );
const rs = ruleSet();
const t = buildTemplate(rs, { id: 'kdq', name: '昆都仑区' });
const parts = xml(await writeTemplateWorkbook(t));
const sheet1 = parts.get('xl/worksheets/sheet1.xml') ?? '';
const sheet2 = parts.get('xl/worksheets/sheet2.xml') ?? '';
/** 1-based row number → its `ht` in the XML (undefined: no height set). */
const heights = (sheet: string): Map<number, number | undefined> =>
  new Map(
    [...sheet.matchAll(/<row r="(\d+)"([^>]*)>/g)].map((m) => [
      Number(m[1]),
      /ht="([\d.]+)"/.exec(m[2] ?? '')?.[1] === undefined
        ? undefined
        : Number(/ht="([\d.]+)"/.exec(m[2] ?? '')?.[1]),
    ]),
  );

describe('the printed template', () => {
  it('names the unit at the left of the footer of both sheets, page numbers centred', () => {
    for (const s of [sheet1, sheet2])
      expect(s).toContain(
        '<oddFooter>&amp;L被考核单位:昆都仑区&amp;C第 &amp;P 页,共 &amp;N 页</oddFooter>',
      );
    expect(footer('A&B')).toBe('&LA&&B&C第 &P 页,共 &N 页');
  });

  it('gives every row of both sheets a height, one-line rows all the same', () => {
    for (const [s, map] of [
      [sheet1, t.map.scoring.rows.map((r) => r.row)],
      [sheet2, t.map.data.rows.map((r) => r.row)],
    ] as const) {
      const h = heights(s);
      expect([...h.values()].filter((v) => v === undefined)).toEqual([]);
      // The 合计 row and the 一 heading hold one line each: the one-line height, 15 + 5 pt.
      expect(heightFor(1)).toBe(20);
      expect(h.get((map.at(-1) ?? 0) + 1)).toBe(20);
    }
    expect(heights(sheet1).get((t.map.scoring.rows[0]?.row ?? 0) + 1)).toBe(20);
  });

  it('prints the sign-off block: the stamp row tall, its blanks unlocked with a bottom line', () => {
    const r = t.sheets[0]?.values.findIndex((v) => v.includes('填报单位(盖章)')) ?? -1;
    expect(r).toBeGreaterThan(t.map.scoring.rows.at(-1)?.row ?? Infinity);
    expect(heights(sheet1).get(r + 1)).toBe(48);
    expect(heights(sheet1).get(r + 2)).toBe(28);
    // C{r}: the blank after 填报单位(盖章) holds the unit; its style is unlocked, bottom border only.
    const cell = new RegExp(`<c r="C${r + 1}" s="(\\d+)"`).exec(sheet1);
    const styles = parts.get('xl/styles.xml') ?? '';
    const xfs = [
      ...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(
        /<xf [^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g,
      ),
    ].map((m) => m[0]);
    const xf = xfs[Number(cell?.[1])] ?? '';
    expect(xf).toContain('<protection locked="0"/>');
    const borders = [
      ...(/<borders[^>]*>([\s\S]*?)<\/borders>/.exec(styles)?.[1] ?? '').matchAll(
        /<border>[\s\S]*?<\/border>|<border\/>/g,
      ),
    ].map((m) => m[0]);
    const border = borders[Number(/borderId="(\d+)"/.exec(xf)?.[1])] ?? '';
    expect(border).toMatch(/<bottom style="thin">/);
    expect(border).not.toMatch(/<left style=/);
  });

  it('keeps the other sheets one page wide', () => {
    expect(sheet1).toMatch(/<pageSetup[^>]*fitToWidth="1"/);
    expect(sheet1).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
  });
});

describe('the printed summary', () => {
  it('prints the items × units sheet at full size across pages, units down, titles repeated', async () => {
    const values = {
      policy_rate: '95',
      birth_rate: '7',
      group: true,
      pop: '1',
      petitions: '0',
      award: false,
    };
    const units = Array.from({ length: 200 }, (_, i) => ({
      id: `u${i + 1}`,
      name: `第${i + 1}单位`,
      values,
    }));
    const summary = buildSummary(scoreCohort(compileRuleSet(rs), units), rs);
    const p = xml(await writeTemplateWorkbook(summary, { protect: false }));
    const at = summary.sheets.findIndex((s) => s.name === '指标得分') + 1;
    const matrix = p.get(`xl/worksheets/sheet${at}.xml`) ?? '';
    expect(matrix).not.toMatch(/fitToPage="1"/);
    expect(matrix).toMatch(/<pageSetup[^>]*orientation="landscape"/);
    // Down, then over (the default, so not written): all units of the first columns first.
    expect(matrix).not.toMatch(/pageOrder="overThenDown"/);
    expect(matrix).toMatch(/<pageSetup[^>]*scale="100"/);
    expect(p.get('xl/workbook.xml')).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="${at - 1}">&apos;指标得分&apos;!$A:$B,&apos;指标得分&apos;!$2:$2</definedName>`,
    );
    // 200 units: 200 body rows under the title and header.
    expect(matrix.match(/<row r="/g)).toHaveLength(202);
    const ranking = p.get('xl/worksheets/sheet1.xml') ?? '';
    expect(ranking).toMatch(/<pageSetup[^>]*fitToWidth="1"/);
  });
});

describe('a printed letter (the 整改通知书)', () => {
  const letter = {
    name: '整改-王家村',
    role: 'data' as const,
    state: 'visible' as const,
    values: [
      ['整改通知书', null, null],
      ['经评估认定,你单位有1项条款未达到要求,请于2012年12月20日前完成整改。'.repeat(3), null, null],
    ],
    widths: [6, 30, 40],
    wrap: [],
    portrait: true as const,
    printArea: true as const,
    pageNumbers: false as const,
    footer: '被通知单位:王家村',
    merges: [
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 1, left: 0, bottom: 1, right: 2 },
    ],
    cells: [
      { row: 0, col: 0, kind: 'title' as const },
      { row: 1, col: 0, kind: 'value' as const, wrap: true as const },
    ],
  };

  it('prints portrait, one page wide, its print area the notice, no page number; the paragraph wraps', async () => {
    const parts = xml(await writeTemplateWorkbook({ sheets: [letter] }, { protect: false }));
    const s = parts.get('xl/worksheets/sheet1.xml') ?? '';
    expect(s).toMatch(/<pageSetup[^>]*orientation="portrait"/);
    expect(s).toMatch(/<pageSetup[^>]*fitToWidth="1"/);
    expect(s).toContain('<oddFooter>&amp;L被通知单位:王家村</oddFooter>');
    expect(parts.get('xl/workbook.xml')).toContain('_xlnm.Print_Area');
    expect(parts.get('xl/workbook.xml')).toContain('&apos;整改-王家村&apos;!$A$1:$C$2');
    // 3 × 39 characters of CJK text (~2 units each) over 76 units: several lines, not one
    expect(heights(s).get(2)).toBeGreaterThan(heightFor(2));
    expect(parts.get('xl/styles.xml')).toMatch(/wrapText="1"/);
  });
});
