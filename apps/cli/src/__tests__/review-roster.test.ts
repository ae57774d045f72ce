// kaohe review --roster: the assessing level's roster (the list `kaohe roster check` reads) is the
// reviewer's record of who must return a workbook and of each unit's targets and baselines. Real
// files: templates made by the CLI, figures typed through ExcelJS as a clerk would, the roster an
// .xlsx with a cover sheet and a CSV.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildTemplate, cellRef } from '@kaohe/sheet';
import { parseRuleSet } from '@kaohe/engine';
import { readWorkbook } from '@kaohe/xlsx';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { looksClean, runCli, tempDir } from './run-cli.ts';

let dir = '';
const rules = {
  schemaVersion: 1,
  id: 'roster-review',
  title: '出生人数考核',
  issuer: '某市',
  level: '县',
  year: 2013,
  edition: 1,
  rounding: { scores: { dp: 2, mode: 'half-up' } },
  points: 10,
  inputs: [
    { id: 'target', label: '出生人数控制指标', unit: '人', source: 'assigned' },
    { id: 'last', label: '上年出生人数', unit: '人', source: 'previous' },
    { id: 'births', label: '出生人数', unit: '人' },
  ],
  sections: [
    {
      code: '一',
      title: '人口',
      points: 10,
      items: [
        {
          code: '1',
          title: '控制在指标内',
          points: 5,
          rule: { kind: 'expr', score: 'births <= target ? 5 : 0' },
        },
        {
          code: '2',
          title: '不高于上年',
          points: 5,
          rule: { kind: 'expr', score: 'births <= last ? 5 : 0' },
        },
      ],
    },
  ],
};

/** Types the figures into the data sheet's 填报值 column, by input id, as a clerk would. */
async function fill(file: string, figures: Record<string, number>): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(join(dir, file));
  const ws = book.getWorksheet('基础数据');
  if (!ws) throw new Error('no data sheet');
  let valueCol = 0;
  ws.eachRow((row) => {
    row.eachCell((cell, col) => {
      if (typeof cell.value === 'string' && cell.value.startsWith('填报值')) valueCol = col;
    });
    const id = row.getCell(1).value;
    if (typeof id === 'string' && id in figures && valueCol)
      row.getCell(valueCol).value = figures[id] ?? null;
  });
  await book.xlsx.writeFile(join(dir, file));
}

/** Where the template puts an input's 填报值 (the same for every unit of these rules). */
function valueCell(id: string): string {
  const parsed = parseRuleSet(rules);
  if (!parsed.ok) throw new Error('rules');
  const map = buildTemplate(parsed.value, { id: 'x', name: 'x' }).map.data;
  const row = map.rows.find((r) => r.id === id)?.row ?? -1;
  return cellRef(map.sheet, row, map.columns.value);
}

beforeAll(async () => {
  dir = await tempDir('kaohe-review-roster-');
  await writeFile(join(dir, 'rules.json'), JSON.stringify(rules));
  const t = await runCli(
    [
      'template',
      'rules.json',
      '--unit',
      'kdq=昆都仑区',
      '--unit',
      'qs=青山区',
      '--unit',
      'by=白云区',
      '--out',
      'r',
    ],
    dir,
  );
  expect(t.code, t.stderr).toBe(0);
  await fill('r/昆都仑区.xlsx', { target: 1200, last: 1150, births: 1100 });
  // 青山区 raises its own target from the roster's 800 to 1000.
  await fill('r/青山区.xlsx', { target: 1000, last: 900, births: 900 });
  // 白云区 is not on the roster: its own target and last year's figure are not the reviewer's.
  await fill('r/白云区.xlsx', { target: 300, last: 400, births: 200 });
  const roster = new ExcelJS.Workbook();
  roster.addWorksheet('说明').addRow(['2013年度考核单位名单']);
  roster.addWorksheet('单位名单').addRows([
    ['序号', '单位代码', '单位名称', '出生人数控制指标', '上年出生人数'],
    [1, 'kdq', '昆都仑区', 1200, 1150],
    [2, 'qs', '青山区', 800, 900],
    [3, 'dh', '东河区', 500, 520],
  ]);
  await roster.xlsx.writeFile(join(dir, 'units.xlsx'));
  await writeFile(
    join(dir, 'units.csv'),
    '单位代码,单位名称,出生人数控制指标,上年出生人数\r\nkdq,昆都仑区,1200,1150\r\nqs,青山区,800,900\r\ndh,东河区,500,520\r\n',
  );
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('kaohe review --roster', () => {
  it('lists the unit that returned nothing (未上报), scores by the roster’s target, flags the changed cell and the unit off the roster', async () => {
    const r = await runCli(
      [
        'review',
        'r',
        '--rules',
        'rules.json',
        '--roster',
        'units.xlsx',
        '--out',
        'sum.xlsx',
        '--csv',
        'rank.csv',
      ],
      dir,
    );
    expect(looksClean(r.stdout + r.stderr)).toBe(true);
    expect(r.code, r.stderr).toBe(1);
    const out = r.stdout;
    expect(out).toContain('未上报:东河区(dh,名册 units.xlsx 单位名单!B4)没有交回考核表,不参加排名');
    expect(out).toContain('名册中 1 个单位未上报考核表,未参加排名。');
    const target = valueCell('target');
    expect(out).toContain(
      `青山区(r/青山区.xlsx):与名册不符,已按名册计:出生人数控制指标(人) ${target} 名册为 800,表中为 1000`,
    );
    expect(out).toContain('名册外单位:名册中没有单位代码“by”');

    const book = await readWorkbook(await readFile(join(dir, 'sum.xlsx')));
    const ranking = book.sheets.find((s) => s.name === '排名')?.values ?? [];
    const body = ranking.slice(2).map((row) => [row[0], row[1], row[3]]);
    // 昆都仑区: 1100 ≤ 1200 → 5, 1100 ≤ 1150 → 5: 10. 青山区 by the roster's 800: 900 > 800 → 0,
    // 900 ≤ 900 → 5: 5 (by its own 1000 it would be 10). 白云区, off the roster: its target and
    // last year's figure are blank (not its own 300 and 400), both items cannot be judged: 0.
    expect(body).toEqual([
      [1, 'kdq', 10],
      [2, 'qs', 5],
      [3, 'by', 0],
      ['未上报', 'dh', null],
    ]);
    const notes = (id: string): string => String(ranking.find((row) => row[1] === id)?.[8] ?? '');
    expect(notes('qs')).toContain('与名册不符(已按名册计)');
    expect(notes('by')).toContain('名册外单位');
    expect(notes('dh')).toContain('未上报');

    const diffs = book.sheets.find((s) => s.name === '差异')?.values ?? [];
    const row = diffs.find(
      (d) => d[0] === 'qs' && String(d[2]).startsWith('与名册不符 / differs from the roster'),
    );
    expect(row?.slice(2, 7)).toEqual([
      '与名册不符 / differs from the roster: 出生人数控制指标(人)',
      800,
      1000,
      null,
      `${target}:已按名册计 / scored by the roster`,
    ]);
    const csv = await readFile(join(dir, 'rank.csv'), 'utf8');
    expect(csv).toContain('"未上报","","dh","东河区"');
  }, 120_000);

  it('reads the roster from a CSV, and in --json lists the missing units', async () => {
    const r = await runCli(
      [
        'review',
        'r/昆都仑区.xlsx',
        '--rules',
        'rules.json',
        '--roster',
        'units.csv',
        '--out',
        'sum-csv.xlsx',
        '--json',
      ],
      dir,
    );
    expect(r.code, r.stderr).toBe(1);
    const doc = JSON.parse(r.stdout) as {
      missing: { id: string; address: string }[];
      findings: { missing: number; recordDiffers: number };
    };
    expect(doc.missing.map((m) => [m.id, m.address])).toEqual([
      ['qs', 'units.csv A3'],
      ['dh', 'units.csv A4'],
    ]);
    expect(doc.findings.missing).toBe(2);
    expect(doc.findings.recordDiffers).toBe(0);
  }, 60_000);

  it('refuses a roster with errors, every one at its cell, and writes nothing', async () => {
    await writeFile(
      join(dir, 'bad.csv'),
      '单位代码,单位名称,出生人数控制指标,上年出生人数\r\nkdq,昆都仑区,,1150\r\n',
    );
    const r = await runCli(
      ['review', 'r', '--rules', 'rules.json', '--roster', 'bad.csv', '--out', 'bad.xlsx'],
      dir,
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('名单 bad.csv 有 1 处错误');
    expect(r.stderr).toContain('bad.csv C2');
    await expect(readFile(join(dir, 'bad.xlsx'))).rejects.toThrow();
  }, 60_000);
});
